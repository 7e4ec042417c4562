/**
 * Link suggestions for the selected claim, for the claim panel: loaded when the selection
 * changes and again when links changed. `drop` takes an accepted suggestion off the list at
 * once, so a second A (or a second click) cannot accept it twice while the list reloads.
 */
import { useCallback, useEffect, useState } from 'react'
import type { LinkSuggestion, SuggestionListing } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'

export const PANEL_SUGGESTIONS = 5

export function useSuggestions(api: WorkbenchClient, claimId: string | null, version: number) {
  const [listing, setListing] = useState<SuggestionListing | null>(null)
  useEffect(() => {
    if (claimId === null) return
    let cancelled = false
    api.getSuggestions({ claimId }, PANEL_SUGGESTIONS).then(
      (result) => !cancelled && setListing(result),
      // Suggestions are help, not data: without them the panel simply shows none.
      () => !cancelled && setListing(null),
    )
    return () => {
      cancelled = true
    }
  }, [api, claimId, version])
  const drop = useCallback(
    (suggestion: LinkSuggestion) =>
      setListing((current) =>
        current
          ? { ...current, suggestions: current.suggestions.filter((s) => s !== suggestion) }
          : current,
      ),
    [],
  )
  return { listing: listing?.source.claimId === claimId ? listing : null, drop }
}
