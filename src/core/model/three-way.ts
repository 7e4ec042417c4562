/**
 * Three-way merge of two versions of one annotation file against their common ancestor, for the
 * git merge driver (`corroborate merge-driver %O %A %B`). Pure: texts in, file out.
 *
 * Claims, links and cluster wordings are matched by id, in each of the three versions:
 *   - the same on both sides, or changed on one side only (the other still as in the ancestor):
 *     that side's version, deletions included (a tombstone, or an object absent where the
 *     ancestor had it);
 *   - changed on both sides, both still there: merged field by field (top-level fields; `target`
 *     and `document` count as one field each, since a range and its quote go together). A field
 *     changed on one side only takes that change; a field both sides changed to different values
 *     is a conflict;
 *   - deleted on one side and edited on the other: the later event wins (an edit by its
 *     `updated`, a deletion by its tombstone's `deleted`; a deletion wins a tie, as in merge.ts),
 *     and the loser is recorded as a conflict with field null.
 *
 * The rule for a conflicting field: the value of the version with the later `updated` is kept; on
 * equal times the value of the current branch (%A, "ours") is kept. The other value is recorded
 * in the file's `conflicts` list with the time of its version, so nothing is lost and the analyst
 * can settle it. The merged object's `updated` is the later of the two.
 *
 * Tombstones are united (the later time per id). A link whose claim did not survive is deleted,
 * as the store does: no link dangles. Header fields come from ours, but for the gold merge's
 * `mergeRemoved`, which is united, and the conflict list, merged three-way: entries either side
 * added are kept, and an entry of the ancestor that either side settled (dropped) stays settled.
 */
import type { AnnotationFile } from './annotation-file'
import type { Tombstone } from './claim'
import { conflictKey, type MergeConflict } from './provenance'

/** Header list of the gold merge (core/review/gold/build-gold.ts), united rather than ours'. */
const MERGE_REMOVED_FIELD = 'mergeRemoved'

interface Versioned {
  id: string
  updated: string
}

export interface ThreeWayResult {
  file: AnnotationFile
  /** Conflicts this merge added to the file's list. */
  conflicts: MergeConflict[]
}

/** `base` null: the file was added on both sides (git gives an empty ancestor). */
export function mergeAnnotationFiles3(
  base: AnnotationFile | null,
  ours: AnnotationFile,
  theirs: AnnotationFile,
  now: string,
): ThreeWayResult {
  const conflicts: MergeConflict[] = []
  const claims = mergeSets(
    'claim',
    base ? { items: base.claims, deleted: base.deleted } : null,
    { items: ours.claims, deleted: ours.deleted },
    { items: theirs.claims, deleted: theirs.deleted },
    now,
    conflicts,
  )
  const links = mergeSets(
    'link',
    base ? { items: base.links, deleted: base.deletedLinks } : null,
    { items: ours.links, deleted: ours.deletedLinks },
    { items: theirs.links, deleted: theirs.deletedLinks },
    now,
    conflicts,
  )
  const clusters = mergeSets(
    'cluster',
    base ? { items: base.clusters, deleted: [] } : null,
    { items: ours.clusters, deleted: [] },
    { items: theirs.clusters, deleted: [] },
    now,
    conflicts,
  )
  // No dangling links: a link whose claim is gone goes too, its tombstone dated now.
  const claimIds = new Set(claims.items.map((claim) => claim.id))
  const keptLinks = links.items.filter((link) => {
    const ends = link.to.kind === 'claim' ? [link.from, link.to.claimId] : [link.from]
    if (ends.every((id) => claimIds.has(id))) return true
    links.deleted.push({ id: link.id, deleted: later(now, link.updated) })
    return false
  })
  const allConflicts = uniqueByJson([...mergeConflictLists(base, ours, theirs), ...conflicts])
  const file: AnnotationFile = {
    ...ours,
    version: 2,
    claims: sortById(claims.items),
    deleted: sortById(uniqueTombstones(claims.deleted)),
    links: sortById(keptLinks),
    deletedLinks: sortById(uniqueTombstones(links.deleted)),
    clusters: sortById(clusters.items),
  }
  // The ids a gold merge removed itself (core/review/gold): known to either side, known here.
  const removed = [ours, theirs].flatMap((side) => {
    const list = (side as Record<string, unknown>)[MERGE_REMOVED_FIELD]
    return Array.isArray(list) ? list : []
  })
  if (removed.length > 0) {
    ;(file as Record<string, unknown>)[MERGE_REMOVED_FIELD] = [...new Set(removed)].sort()
  }
  if (allConflicts.length > 0) file.conflicts = allConflicts
  else delete file.conflicts
  return { file, conflicts }
}

/**
 * The two sides' conflict lists merged three-way by conflictKey: an entry either side added is
 * kept, and one the ancestor had that a side dropped (the analyst settled it) stays dropped.
 */
function mergeConflictLists(
  base: AnnotationFile | null,
  ours: AnnotationFile,
  theirs: AnnotationFile,
): MergeConflict[] {
  const keys = (file: AnnotationFile | null) => new Set((file?.conflicts ?? []).map(conflictKey))
  const [inBase, inOurs, inTheirs] = [keys(base), keys(ours), keys(theirs)]
  const settled = (key: string) => inBase.has(key) && !(inOurs.has(key) && inTheirs.has(key))
  return [...(ours.conflicts ?? []), ...(theirs.conflicts ?? [])].filter(
    (entry) => !settled(conflictKey(entry)),
  )
}

interface Side<T> {
  items: readonly T[]
  deleted: readonly Tombstone[]
}

function mergeSets<T extends Versioned>(
  kind: MergeConflict['kind'],
  base: Side<T> | null,
  ours: Side<T>,
  theirs: Side<T>,
  now: string,
  conflicts: MergeConflict[],
): { items: T[]; deleted: Tombstone[] } {
  const index = (side: Side<T> | null) => ({
    items: new Map((side?.items ?? []).map((item) => [item.id, item])),
    deleted: new Map((side?.deleted ?? []).map((t) => [t.id, t])),
  })
  const [b, o, t] = [index(base), index(ours), index(theirs)]
  const items: T[] = []
  // Tombstones are united whatever becomes of their object: a later merge must know of them.
  const deleted: Tombstone[] = [...o.deleted.values(), ...t.deleted.values()]
  const ids = new Set([...o.items.keys(), ...t.items.keys()])
  for (const id of ids) {
    const baseItem = b.items.get(id)
    const ourItem = liveItem(o.items.get(id), o.deleted.get(id))
    const theirItem = liveItem(t.items.get(id), t.deleted.get(id))
    const ourDeletion = deletionOf(o, id, baseItem)
    const theirDeletion = deletionOf(t, id, baseItem)
    if (ourItem && theirItem) {
      items.push(mergeItems(kind, baseItem, ourItem, theirItem, now, conflicts))
      continue
    }
    const survivor = ourItem ?? theirItem
    if (!survivor) continue
    const deletion = ourItem ? theirDeletion : ourDeletion
    if (!deletion) {
      items.push(survivor) // Only on one side and never deleted: new there.
      continue
    }
    // Deleted on one side. Unchanged on the other since the ancestor: the deletion stands.
    if (baseItem && sameValue(baseItem, survivor)) {
      if (deletion.time === null) deleted.push({ id, deleted: later(now, survivor.updated) })
      continue
    }
    // Edited on one side, deleted on the other: the later event wins, the other is recorded.
    const deletedAt = deletion.time ?? now
    if (Date.parse(survivor.updated) > Date.parse(deletedAt)) {
      items.push(survivor)
      conflicts.push(conflict(kind, id, null, survivor, null, deletedAt, now))
    } else {
      if (deletion.time === null) deleted.push({ id, deleted: deletedAt })
      conflicts.push(conflict(kind, id, null, null, survivor, survivor.updated, now))
    }
  }
  return { items, deleted }
}

/** The side's version of an object, unless a tombstone at least as new deletes it. */
function liveItem<T extends Versioned>(
  item: T | undefined,
  tombstone: Tombstone | undefined,
): T | undefined {
  if (!item) return undefined
  if (tombstone && Date.parse(tombstone.deleted) >= Date.parse(item.updated)) return undefined
  return item
}

/**
 * How a side deleted an object: by a tombstone (time known), or by leaving out an object the
 * ancestor had (time unknown: null). Undefined: not deleted there.
 */
function deletionOf<T extends Versioned>(
  side: { items: Map<string, T>; deleted: Map<string, Tombstone> },
  id: string,
  baseItem: T | undefined,
): { time: string | null } | undefined {
  const tombstone = side.deleted.get(id)
  const item = side.items.get(id)
  if (tombstone && (!item || Date.parse(tombstone.deleted) >= Date.parse(item.updated))) {
    return { time: tombstone.deleted }
  }
  if (!item && baseItem) return { time: null }
  return undefined
}

function mergeItems<T extends Versioned>(
  kind: MergeConflict['kind'],
  base: T | undefined,
  ours: T,
  theirs: T,
  now: string,
  conflicts: MergeConflict[],
): T {
  if (sameValue(ours, theirs)) return ours
  if (base && sameValue(base, ours)) return theirs
  if (base && sameValue(base, theirs)) return ours
  // Both changed: field by field. Ties go to ours (the branch being merged into).
  const theirsLater = Date.parse(theirs.updated) > Date.parse(ours.updated)
  const [winner, loser] = theirsLater ? [theirs, ours] : [ours, theirs]
  const merged: Record<string, unknown> = {}
  const fields = new Set([...Object.keys(ours), ...Object.keys(theirs)])
  const baseRecord = base as Record<string, unknown> | undefined
  for (const field of fields) {
    if (field === 'updated' || field === 'id') continue
    const o = (ours as Record<string, unknown>)[field]
    const t = (theirs as Record<string, unknown>)[field]
    const b = baseRecord?.[field]
    let value: unknown
    if (sameValue(o, t)) value = o
    else if (baseRecord && sameValue(b, o)) value = t
    else if (baseRecord && sameValue(b, t)) value = o
    else {
      value = (winner as Record<string, unknown>)[field]
      const other = (loser as Record<string, unknown>)[field]
      conflicts.push(
        conflict(kind, ours.id, field, value ?? null, other ?? null, loser.updated, now),
      )
    }
    if (value !== undefined) merged[field] = value
  }
  return { ...merged, id: ours.id, updated: winner.updated } as unknown as T
}

function conflict(
  kind: MergeConflict['kind'],
  id: string,
  field: string | null,
  kept: unknown,
  other: unknown,
  otherTime: string,
  recorded: string,
): MergeConflict {
  return { kind, id, field, kept, other, otherTime, recorded }
}

/** Deep equality of JSON values, key order ignored (files are written by several programs). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  // Most objects come from files written by this app, keys in the same order: one plain
  // stringify each settles them; only those that differ are compared key order aside.
  const [plainA, plainB] = [JSON.stringify(a), JSON.stringify(b)]
  return plainA === plainB || canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  )
}

function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : new Date(Date.parse(b) + 1).toISOString()
}

function uniqueTombstones(tombstones: Tombstone[]): Tombstone[] {
  const byId = new Map<string, Tombstone>()
  for (const t of tombstones) {
    const known = byId.get(t.id)
    if (!known || Date.parse(t.deleted) > Date.parse(known.deleted)) byId.set(t.id, t)
  }
  return [...byId.values()]
}

function uniqueByJson<T>(items: T[]): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = canonical(item)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function sortById<T extends { id: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
