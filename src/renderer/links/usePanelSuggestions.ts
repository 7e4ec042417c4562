/**
 * The selected claim's suggestions in the claim panel, and accepting one (the A key, or its
 * button). A suggestion already linked is not offered; one being accepted leaves the list at
 * once and a second A waits for the first, so a suggestion is never accepted twice.
 */
import { useCallback, useRef } from 'react'
import type { LinkSuggestion, PlacedClaim } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'
import type { ClaimLink } from './claimLinks'
import type { LinkActions } from './useLinkActions'
import { useSuggestions } from './useSuggestions'

export function usePanelSuggestions(
  api: WorkbenchClient,
  /** The selected claim, or null (nothing selected, or another view is shown). */
  selected: PlacedClaim | null,
  linkVersion: number,
  claimLinks: ReadonlyMap<string, readonly ClaimLink[]>,
  linkActions: LinkActions,
) {
  const selectedId = selected?.claim.id ?? null
  const { listing, drop } = useSuggestions(api, selectedId, linkVersion)
  const accepting = useRef(false)
  const accept = useCallback(
    (suggestion: LinkSuggestion, relation?: string) => {
      if (!listing || !selected || accepting.current) return Promise.resolve(false)
      accepting.current = true
      drop(suggestion)
      return linkActions
        .accept(listing, suggestion, selected.claim.label, relation)
        .finally(() => (accepting.current = false))
    },
    [listing, selected, linkActions, drop],
  )
  // A target already linked to the claim is not offered again.
  const linked = new Set(
    (claimLinks.get(selectedId ?? '') ?? []).flatMap((entry) =>
      entry.other.kind === 'claim' ? [entry.other.claimId] : [],
    ),
  )
  const fresh = (listing?.suggestions ?? []).filter(
    (suggestion) => suggestion.target.claimId === null || !linked.has(suggestion.target.claimId),
  )
  return { fresh, accept, first: fresh[0] }
}
