/**
 * "Select a claim in one document, then a claim in another": the pair the link bar offers to
 * link. The claim selected before is remembered across panes (focusing the other pane clears
 * the selection there for a moment); Escape, or a jump along a link, forgets it. Two claims
 * already linked are not offered again.
 *
 * The offer is derived while rendering when the selection changes (React's "adjusting state
 * when a prop changes"), not in an effect, so the bar appears in the same frame as the outline.
 */
import { useCallback, useState } from 'react'
import type { DocumentSummary, PlacedClaim } from '../../shared/api'
import type { LinkPair } from '../components/LinkBar'
import type { ClaimLink } from './claimLinks'

type PairEnd = LinkPair['from'] & { documentKey: string }

interface PairState {
  /** The selection this state was derived for ("claim id|document key"), or null. */
  selection: string | null
  /** The claim selected last (kept while nothing is selected). */
  last: PairEnd | null
  offer: LinkPair | null
}

const EMPTY: PairState = { selection: null, last: null, offer: null }

export function useLinkPair(
  selected: PlacedClaim | null,
  document: Pick<DocumentSummary, 'key' | 'path'> | undefined,
  claimLinks: ReadonlyMap<string, readonly ClaimLink[]>,
) {
  const [state, setState] = useState<PairState>(EMPTY)
  const selection = selected && document ? `${selected.claim.id}|${document.key}` : null
  if (selection !== state.selection) {
    // Only a new selection makes a new offer; link changes never bring a dismissed one back.
    const current: PairEnd | null =
      selected && document
        ? {
            claimId: selected.claim.id,
            quote: selected.claim.target.quote.exact,
            path: document.path,
            documentKey: document.key,
          }
        : null
    const before = state.last
    const linked = claimLinks
      .get(current?.claimId ?? '')
      ?.some((entry) => entry.other.kind === 'claim' && entry.other.claimId === before?.claimId)
    const offer =
      current && before && before.documentKey !== current.documentKey && !linked
        ? { from: before, to: current }
        : null
    setState({ selection, last: current ?? before, offer })
  }

  const dismiss = useCallback(() => setState((current) => ({ ...current, offer: null })), [])
  const forget = useCallback(
    () => setState((current) => ({ ...current, last: null, offer: null })),
    [],
  )
  return { offer: state.offer, dismiss, forget }
}
