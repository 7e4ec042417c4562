/**
 * "Select a claim in one document, then a claim in another": the pair the link bar offers to
 * link. The claim selected before is remembered across panes (focusing the other pane clears
 * the selection there for a moment); Escape, or a jump along a link, forgets it. Two claims
 * already linked are not offered again.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { DocumentSummary, PlacedClaim } from '../../shared/api'
import type { LinkPair } from '../components/LinkBar'
import type { ClaimLink } from './claimLinks'

type PairEnd = LinkPair['from'] & { documentKey: string }

export function useLinkPair(
  selected: PlacedClaim | null,
  document: Pick<DocumentSummary, 'key' | 'path'> | undefined,
  claimLinks: ReadonlyMap<string, readonly ClaimLink[]>,
) {
  const previous = useRef<PairEnd | null>(null)
  const [offer, setOffer] = useState<LinkPair | null>(null)
  const selectedId = selected?.claim.id ?? null

  useEffect(() => {
    if (!selected || !document) {
      setOffer(null)
      return
    }
    const current: PairEnd = {
      claimId: selected.claim.id,
      quote: selected.claim.target.quote.exact,
      path: document.path,
      documentKey: document.key,
    }
    const before = previous.current
    previous.current = current
    const linked = claimLinks
      .get(current.claimId)
      ?.some((entry) => entry.other.kind === 'claim' && entry.other.claimId === before?.claimId)
    if (before && before.documentKey !== current.documentKey && !linked) {
      setOffer({ from: before, to: current })
    } else {
      setOffer(null)
    }
    // Only a new selection makes a new offer; link changes must not bring a dismissed one back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, document?.key])

  const dismiss = useCallback(() => setOffer(null), [])
  const forget = useCallback(() => {
    previous.current = null
    setOffer(null)
  }, [])
  return { offer, dismiss, forget }
}
