/**
 * Listing (and link badges) -> what the reader draws, computed once per pair: the reader
 * compares identity, and redrawing 5,000 claims because an unrelated render happened is what
 * this cache avoids.
 */
import type { ClaimListing } from '../../shared/api'
import type { DrawnClaim } from '../reader/claim-decorations'

export type BadgesByClaim = ReadonlyMap<string, NonNullable<DrawnClaim['badge']>>

const NO_BADGES: BadgesByClaim = new Map()
const cache = new WeakMap<ClaimListing, { badges: BadgesByClaim; drawn: readonly DrawnClaim[] }>()
const NO_CLAIMS: readonly DrawnClaim[] = Object.freeze([])

export function drawnClaims(
  listing: ClaimListing | undefined,
  badges: BadgesByClaim = NO_BADGES,
): readonly DrawnClaim[] {
  if (!listing) return NO_CLAIMS
  const cached = cache.get(listing)
  if (cached?.badges === badges) return cached.drawn
  const drawn = listing.claims.map(({ claim, start, end }): DrawnClaim => {
    const badge = badges.get(claim.id)
    return badge
      ? { id: claim.id, label: claim.label, start, end, badge }
      : { id: claim.id, label: claim.label, start, end }
  })
  cache.set(listing, { badges, drawn })
  return drawn
}
