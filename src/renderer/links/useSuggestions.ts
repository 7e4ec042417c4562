/**
 * Link suggestions for the selected claim, for the claim panel: loaded when the selection
 * changes and again when links changed. `drop` takes an accepted suggestion off the list at
 * once; `loads` tells a list the backend sent from one only trimmed here.
 */
import { useCallback, useEffect, useState } from 'react'
import type { LinkSuggestion, SuggestionListing } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'

export const PANEL_SUGGESTIONS = 5

export function useSuggestions(api: WorkbenchClient, claimId: string | null, version: number) {
  /** `loads` counts answers from the backend (not local drops): a fresh list has arrived. */
  const [state, setState] = useState<{ listing: SuggestionListing | null; loads: number }>({
    listing: null,
    loads: 0,
  })
  useEffect(() => {
    if (claimId === null) return
    let cancelled = false
    const arrived = (listing: SuggestionListing | null) =>
      !cancelled && setState((current) => ({ listing, loads: current.loads + 1 }))
    api.getSuggestions({ claimId }, PANEL_SUGGESTIONS).then(
      arrived,
      // Suggestions are help, not data: without them the panel simply shows none.
      () => arrived(null),
    )
    return () => {
      cancelled = true
    }
  }, [api, claimId, version])
  const drop = useCallback(
    (suggestion: LinkSuggestion) =>
      setState(({ listing, loads }) => ({
        listing: listing && {
          ...listing,
          suggestions: listing.suggestions.filter((s) => s !== suggestion),
        },
        loads,
      })),
    [],
  )
  const { listing, loads } = state
  return { listing: listing?.source.claimId === claimId ? listing : null, loads, drop }
}
