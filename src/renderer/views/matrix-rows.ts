/**
 * Which matrix rows are shown and in which order they may be put. The backend sorts (getMatrix
 * with an order); this only names the orders and, when the analyst asks, leaves out the rows of
 * claims linked to nothing, which say no more than the document itself. They are shown by
 * default so that the screen and the exported matrix.csv have the same rows.
 */
import type { MatrixOrder, MatrixRowView } from './matrix-text'

export interface OrderOption {
  order: MatrixOrder
  /** Words of the order select. */
  label: string
}

export const ORDER_OPTIONS: readonly OrderOption[] = [
  { order: 'contradictions-first', label: 'Contradictions first' },
  { order: 'sources', label: 'Most sources' },
  { order: 'first-appearance', label: 'First appearance' },
]

export const DEFAULT_ORDER: MatrixOrder = 'contradictions-first'

export function isMatrixOrder(value: string): value is MatrixOrder {
  return ORDER_OPTIONS.some((option) => option.order === value)
}

/** A row says something across documents: two sources, or a support or contradiction. */
export function isLinkedRow(row: MatrixRowView): boolean {
  return row.sources >= 2 || row.supports > 0 || row.contradicts > 0
}

/** The rows to show, in the backend's order. The same array when nothing is left out. */
export function shownRows(
  rows: readonly MatrixRowView[],
  includeUnlinked: boolean,
): readonly MatrixRowView[] {
  if (includeUnlinked) return rows
  const linked = rows.filter(isLinkedRow)
  return linked.length === rows.length ? rows : linked
}
