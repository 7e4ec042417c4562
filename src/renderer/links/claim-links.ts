/**
 * The links of each claim on screen, from the link listings of the shown documents: what a
 * claim's badge counts, what its hover card and the claim panel list. Pure, so the rules (a
 * link counts once for each of its claims; a backlink is a link ending at the claim) are
 * tested without a browser.
 */
import type {
  LinkListing,
  OutsideEnd,
  RelationType,
  ResolvedClaimEnd,
  ResolvedLink,
} from '../../shared/api'

/** A link seen from one of its claims. */
export interface ClaimLink {
  resolved: ResolvedLink
  /** 'out': the claim is the link's `from`; 'in': a backlink, the claim is its `to`. */
  direction: 'out' | 'in'
  /** The end that is not this claim. */
  other: ResolvedClaimEnd | OutsideEnd
}

/** What a claim's badge shows: how many links, and one mark per relation (in settings order). */
export interface LinkBadge {
  count: number
  relations: string[]
}

/** Links by claim id, gathered from listings (a link seen in two listings counts once). */
export function linksByClaim(listings: Iterable<LinkListing>): Map<string, ClaimLink[]> {
  const seen = new Set<string>()
  const byClaim = new Map<string, ClaimLink[]>()
  const add = (claimId: string, entry: ClaimLink) => {
    const list = byClaim.get(claimId)
    if (list) list.push(entry)
    else byClaim.set(claimId, [entry])
  }
  for (const listing of listings) {
    for (const resolved of [...listing.links, ...listing.backlinks]) {
      if (seen.has(resolved.link.id)) continue
      seen.add(resolved.link.id)
      add(resolved.from.claimId, { resolved, direction: 'out', other: resolved.to })
      if (resolved.to.kind === 'claim') {
        add(resolved.to.claimId, { resolved, direction: 'in', other: resolved.from })
      }
    }
  }
  for (const list of byClaim.values()) list.sort(byCreation)
  return byClaim
}

function byCreation(a: ClaimLink, b: ClaimLink): number {
  return a.resolved.link.id < b.resolved.link.id
    ? -1
    : a.resolved.link.id > b.resolved.link.id
      ? 1
      : 0
}

/** The badge of a claim's links, relations in the order the project lists them. */
export function linkBadge(
  links: readonly ClaimLink[] | undefined,
  relations: readonly RelationType[],
): LinkBadge | undefined {
  if (!links || links.length === 0) return undefined
  const present = new Set(links.map((entry) => entry.resolved.link.relation))
  const ordered = relations.map((relation) => relation.id).filter((id) => present.has(id))
  // Relations no longer in the settings still show, after the known ones.
  for (const id of present) if (!ordered.includes(id)) ordered.push(id)
  return { count: links.length, relations: ordered }
}

/** How a link reads from the claim's side: "same claim as", "contradicted by", "cites"... */
export function relationPhrase(entry: ClaimLink, relation: RelationType | null): string {
  const name = relation?.name ?? entry.resolved.link.relation
  if (relation && !relation.directed) return name
  return entry.direction === 'out' ? name : `${name} (backlink)`
}

/** The other end in a few words: the quote, or the outside source's title and publisher. */
export function otherEndText(other: ResolvedClaimEnd | OutsideEnd): string {
  if (other.kind === 'claim') return other.quote
  const parts = [other.title, other.publisher, other.date].filter((part) => part.trim() !== '')
  return parts.length > 0 ? parts.join(', ') : other.url
}
