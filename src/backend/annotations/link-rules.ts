/**
 * The rules a link must follow before it reaches the store, with messages for people: both
 * claims in the annotator's own file (see core/model/link.ts for why), a relation type of the
 * project, no claim linked to itself, an outside source with something to find it by, and no
 * second link saying the same thing.
 */
import {
  describesOutsideSource,
  newLinkId,
  nextTimestamp,
  type Claim,
  type Link,
  type LinkEnd,
  type RelationType,
} from '../../core/model'
import type { LinkPatch, NewLink } from '../../shared/api'
import { BackendError } from '../errors'

export interface LinkContext {
  annotator: string
  claim(id: string): Claim | undefined
  relation(id: string): RelationType | undefined
  links(): Iterable<Link>
}

export function buildLink(input: NewLink, context: LinkContext): Link {
  checkClaim(input.from, context)
  const relation = checkRelation(input.relation, context)
  const to = checkEnd(input.from, input.to, context)
  const duplicate = findDuplicate(input.from, to, relation, context.links())
  if (duplicate) {
    throw new BackendError('duplicate-link', `These two are already linked as "${relation.name}".`)
  }
  const now = nextTimestamp(null)
  return {
    id: newLinkId(),
    relation: relation.id,
    from: input.from,
    to,
    note: input.note ?? '',
    confidence: input.confidence ?? null,
    annotator: context.annotator,
    created: now,
    updated: now,
  }
}

/** The link with the patch applied; the same object when nothing changes. */
export function patchLink(link: Link, patch: LinkPatch, context: LinkContext): Link {
  let next: Link = { ...link }
  if (patch.relation !== undefined) {
    const relation = checkRelation(patch.relation, context)
    next.relation = relation.id
    const others = [...context.links()].filter((other) => other.id !== link.id)
    if (findDuplicate(link.from, link.to, relation, others)) {
      throw new BackendError(
        'duplicate-link',
        `These two are already linked as "${relation.name}".`,
      )
    }
  }
  if (patch.note !== undefined) next.note = patch.note
  if (patch.confidence !== undefined) next.confidence = patch.confidence
  if (patch.outside !== undefined) {
    if (link.to.kind !== 'outside') {
      throw new BackendError(
        'invalid-link',
        'Only a link to an outside source has a source to edit; this one links two claims.',
      )
    }
    const outside: LinkEnd = { ...patch.outside, kind: 'outside' }
    next = { ...next, to: checkEnd(link.from, outside, context) }
  }
  if (JSON.stringify(next) === JSON.stringify(link)) return link
  next.updated = nextTimestamp(link.updated)
  return next
}

function checkClaim(id: string, context: LinkContext): Claim {
  const claim = context.claim(id)
  if (!claim) {
    throw new BackendError(
      'unknown-claim',
      'Links join claims of your own annotation file; this claim is not (or no longer) one of them.',
    )
  }
  return claim
}

function checkRelation(id: string, context: LinkContext): RelationType {
  const relation = context.relation(id)
  if (!relation) {
    throw new BackendError('unknown-relation', `There is no relation type "${id}" in this project.`)
  }
  return relation
}

function checkEnd(from: string, to: LinkEnd, context: LinkContext): LinkEnd {
  if (to.kind === 'claim') {
    checkClaim(to.claimId, context)
    if (to.claimId === from) {
      throw new BackendError('invalid-link', 'A claim cannot be linked to itself.')
    }
    return { kind: 'claim', claimId: to.claimId }
  }
  const outside = {
    kind: 'outside' as const,
    url: to.url.trim(),
    title: to.title.trim(),
    publisher: to.publisher.trim(),
    date: to.date,
    quote: to.quote,
  }
  if (!describesOutsideSource(outside)) {
    throw new BackendError(
      'invalid-link',
      'An outside source needs a title or an address to be found again.',
    )
  }
  return outside
}

/** An existing link with the same ends and relation; either order for undirected relations. */
function findDuplicate(
  from: string,
  to: LinkEnd,
  relation: RelationType,
  links: Iterable<Link>,
): Link | undefined {
  const key = endKey(to)
  for (const link of links) {
    if (link.relation !== relation.id) continue
    if (link.from === from && endKey(link.to) === key) return link
    if (
      !relation.directed &&
      to.kind === 'claim' &&
      link.to.kind === 'claim' &&
      link.from === to.claimId &&
      link.to.claimId === from
    ) {
      return link
    }
  }
  return undefined
}

function endKey(end: LinkEnd): string {
  return end.kind === 'claim'
    ? `claim:${end.claimId}`
    : `outside:${end.url}\u0000${end.title}\u0000${end.publisher}\u0000${end.date}`
}
