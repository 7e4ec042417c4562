/**
 * The annotation file, version 1: one file per annotator, `annotations/<annotator>.json`.
 *
 *   { format: 'corroborate/annotations', version: 1, annotator, claims: [...], deleted: [...] }
 *
 * `claims` are kept sorted by id (UUIDv7: creation order), so diffs stay small and readable.
 * `deleted` lists tombstones (id + when) so that merging this file with an older copy of itself
 * (a colleague's, a git branch) does not bring deleted claims back.
 *
 * Objects are "loose": fields this version does not know are kept when the file is rewritten,
 * so a tool that adds its own fields loses nothing by passing through Corroborate.
 */
import { z } from 'zod'
import { claimSchema, tombstoneSchema, type Claim, type Tombstone } from './claim'

export const ANNOTATION_FILE_FORMAT = 'corroborate/annotations'

export const annotationFileV1Schema = z.looseObject({
  format: z.literal(ANNOTATION_FILE_FORMAT),
  version: z.literal(1),
  annotator: z.string().min(1).max(64),
  claims: z.array(claimSchema),
  deleted: z.array(tombstoneSchema),
})

export type AnnotationFileV1 = z.infer<typeof annotationFileV1Schema>

/** The version this build reads and writes; older files are migrated forward on load. */
export const CURRENT_ANNOTATION_VERSION = 1
export const annotationFileSchema = annotationFileV1Schema
export type AnnotationFile = AnnotationFileV1

export function emptyAnnotationFile(annotator: string): AnnotationFile {
  return {
    format: ANNOTATION_FILE_FORMAT,
    version: CURRENT_ANNOTATION_VERSION,
    annotator,
    claims: [],
    deleted: [],
  }
}

/** The file as it is written: claims and tombstones in id order, whatever order they came in. */
export function normalizeAnnotationFile(
  file: AnnotationFile,
  claims: Iterable<Claim>,
  deleted: Iterable<Tombstone>,
): AnnotationFile {
  return { ...file, claims: sortedById([...claims]), deleted: sortedById([...deleted]) }
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
