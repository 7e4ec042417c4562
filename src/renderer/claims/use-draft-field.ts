/**
 * A text field that edits a claim without a request per keystroke: the typed value is kept
 * locally and committed ~400 ms after typing stops, at once on blur, and on unmount (another
 * claim selected). A new value from the backend (undo, a colleague's merge) replaces the
 * draft only while nothing is waiting to be committed. `commit` must be stable (useCallback):
 * a new one commits what is pending first.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

export const COMMIT_DELAY_MS = 400

export function useDraftField(value: string, commit: (value: string) => void) {
  const [draft, setDraft] = useState(value)
  const pending = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
    const next = pending.current
    pending.current = null
    if (next !== null) commit(next)
  }, [commit])

  const change = useCallback(
    (next: string) => {
      setDraft(next)
      pending.current = next
      if (timer.current !== null) clearTimeout(timer.current)
      timer.current = setTimeout(flush, COMMIT_DELAY_MS)
    },
    [flush],
  )

  // The backend's value wins when there is no edit in flight.
  const [shownValue, setShownValue] = useState(value)
  if (value !== shownValue) {
    setShownValue(value)
    if (pending.current === null) setDraft(value)
  }

  useEffect(() => flush, [flush])

  return { draft, change, flush }
}
