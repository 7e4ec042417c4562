/**
 * Reading an annotation file of any version this build knows, and refusing the others.
 *
 * `MIGRATIONS[n]` turns a version-n file into a version n+1 file. There is none yet (version 1
 * is the first); the next format (links between claims) adds `MIGRATIONS[1]`, bumps
 * CURRENT_ANNOTATION_VERSION and points `annotationFileSchema` at the v2 schema. Migrations work
 * on plain JSON, not on typed objects: they must keep working when the types move on.
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

export const MIGRATIONS: Readonly<Record<number, Migration>> = Object.freeze({})

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
 * The fast path for large files: the header through zod, claims and tombstones through the
 * plain checks that accept only what zod would accept unchanged. Null: let zod decide (and
 * explain).
 */
function fastAccept(file: JsonObject): AnnotationFile | null {
  const { claims, deleted } = file
  if (!Array.isArray(claims) || !Array.isArray(deleted)) return null
  if (!claims.every(isPlainValidClaim) || !deleted.every(isPlainValidTombstone)) return null
  const header = annotationFileSchema.safeParse({ ...file, claims: [], deleted: [] })
  if (!header.success) return null
  return { ...header.data, claims, deleted } as AnnotationFile
}

function problem(code: AnnotationFileProblemCode, message: string): ReadAnnotationFileResult {
  return { ok: false, code, message }
}
