/**
 * The corroboration matrix as the exports take it (matrix.csv, matrix.svg): clusters (rows)
 * against project documents (columns, by publication), as core/linking's corroborationMatrix
 * builds it, each row saying whose annotation file its cluster comes from.
 */
import type { MatrixCell, MatrixColumn, MatrixRow } from '../linking'

export interface ExportMatrixColumn extends MatrixColumn {
  /** Project-relative path: names a document that has neither outlet nor title. */
  path: string
}

export type ExportMatrixRow = Pick<
  MatrixRow,
  'clusterId' | 'canonicalWording' | 'cells' | 'sources' | 'supports' | 'contradicts'
> & {
  /** Whose file the cluster comes from (links join claims of one file only). */
  annotator: string
}

export interface ExportMatrix {
  columns: readonly ExportMatrixColumn[]
  rows: readonly ExportMatrixRow[]
}

/** What each cell value means, in the analyst's words (legend, tooltips). */
export const MATRIX_CELL_MEANINGS: Record<MatrixCell, string> = {
  mention: 'carries the claim',
  supports: 'supports it',
  contradicts: 'contradicts it',
  absent: 'does not mention it',
}

/**
 * One name per column: the outlet, else the title, else the path. Names must be unique (a
 * spreadsheet keys columns by header) and distinct from `reserved` (the fixed columns), so a
 * name met twice gets its path in brackets: two articles of one outlet stay apart.
 */
export function matrixColumnNames(
  columns: readonly ExportMatrixColumn[],
  reserved: readonly string[] = [],
): string[] {
  const base = columns.map(
    (column) => column.outlet?.trim() || column.title?.trim() || column.path || column.documentId,
  )
  const count = new Map<string, number>()
  for (const name of [...reserved, ...base]) count.set(name, (count.get(name) ?? 0) + 1)
  const taken = new Set(reserved)
  return base.map((name, i) => {
    let unique = count.get(name)! > 1 ? `${name} (${columns[i]!.path})` : name
    // Only contrived names ("A (b.txt)" beside an "A" of b.txt) get here: number them.
    for (let n = 2; taken.has(unique); n++) unique = `${name} (${columns[i]!.path}) #${n}`
    taken.add(unique)
    return unique
  })
}
