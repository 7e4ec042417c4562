/**
 * Counters that go up when project-wide data may have changed, so what shows it loads again:
 *   version      claims, links or cluster wordings changed (clusters, the matrix)
 *   linkVersion  links changed, or claims that links show (link badges, the claim panel's links
 *                and suggestions): a label key pressed on an unlinked claim does not reload them
 * The backend announces every change; the UI also bumps after its own link changes, so the view
 * follows even a door that drops events. Bursts (typing a note, undo held down) count once.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { WorkbenchClient } from '../../shared/client'

const SETTLE_MS = 120

export function useDataVersion(
  api: WorkbenchClient,
  /** Whether claims changed in these documents (paths) may show in links on screen. */
  claimsShowInLinks: (paths: readonly string[]) => boolean,
) {
  const [versions, setVersions] = useState({ version: 0, linkVersion: 0 })
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; links: boolean } | null>(null)
  const latest = useRef(claimsShowInLinks)
  useEffect(() => {
    latest.current = claimsShowInLinks
  })

  const schedule = useCallback((links: boolean) => {
    const before = pending.current
    if (before) clearTimeout(before.timer)
    const withLinks = links || (before?.links ?? false)
    const timer = setTimeout(() => {
      pending.current = null
      setVersions((current) => ({
        version: current.version + 1,
        linkVersion: current.linkVersion + (withLinks ? 1 : 0),
      }))
    }, SETTLE_MS)
    pending.current = { timer, links: withLinks }
  }, [])
  const bump = useCallback(() => schedule(true), [schedule])

  useEffect(() => {
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'save-state') return
      schedule(event.type !== 'claims-changed' || latest.current(event.paths))
    })
    return () => {
      unsubscribe()
      if (pending.current) clearTimeout(pending.current.timer)
    }
  }, [api, schedule])
  return { ...versions, bump }
}
