/**
 * One export file (claims.csv, links.csv, clusters.csv, matrix.csv, matrix.svg) built from a
 * project's annotation files: the one code path behind the app's Export (the session) and
 * `corroborate export`, so both write the same rows. Columns are documented in src/core/export;
 * this module picks the rows (every file's, or one document's claims and the links starting at
 * them), opens the documents whose text the rows need, and names the file.
 *
 * Every table covers every annotator's file, as claims.csv always has; clusters and the matrix
 * are built per file (links join claims of one file) exactly as getClusters and getMatrix build
 * them for the annotator's own, and listed file after file.
 */
import {
  CLUSTER_CSV_COLUMNS,
  ExportDocuments,
  claimsCsv,
  clusterRows,
  linksCsv,
  matrixCsv,
  matrixSvg,
  sortClaimsForExport,
  sortLinksForExport,
  toCsv,
  type ExportDocument,
  type ExportMatrix,
} from '../../core/export'
import type { MatrixOrder } from '../../core/linking'
import type { Claim, Link } from '../../core/model'
import type { DocumentSummary, ExportFormat, ExportRequest, ExportTable } from '../../shared/api'
import { BackendError } from '../errors'
import type { AnnotationFolderFile } from './annotation-folder'
import { matrixView } from './link-views'
import { DocumentIndex } from './placement'

/** What an export reads: the annotation files and the project's documents. */
export interface ExportProject {
  /** Every annotator's file (annotations/*.json), in file-name order. */
  files: readonly AnnotationFolderFile[]
  /** The project's documents as listed (the CLI keys them by path). */
  documents: readonly DocumentSummary[]
  /** A listed document's current text, for offsets and re-placed quotes. */
  open(key: string): Promise<ExportDocument>
}

/** An ExportRequest with its defaults applied and its document found. */
export interface ExportSpec {
  table: ExportTable
  format: ExportFormat
  bom: boolean
  order?: MatrixOrder
  /** Only this document's claims, or the links starting at them. */
  document?: DocumentSummary
}

export interface ExportFile {
  fileName: string
  format: ExportFormat
  /** Rows after the header. */
  rows: number
  text: string
}

/**
 * Checks a request and applies its defaults. The doors' argument schemas refuse the same
 * combinations; this holds for callers that skip them (the CLI, tests, Workbench itself).
 */
export function exportSpec(
  request: ExportRequest,
  documents: readonly DocumentSummary[],
): ExportSpec {
  const table = request.table ?? 'claims'
  const format = request.format ?? 'csv'
  if (table !== 'matrix' && (format !== 'csv' || request.order !== undefined)) {
    throw new BackendError(
      'invalid-arguments',
      `Only the matrix has an SVG format and a row order; ${table}.csv is a table.`,
    )
  }
  const spec: ExportSpec = { table, format, bom: request.bom === true }
  if (request.order !== undefined) spec.order = request.order
  if (request.scope === 'project') return spec
  if (table === 'clusters' || table === 'matrix') {
    throw new BackendError(
      'invalid-arguments',
      `The ${table === 'matrix' ? 'matrix' : 'clusters'} span documents: export them for the whole project.`,
    )
  }
  const document = documents.find((listed) => listed.key === request.documentKey)
  if (!document) {
    throw new BackendError('not-in-project', 'Only documents of the project can be exported.')
  }
  return { ...spec, document }
}

export async function buildExportFile(
  project: ExportProject,
  spec: ExportSpec,
): Promise<ExportFile> {
  const index = new DocumentIndex(project.documents)
  const suffix = spec.document ? `-${fileStem(spec.document.path)}` : ''
  const csv = { bom: spec.bom }
  const inDocument = (claim: Claim | undefined) =>
    !spec.document || (claim !== undefined && index.belongsTo(claim, spec.document))

  if (spec.table === 'claims') {
    const claims = sortClaimsForExport(
      project.files.flatMap(({ file }) => file.claims).filter(inDocument),
    )
    const documents = await openDocumentsOf(claims, project, index)
    return file(`claims${suffix}.csv`, 'csv', claims.length, claimsCsv(claims, documents, csv))
  }
  if (spec.table === 'links') {
    const claims = new Map<string, Claim>()
    for (const { file } of project.files)
      for (const claim of file.claims) claims.set(claim.id, claim)
    const links = sortLinksForExport(
      project.files
        .flatMap(({ file }) => file.links)
        .filter((link) => inDocument(claims.get(link.from))),
    )
    const documents = await openDocumentsOf(linkedClaims(links, claims), project, index)
    return file(`links${suffix}.csv`, 'csv', links.length, linksCsv(links, claims, documents, csv))
  }
  if (spec.table === 'clusters') {
    const documentIdOf = (claim: Claim) => index.documentOf(claim)?.id ?? claim.document.id
    const rows = project.files.flatMap(({ annotator, file }) =>
      clusterRows(
        { annotator, claims: file.claims, links: file.links, clusters: file.clusters },
        documentIdOf,
        project.documents,
      ),
    )
    return file('clusters.csv', 'csv', rows.length, toCsv(CLUSTER_CSV_COLUMNS, rows, csv))
  }
  const matrix = projectMatrix(project, index, spec.order)
  return spec.format === 'svg'
    ? file('matrix.svg', 'svg', matrix.rows.length, matrixSvg(matrix))
    : file('matrix.csv', 'csv', matrix.rows.length, matrixCsv(matrix, csv))
}

/**
 * Each file's matrix as getMatrix builds it (link-views.ts), rows one file after the other.
 * Columns are the project's documents whatever the file, so any file's columns will do.
 */
function projectMatrix(
  project: ExportProject,
  index: DocumentIndex<DocumentSummary>,
  order: MatrixOrder | undefined,
): ExportMatrix {
  const viewOf = (annotatorFile?: AnnotationFolderFile) =>
    matrixView(
      {
        claims: new Map(annotatorFile?.file.claims.map((claim) => [claim.id, claim])),
        links: annotatorFile?.file.links ?? [],
        wordings: annotatorFile?.file.clusters ?? [],
        // The matrix reads only the five built-in relation ids (core/linking/from-model.ts).
        relations: [],
        index,
        documents: project.documents,
      },
      order,
    )
  const views = project.files.map((annotatorFile) => ({
    annotator: annotatorFile.annotator,
    view: viewOf(annotatorFile),
  }))
  const columns = (views[0]?.view ?? viewOf()).columns
  return {
    columns,
    rows: views.flatMap(({ annotator, view }) => view.rows.map((row) => ({ ...row, annotator }))),
  }
}

/** The claims at either end of the links (for their quotes and documents). */
function linkedClaims(links: readonly Link[], claims: ReadonlyMap<string, Claim>): Claim[] {
  const ends = new Set<Claim>()
  for (const link of links) {
    const ids = link.to.kind === 'claim' ? [link.from, link.to.claimId] : [link.from]
    for (const id of ids) {
      const claim = claims.get(id)
      if (claim) ends.add(claim)
    }
  }
  return [...ends]
}

/** Opens only the documents these claims are in: a one-document export parses one file. */
export async function openDocumentsOf(
  claims: readonly Claim[],
  project: ExportProject,
  index: DocumentIndex<DocumentSummary>,
): Promise<ExportDocuments> {
  const keys = new Set<string>()
  for (const claim of claims) {
    const listed = index.documentOf(claim)
    if (listed) keys.add(listed.key)
  }
  const documents: ExportDocument[] = []
  for (const key of keys) {
    const { id, path, text, metadata, blocks } = await project.open(key)
    documents.push({ id, path, text, metadata, blocks })
  }
  return new ExportDocuments(documents)
}

function file(fileName: string, format: ExportFormat, rows: number, text: string): ExportFile {
  return { fileName, format, rows, text }
}

/** A file-name-safe stem of a document path: its base name without extension. */
export function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base
  return stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'document'
}
