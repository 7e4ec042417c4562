/**
 * A change set: everything one command changes, as versions before and after. Commands build
 * one from the current state (they change nothing themselves); the session's `commit` applies
 * it, records it for undo and announces it in one event. Undo and redo commit the inverse, as a
 * ProseMirror transaction's inverted steps would.
 *
 * Claims, links and cluster wordings change together, so that deleting a claim with its links,
 * or claiming a sentence and linking it, is one step; `null` means the object did not exist. The
 * project's label set and relation types are whole lists (they are small and edited together).
 * The analyst's corrections of a document (metadata, furniture flips) are one version per
 * document, keyed by document id: they live in the project settings, yet undo like claims.
 * Entries of the file's conflict list (values a git merge set aside) are keyed by conflictKey:
 * settling one removes it (`after` null), undoing puts it back.
 */
import type {
  Claim,
  ClusterWording,
  DocumentCorrection,
  Label,
  Link,
  MergeConflict,
  RelationType,
} from '../../core/model'

export interface Change<T> {
  id: string
  before: T | null
  after: T | null
}

export interface ListChange<T> {
  before: T[]
  after: T[]
}

export interface ChangeSet {
  /** What was done, for people: "Create claim" (the undo menu shows "Undo Create claim"). */
  description: string
  claims: Change<Claim>[]
  links: Change<Link>[]
  wordings: Change<ClusterWording>[]
  conflicts: Change<MergeConflict>[]
  labels: ListChange<Label> | null
  relations: ListChange<RelationType> | null
  /** Corrections of documents (corroborate.json `documents`), `id` the document id. */
  documents: Change<DocumentCorrection>[]
}

/** A change set with only the parts given. */
export function changeSet(
  description: string,
  parts: Partial<Omit<ChangeSet, 'description'>>,
): ChangeSet {
  return {
    description,
    claims: parts.claims ?? [],
    links: parts.links ?? [],
    wordings: parts.wordings ?? [],
    conflicts: parts.conflicts ?? [],
    labels: parts.labels ?? null,
    relations: parts.relations ?? null,
    documents: parts.documents ?? [],
  }
}

/** The change that takes `set` back: sides swapped, steps in reverse order. */
export function invert(set: ChangeSet): ChangeSet {
  const swap = <T>(change: Change<T>): Change<T> => ({
    id: change.id,
    before: change.after,
    after: change.before,
  })
  const swapList = <T>(change: ListChange<T> | null) =>
    change && { before: change.after, after: change.before }
  return {
    description: set.description,
    claims: set.claims.map(swap).reverse(),
    links: set.links.map(swap).reverse(),
    wordings: set.wordings.map(swap).reverse(),
    conflicts: set.conflicts.map(swap).reverse(),
    labels: swapList(set.labels),
    relations: swapList(set.relations),
    documents: set.documents.map(swap).reverse(),
  }
}

/** True when applying the set would change nothing. */
export function isEmpty(set: ChangeSet): boolean {
  return (
    set.claims.length === 0 &&
    set.links.length === 0 &&
    set.wordings.length === 0 &&
    set.conflicts.length === 0 &&
    set.labels === null &&
    set.relations === null &&
    set.documents.length === 0
  )
}

/** Creates: a change whose `before` is null. */
export const created = <T extends { id: string }>(item: T): Change<T> => ({
  id: item.id,
  before: null,
  after: item,
})

/** Deletes: a change whose `after` is null. */
export const removed = <T extends { id: string }>(item: T): Change<T> => ({
  id: item.id,
  before: item,
  after: null,
})

/** Edits: both versions. */
export const edited = <T extends { id: string }>(before: T, after: T): Change<T> => ({
  id: after.id,
  before,
  after,
})
