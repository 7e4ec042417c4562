/** Listing -> what the reader draws, computed once per listing (the reader compares identity). */
import type { ClaimListing } from '../../shared/api'
import type { DrawnClaim } from '../reader/claimDecorations'

const cache = new WeakMap<ClaimListing, readonly DrawnClaim[]>()
export const NO_CLAIMS: readonly DrawnClaim[] = Object.freeze([])

export function drawnClaims(listing: ClaimListing | undefined): readonly DrawnClaim[] {
  if (!listing) return NO_CLAIMS
  let drawn = cache.get(listing)
  if (!drawn) {
    drawn = listing.claims.map(({ claim, start, end }) => ({
      id: claim.id,
      label: claim.label,
      start,
      end,
    }))
    cache.set(listing, drawn)
  }
  return drawn
}
