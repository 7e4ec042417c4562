/** Claims per document and per label for the sidebar, re-counted shortly after each change. */
import { useEffect, useState } from 'react'
import type { ClaimCounts } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'

const EMPTY: ClaimCounts = { byDocument: {}, byLabel: {} }
/** A burst of changes (typing in the editor, undo held down) is counted once. */
const RECOUNT_DELAY_MS = 150

export function useClaimCounts(api: WorkbenchClient, projectRoot: string | null): ClaimCounts {
  const [counts, setCounts] = useState<ClaimCounts>(EMPTY)
  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | null = null
    const recount = () =>
      api.getClaimCounts().then(
        (next) => !cancelled && setCounts(next),
        () => undefined, // Badges are a convenience: keep the last counts.
      )
    void recount()
    const unsubscribe = api.onEvent((event) => {
      if (
        event.type !== 'claims-changed' &&
        event.type !== 'save-state' &&
        event.type !== 'state-changed'
      ) {
        return
      }
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(recount, RECOUNT_DELAY_MS)
    })
    return () => {
      cancelled = true
      if (timer !== null) clearTimeout(timer)
      unsubscribe()
    }
  }, [api, projectRoot])
  return counts
}
