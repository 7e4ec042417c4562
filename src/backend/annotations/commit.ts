/**
 * Applying a change set to the annotator's store and the project settings, and telling the UI
 * what changed. The session's `commit` is the only caller: it checks the files are writable,
 * applies, records history and emits one event.
 *
 * Order matters so that no link ever points at a claim that is not there: claims put back or
 * edited first, links next, removed claims last, each removed claim taking along links the set
 * does not know of (merged from a colleague's copy since). The changes actually made are
 * returned, so that history and events describe what happened, not what was asked.
 */
import { linkedClaimIds, nextTimestamp, type Claim, type Link } from '../../core/model'
import type { ChangeSummary, HistoryState, ProjectSettings } from '../../shared/api'
import type { Log } from '../settings'
import type { AnnotationStore } from './annotation-store'
import type { Change, ChangeSet } from './change-set'
import type { ProjectSettingsStore } from './project-settings-store'

export interface CommitTarget {
  store: AnnotationStore | null
  settings: ProjectSettingsStore
  log: Log
}

/**
 * How versions are written. 'as-built': a command's versions, with the times it gave them.
 * 'restamped': undo and redo put back old versions with a fresh `updated`, because for merging
 * with colleagues' copies, putting one back is a change made now and must win over older copies.
 */
export type Stamping = 'as-built' | 'restamped'

/** Applies `set`; returns the changes made (cascaded link removals included). */
export async function applyChangeSet(
  target: CommitTarget,
  set: ChangeSet,
  stamping: Stamping,
): Promise<ChangeSet> {
  const { settings } = target
  // Merged with the file by id against what the change was made from (never clobbered).
  if (set.labels) await settings.saveLabels(set.labels.after, set.labels.before)
  if (set.relations) await settings.saveRelations(set.relations.after, set.relations.before)
  for (const change of set.documents) {
    await settings.putDocumentCorrection(change.id, change.after)
  }
  const store = target.store
  if (!store) return { ...set, claims: [], links: [], wordings: [], conflicts: [] }

  const claims = versionsOf<Claim>({
    get: (id) => store.get(id),
    tombstone: (id) => store.tombstone(id),
    put: (claim) => store.put(claim),
    remove: (id, at) => store.remove(id, at),
  })
  const links = versionsOf<Link>({
    get: (id) => store.getLink(id),
    tombstone: (id) => store.linkTombstone(id),
    put: (link) => store.putLink(link),
    remove: (id, at) => store.removeLink(id, at),
  })
  const madeClaims: Change<Claim>[] = []
  const madeLinks: Change<Link>[] = []

  for (const change of set.claims) {
    if (change.after !== null) madeClaims.push(...claims.write(change, stamping))
  }
  for (const change of set.links) {
    const after = change.after
    if (after !== null && linkedClaimIds(after).some((id) => !store.get(id))) {
      target.log(`Link ${change.id} was not restored: one of its claims is gone.`)
      continue
    }
    madeLinks.push(...links.write(change, stamping))
  }
  for (const change of set.claims) {
    if (change.after !== null) continue
    for (const link of store.linksOf(change.id)) {
      madeLinks.push(...links.write({ id: link.id, before: link, after: null }, stamping))
    }
    madeClaims.push(...claims.write(change, stamping))
  }
  for (const change of set.wordings) {
    const current = store.getWording(change.id)
    const wanted = change.after ?? {
      id: change.id,
      canonicalWording: null,
      claimIds: current?.claimIds ?? [],
      updated: '',
    }
    // Wordings have no tombstones: "none" is a version saying so, which merges like any other.
    const written = {
      ...wanted,
      updated:
        stamping === 'as-built' && change.after !== null
          ? change.after.updated
          : nextTimestamp(current?.updated ?? change.after?.updated ?? null),
    }
    store.putWording(written)
  }
  for (const change of set.conflicts) {
    if (change.after === null) store.settleConflict(change.id)
    else store.putConflict(change.after)
  }
  return { ...set, claims: madeClaims, links: madeLinks }
}

interface VersionStore<T> {
  get(id: string): T | undefined
  tombstone(id: string): { deleted: string } | undefined
  put(item: T): void
  remove(id: string, at: string): void
}

function versionsOf<T extends { id: string; updated: string }>(versions: VersionStore<T>) {
  return {
    /** Writes one side of a change; returns the change as made (empty when nothing was to do). */
    write(change: Change<T>, stamping: Stamping): Change<T>[] {
      const current = versions.get(change.id) ?? null
      const previousTime = current?.updated ?? versions.tombstone(change.id)?.deleted ?? null
      if (change.after === null) {
        if (!current) return []
        versions.remove(change.id, nextTimestamp(previousTime))
        return [{ id: change.id, before: current, after: null }]
      }
      const written =
        stamping === 'as-built'
          ? change.after
          : { ...change.after, updated: nextTimestamp(previousTime ?? change.after.updated) }
      versions.put(written)
      return [{ id: change.id, before: current, after: written }]
    },
  }
}

/** What the UI must reload after `made`, in the event's words. */
export function summarize(
  made: ChangeSet,
  cause: ChangeSummary['cause'],
  store: AnnotationStore | null,
  history: HistoryState,
  settings: () => ProjectSettings,
  /** The paths of the listed files whose document has this id (copies share one). */
  pathsOfDocument: (id: string) => string[] = () => [],
): ChangeSummary {
  const claimById = new Map<string, Claim>()
  const claimPaths = new Set<string>()
  for (const change of made.claims) {
    for (const version of [change.before, change.after]) {
      if (!version) continue
      claimPaths.add(version.document.path)
      claimById.set(version.id, version)
    }
  }
  const pathOfClaim = (id: string) => (store?.get(id) ?? claimById.get(id))?.document.path
  // Link listings show their ends' quotes and labels: a changed claim with links changes them.
  const touchedLinks: Link[] = made.links.flatMap((change) =>
    [change.before, change.after].filter((link): link is Link => link !== null),
  )
  for (const change of made.claims) {
    if (change.after !== null && store) touchedLinks.push(...store.linksOf(change.id))
  }
  const linkPaths = new Set<string>()
  for (const link of touchedLinks) {
    for (const id of linkedClaimIds(link)) {
      const path = pathOfClaim(id)
      if (path !== undefined) linkPaths.add(path)
    }
  }
  return {
    cause,
    description: made.description,
    claimPaths: [...claimPaths].sort(),
    linkPaths: [...linkPaths].sort(),
    links: touchedLinks.length > 0 || made.wordings.length > 0 || made.relations !== null,
    settings: made.labels !== null || made.relations !== null ? settings() : null,
    correctedPaths: [
      ...new Set(made.documents.flatMap((change) => pathsOfDocument(change.id))),
    ].sort(),
    history,
    // Said only when it happened: most commits never touch the conflict list.
    ...(made.conflicts.length > 0 ? { conflicts: true } : {}),
  }
}
