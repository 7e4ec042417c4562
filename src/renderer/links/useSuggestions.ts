/**
 * Link suggestions for the selected claim, for the claim panel: loaded when the selection
 * changes and again when claims or links changed (a suggestion just accepted is then gone).
 */
import { useEffect, useState } from 'react'
import type { SuggestionListing } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'

export const PANEL_SUGGESTIONS = 5

export function useSuggestions(
  api: WorkbenchClient,
  claimId: string | null,
  version: number,
): SuggestionListing | null {
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
  return listing?.source.claimId === claimId ? listing : null
}
