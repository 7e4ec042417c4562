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

export interface ClaimSet {
  claims: Map<string, Claim>
  deleted: Map<string, Tombstone>
}

export interface MergeResult extends ClaimSet {
  /** Ids whose winner came from theirs (new, changed or deleted there). */
  changedByTheirs: string[]
  /** Whether the result differs from theirs (ours has something theirs lacks): it needs saving. */
  differsFromTheirs: boolean
}

export function mergeClaimSets(ours: ClaimSet, theirs: ClaimSet): MergeResult {
  const claims = new Map<string, Claim>()
  const deleted = new Map<string, Tombstone>()
  const changedByTheirs: string[] = []
  let differsFromTheirs = false
  const ids = new Set([
    ...ours.claims.keys(),
    ...ours.deleted.keys(),
    ...theirs.claims.keys(),
    ...theirs.deleted.keys(),
  ])
  for (const id of ids) {
    const ourEvent = latestEvent(ours.claims.get(id), ours.deleted.get(id))
    const theirEvent = latestEvent(theirs.claims.get(id), theirs.deleted.get(id))
    let winner = ourEvent
    if (!ourEvent || (theirEvent && theirEvent.time > ourEvent.time)) winner = theirEvent
    if (!winner) continue
    if (winner !== ourEvent && !sameEvent(winner, ourEvent)) changedByTheirs.push(id)
    if (winner === ourEvent && !sameEvent(winner, theirEvent)) differsFromTheirs = true
    if (winner.kind === 'claim') claims.set(id, winner.claim)
    else deleted.set(id, winner.tombstone)
  }
  return { claims, deleted, changedByTheirs, differsFromTheirs }
}

type Event =
  | { kind: 'claim'; time: number; claim: Claim }
  | { kind: 'deleted'; time: number; tombstone: Tombstone }

function latestEvent(claim: Claim | undefined, tombstone: Tombstone | undefined): Event | null {
  const claimEvent: Event | null = claim
    ? { kind: 'claim', time: Date.parse(claim.updated), claim }
    : null
  const deletion: Event | null = tombstone
    ? { kind: 'deleted', time: Date.parse(tombstone.deleted), tombstone }
    : null
  if (claimEvent && deletion) return deletion.time >= claimEvent.time ? deletion : claimEvent
  return claimEvent ?? deletion
}

function sameEvent(a: Event, b: Event | null): boolean {
  if (!b || a.kind !== b.kind || a.time !== b.time) return false
  return a.kind === 'claim'
    ? JSON.stringify(a.claim) === JSON.stringify((b as typeof a).claim)
    : true
}
