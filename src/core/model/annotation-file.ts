/**
 * The annotation file: one file per annotator, `annotations/<annotator>.json`.
 *
 * Version 2 (current):
 *   { format: 'corroborate/annotations', version: 2, annotator,
 *     claims: [...], deleted: [...],            claims and their tombstones
 *     links: [...], deletedLinks: [...],        links between claims and their tombstones
 *     clusters: [{ id, canonicalWording, updated }],    wording chosen for clusters
 *     conflicts?: [...] }                      values a git merge set aside (provenance.ts)
 * Version 1 had claims and deleted only; it is migrated on load (migrations.ts).
 *
 * `claims`, `links` and their tombstones are kept sorted by id (UUIDv7: creation order), so
 * diffs stay small and readable. Tombstones (id + when) make merging this file with an older
 * copy of itself (a colleague's, a git branch) not bring deleted claims or links back.
 *
 * Objects are "loose": fields this version does not know are kept when the file is rewritten,
 * so a tool that adds its own fields loses nothing by passing through Corroborate.
 */
import { z } from 'zod'
import { claimSchema, tombstoneSchema, type Claim, type Tombstone } from './claim'
import { clusterWordingSchema, linkSchema, type ClusterWording, type Link } from './link'
import { mergeConflictSchema, type MergeConflict } from './provenance'

export const ANNOTATION_FILE_FORMAT = 'corroborate/annotations'

export const annotationFileV1Schema = z.looseObject({
  format: z.literal(ANNOTATION_FILE_FORMAT),
  version: z.literal(1),
  annotator: z.string().min(1).max(64),
  claims: z.array(claimSchema),
  deleted: z.array(tombstoneSchema),
})

export type AnnotationFileV1 = z.infer<typeof annotationFileV1Schema>

export const annotationFileV2Schema = z.looseObject({
  format: z.literal(ANNOTATION_FILE_FORMAT),
  version: z.literal(2),
  annotator: z.string().min(1).max(64),
  claims: z.array(claimSchema),
  deleted: z.array(tombstoneSchema),
  links: z.array(linkSchema),
  deletedLinks: z.array(tombstoneSchema),
  clusters: z.array(clusterWordingSchema),
  /** Values a git merge set aside (provenance.ts); absent when there are none. */
  conflicts: z.array(mergeConflictSchema).max(100_000).optional(),
})

export type AnnotationFileV2 = z.infer<typeof annotationFileV2Schema>

/** The version this build reads and writes; older files are migrated forward on load. */
export const CURRENT_ANNOTATION_VERSION = 2
export const annotationFileSchema = annotationFileV2Schema
export type AnnotationFile = AnnotationFileV2

/** What a file holds besides its header, as the store keeps it. */
export interface AnnotationContent {
  claims: Iterable<Claim>
  deleted: Iterable<Tombstone>
  links: Iterable<Link>
  deletedLinks: Iterable<Tombstone>
  clusters: Iterable<ClusterWording>
  /** The conflict list as the store keeps it; absent: the file's own list is written as it is. */
  conflicts?: Iterable<MergeConflict>
}

export function emptyAnnotationFile(annotator: string): AnnotationFile {
  return {
    format: ANNOTATION_FILE_FORMAT,
    version: CURRENT_ANNOTATION_VERSION,
    annotator,
    claims: [],
    deleted: [],
    links: [],
    deletedLinks: [],
    clusters: [],
  }
}

/**
 * The file as it is written: the current version, everything in id order whatever order it came
 * in. The header (and fields this version does not know) comes from `file`.
 */
export function normalizeAnnotationFile(
  file: AnnotationFile,
  content: AnnotationContent,
): AnnotationFile {
  const normalized: AnnotationFile = {
    ...file,
    version: CURRENT_ANNOTATION_VERSION,
    claims: sortedById([...content.claims]),
    deleted: sortedById([...content.deleted]),
    links: sortedById([...content.links]),
    deletedLinks: sortedById([...content.deletedLinks]),
    clusters: sortedById([...content.clusters]),
  }
  if (content.conflicts !== undefined) {
    // Written only while there are some: a file without conflicts looks as it always did.
    const conflicts = [...content.conflicts]
    if (conflicts.length > 0) normalized.conflicts = conflicts
    else delete normalized.conflicts
  }
  return normalized
}

/** Sorts in place unless already sorted (the usual case: ids are created in time order). */
function sortedById<T extends { id: string }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) {
    if (items[i - 1].id > items[i].id) return items.sort(byId)
  }
  return items
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
