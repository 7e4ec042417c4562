/**
 * The corroboration matrix as an ARIA grid: a row per claim cluster, a column per document.
 * Only the cells in view (plus overscan) are in the DOM, on both axes: rows have one fixed
 * height and sit at `index × height` in a body as tall as all of them, document columns one
 * fixed width and are placed on their own grid column, so 500 × 50 cells cost what the ~20 × 8
 * on screen do. The header row and the claim columns are sticky. One cell is in the Tab order
 * at a time (roving tabindex); arrows, Home/End, Page Up/Down move it, Enter or a click opens
 * the passage behind it. aria-rowcount, aria-colcount and the indices tell assistive technology
 * the whole table's size although only part of it is drawn.
 *
 * Sizes live here, since the windowing computes with them, and reach the CSS as custom
 * properties set through the CSSOM (the CSP forbids style attributes, not element.style).
 */
import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react'
import { moveInGrid, type GridCell } from './grid-navigation'
import {
  CELL_MEANINGS,
  cellLabel,
  columnDate,
  columnName,
  columnTitle,
  type MatrixColumnView,
  type MatrixOrder,
  type MatrixRowView,
} from './matrix-text'
import {
  itemsPerPage,
  itemsToDraw,
  itemWindow,
  sameWindow,
  scrollToReveal,
  type ItemWindow,
} from './row-window'

export const ROW_HEIGHT = 44
export const HEADER_HEIGHT = 64
const CLAIM_WIDTH = 340
const COUNT_WIDTH = 72
const CELL_WIDTH = 104
/** Width of the sticky columns left of the documents: claim, sources, disputed. */
const LEADING_WIDTH = CLAIM_WIDTH + 2 * COUNT_WIDTH
/** The fixed columns before the documents' (aria-colindex and grid-column count from 1). */
const FIXED_COLUMNS = 3
const ROW_OVERSCAN = 4
const COLUMN_OVERSCAN = 2

/** Where the grid was: restored when the analyst comes back to the matrix. */
export interface GridPosition {
  top: number
  left: number
  active: ActiveCell | null
}

interface MatrixGridProps {
  label: string
  columns: readonly MatrixColumnView[]
  rows: readonly MatrixRowView[]
  /** The order `rows` are in (the header shows it); a new order scrolls back to the top. */
  order: MatrixOrder
  onOrder(order: MatrixOrder): void
  onOpen(claimId: string, documentKey: string): void
  /** Where to start (the last position), instead of the top left. */
  initialPosition?: GridPosition | null
  /** Told of every scroll and move of the active cell, to be remembered; no re-render follows. */
  onPosition?(position: GridPosition): void
}

/** The cell in the Tab order, by cluster so that it survives a reload or a new sort. */
export interface ActiveCell {
  clusterId: string
  column: number
}

interface Windows {
  rows: ItemWindow
  columns: ItemWindow
}

const NOTHING: Windows = { rows: { first: 0, end: 0 }, columns: { first: 0, end: 0 } }

export function MatrixGrid(props: MatrixGridProps) {
  const { label, columns, rows, order, onOrder, onOpen, initialPosition, onPosition } = props
  const scroller = useRef<HTMLDivElement>(null)
  const [windows, setWindows] = useState<Windows>(NOTHING)
  const [active, setActive] = useState<ActiveCell | null>(initialPosition?.active ?? null)
  const focusPending = useRef(false)
  const position = useRef<GridPosition>(initialPosition ?? { top: 0, left: 0, active: null })

  const rowIndex = useMemo(() => new Map(rows.map((row, i) => [row.clusterId, i])), [rows])
  const activeRow = active === null ? 0 : (rowIndex.get(active.clusterId) ?? 0)
  const activeColumn = Math.max(0, Math.min(active?.column ?? 0, columns.length - 1))

  const measure = useCallback(() => {
    const element = scroller.current
    if (!element) return
    position.current = { ...position.current, top: element.scrollTop, left: element.scrollLeft }
    onPosition?.(position.current)
    const next: Windows = {
      rows: itemWindow({
        scroll: element.scrollTop,
        viewport: element.clientHeight,
        leading: HEADER_HEIGHT,
        itemSize: ROW_HEIGHT,
        count: rows.length,
        overscan: ROW_OVERSCAN,
      }),
      columns: itemWindow({
        scroll: element.scrollLeft,
        viewport: element.clientWidth,
        leading: LEADING_WIDTH,
        itemSize: CELL_WIDTH,
        count: columns.length,
        overscan: COLUMN_OVERSCAN,
      }),
    }
    // Each part keeps its identity while unchanged: rows re-render only when the columns drawn
    // change, not on every vertical scroll.
    setWindows((current) => {
      const rowsSame = sameWindow(current.rows, next.rows)
      const columnsSame = sameWindow(current.columns, next.columns)
      if (rowsSame && columnsSame) return current
      return {
        rows: rowsSame ? current.rows : next.rows,
        columns: columnsSame ? current.columns : next.columns,
      }
    })
  }, [rows.length, columns.length, onPosition])

  // First, as the windowing and the scroll range depend on these sizes.
  useLayoutEffect(() => {
    const style = scroller.current?.style
    if (!style) return
    style.setProperty('--row-h', `${ROW_HEIGHT}px`)
    style.setProperty('--head-h', `${HEADER_HEIGHT}px`)
    style.setProperty('--claim-w', `${CLAIM_WIDTH}px`)
    style.setProperty('--count-w', `${COUNT_WIDTH}px`)
    style.setProperty('--cell-w', `${CELL_WIDTH}px`)
    style.setProperty('--rows', String(rows.length))
    style.setProperty('--cols', String(columns.length))
  }, [rows.length, columns.length])

  // Back where the analyst was, once, before the first paint.
  const restore = useRef(initialPosition)
  useLayoutEffect(() => {
    const element = scroller.current
    if (!element || !restore.current) return
    element.scrollTo({ top: restore.current.top, left: restore.current.left, behavior: 'instant' })
    restore.current = null
  }, [])

  // Before the first paint: the cells in view are drawn in the same frame as the grid.
  useLayoutEffect(() => {
    const element = scroller.current
    if (!element) return
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [measure])

  // A new order is a new table: start from its top.
  const shownOrder = useRef(order)
  useLayoutEffect(() => {
    if (shownOrder.current === order) return
    shownOrder.current = order
    setActive(
      (current) => current && { clusterId: rows[0]?.clusterId ?? '', column: current.column },
    )
    if (scroller.current) scroller.current.scrollTop = 0
    measure()
  }, [order, rows, measure])

  useLayoutEffect(() => {
    position.current = { ...position.current, active }
    onPosition?.(position.current)
  }, [active, onPosition])

  // After a keyboard move: focus the new cell once it is drawn.
  useLayoutEffect(() => {
    if (!focusPending.current) return
    focusPending.current = false
    scroller.current
      ?.querySelector<HTMLElement>(`[data-row="${activeRow}"][data-col="${activeColumn}"]`)
      ?.focus({ preventScroll: true })
  })

  const goTo = (cell: GridCell) => {
    const row = rows[cell.row]
    const element = scroller.current
    if (!row || !element) return
    setActive({ clusterId: row.clusterId, column: cell.column })
    // Scrolled here rather than by focus(): the cell may not be drawn until the windows move.
    const top = scrollToReveal(cell.row, {
      scroll: element.scrollTop,
      viewport: element.clientHeight,
      leading: HEADER_HEIGHT,
      itemSize: ROW_HEIGHT,
    })
    const left = scrollToReveal(cell.column, {
      scroll: element.scrollLeft,
      viewport: element.clientWidth,
      leading: LEADING_WIDTH,
      itemSize: CELL_WIDTH,
    })
    if (top !== element.scrollTop || left !== element.scrollLeft) {
      element.scrollTo({ top, left, behavior: 'instant' })
      measure()
    }
    focusPending.current = true
  }

  const openCell = useCallback(
    (rowAt: number, column: number) => {
      const claimId = rows[rowAt]?.cellClaims[column]
      const documentKey = columns[column]?.documentKey
      if (claimId && documentKey) onOpen(claimId, documentKey)
    },
    [rows, columns, onOpen],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target instanceof HTMLElement) || event.target.dataset.col === undefined) return
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      openCell(activeRow, activeColumn)
      return
    }
    if (event.altKey || event.shiftKey) return
    const element = scroller.current
    const pageRows = element ? itemsPerPage(element.clientHeight, HEADER_HEIGHT, ROW_HEIGHT) : 1
    const next = moveInGrid({ row: activeRow, column: activeColumn }, event, {
      rows: rows.length,
      columns: columns.length,
      pageRows,
    })
    if (next === null) return
    event.preventDefault()
    goTo(next)
  }

  // Focus arriving by Tab or a click makes that cell the active one.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const { row, col } = event.target.dataset
    if (row === undefined || col === undefined) return
    const clusterId = rows[Number(row)]?.clusterId
    if (clusterId === undefined) return
    const column = Number(col)
    setActive((current) =>
      current?.clusterId === clusterId && current.column === column
        ? current
        : { clusterId, column },
    )
  }

  const drawnRows = itemsToDraw(windows.rows, activeRow, rows.length)
  // One array for every row (rows re-render only when the columns drawn change).
  const drawnColumns = useMemo(
    () => itemsToDraw(windows.columns, activeColumn, columns.length),
    [windows.columns, activeColumn, columns.length],
  )
  const sortState = (column: MatrixOrder) => (order === column ? 'descending' : 'none')
  return (
    <div
      ref={scroller}
      className="matrix-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + FIXED_COLUMNS}
      data-testid="matrix-grid"
      onScroll={measure}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div className="matrix-head" role="rowgroup">
        <div className="matrix-row matrix-head-row" role="row" aria-rowindex={1}>
          <div
            className="matrix-claim-head"
            role="columnheader"
            aria-colindex={1}
            aria-sort={order === 'first-appearance' ? 'other' : 'none'}
          >
            <SortButton
              label="Claim"
              hint="Order by first appearance"
              active={order === 'first-appearance'}
              onClick={() => onOrder('first-appearance')}
            />
          </div>
          <div
            className="matrix-count-head sources"
            role="columnheader"
            aria-colindex={2}
            aria-sort={sortState('sources')}
          >
            <SortButton
              label="Sources"
              hint="Order by number of sources"
              active={order === 'sources'}
              onClick={() => onOrder('sources')}
            />
          </div>
          <div
            className="matrix-count-head disputes"
            role="columnheader"
            aria-colindex={3}
            aria-sort={sortState('contradictions-first')}
          >
            <SortButton
              label="Disputed"
              hint="Order by contradictions, then sources"
              active={order === 'contradictions-first'}
              onClick={() => onOrder('contradictions-first')}
            />
          </div>
          {drawnColumns.map((c) => {
            const column = columns[c]!
            return (
              <div
                key={column.documentId}
                ref={placeInColumn(c)}
                className="matrix-doc-head"
                role="columnheader"
                aria-colindex={c + FIXED_COLUMNS + 1}
                title={columnTitle(column)}
                data-testid="matrix-column"
                data-path={column.path}
              >
                <span className="doc-outlet">{columnName(column)}</span>
                <span className="doc-date">{columnDate(column)}</span>
              </div>
            )
          })}
        </div>
      </div>
      <div className="matrix-body" role="rowgroup">
        {drawnRows.map((index) => (
          <MatrixGridRow
            key={rows[index]!.clusterId}
            row={rows[index]!}
            index={index}
            columns={columns}
            drawnColumns={drawnColumns}
            activeColumn={index === activeRow ? activeColumn : -1}
            onCellClick={openCell}
          />
        ))}
      </div>
    </div>
  )
}

/**
 * Ref callbacks that put a document column's cells on their grid column (after the fixed
 * ones), one per column index and shared by every row, so React does not re-run them on each
 * render: only windowed columns are drawn, so auto-placement would put them in the wrong place.
 */
const placers: ((element: HTMLElement | null) => void)[] = []
function placeInColumn(column: number): (element: HTMLElement | null) => void {
  placers[column] ??= (element) =>
    element?.style.setProperty('grid-column', String(column + FIXED_COLUMNS + 1))
  return placers[column]
}

function SortButton(props: { label: string; hint: string; active: boolean; onClick(): void }) {
  return (
    <button
      type="button"
      className={props.active ? 'sort-button active' : 'sort-button'}
      title={props.hint}
      onClick={props.onClick}
    >
      {props.label}
      <span className="sort-mark" aria-hidden="true">
        {props.active ? '▾' : ''}
      </span>
    </button>
  )
}

interface MatrixGridRowProps {
  row: MatrixRowView
  index: number
  columns: readonly MatrixColumnView[]
  /** Indices of the document columns drawn, in order. */
  drawnColumns: readonly number[]
  /** The column of the cell in the Tab order when it is in this row, else -1. */
  activeColumn: number
  onCellClick(row: number, column: number): void
}

const MatrixGridRow = memo(function MatrixGridRow(props: MatrixGridRowProps) {
  const { row, index, columns, drawnColumns, activeColumn, onCellClick } = props
  const place = useCallback(
    (element: HTMLDivElement | null) =>
      element?.style.setProperty('top', `${index * ROW_HEIGHT}px`),
    [index],
  )
  return (
    <div
      ref={place}
      className="matrix-row"
      role="row"
      aria-rowindex={index + 2}
      data-testid="matrix-row"
      data-cluster-id={row.clusterId}
    >
      <div className="matrix-claim" role="rowheader" aria-colindex={1} title={row.canonicalWording}>
        <span className="matrix-wording">{row.canonicalWording}</span>
      </div>
      <div className="matrix-count sources" role="gridcell" aria-colindex={2}>
        {row.sources}
      </div>
      <div
        className={row.contradicts > 0 ? 'matrix-count disputes disputed' : 'matrix-count disputes'}
        role="gridcell"
        aria-colindex={3}
      >
        {row.contradicts > 0 ? row.contradicts : ''}
      </div>
      {drawnColumns.map((c) => {
        const column = columns[c]!
        const cell = row.cells[c]!
        const opens = row.cellClaims[c] != null && column.documentKey !== ''
        return (
          <div
            key={column.documentId}
            ref={placeInColumn(c)}
            className="matrix-cell"
            role="gridcell"
            aria-colindex={c + FIXED_COLUMNS + 1}
            aria-label={cellLabel(cell, column, row.canonicalWording)}
            tabIndex={c === activeColumn ? 0 : -1}
            data-testid="matrix-cell"
            data-cell={cell}
            data-row={index}
            data-col={c}
            data-opens={opens}
            onClick={() => onCellClick(index, c)}
          >
            <span className="cell-mark" aria-hidden="true">
              {CELL_MEANINGS[cell].symbol}
            </span>
          </div>
        )
      })}
    </div>
  )
})
