/**
 * A dataset export (W3C, brat, JSONL, ClaimReview; src/core/export) of the project's annotation
 * files, written into a folder: the one code path behind the app's Export and
 * `corroborate export --format`. Like the CSV exports it reads every annotator's file (or one),
 * refuses when any cannot be read (a dataset silently missing someone's claims is worse than
 * none), and builds every file before writing any.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { buildDataset, type DatasetFile } from '../../core/export'
import type { DatasetExportRequest, DatasetExportResult } from '../../shared/api'
import { writeFileAtomic } from '../atomic-write'
import { BackendError } from '../errors'
import { describe } from '../settings'
import { readFolderForExport } from './annotation-folder'
import type { AnnotationContext } from './context'
import { openDocumentsOf } from './export-tables'
import { DocumentIndex } from './placement'

export async function exportDataset(
  context: AnnotationContext,
  request: DatasetExportRequest,
): Promise<DatasetExportResult> {
  if (request.folder === undefined) {
    throw new BackendError('invalid-arguments', 'Say which folder to export the dataset to.')
  }
  const files = await readFolderForExport(context.dataRoot, request.annotator)
  const projectDocuments = context.documents.projectDocuments()
  const index = new DocumentIndex(projectDocuments)
  const claims = files.flatMap(({ file }) => file.claims)
  const documents = await openDocumentsOf(
    claims,
    {
      files: files,
      documents: projectDocuments,
      open: (key) => context.documents.open(key),
    },
    index,
  )
  const built = buildDataset(request.format, {
    files: files.map(({ annotator, file }) => ({
      annotator,
      claims: file.claims,
      links: file.links,
      clusters: file.clusters,
    })),
    documents,
    projectDocuments,
    labels: context.settings.labels,
    relations: context.settings.relations,
  })
  const outDir = resolve(request.folder)
  await writeDatasetFiles(outDir, built.files)
  return {
    format: request.format,
    folder: outDir,
    files: built.files.map((file) => file.path),
    claims: built.claims,
    links: built.links,
    problems: built.problems,
    sources: files.map((file) => file.displayName),
  }
}

/** Writes each file atomically under `outDir`, never outside it. */
export async function writeDatasetFiles(
  outDir: string,
  files: readonly DatasetFile[],
): Promise<void> {
  for (const file of files) {
    const target = resolve(join(outDir, ...file.path.split('/')))
    if (!target.startsWith(outDir + sep)) {
      throw new BackendError('export-failed', `${file.path} would be written outside ${outDir}.`)
    }
    try {
      await mkdir(dirname(target), { recursive: true })
      await writeFileAtomic(target, file.text)
    } catch (error) {
      throw new BackendError('export-failed', `Cannot write ${target}: ${describe(error)}`, target)
    }
  }
}
