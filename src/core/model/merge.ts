/**
 * Merging two copies of one annotator's file (ours in memory, theirs on disk after someone else
 * changed it: another window, a sync tool, git pull). Claims are matched by id. For each id the
 * latest event wins: a claim version by its `updated`, a deletion by its tombstone's `deleted`.
 * On equal times ours wins (it is what the analyst sees right now), and a deletion beats a
 * claim version with the same time (the deletion was made knowing that version).
 *
 * Why newest-wins per claim rather than a field-level merge: a claim is small and edited as a
 * whole by one person (one file per annotator), so two concurrent edits of the same claim are
 * the same person in two places, and their later edit is the one they meant.
 */
import type { Claim, Tombstone } from './claim'

/** Anything merged by id with newest-wins: claims, links, cluster wordings. */
export interface Versioned {
  id: string
  updated: string
}

export interface VersionedSet<T extends Versioned> {
  items: Map<string, T>
  deleted: Map<string, Tombstone>
}

export interface VersionedMergeResult<T extends Versioned> extends VersionedSet<T> {
  /** Ids whose winner came from theirs (new, changed or deleted there). */
  changedByTheirs: string[]
  /** Whether the result differs from theirs (ours has something theirs lacks): it needs saving. */
  differsFromTheirs: boolean
}

export interface ClaimSet {
  claims: Map<string, Claim>
  deleted: Map<string, Tombstone>
}

export interface MergeResult extends ClaimSet {
  changedByTheirs: string[]
  differsFromTheirs: boolean
}

/** Claims by id, as described above. */
export function mergeClaimSets(ours: ClaimSet, theirs: ClaimSet): MergeResult {
  const merged = mergeVersioned(
    { items: ours.claims, deleted: ours.deleted },
    { items: theirs.claims, deleted: theirs.deleted },
  )
  return {
    claims: merged.items,
    deleted: merged.deleted,
    changedByTheirs: merged.changedByTheirs,
    differsFromTheirs: merged.differsFromTheirs,
  }
}

/**
 * The same rule for anything with an id and an `updated` time: links merge like claims (the
 * link's tombstones in `deletedLinks`), cluster wordings too (they have no tombstones: setting
 * no wording is a version with `canonicalWording: null`).
 */
export function mergeVersioned<T extends Versioned>(
  ours: VersionedSet<T>,
  theirs: VersionedSet<T>,
): VersionedMergeResult<T> {
  const items = new Map<string, T>()
  const deleted = new Map<string, Tombstone>()
  const changedByTheirs: string[] = []
  let differsFromTheirs = false
  const ids = new Set([
    ...ours.items.keys(),
    ...ours.deleted.keys(),
    ...theirs.items.keys(),
    ...theirs.deleted.keys(),
  ])
  for (const id of ids) {
    const ourEvent = latestEvent(ours.items.get(id), ours.deleted.get(id))
    const theirEvent = latestEvent(theirs.items.get(id), theirs.deleted.get(id))
    let winner = ourEvent
    if (!ourEvent || (theirEvent && theirEvent.time > ourEvent.time)) winner = theirEvent
    if (!winner) continue
    if (winner !== ourEvent && !sameEvent(winner, ourEvent)) changedByTheirs.push(id)
    if (winner === ourEvent && !sameEvent(winner, theirEvent)) differsFromTheirs = true
    if (winner.kind === 'item') items.set(id, winner.item)
    else deleted.set(id, winner.tombstone)
  }
  return { items, deleted, changedByTheirs, differsFromTheirs }
}

type Event<T> =
  { kind: 'item'; time: number; item: T } | { kind: 'deleted'; time: number; tombstone: Tombstone }

function latestEvent<T extends Versioned>(
  item: T | undefined,
  tombstone: Tombstone | undefined,
): Event<T> | null {
  const claimEvent: Event<T> | null = item
    ? { kind: 'item', time: Date.parse(item.updated), item }
    : null
  const deletion: Event<T> | null = tombstone
    ? { kind: 'deleted', time: Date.parse(tombstone.deleted), tombstone }
    : null
  if (claimEvent && deletion) return deletion.time >= claimEvent.time ? deletion : claimEvent
  return claimEvent ?? deletion
}

function sameEvent<T>(a: Event<T>, b: Event<T> | null): boolean {
  if (!b || a.kind !== b.kind || a.time !== b.time) return false
  return a.kind === 'item' ? JSON.stringify(a.item) === JSON.stringify((b as typeof a).item) : true
}

/**
 * How long a deletion is remembered. A tombstone older than this is dropped when the file is
 * next written (annotations/README.md, "Tombstones"): a copy of the file that still holds the
 * claim and has not met this one for that long brings the claim back, as it was, rather than
 * anything being lost. Ninety days covers a stale git branch or a laptop left off over a holiday.
 */
export const TOMBSTONE_RETENTION_DAYS = 90
export const TOMBSTONE_RETENTION_MS = TOMBSTONE_RETENTION_DAYS * 24 * 60 * 60 * 1000

/**
 * Drops, in place, the tombstones deleted more than `retentionMs` before `now`; returns how many.
 * A tombstone whose time cannot be read is kept (never guess a deletion away).
 */
export function compactTombstones(
  deleted: Map<string, Tombstone>,
  now: number,
  retentionMs: number = TOMBSTONE_RETENTION_MS,
): number {
  const horizon = now - retentionMs
  let dropped = 0
  for (const [id, tombstone] of deleted) {
    if (Date.parse(tombstone.deleted) < horizon) {
      deleted.delete(id)
      dropped++
    }
  }
  return dropped
}
