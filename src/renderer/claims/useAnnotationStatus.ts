/** Who annotates, whether their file is saved, and what undo would do: kept current by events. */
import { useCallback, useEffect, useState } from 'react'
import type { AnnotationStatus, HistoryState } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'

export function useAnnotationStatus(api: WorkbenchClient, projectRoot: string | null) {
  const [status, setStatus] = useState<AnnotationStatus | null>(null)

  useEffect(() => {
    let cancelled = false
    let file: string | null = null
    const load = () =>
      api.getAnnotationStatus().then(
        (next) => {
          if (cancelled) return
          file = next.save.file
          setStatus(next)
        },
        () => undefined, // The save-state events keep coming; a failed first read is not fatal.
      )
    void load()
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'save-state') {
        // A new session (another project or annotator) announces itself with a new file.
        if (event.save.file !== file) void load()
        file = event.save.file
        setStatus((current) => current && { ...current, save: event.save })
      } else if (event.type === 'claims-changed') {
        setStatus((current) => current && { ...current, history: event.history })
      }
    })
    return () => {
      cancelled = true
      unsubscribe()
    }
  }, [api, projectRoot])

  const setHistory = useCallback(
    (history: HistoryState) => setStatus((current) => current && { ...current, history }),
    [],
  )
  return { status, setStatus, setHistory }
}

/** Why changes are refused now, or null when they are allowed. */
export function readOnlyReason(status: AnnotationStatus | null, settingsReadOnly: string | null) {
  if (status?.save.status === 'read-only') return status.save.message ?? 'Read-only'
  return settingsReadOnly
}
