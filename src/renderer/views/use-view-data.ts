/**
 * Loads what a project view shows, again whenever `version` (claims or links changed) or the
 * request `key` changes. Answers that arrive after a newer request was made are dropped, so a
 * slow reply to an old sort order never replaces the new one; the old data stays on screen
 * until the new data arrives, so reloading does not flash an empty view. The last answer is
 * remembered (view-memory.ts): a view shown again starts from it while it asks again, since
 * claims may have changed while it was away without `version` saying so.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { recall, remember } from './view-memory'

export interface ViewData<T> {
  /** Null until the first load finishes (and nothing was remembered). */
  data: T | null
  /** The last load's failure, or null. */
  error: unknown
  /** True while the data shown is not the answer to the current version and key. */
  loading: boolean
  /** Replaces the data at once (with what a change call answered), until the next load. */
  setData(data: T): void
}

interface Settled<T> {
  data: T | null
  error: unknown
  /** Which request this answers ('' for remembered data). */
  request: string
}

interface Options<T> {
  /** Asks for the data; a new function (another sort order) is a new request. */
  load: () => Promise<T>
  version: number
  /** What is asked for (a sort order); a change loads again. */
  key: string
  /** Whose memory keeps the last answer (the API client), and under which name. */
  memory: { owner: object; name: string }
}

export function useViewData<T>({ load, version, key, memory }: Options<T>): ViewData<T> {
  const request = `${version}\u0000${key}`
  const { owner, name } = memory
  const [settled, setSettled] = useState<Settled<T>>(() => ({
    data: recall<T>(owner, `data:${name}:${key}`) ?? null,
    error: null,
    request: '',
  }))
  /** The request whose answer is awaited: answers to older ones are dropped. */
  const awaited = useRef('')

  // Asked for in the commit that shows the view, not after its first paint: the answer is
  // what the analyst waits for.
  useLayoutEffect(() => {
    awaited.current = request
    load().then(
      (data) => {
        if (awaited.current !== request) return
        remember(owner, `data:${name}:${key}`, data)
        setSettled({ data, error: null, request })
      },
      (error: unknown) => {
        if (awaited.current !== request) return
        setSettled((current) => ({ data: current.data, error, request }))
      },
    )
  }, [request, load, owner, name, key])

  const setData = useCallback(
    (data: T) => {
      remember(owner, `data:${name}:${key}`, data)
      setSettled((current) => ({ ...current, data }))
    },
    [owner, name, key],
  )
  return {
    data: settled.data,
    error: settled.error,
    loading: settled.request !== request,
    setData,
  }
}
