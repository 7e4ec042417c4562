/**
 * The annotator file's conflict list (core/model/provenance.ts): values the git merge driver set
 * aside when both sides changed the same field of the same object (three-way.ts), for the
 * analyst to settle in the app.
 *
 * listMergeConflicts describes each entry with the object it concerns as the file holds it now
 * (a claim placed in its document's current text). settleMergeConflict is a command like any
 * other: 'kept' drops the entry; 'other' applies the value set aside to the object as an
 * ordinary edit and drops the entry, in one change set, so the session's commit journals it,
 * records it for undo and announces it in one event.
 */
import {
  claimSchema,
  clusterWordingSchema,
  conflictKey,
  linkedClaimIds,
  linkSchema,
  nextTimestamp,
  type Claim,
  type ClusterWording,
  type Link,
  type MergeConflict,
} from '../../core/model'
import type { ConflictSubject, MergeConflictView, SettleConflictRequest } from '../../shared/api'
import { BackendError } from '../errors'
import { changeSet, type Change, type ChangeSet } from './change-set'
import type { Command } from './commands/command'
import type { AnnotationContext, CommandContext } from './context'
import { locateClaims } from './locate-claims'

/** The current annotator's conflict list, each entry with its object described. */
export async function listMergeConflicts(context: AnnotationContext): Promise<MergeConflictView[]> {
  const store = context.store
  if (!store) return []
  // Entries settled or added in the file since (another instance, a `git pull`) first.
  await store.syncFromDisk()
  const entries = [...store.allConflicts()]
  if (entries.length === 0) return []
  // The claims the entries concern (a link's: its from-claim), placed in one pass.
  const claimOf = (entry: MergeConflict): Claim | null => {
    if (entry.kind === 'claim') return store.get(entry.id) ?? asClaim(entry.kept ?? entry.other)
    if (entry.kind === 'link') {
      const link = store.getLink(entry.id) ?? asLink(entry.kept ?? entry.other)
      return link ? (store.get(link.from) ?? null) : null
    }
    return null
  }
  const claims = entries.map(claimOf)
  const present = claims.filter((claim): claim is Claim => claim !== null)
  const locations = await locateClaims(context, present)
  const locationOf = new Map(present.map((claim, i) => [claim, locations[i]!]))
  return entries.map((entry, i) => {
    const claim = claims[i] ?? null
    const location = claim ? locationOf.get(claim) : undefined
    const subject: ConflictSubject = {
      exists: exists(context, entry),
      documentKey: location && location.status !== 'not-in-project' ? location.documentKey : null,
      documentPath:
        location && location.status !== 'not-in-project'
          ? location.path
          : (claim?.document.path ?? null),
      range: location?.status === 'placed' ? { start: location.start, end: location.end } : null,
      text: describeSubject(context, entry, claim),
    }
    return { ...entry, key: conflictKey(entry), subject }
  })
}

/** Settles one entry of the list: keeps the file's value, or takes the one set aside. */
export const settleMergeConflict: Command<[SettleConflictRequest], MergeConflictView[]> = (
  context,
  request,
) => {
  const entry = context.store.getConflict(request.key)
  if (!entry) {
    throw new BackendError(
      'unknown-conflict',
      'This merge conflict is not in the file any more (settled meanwhile). List them again.',
      context.store.file,
    )
  }
  const settle: Change<MergeConflict> = { id: request.key, before: entry, after: null }
  const change: ChangeSet =
    request.take === 'kept'
      ? changeSet(`Keep current ${fieldName(entry)}`, { conflicts: [settle] })
      : takeOther(context, entry, settle)
  return { change, answer: listMergeConflicts }
}

/** The value set aside applied to the object, and the entry dropped, as one change set. */
function takeOther(
  context: CommandContext,
  entry: MergeConflict,
  settle: Change<MergeConflict>,
): ChangeSet {
  const description = `Take other ${fieldName(entry)}`
  const store = context.store
  if (entry.kind === 'claim') {
    const current = store.get(entry.id) ?? null
    const after = otherVersion(entry, current, store.tombstone(entry.id)?.deleted ?? null)
    if (after !== null) checked(claimSchema, after, entry)
    if (current === null && after === null) return changeSet(description, { conflicts: [settle] })
    return changeSet(description, {
      claims: [{ id: entry.id, before: current, after }],
      conflicts: [settle],
    })
  }
  if (entry.kind === 'link') {
    const current = store.getLink(entry.id) ?? null
    const after = otherVersion(entry, current, store.linkTombstone(entry.id)?.deleted ?? null)
    if (after !== null) {
      checked(linkSchema, after, entry)
      const missing = linkedClaimIds(after).find((id) => !store.get(id))
      if (missing !== undefined) {
        throw new BackendError(
          'unknown-claim',
          'The other version of this link joins a claim that is no longer in your file; only the current value can be kept.',
          store.file,
        )
      }
    }
    if (current === null && after === null) return changeSet(description, { conflicts: [settle] })
    return changeSet(description, {
      links: [{ id: entry.id, before: current, after }],
      conflicts: [settle],
    })
  }
  const current = store.getWording(entry.id) ?? null
  const other = otherVersion(entry, current, null)
  // A cluster wording has no deletion: "none" is a version with no wording.
  const after: ClusterWording = other ?? {
    id: entry.id,
    canonicalWording: null,
    claimIds: current?.claimIds ?? [],
    updated: nextTimestamp(current?.updated ?? null),
  }
  checked(clusterWordingSchema, after, entry)
  return changeSet(description, {
    wordings: [{ id: entry.id, before: current, after }],
    conflicts: [settle],
  })
}

/**
 * The object once the value set aside is applied: the field set to it on the current version;
 * for an entry about a deletion (field null), the version set aside (null: the deletion). The
 * result is dated after everything the file knows of the object, so merges keep it.
 */
function otherVersion<T extends { id: string; updated: string }>(
  entry: MergeConflict,
  current: T | null,
  deletedAt: string | null,
): T | null {
  if (entry.field === null) {
    if (entry.other === null || entry.other === undefined) return null
    const other = entry.other as T
    const latest = [other.updated, current?.updated, deletedAt]
      .filter((time): time is string => typeof time === 'string')
      .sort()
      .at(-1)!
    return { ...other, id: entry.id, updated: nextTimestamp(latest) }
  }
  if (current === null) {
    throw new BackendError(
      entry.kind === 'link' ? 'unknown-link' : 'unknown-claim',
      `The ${entry.kind} this conflict concerns is no longer in your file; only the current value can be kept.`,
    )
  }
  const after: Record<string, unknown> = { ...current }
  if (entry.other === undefined || entry.other === null) delete after[entry.field]
  else after[entry.field] = entry.other
  after.updated = nextTimestamp(current.updated)
  return after as T
}

function checked(
  schema: { safeParse(value: unknown): { success: boolean } },
  value: unknown,
  entry: MergeConflict,
): void {
  if (!schema.safeParse(value).success) throw invalid(entry)
}

function invalid(entry: MergeConflict): BackendError {
  return new BackendError(
    'invalid-arguments',
    `The other value of this ${entry.kind}'s ${entry.field ?? 'version'} is not valid any more; only the current value can be kept.`,
  )
}

function exists(context: AnnotationContext, entry: MergeConflict): boolean {
  const store = context.store
  if (!store) return false
  if (entry.kind === 'claim') return store.get(entry.id) !== undefined
  if (entry.kind === 'link') return store.getLink(entry.id) !== undefined
  return store.getWording(entry.id) !== undefined
}

/** The object in a few words, for the panel. */
function describeSubject(
  context: AnnotationContext,
  entry: MergeConflict,
  claim: Claim | null,
): string {
  const store = context.store
  if (entry.kind === 'claim') return claim?.target.quote.exact ?? 'a claim'
  if (entry.kind === 'link') {
    const link = store?.getLink(entry.id) ?? asLink(entry.kept ?? entry.other)
    if (!link) return 'a link'
    const to =
      link.to.kind === 'claim'
        ? (store?.get(link.to.claimId)?.target.quote.exact ?? 'a claim')
        : link.to.title || link.to.url
    return `${claim?.target.quote.exact ?? 'a claim'} → ${to} (${link.relation})`
  }
  const wording = store?.getWording(entry.id) ?? asWording(entry.kept ?? entry.other)
  return wording?.canonicalWording ?? 'a cluster'
}

function fieldName(entry: MergeConflict): string {
  return entry.field === null ? `version of ${entry.kind}` : entry.field
}

function asClaim(value: unknown): Claim | null {
  return claimSchema.safeParse(value).success ? (value as Claim) : null
}

function asLink(value: unknown): Link | null {
  return linkSchema.safeParse(value).success ? (value as Link) : null
}

function asWording(value: unknown): ClusterWording | null {
  return clusterWordingSchema.safeParse(value).success ? (value as ClusterWording) : null
}
