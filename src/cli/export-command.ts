/**
 * `corroborate export <project-folder> --out <folder> [--annotator NAME] [--bom]`: writes
 * <folder>/claims.csv, links.csv and clusters.csv from every annotator's file in
 * <project>/annotations/ (or one). Columns: src/core/export/{claims,links,clusters}-csv.ts.
 *
 * Read-only on the project: annotation files with problems are named on stderr and nothing is
 * written (a dataset silently missing someone's claims is worse than none). Articles that cannot
 * be read are named as warnings; their claims are exported without offsets or metadata.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseDocument } from '../core/document'
import {
  ExportDocuments,
  claimsCsv,
  clustersCsv,
  linksCsv,
  sortClaimsForExport,
  sortLinksForExport,
  type ExportDocument,
} from '../core/export'
import { readArticleBytes } from '../backend'
import { writeFileAtomic } from '../backend/atomic-write'
import { readAnnotationFolder } from '../backend/annotations/annotation-folder'
import { scanProject } from '../backend/project-scan'
import type { Output } from './doc-command'
import { reporterFor, resolveProjectFolder } from './project-folder'

export interface ExportOptions {
  out: string
  annotator?: string
  bom: boolean
}

/** Exit codes: 0 written, 1 a problem with the project or its files (nothing written). */
export async function runExportCommand(
  projectFolder: string,
  options: ExportOptions,
  output: Output,
): Promise<number> {
  const { fail } = reporterFor(output)
  const project = await resolveProjectFolder(projectFolder)
  if ('problem' in project) return fail(project.problem)
  const { root } = project

  const folder = await readAnnotationFolder(root, options.annotator)
  if (folder.problems.length > 0) {
    for (const problem of folder.problems) output.stderr(`corroborate: ${problem.message}\n`)
    return fail('Nothing was exported: fix or move the files above and run again.')
  }
  if (options.annotator !== undefined && folder.files.length === 0) {
    return fail(`There is no annotations/${options.annotator}.json in ${projectFolder}.`)
  }

  const documents: ExportDocument[] = []
  const scan = await scanProject(root)
  for (const file of scan.files) {
    try {
      const { id, text, metadata } = parseDocument(
        await readArticleBytes(file.absPath, file.relPath),
        file.relPath,
      )
      documents.push({ id, path: file.relPath, text, metadata })
    } catch (error) {
      output.stderr(
        `corroborate: warning: ${error instanceof Error ? error.message : String(error)}\n`,
      )
    }
  }

  const exportDocuments = new ExportDocuments(documents)
  const csv = { bom: options.bom }
  const claims = sortClaimsForExport(folder.files.flatMap((file) => file.file.claims))
  const links = sortLinksForExport(folder.files.flatMap((file) => file.file.links))
  const clusterInputs = folder.files.map(({ annotator, file }) => ({
    annotator,
    claims: file.claims,
    links: file.links,
    clusters: file.clusters,
  }))
  const claimsById = new Map(claims.map((claim) => [claim.id, claim]))
  const clusters = clustersCsv(clusterInputs, exportDocuments, documents, csv)
  const outputs: [string, string][] = [
    ['claims.csv', claimsCsv(claims, exportDocuments, csv)],
    ['links.csv', linksCsv(links, claimsById, exportDocuments, csv)],
    ['clusters.csv', clusters],
  ]
  const outDir = resolve(options.out)
  for (const [name, text] of outputs) {
    const target = join(outDir, name)
    try {
      await mkdir(outDir, { recursive: true })
      await writeFileAtomic(target, text)
    } catch (error) {
      return fail(
        `Cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  const sources = folder.files.map((file) => file.displayName).join(', ') || 'no annotation files'
  output.stdout(
    `Wrote ${claims.length} claim(s) from ${sources} to ${join(outDir, 'claims.csv')}\n` +
      `Wrote ${links.length} link(s) to ${join(outDir, 'links.csv')}\n` +
      `Wrote the clusters to ${join(outDir, 'clusters.csv')}\n`,
  )
  return 0
}
