/**
 * The identity of a review unit, and of the versions a decision was made on.
 *
 * A unit's key is the sorted ids of the claims aligned into it, joined by "+". Claim ids are
 * UUIDs, unique across files and documents, so the key needs nothing else to be unique, and it
 * survives what should not change it: an annotator editing a claim (same id), a renamed or
 * corrected article file (no path or content hash in the key), and other units of the document
 * changing. It changes exactly when the alignment does (a claim joins or leaves the unit): the
 * unit is then another one, and a decision made on the old one comes back as stale (its claims
 * are found in the new units).
 *
 * A version's fingerprint is its claim's `updated`: an annotator's edit changes it, so the
 * decision made on the earlier version is stale.
 */
import { createHash } from 'node:crypto'

export const UNIT_KEY_SEPARATOR = '+'

export function unitKey(claimIds: Iterable<string>): string {
  return [...claimIds].sort().join(UNIT_KEY_SEPARATOR)
}

export function claimIdsOfUnitKey(key: string): string[] {
  return key.split(UNIT_KEY_SEPARATOR)
}

/** Claim id -> updated, for every version of a unit. */
export type Fingerprints = Record<string, string>

export function fingerprintsOf(claims: Iterable<{ id: string; updated: string }>): Fingerprints {
  const prints: Fingerprints = {}
  for (const claim of [...claims].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    prints[claim.id] = claim.updated
  }
  return prints
}

export function sameFingerprints(a: Fingerprints, b: Fingerprints): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/**
 * A stable UUID (version 8, RFC 9562's custom form) for what a merge builds from `parts` (the
 * gold file's name and a unit key, or a link's key): re-running the merge finds its own
 * objects, and a tombstone left when someone deleted one by hand still names it.
 */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\n'), 'utf8').digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
