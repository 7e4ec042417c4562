/**
 * The selected claim's suggestions in the claim panel, and accepting one (the A key, or its
 * button). A suggestion already linked is not offered; one being accepted leaves the list at
 * once, and A is ignored until the list has reloaded, so a double press links once.
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
  const { listing, loads, drop } = useSuggestions(api, selectedId, linkVersion)
  /**
   * The list answer an accept was made on: until a newer answer arrives (the link changed,
   * so the list reloads), A does nothing. Waiting for the accept alone is not enough: the
   * trimmed list would offer the next suggestion to a key pressed twice.
   */
  const acceptedOn = useRef<number | null>(null)
  const accept = useCallback(
    (suggestion: LinkSuggestion, relation?: string) => {
      if (!listing || !selected) return Promise.resolve(false)
      if (acceptedOn.current !== null && loads <= acceptedOn.current) return Promise.resolve(false)
      acceptedOn.current = loads
      drop(suggestion)
      return linkActions
        .accept(listing, suggestion, selected.claim.label, relation)
        .then((accepted) => {
          // Nothing changed: no reload will come, so the next A may go ahead.
          if (!accepted) acceptedOn.current = null
          return accepted
        })
    },
    [listing, loads, selected, linkActions, drop],
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
