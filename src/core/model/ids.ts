/**
 * Claim ids: UUIDv7, so ids sort by creation time (files diff in order) and files from different
 * people never collide (74 random bits per millisecond per machine).
 */
import { v7 } from 'uuid'

export function newClaimId(): string {
  return v7()
}

/**
 * A timestamp for a change to something last changed at `previous`: now, or 1 ms after
 * `previous` when the clock says otherwise (fast edits within a millisecond, a clock set back).
 * Merging trusts "later wins", so a change must never look older than what it replaced.
 */
export function nextTimestamp(previous: string | null, now: number = Date.now()): string {
  const floor = previous === null ? -Infinity : Date.parse(previous) + 1
  return new Date(Math.max(now, floor)).toISOString()
}

/** Link ids are UUIDv7 as well, for the same reasons. */
export function newLinkId(): string {
  return v7()
}
