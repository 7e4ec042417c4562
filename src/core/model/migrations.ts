/**
 * Reading an annotation file of any version this build knows, and refusing the others.
 *
 * `MIGRATIONS[n]` turns a version-n file into a version n+1 file. Migrations work on plain
 * JSON, not on typed objects: they must keep working when the types move on.
 *
 *   1 -> 2  links between claims: adds empty `links`, `deletedLinks` and `clusters`.
 *
 * A migrated file lives in memory only: it is written back (as the current version) with the
 * next change, so opening a project never rewrites a colleague's or a git-tracked file.
 *
 * A file from a newer version is refused, never rewritten: this build cannot know what its new
 * fields mean, and saving it would silently drop them.
 */
import type { z } from 'zod'
import {
  ANNOTATION_FILE_FORMAT,
  CURRENT_ANNOTATION_VERSION,
  annotationFileSchema,
  type AnnotationFile,
} from './annotation-file'
import { isPlainValidClaim, isPlainValidTombstone } from './claim-fast-check'

type JsonObject = Record<string, unknown>
export type Migration = (file: JsonObject) => JsonObject

export const MIGRATIONS: Readonly<Record<number, Migration>> = Object.freeze({
  1: (file: JsonObject) => ({ ...file, version: 2, links: [], deletedLinks: [], clusters: [] }),
})

export type AnnotationFileProblemCode =
  | 'invalid-json'
  | 'not-an-annotation-file'
  | 'newer-version'
  | 'unknown-version'
  | 'invalid-content'

export type ReadAnnotationFileResult =
  | { ok: true; file: AnnotationFile; migratedFrom: number | null }
  | { ok: false; code: AnnotationFileProblemCode; message: string }

/**
 * Parses, migrates and validates the text of an annotation file. `fileName` names the file in
 * messages, which say what is wrong and what to do about it.
 */
export function readAnnotationFileText(
  text: string,
  fileName: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  currentVersion = CURRENT_ANNOTATION_VERSION,
  schema: z.ZodType<AnnotationFile> = annotationFileSchema,
): ReadAnnotationFileResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return problem('invalid-json', `${fileName} is not valid JSON (${detail}).`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return problem('not-an-annotation-file', `${fileName} is not a Corroborate annotation file.`)
  }
  const object = json as JsonObject
  if (object.format !== ANNOTATION_FILE_FORMAT) {
    return problem(
      'not-an-annotation-file',
      `${fileName} is not a Corroborate annotation file (its "format" is not "${ANNOTATION_FILE_FORMAT}").`,
    )
  }
  const version = object.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return problem('unknown-version', `${fileName} has no valid format version.`)
  }
  if (version > currentVersion) {
    return problem(
      'newer-version',
      `${fileName} was written by a newer Corroborate (format version ${version}; this one reads ` +
        `up to ${currentVersion}). Update Corroborate to open it; the file is left as it is.`,
    )
  }
  let migrated = object
  for (let from = version; from < currentVersion; from++) {
    const migration = migrations[from]
    if (!migration) {
      return problem('unknown-version', `${fileName}: no migration from format version ${from}.`)
    }
    migrated = migration(migrated)
  }
  if (schema === annotationFileSchema) {
    const fast = fastAccept(migrated)
    if (fast)
      return { ok: true, file: fast, migratedFrom: version === currentVersion ? null : version }
  }
  const parsed = schema.safeParse(migrated)
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') + ': ' : ''}${issue.message}`)
      .join('; ')
    return problem(
      'invalid-content',
      `${fileName} does not match the annotation format: ${issues}.`,
    )
  }
  return { ok: true, file: parsed.data, migratedFrom: version === currentVersion ? null : version }
}

/**
 * The fast path for large files: claims and tombstones through the plain checks that accept
 * only what zod would accept unchanged, everything else (header, links: far fewer than claims)
 * through zod. Null: let zod decide (and explain).
 */
function fastAccept(file: JsonObject): AnnotationFile | null {
  const { claims, deleted } = file
  if (!Array.isArray(claims) || !Array.isArray(deleted)) return null
  if (!claims.every(isPlainValidClaim) || !deleted.every(isPlainValidTombstone)) return null
  const rest = annotationFileSchema.safeParse({ ...file, claims: [], deleted: [] })
  if (!rest.success) return null
  return { ...rest.data, claims, deleted } as AnnotationFile
}

function problem(code: AnnotationFileProblemCode, message: string): ReadAnnotationFileResult {
  return { ok: false, code, message }
}
