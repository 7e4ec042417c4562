/**
 * The link listings of the documents on screen, by document key: loaded when a document is
 * shown and again whenever `version` changes (links or claims changed somewhere). A listing
 * failing to load keeps the previous one: badges are a convenience, the claims stay usable.
 */
import { useEffect, useState } from 'react'
import type { LinkListing } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'

export function useLinkListings(
  api: WorkbenchClient,
  shownKeys: readonly string[],
  version: number,
): Record<string, LinkListing> {
  const [listings, setListings] = useState<Record<string, LinkListing>>({})
  const signature = [...new Set(shownKeys)].sort().join('\n')
  useEffect(() => {
    let cancelled = false
    const keys = signature.split('\n').filter(Boolean)
    Promise.allSettled(keys.map((key) => api.listLinks(key))).then((results) => {
      if (cancelled) return
      setListings((current) => {
        const next: Record<string, LinkListing> = {}
        let changed = keys.length !== Object.keys(current).length
        results.forEach((result, i) => {
          const key = keys[i]!
          const previous = current[key]
          // An unchanged listing keeps its identity, so the reader does not redraw its claims.
          const same =
            previous !== undefined &&
            (result.status === 'rejected' ||
              JSON.stringify(previous) === JSON.stringify(result.value))
          if (same) next[key] = previous
          else if (result.status === 'fulfilled') next[key] = result.value
          changed ||= !same
        })
        return changed ? next : current
      })
    })
    return () => {
      cancelled = true
    }
  }, [api, signature, version])
  return listings
}
