/**
 * Link badges for the reader and the claim list, per document on screen. Pure. A link change anywhere
 * must not redraw the 5,000 claims of a document whose badges stayed the same: each document's
 * badge map keeps its identity while its badges are unchanged (the reader and drawnClaims
 * compare identity), and an unchanged badge keeps its object (claim list rows are memoised).
 */
import type { ClaimListing, RelationType } from '../../shared/api'
import type { BadgesByClaim } from '../claims/drawn-claims'
import { linkBadge, type ClaimLink, type LinkBadge } from './claim-links'

const NO_BADGES: BadgesByClaim = new Map()

export interface BadgeState {
  /** The inputs the badges were derived from. */
  listings: Readonly<Record<string, ClaimListing>> | null
  claimLinks: ReadonlyMap<string, readonly ClaimLink[]> | null
  relations: readonly RelationType[] | null
  badges: Map<string, LinkBadge>
  byDocument: Record<string, { signature: string; badges: BadgesByClaim }>
  result: Readonly<Record<string, BadgesByClaim>>
}

export const INITIAL: BadgeState = {
  listings: null,
  claimLinks: null,
  relations: null,
  badges: new Map(),
  byDocument: {},
  result: {},
}

/**
 * A badge derivation that remembers its last result, so each call reuses what did not change
 * (one per store: the selectors keep one).
 */
export function createBadgeMemory() {
  let previous: BadgeState = INITIAL
  return (
    listings: Readonly<Record<string, ClaimListing>>,
    claimLinks: ReadonlyMap<string, readonly ClaimLink[]>,
    relations: readonly RelationType[],
  ): Readonly<Record<string, BadgesByClaim>> => {
    previous = deriveBadges(previous, listings, claimLinks, relations)
    return previous.result
  }
}

/** The badges for new inputs, reusing `before`'s objects where nothing changed. */
export function deriveBadges(
  before: BadgeState,
  listings: Readonly<Record<string, ClaimListing>>,
  claimLinks: ReadonlyMap<string, readonly ClaimLink[]>,
  relations: readonly RelationType[],
): BadgeState {
  const badges = new Map<string, LinkBadge>()
  for (const [claimId, links] of claimLinks) {
    const badge = linkBadge(links, relations)
    if (!badge) continue
    const old = before.badges.get(claimId)
    const same = old && old.count === badge.count && old.relations.join() === badge.relations.join()
    badges.set(claimId, same ? old : badge)
  }
  const byDocument: BadgeState['byDocument'] = {}
  for (const [key, listing] of Object.entries(listings)) {
    const own = new Map<string, LinkBadge>()
    for (const { claim } of listing.claims) {
      const badge = badges.get(claim.id)
      if (badge) own.set(claim.id, badge)
    }
    const signature = [...own].map(([id, b]) => `${id}:${b.count}:${b.relations.join()}`).join()
    const old = before.byDocument[key]
    byDocument[key] =
      old?.signature === signature ? old : { signature, badges: own.size > 0 ? own : NO_BADGES }
  }
  const result = Object.fromEntries(
    Object.entries(byDocument).map(([key, entry]) => [key, entry.badges]),
  )
  return { listings, claimLinks, relations, badges, byDocument, result }
}
