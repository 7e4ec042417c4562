/**
 * Importing a dataset (W3C, brat, Label Studio) into a new annotator file: the one code path
 * behind the app's Import and `corroborate import`. All or nothing: every file is read and
 * every claim placed (core/export resolveImport) before anything is written; then the labels
 * and relation types the project lacks are added through the settings commands (the change the
 * Settings dialog makes, announced like it), and the annotator file is written atomically. The file
 * must not exist yet: an import is someone's work of its own, reviewed and merged afterwards
 * like any colleague's file, never mixed into an existing one.
 */
import { mkdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { resolveImport } from '../../core/export'
import {
  annotationFileName,
  annotationFileSchema,
  annotatorNameSchema,
  emptyAnnotationFile,
  normalizeAnnotationFile,
} from '../../core/model'
import type { DatasetImportRequest, DatasetImportResult } from '../../shared/api'
import { writeFileAtomic } from '../atomic-write'
import { BackendError } from '../errors'
import { isErrnoCode } from '../settings'
import { serializeAnnotationFile } from './annotation-file-adapter'
import { ANNOTATIONS_FOLDER } from './annotation-folder'
import { updateLabels, updateRelationTypes } from './commands/settings'
import type { AnnotationContext } from './context'
import { readImportSource } from './dataset-files'
import type { AnnotationSession } from './session'

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return false
    throw error
  }
}

function annotatorOf(name: string): string {
  const checked = annotatorNameSchema.safeParse(name)
  if (!checked.success) {
    throw new BackendError(
      'invalid-annotator',
      `"${name}" cannot name an annotator file: ${checked.error.issues[0]!.message}.`,
    )
  }
  return checked.data
}

export async function importDataset(
  session: AnnotationSession,
  request: DatasetImportRequest,
): Promise<DatasetImportResult> {
  const annotator = annotatorOf(request.annotator)
  if (request.path === undefined) {
    throw new BackendError('invalid-arguments', 'Say which file or folder to import.')
  }
  const path = request.path
  const relPath = `${ANNOTATIONS_FOLDER}/${annotationFileName(annotator)}`
  const prepared = await session.read(async (context: AnnotationContext) => {
    if (context.settings.readOnlyReason !== null) {
      throw new BackendError(
        'read-only',
        context.settings.readOnlyReason,
        context.settings.displayName,
      )
    }
    const target = join(context.dataRoot, ...relPath.split('/'))
    if (await exists(target)) {
      throw new BackendError(
        'annotator-exists',
        `${relPath} exists already: import under a name of its own, then review and merge.`,
        relPath,
      )
    }
    const batch = await readImportSource(request.format, path)
    const documents = []
    for (const listed of context.documents.projectDocuments()) {
      const { id, text } = await context.documents.open(listed.key)
      documents.push({ id, path: listed.path, text })
    }
    const resolved = resolveImport(batch, {
      annotator,
      now: new Date().toISOString(),
      documents,
      labels: context.settings.labels,
      relations: context.settings.relations,
    })
    if (resolved.claims.length === 0) {
      const first = resolved.problems
        .slice(0, 3)
        .map((problem) => `${problem.where}: ${problem.message}`)
      throw new BackendError(
        'import-failed',
        `Nothing in ${path} could be imported${first.length > 0 ? `: ${first.join(' ')}` : '.'}`,
        path,
      )
    }
    const file = normalizeAnnotationFile(emptyAnnotationFile(annotator), {
      claims: resolved.claims,
      deleted: [],
      links: resolved.links,
      deletedLinks: [],
      clusters: [],
    })
    // Every claim and link was checked one by one; the file as a whole is checked too.
    annotationFileSchema.parse(file)
    return {
      resolved,
      file,
      target,
      labels: context.settings.labels,
      relations: context.settings.relations,
    }
  })
  const { resolved, file, target } = prepared
  if (resolved.addedLabels.length > 0) {
    await session.runOnSettings(updateLabels, [...prepared.labels, ...resolved.addedLabels])
  }
  if (resolved.addedRelations.length > 0) {
    await session.runOnSettings(updateRelationTypes, [
      ...prepared.relations,
      ...resolved.addedRelations,
    ])
  }
  if (await exists(target)) {
    throw new BackendError(
      'annotator-exists',
      `${relPath} appeared while importing; nothing was written to it.`,
      relPath,
    )
  }
  await mkdir(dirname(target), { recursive: true })
  await writeFileAtomic(target, serializeAnnotationFile(file))
  return {
    file: relPath,
    annotator,
    claims: resolved.claims.length,
    links: resolved.links.length,
    addedLabels: resolved.addedLabels.map((label) => label.id),
    addedRelations: resolved.addedRelations.map((relation) => relation.id),
    problems: resolved.problems.map((problem) => ({
      item: problem.where,
      message: problem.message,
    })),
  }
}
