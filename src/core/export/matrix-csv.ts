/**
 * matrix.csv: the corroboration matrix, one row per cluster of 'same' claims.
 *
 * Columns:
 *   cluster_id           the cluster's id, as in clusters.csv (join on it for members and dates)
 *   canonical_wording    the wording the analyst chose, else the earliest mention's quote
 *   sources              documents that carry the claim (cells 'mention')
 *   supports, contradicts  documents with a claim linked so to it
 *   annotator            whose file the cluster comes from
 *   then one column per project document, by publication (undated last), named by its outlet,
 *   else title, else path (with the path in brackets when a name repeats); each cell is
 *   mention | supports | contradicts | absent (see core/linking/clusters.ts).
 *
 * The fixed columns come first because the document columns differ from project to project.
 * Written through the same CSV writer as the other tables (RFC 4180, formulas neutralised in
 * every cell and header, optional BOM).
 */
import { toCsv, type CsvOptions } from './csv-cells'
import { matrixColumnNames, type ExportMatrix } from './matrix-table'

export const MATRIX_CSV_FIXED_COLUMNS = [
  'cluster_id',
  'canonical_wording',
  'sources',
  'supports',
  'contradicts',
  'annotator',
] as const

/** The header: the fixed columns, then one name per document. */
export function matrixCsvColumns(matrix: ExportMatrix): string[] {
  return [
    ...MATRIX_CSV_FIXED_COLUMNS,
    ...matrixColumnNames(matrix.columns, MATRIX_CSV_FIXED_COLUMNS),
  ]
}

export function matrixCsv(matrix: ExportMatrix, options: CsvOptions = {}): string {
  const rows = matrix.rows.map((row) => [
    row.clusterId,
    row.canonicalWording,
    String(row.sources),
    String(row.supports),
    String(row.contradicts),
    row.annotator,
    ...row.cells,
  ])
  return toCsv(matrixCsvColumns(matrix), rows, options)
}
