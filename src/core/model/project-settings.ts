/**
 * The project settings file, `<project>/corroborate.json`, shared by everyone on the project:
 *
 *   { format: 'corroborate/project', version: 1, labels: [...], relations: [...] }
 *
 * Loose, like the annotation file: fields this version does not know are kept when the labels
 * are rewritten. A missing file means the default label set and relation types; a file without
 * `relations` (written before links existed) means the default relation types. `relations` is
 * optional rather than a version 2: a build that predates it keeps the field when it rewrites the
 * labels (loose), so nothing is lost either way and older builds can still open the project.
 */
import { z } from 'zod'
import { documentCorrectionsSchema } from './document-corrections'
import { DEFAULT_LABELS, labelSetSchema, type Label } from './labels'
import { DEFAULT_RELATION_TYPES, relationSetSchema, type RelationType } from './relations'

export const PROJECT_SETTINGS_FORMAT = 'corroborate/project'
export const CURRENT_PROJECT_SETTINGS_VERSION = 1
export const PROJECT_SETTINGS_FILE_NAME = 'corroborate.json'

export const projectSettingsFileSchema = z.looseObject({
  format: z.literal(PROJECT_SETTINGS_FORMAT),
  version: z.literal(1),
  labels: labelSetSchema,
  relations: relationSetSchema.optional(),
  /** The analyst's corrections of documents, by document id (document-corrections.ts). */
  documents: documentCorrectionsSchema.optional(),
})

export type ProjectSettingsFile = z.infer<typeof projectSettingsFileSchema>

export function defaultProjectSettings(): ProjectSettingsFile {
  return {
    format: PROJECT_SETTINGS_FORMAT,
    version: CURRENT_PROJECT_SETTINGS_VERSION,
    labels: DEFAULT_LABELS.map((label) => ({ ...label })),
    relations: defaultRelationTypes(),
  }
}

export function defaultRelationTypes(): RelationType[] {
  return DEFAULT_RELATION_TYPES.map((relation) => ({ ...relation }))
}

/** The project's relation types: the file's, or the defaults when it has none. */
export function relationTypesOf(settings: ProjectSettingsFile): RelationType[] {
  return settings.relations ?? defaultRelationTypes()
}

export type ReadProjectSettingsResult =
  | { ok: true; settings: ProjectSettingsFile }
  | { ok: false; code: 'invalid-json' | 'newer-version' | 'invalid-content'; message: string }

export function readProjectSettingsText(text: string, fileName: string): ReadProjectSettingsResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      code: 'invalid-json',
      message: `${fileName} is not valid JSON (${detail}).`,
    }
  }
  const version = (json as { version?: unknown } | null)?.version
  if (typeof version === 'number' && version > CURRENT_PROJECT_SETTINGS_VERSION) {
    return {
      ok: false,
      code: 'newer-version',
      message:
        `${fileName} was written by a newer Corroborate (format version ${version}). ` +
        'Update Corroborate to change its settings; the file is left as it is.',
    }
  }
  const parsed = projectSettingsFileSchema.safeParse(json)
  if (!parsed.success) {
    return {
      ok: false,
      code: 'invalid-content',
      message: `${fileName} is not a valid project settings file: ${describeIssues(parsed.error)}.`,
    }
  }
  return { ok: true, settings: parsed.data }
}

/** Validates a label set from the UI; the message lists what is wrong, for people. */
export function validateLabels(
  labels: unknown,
): { ok: true; labels: Label[] } | { ok: false; message: string } {
  const parsed = labelSetSchema.safeParse(labels)
  if (parsed.success) return { ok: true, labels: parsed.data }
  return { ok: false, message: `The labels are not valid: ${describeIssues(parsed.error)}.` }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') + ': ' : ''}${issue.message}`)
    .join('; ')
}
