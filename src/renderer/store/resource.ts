/**
 * Something loaded from the backend that may go stale: a claim listing, a link listing, the
 * claim counts. One request at a time per resource: a change announced while a request is in
 * flight marks it stale, and it is asked again once the answer is in, so a burst of changes
 * (undo held down) costs two requests, not one per change, and no older answer ever replaces
 * a newer one. Pure; the loader (effects/loader.ts) reads `needsLoad` and dispatches the transitions.
 */

export interface Resource<T> {
  /** The last answer, kept on screen while a newer one is on its way. */
  value: T | null
  /** The id of the request in flight, or null. */
  pending: number | null
  /** Changed since `value` was asked for: ask again once nothing is pending. */
  stale: boolean
}

export function emptyResource<T>(): Resource<T> {
  return { value: null, pending: null, stale: true }
}

export function needsLoad(resource: Resource<unknown> | undefined): boolean {
  return resource === undefined || (resource.stale && resource.pending === null)
}

export function started<T>(resource: Resource<T> | undefined, request: number): Resource<T> {
  return { value: resource?.value ?? null, pending: request, stale: false }
}

/** The answer to `request`; answers to requests no longer awaited are dropped. */
export function arrived<T>(resource: Resource<T>, request: number, value: T): Resource<T> {
  return resource.pending === request ? { ...resource, value, pending: null } : resource
}

/** The request failed: the last value stays (a convenience kept is better than a blank). */
export function failed<T>(resource: Resource<T>, request: number): Resource<T> {
  return resource.pending === request ? { ...resource, pending: null } : resource
}

export function invalidated<T>(resource: Resource<T>): Resource<T> {
  return resource.stale ? resource : { ...resource, stale: true }
}

/** Applies `change` to the entries of `record` whose key passes `which`; same object if none. */
export function updateEntries<T>(
  record: Readonly<Record<string, T>>,
  which: (key: string, entry: T) => boolean,
  change: (entry: T) => T,
): Readonly<Record<string, T>> {
  let next: Record<string, T> | null = null
  for (const [key, entry] of Object.entries(record)) {
    if (!which(key, entry)) continue
    const changed = change(entry)
    if (changed === entry) continue
    next ??= { ...record }
    next[key] = changed
  }
  return next ?? record
}

/** `owner` with the listing under `key` changed; `owner` itself when it has no such listing. */
export function withListing<T, S extends { listings: Readonly<Record<string, Resource<T>>> }>(
  owner: S,
  key: string,
  change: (entry: Resource<T>) => Resource<T>,
): S {
  const listings = updateEntries(owner.listings, (candidate) => candidate === key, change)
  return listings === owner.listings ? owner : { ...owner, listings }
}

/** `record` without the keys `keep` rejects; same object if none goes. */
export function keepEntries<T>(
  record: Readonly<Record<string, T>>,
  keep: (key: string, entry: T) => boolean,
): Readonly<Record<string, T>> {
  const kept = Object.entries(record).filter(([key, entry]) => keep(key, entry))
  return kept.length === Object.keys(record).length ? record : Object.fromEntries(kept)
}
