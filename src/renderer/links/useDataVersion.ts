/**
 * A counter that goes up whenever claims, links or cluster wordings may have changed, so views
 * that show project-wide data (link badges, clusters, the matrix) know to load it again. The
 * backend announces changes made by others (undo, merges from disk); the UI bumps it itself
 * after its own link changes. Bursts (typing in a note, undo held down) count once.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { WorkbenchClient } from '../../shared/client'

const SETTLE_MS = 120

export function useDataVersion(api: WorkbenchClient): { version: number; bump(): void } {
  const [version, setVersion] = useState(0)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const bump = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      timer.current = null
      setVersion((current) => current + 1)
    }, SETTLE_MS)
  }, [])
  useEffect(() => {
    const unsubscribe = api.onEvent((event) => {
      if (event.type !== 'save-state') bump()
    })
    return () => {
      unsubscribe()
      if (timer.current !== null) clearTimeout(timer.current)
    }
  }, [api, bump])
  return { version, bump }
}
