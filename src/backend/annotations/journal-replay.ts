/**
 * Replaying journal records (annotation-journal.ts) over the content read from the file.
 *
 * Records are not applied blindly: the file may have moved on since they were written (a
 * colleague's newer edit merged in by another instance, a `git pull` while the app was down).
 * The records are first folded into a set of their own, each id keeping its latest event, and
 * that set is merged with the file's by core/model/merge, the rule every other merge follows:
 * the later change wins, a deletion beats a version of the same time. Replaying a record the
 * file already holds is therefore a no-op, which is what lets compaction leave records behind.
 */
import {
  conflictKey,
  mergeVersioned,
  type Claim,
  type ClusterWording,
  type Link,
  type MergeConflict,
  type Tombstone,
  type Versioned,
} from '../../core/model'
import type { JournalOp } from './annotation-journal'

export interface StoreContent {
  claims: Map<string, Claim>
  deleted: Map<string, Tombstone>
  links: Map<string, Link>
  deletedLinks: Map<string, Tombstone>
  wordings: Map<string, ClusterWording>
  /** The conflict list by conflictKey. */
  conflicts: Map<string, MergeConflict>
}

/** The merged content, and whether the records brought anything the file lacked. */
export interface ReplayResult extends StoreContent {
  changed: boolean
}

export function replayJournal(records: JournalOp[][], file: StoreContent): ReplayResult {
  const journal: StoreContent = {
    claims: new Map(),
    deleted: new Map(),
    links: new Map(),
    deletedLinks: new Map(),
    wordings: new Map(),
    conflicts: new Map(),
  }
  // Conflict entries have no times of their own: the journal's settlements and put-backs apply
  // in order over the file's list (an entry the file no longer has stays gone).
  const conflicts = new Map(file.conflicts)
  for (const ops of records) {
    for (const op of ops) {
      if ('claim' in op) putLatest(journal.claims, journal.deleted, op.claim)
      else if ('deleted' in op) deleteLatest(journal.claims, journal.deleted, op.deleted)
      else if ('link' in op) putLatest(journal.links, journal.deletedLinks, op.link)
      else if ('deletedLink' in op)
        deleteLatest(journal.links, journal.deletedLinks, op.deletedLink)
      else if ('wording' in op) putLatest(journal.wordings, new Map(), op.wording)
      else if ('conflict' in op) conflicts.set(conflictKey(op.conflict), op.conflict)
      else if ('settledConflict' in op) conflicts.delete(op.settledConflict)
    }
  }
  const claims = mergeVersioned(
    { items: journal.claims, deleted: journal.deleted },
    { items: file.claims, deleted: file.deleted },
  )
  const links = mergeVersioned(
    { items: journal.links, deleted: journal.deletedLinks },
    { items: file.links, deleted: file.deletedLinks },
  )
  const none = new Map<string, Tombstone>()
  const wordings = mergeVersioned(
    { items: journal.wordings, deleted: none },
    { items: file.wordings, deleted: none },
  )
  return {
    claims: claims.items,
    deleted: claims.deleted,
    links: links.items,
    deletedLinks: links.deleted,
    wordings: wordings.items,
    conflicts,
    changed:
      claims.differsFromTheirs ||
      links.differsFromTheirs ||
      wordings.differsFromTheirs ||
      !sameConflicts(conflicts, file.conflicts),
  }
}

/** Whether two conflict lists hold the same entries under the same keys. */
function sameConflicts(
  a: ReadonlyMap<string, MergeConflict>,
  b: ReadonlyMap<string, MergeConflict>,
) {
  if (a.size !== b.size) return false
  for (const [key, entry] of a) if (b.get(key) !== entry) return false
  return true
}

/** The time of the latest event the set holds for an id, or -Infinity. */
function latest<T extends Versioned>(
  items: Map<string, T>,
  deleted: Map<string, Tombstone>,
  id: string,
): number {
  const item = items.get(id)
  const tombstone = deleted.get(id)
  return Math.max(
    item ? Date.parse(item.updated) : -Infinity,
    tombstone ? Date.parse(tombstone.deleted) : -Infinity,
  )
}

/** Records of one journal come in time order; those of two crashed instances may interleave. */
function putLatest<T extends Versioned>(
  items: Map<string, T>,
  deleted: Map<string, Tombstone>,
  item: T,
): void {
  if (Date.parse(item.updated) < latest(items, deleted, item.id)) return
  items.set(item.id, item)
  deleted.delete(item.id)
}

function deleteLatest<T extends Versioned>(
  items: Map<string, T>,
  deleted: Map<string, Tombstone>,
  tombstone: Tombstone,
): void {
  if (Date.parse(tombstone.deleted) < latest(items, deleted, tombstone.id)) return
  items.delete(tombstone.id)
  deleted.set(tombstone.id, tombstone)
}
