/**
 * `corroborate export <project-folder> --out <folder> [--format F] [--annotator NAME] [--bom]`.
 *
 * --format csv (the default) writes
 * <folder>/claims.csv, links.csv, clusters.csv, matrix.csv and matrix.svg (the corroboration
 * matrix as a picture) from every annotator's file in <project>/annotations/ (or one), through
 * the WorkbenchApi's exportTable, so the files are byte for byte what the app's Export writes.
 * Columns: src/core/export/{claims,links,clusters,matrix}-csv.ts.
 *
 * Read-only on the project: annotation files with problems are named on stderr and nothing is
 * written (a dataset silently missing someone's claims is worse than none). Articles that cannot
 * be read are named as warnings; their claims are exported without offsets or metadata.
 *
 * --format w3c | brat | jsonl | claimreview writes that dataset (src/core/export) into <folder>
 * through the WorkbenchApi's exportDataset, the app's own code path; what the format cannot hold
 * is named on stderr item by item.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { writeFileAtomic } from '../backend'
import type { DatasetExportFormat, ExportRequest, ExportResult } from '../shared/api'
import { withWorkbench } from './headless'
import { failOnWorkbenchError, openProjectFolder, reporterFor, type Output } from './project-folder'

export interface ExportOptions {
  out: string
  format: 'csv' | DatasetExportFormat
  annotator?: string
  bom: boolean
}

/** The files written, in this order. */
const EXPORTS: Pick<ExportRequest, 'table' | 'format'>[] = [
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
  if (options.format !== 'csv')
    return runDatasetExport(projectFolder, options, options.format, output)
  const reporter = reporterFor(output)
  return withWorkbench(reporter, (api) =>
    failOnWorkbenchError(reporter, async () => {
      await openProjectFolder(api, reporter, projectFolder)
      // Every file is built before any is written: a problem leaves no half-written dataset.
      const built: ExportResult[] = []
      for (const request of EXPORTS) {
        const result = await api.exportTable({
          ...request,
          scope: 'project',
          bom: options.bom,
          ...(options.annotator === undefined ? {} : { annotator: options.annotator }),
        })
        if (result === null) throw new Error('exportTable answered null without a dialog')
        built.push(result)
      }
      const outDir = resolve(options.out)
      for (const file of built) {
        const target = join(outDir, file.fileName)
        try {
          await mkdir(outDir, { recursive: true })
          await writeFileAtomic(target, file.text ?? '')
        } catch (error) {
          return reporter.fail(
            `Cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`,
          )
        }
      }
      const [claims, links, clusters, matrix] = built as [
        ExportResult,
        ExportResult,
        ExportResult,
        ExportResult,
      ]
      const sources = claims.sources.join(', ') || 'no annotation files'
      output.stdout(
        `Wrote ${claims.rows} claim(s) from ${sources} to ${join(outDir, 'claims.csv')}\n` +
          `Wrote ${links.rows} link(s) to ${join(outDir, 'links.csv')}\n` +
          `Wrote ${clusters.rows} cluster(s) to ${join(outDir, 'clusters.csv')}\n` +
          `Wrote the corroboration matrix (${matrix.rows} row(s)) to ${join(outDir, 'matrix.csv')} ` +
          `and ${join(outDir, 'matrix.svg')}\n`,
      )
      return 0
    }),
  )
}

async function runDatasetExport(
  projectFolder: string,
  options: ExportOptions,
  format: DatasetExportFormat,
  output: Output,
): Promise<number> {
  const reporter = reporterFor(output)
  return withWorkbench(reporter, (api) =>
    failOnWorkbenchError(reporter, async () => {
      await openProjectFolder(api, reporter, projectFolder)
      const result = await api.exportDataset({
        format,
        folder: resolve(options.out),
        ...(options.annotator === undefined ? {} : { annotator: options.annotator }),
      })
      if (result === null) throw new Error('exportDataset answered null without a dialog')
      for (const problem of result.problems) reporter.warn(`not exported: ${problem.message}`)
      const sources = result.sources.join(', ') || 'no annotation files'
      output.stdout(
        `Wrote ${result.claims} claim(s) and ${result.links} link(s) from ${sources} as ${format} ` +
          `to ${result.folder}: ${result.files.join(', ')}\n`,
      )
      return 0
    }),
  )
}
