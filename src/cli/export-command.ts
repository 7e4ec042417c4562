/**
 * `corroborate export <project-folder> --out <folder> [--annotator NAME] [--bom]`: writes
 * <folder>/claims.csv, links.csv, clusters.csv, matrix.csv and matrix.svg (the corroboration
 * matrix as a picture) from every annotator's file in <project>/annotations/ (or one). The
 * files are built as the app's Export builds them (backend/annotations/export-tables.ts);
 * columns: src/core/export/{claims,links,clusters,matrix}-csv.ts.
 *
 * Read-only on the project: annotation files with problems are named on stderr and nothing is
 * written (a dataset silently missing someone's claims is worse than none). Articles that cannot
 * be read are named as warnings; their claims are exported without offsets or metadata.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseDocument } from '../core/document'
import type { ExportDocument } from '../core/export'
import { readArticleBytes } from '../backend'
import { writeFileAtomic } from '../backend/atomic-write'
import { readAnnotationFolder } from '../backend/annotations/annotation-folder'
import {
  buildExportFile,
  type ExportFile,
  type ExportProject,
  type ExportSpec,
} from '../backend/annotations/export-tables'
import { scanProject } from '../backend/project-scan'
import type { DocumentSummary } from '../shared/api'
import type { Output } from './doc-command'
import { reporterFor, resolveProjectFolder } from './project-folder'

export interface ExportOptions {
  out: string
  annotator?: string
  bom: boolean
}

/** The files written, in this order. */
const EXPORTS: Omit<ExportSpec, 'bom'>[] = [
  { table: 'claims', format: 'csv' },
  { table: 'links', format: 'csv' },
  { table: 'clusters', format: 'csv' },
  { table: 'matrix', format: 'csv' },
  { table: 'matrix', format: 'svg' },
]

/** Exit codes: 0 written, 1 a problem with the project or its files (nothing written). */
export async function runExportCommand(
  projectFolder: string,
  options: ExportOptions,
  output: Output,
): Promise<number> {
  const { fail, warn } = reporterFor(output)
  const project = await resolveProjectFolder(projectFolder)
  if ('problem' in project) return fail(project.problem)
  const { root } = project

  const folder = await readAnnotationFolder(root, options.annotator)
  if (folder.problems.length > 0) {
    for (const problem of folder.problems) fail(problem.message)
    return fail('Nothing was exported: fix or move the files above and run again.')
  }
  if (options.annotator !== undefined && folder.files.length === 0) {
    return fail(`There is no annotations/${options.annotator}.json in ${projectFolder}.`)
  }

  // Listed as the app lists them, keyed by path: the export reads them all anyway.
  const listed: DocumentSummary[] = []
  const texts = new Map<string, ExportDocument>()
  for (const file of (await scanProject(root)).files) {
    try {
      const bytes = await readArticleBytes(file.absPath, file.relPath)
      const { id, format, text, metadata, warnings } = parseDocument(bytes, file.relPath)
      listed.push({
        key: file.relPath,
        path: file.relPath,
        id,
        format,
        metadata,
        size: bytes.length,
        warnings,
      })
      texts.set(file.relPath, { id, path: file.relPath, text, metadata })
    } catch (error) {
      warn(error instanceof Error ? error.message : String(error))
    }
  }
  const source: ExportProject = {
    files: folder.files,
    documents: listed,
    // Only listed keys are asked for, and each listed document was parsed above.
    open: async (key) => texts.get(key) ?? Promise.reject(new Error(`${key} was not parsed`)),
  }

  const built: ExportFile[] = []
  for (const spec of EXPORTS)
    built.push(await buildExportFile(source, { ...spec, bom: options.bom }))
  const outDir = resolve(options.out)
  for (const file of built) {
    const target = join(outDir, file.fileName)
    try {
      await mkdir(outDir, { recursive: true })
      await writeFileAtomic(target, file.text)
    } catch (error) {
      return fail(
        `Cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  const [claims, links, clusters, matrix] = built as [
    ExportFile,
    ExportFile,
    ExportFile,
    ExportFile,
  ]
  const sources = folder.files.map((file) => file.displayName).join(', ') || 'no annotation files'
  output.stdout(
    `Wrote ${claims.rows} claim(s) from ${sources} to ${join(outDir, 'claims.csv')}\n` +
      `Wrote ${links.rows} link(s) to ${join(outDir, 'links.csv')}\n` +
      `Wrote ${clusters.rows} cluster(s) to ${join(outDir, 'clusters.csv')}\n` +
      `Wrote the corroboration matrix (${matrix.rows} row(s)) to ${join(outDir, 'matrix.csv')} ` +
      `and ${join(outDir, 'matrix.svg')}\n`,
  )
  return 0
}
