/**
 * The annotation model (core/model) in the shapes core/linking takes. Only the five default
 * relation ids mean something here ('same' builds clusters, 'supports' and 'contradicts' fill the
 * matrix); links of a project's own relation types are left out: nothing can know what they mean.
 */
import type { Claim, ClusterWording, Link as ModelLink } from '../model'
import { LINK_RELATIONS, type LinkableClaim, type Link, type LinkRelation } from './types'

const KNOWN_RELATIONS = new Set<string>(LINK_RELATIONS)

export function linkingLinks(links: Iterable<ModelLink>): Link[] {
  const out: Link[] = []
  for (const link of links) {
    if (!KNOWN_RELATIONS.has(link.relation)) continue
    out.push({
      id: link.id,
      from: link.from,
      to:
        link.to.kind === 'claim'
          ? link.to.claimId
          : { kind: 'outside', title: link.to.title, url: link.to.url },
      relation: link.relation as LinkRelation,
    })
  }
  return out
}

/** Claims at their saved range, in the document `documentIdOf` says they now belong to. */
export function linkingClaims(
  claims: Iterable<Claim>,
  documentIdOf: (claim: Claim) => string = (claim) => claim.document.id,
): LinkableClaim[] {
  const out: LinkableClaim[] = []
  for (const claim of claims) {
    out.push({
      id: claim.id,
      documentId: documentIdOf(claim),
      start: claim.target.position.start,
      end: claim.target.position.end,
      quote: claim.target.quote.exact,
      label: claim.label,
    })
  }
  return out
}

/**
 * The wording an analyst chose for a cluster with these members: the most recently set wording
 * naming any of them (cluster ids change when the oldest member is deleted or clusters join, so
 * a wording follows its claims). Null when none, or when the latest went back to automatic.
 */
export function chosenClusterWording(
  memberClaimIds: readonly string[],
  wordings: Iterable<ClusterWording>,
): string | null {
  const members = new Set(memberClaimIds)
  let latest: ClusterWording | undefined
  for (const wording of wordings) {
    const applies = members.has(wording.id) || wording.claimIds.some((id) => members.has(id))
    if (applies && (!latest || wording.updated > latest.updated)) latest = wording
  }
  return latest?.canonicalWording ?? null
}
