/**
 * The claim listings of the documents on screen, by document key. Loaded when a document is
 * shown (or its content changes), and again when the backend says its claims changed (every
 * change, ours included, is announced by 'claims-changed' once it is applied). Responses that
 * arrive out of order never overwrite a newer listing.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClaimListing, DocumentSummary } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'

export function useClaimListings(
  api: WorkbenchClient,
  /** Documents shown, with their content hash: a new hash means a new listing. */
  shown: ReadonlyMap<string, string>,
  documents: readonly DocumentSummary[],
  onError: (title: string, error: unknown) => void,
) {
  const [listings, setListings] = useState<Record<string, ClaimListing>>({})
  /** The latest request per key: older responses are dropped. */
  const requested = useRef(new Map<string, number>())
  /** The content hash each shown key was last loaded for. */
  const loadedFor = useRef(new Map<string, string>())
  const nextRequest = useRef(1)
  const latest = useRef({ shown, documents, onError })
  useEffect(() => {
    latest.current = { shown, documents, onError }
  })

  const refresh = useCallback(
    (key: string) => {
      const request = nextRequest.current++
      requested.current.set(key, request)
      api.listClaims(key).then(
        (listing) => {
          if (requested.current.get(key) !== request) return
          setListings((current) => ({ ...current, [key]: listing }))
        },
        (error: unknown) => {
          if (requested.current.get(key) === request) {
            latest.current.onError('Could not list the claims', error)
          }
        },
      )
    },
    [api],
  )

  // Load what is shown and not loaded (or loaded for an older text); forget what is not shown.
  const shownSignature = [...shown].map(([key, id]) => `${key}\u0000${id}`).join('\n')
  useEffect(() => {
    for (const [key, id] of latest.current.shown) {
      if (loadedFor.current.get(key) === id) continue
      loadedFor.current.set(key, id)
      refresh(key)
    }
    setListings((current) => {
      const kept = Object.entries(current).filter(([key]) => latest.current.shown.has(key))
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept)
    })
    for (const key of [...loadedFor.current.keys()]) {
      if (!latest.current.shown.has(key)) {
        loadedFor.current.delete(key)
        requested.current.delete(key)
      }
    }
  }, [shownSignature, refresh])

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'claims-changed') return
        const changed = new Set(event.paths)
        for (const document of latest.current.documents) {
          if (latest.current.shown.has(document.key) && changed.has(document.path)) {
            refresh(document.key)
          }
        }
      }),
    [api, refresh],
  )

  return { listings, refresh }
}
