/**
 * Link commands: link two claims (or a claim and an outside source), edit and delete a link,
 * accept a suggestion (claiming an unannotated sentence first, in the same step), and name a
 * cluster. The rules a link must follow are in link-rules.ts.
 */
import { nextTimestamp, type Claim, type ClusterWording, type Link } from '../../../core/model'
import type {
  AcceptedSuggestion,
  AcceptSuggestion,
  ClaimRef,
  ClusterView,
  LinkPatch,
  NewLink,
} from '../../../shared/api'
import { BackendError } from '../../errors'
import { changeSet, created, edited, removed } from '../change-set'
import {
  existingClaim,
  existingLink,
  type AnnotationContext,
  type CommandContext,
} from '../context'
import { buildLink, patchLink, type LinkContext } from '../link-rules'
import { clusterViewsOf } from '../queries'
import { newClaim } from './claims'
import { outcome, type Command } from './command'

export const createLink: Command<[NewLink], Link> = (context, input) => {
  const link = buildLink(input, linkContext(context))
  return outcome(changeSet('Create link', { links: [created(link)] }), link)
}

export const updateLink: Command<[string, LinkPatch], Link> = (context, id, patch) => {
  const link = existingLink(context, id)
  const next = patchLink(link, patch, linkContext(context))
  if (next === link) return outcome(null, link)
  return outcome(changeSet('Edit link', { links: [edited(link, next)] }), next)
}

export const deleteLink: Command<[string], void> = (context, id) => {
  const link = existingLink(context, id)
  return outcome(changeSet('Delete link', { links: [removed(link)] }), undefined)
}

/**
 * One step: claims for the ends given as ranges, then the link, in the direction the evidence
 * says. Everything is checked before anything is stored, so a refused link leaves no stray claim.
 */
export const acceptSuggestion: Command<[AcceptSuggestion], AcceptedSuggestion> = async (
  context,
  input,
) => {
  const createdClaims: Claim[] = []
  const claimOf = async (ref: ClaimRef): Promise<string> => {
    if ('claimId' in ref) return existingClaim(context, ref.claimId).id
    const claim = await newClaim(context, ref)
    createdClaims.push(claim)
    return claim.id
  }
  const source = await claimOf(input.source)
  const target = await claimOf(input.target)
  const [from, to] = startsAtTarget(context, input) ? [target, source] : [source, target]
  const rules = linkContext(context)
  const link = buildLink(
    {
      from,
      to: { kind: 'claim', claimId: to },
      relation: input.relation,
      note: input.note,
      confidence: input.confidence,
    },
    { ...rules, claim: (id) => createdClaims.find((claim) => claim.id === id) ?? rules.claim(id) },
  )
  return outcome(
    changeSet(createdClaims.length > 0 ? 'Claim and link' : 'Create link', {
      claims: createdClaims.map(created),
      links: [created(link)],
    }),
    { link, createdClaims },
  )
}

/**
 * A suggested update runs from the older claim to the newer one: when the suggestion said the
 * target is the older, the link starts there. Only while the analyst keeps the suggested
 * relation and it is directed: their own choice of relation reads from the claim they asked for.
 */
function startsAtTarget(context: CommandContext, input: AcceptSuggestion): boolean {
  const suggested = input.suggested
  if (!suggested || suggested.linkFrom !== 'target' || suggested.relation !== input.relation) {
    return false
  }
  return context.settings.relation(input.relation)?.directed === true
}

/** Sets a cluster's wording, or with null goes back to the earliest mention's words. */
export const setClusterWording: Command<[string, string | null], ClusterView> = async (
  context,
  clusterId,
  text,
) => {
  const find = async (from: AnnotationContext) =>
    (await clusterViewsOf(from)).find((cluster) => cluster.id === clusterId)
  const cluster = await find(context)
  if (!cluster) {
    throw new BackendError(
      'unknown-cluster',
      'This cluster no longer exists (its claims or links changed). Reload the clusters.',
    )
  }
  const before = context.store.getWording(clusterId) ?? null
  const wording = text?.trim() ? text.trim() : null
  const after: ClusterWording = {
    id: clusterId,
    canonicalWording: wording,
    claimIds: cluster.memberClaimIds,
    updated: nextTimestamp(before?.updated ?? null),
  }
  return {
    change: changeSet('Change cluster wording', { wordings: [{ id: clusterId, before, after }] }),
    // Merged from disk in between, the cluster may have changed or gone: say so, never answer
    // with nothing.
    answer: async (committed) => {
      const view = await find(committed)
      if (!view) {
        throw new BackendError(
          'unknown-cluster',
          "The wording was saved, but the cluster changed meanwhile (a colleague's edit). Reload the clusters.",
        )
      }
      return view
    },
  }
}

function linkContext(context: CommandContext): LinkContext {
  return {
    annotator: context.annotator,
    claim: (id) => context.store.get(id),
    relation: (id) => context.settings.relation(id),
    links: () => context.store.allLinks(),
  }
}
