/**
 * What the matrix says in words: column names, each cell's symbol and accessible name, the
 * legend. Colour is never the only signal (WCAG 1.4.1): every state has its own symbol, and
 * every cell an accessible name such as "Outlet X contradicts: 13,000 containers".
 */
import type { MatrixRequest, MatrixView } from '../../shared/api'
import { fileName, formatDate } from '../components/format'

// Named from the contract, so the renderer depends on the WorkbenchApi only.
export type MatrixColumnView = MatrixView['columns'][number]
export type MatrixRowView = MatrixView['rows'][number]
export type MatrixCell = MatrixRowView['cells'][number]
export type MatrixOrder = NonNullable<MatrixRequest['order']>

export interface CellMeaning {
  symbol: string
  /** The legend's words. */
  legend: string
  /** The verb of a cell's accessible name: "<outlet> <verb>: <wording>". */
  verb: string
}

export const CELL_MEANINGS: Record<MatrixCell, CellMeaning> = {
  mention: { symbol: '●', legend: 'Carries the claim', verb: 'carries' },
  supports: { symbol: '✓', legend: 'Supports it', verb: 'supports' },
  contradicts: { symbol: '✕', legend: 'Contradicts it', verb: 'contradicts' },
  absent: { symbol: '·', legend: 'Silent', verb: 'does not mention' },
}

/** Legend order: what the analyst looks for first. */
export const LEGEND_ORDER: readonly MatrixCell[] = ['mention', 'supports', 'contradicts', 'absent']

/** What to call a column: the outlet, else the title, else the file name. */
export function columnName(column: Pick<MatrixColumnView, 'outlet' | 'title' | 'path'>): string {
  return column.outlet?.trim() || column.title?.trim() || fileName(column.path) || 'Untitled'
}

/**
 * The column header's second line: the publication date, or "date unknown" (columns run in order
 * of publication where dates are known; an undated one is placed last, not guessed).
 */
export function columnDate(column: Pick<MatrixColumnView, 'published'>): string {
  return formatDate(column.published) ?? 'date unknown'
}

/** A header's tooltip: everything known about the document. */
export function columnTitle(column: MatrixColumnView): string {
  return [column.outlet, column.title, formatDate(column.published), column.path]
    .filter((part): part is string => Boolean(part?.trim()))
    .join(' · ')
}

/** "Outlet X contradicts: 13,000 containers". */
export function cellLabel(cell: MatrixCell, column: MatrixColumnView, wording: string): string {
  return `${columnName(column)} ${CELL_MEANINGS[cell].verb}: ${wording}`
}
