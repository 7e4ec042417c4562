/**
 * The corroboration matrix: claim clusters (rows) against documents (columns, by publication).
 * Each cell says whether the document carries the claim, supports it, contradicts it or is
 * silent. Rows are ordered by the backend (getMatrix); the toolbar picks the order, exports the
 * matrix as CSV or as an SVG image, and shows how many rows there are.
 */
import { useCallback, useId, useMemo, useState } from 'react'
import type { MatrixView as MatrixData } from '../../shared/api'
import { plural } from '../components/format'
import { MatrixGrid, type GridPosition } from './MatrixGrid'
import { MatrixLegend } from './MatrixLegend'
import { DEFAULT_ORDER, isMatrixOrder, ORDER_OPTIONS, shownRows } from './matrix-rows'
import type { MatrixOrder } from './matrix-text'
import type { ProjectViewProps } from './types'
import { useViewData } from './use-view-data'
import { recall, remember, useRememberedState } from './view-memory'
import { errorText } from '../store/errors'
import './views.css'

/** The matrix with the order it was asked for: the grid shows the order its rows are in. */
interface LoadedMatrix {
  matrix: MatrixData
  order: MatrixOrder
}

export function MatrixView(props: ProjectViewProps) {
  const { api, session, version, onOpenClaim, onExport } = props
  // Remembered for the session: coming back from a passage finds the matrix as it was left.
  const [order, setOrder] = useRememberedState<MatrixOrder>(session, 'matrix:order', DEFAULT_ORDER)
  const [hideUnlinked, setHideUnlinked] = useRememberedState(session, 'matrix:hide-unlinked', false)
  const [initialPosition] = useState(() => recall<GridPosition>(session, 'matrix:position') ?? null)
  const rememberPosition = useCallback(
    (position: GridPosition) => remember(session, 'matrix:position', position),
    [session],
  )
  const headingId = useId()
  const load = useCallback(
    () => api.getMatrix({ order }).then((matrix): LoadedMatrix => ({ matrix, order })),
    [api, order],
  )
  const { data, error, loading } = useViewData<LoadedMatrix>({
    load,
    version,
    key: order,
    memory: { owner: session, name: 'matrix' },
  })

  const rows = useMemo(
    () => (data ? shownRows(data.matrix.rows, !hideUnlinked) : []),
    [data, hideUnlinked],
  )
  const exportAs = useCallback(
    (format: 'csv' | 'svg') => onExport({ scope: 'project', table: 'matrix', format, order }),
    [onExport, order],
  )

  const total = data?.matrix.rows.length ?? 0
  const columns = data?.matrix.columns ?? []
  const disputed = rows.filter((row) => row.contradicts > 0).length
  return (
    <section className="project-view matrix-view" aria-labelledby={headingId}>
      <header className="view-header">
        <div className="view-title">
          <h2 id={headingId}>Corroboration matrix</h2>
          <p className="view-summary" data-testid="matrix-summary" aria-live="polite">
            {data === null
              ? loading
                ? 'Loading…'
                : ''
              : `${rows.length === total ? plural(total, 'claim') : `${rows.length} of ${plural(total, 'claim')}`} × ${plural(columns.length, 'document')}` +
                (disputed > 0 ? ` · ${disputed} disputed` : '')}
          </p>
        </div>
        <div className="view-tools">
          <label className="view-select">
            Order
            <select
              data-testid="matrix-order"
              value={order}
              onChange={(event) => {
                if (isMatrixOrder(event.target.value)) setOrder(event.target.value)
              }}
            >
              {ORDER_OPTIONS.map((option) => (
                <option key={option.order} value={option.order}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <label className="view-toggle">
            <input
              type="checkbox"
              data-testid="hide-unlinked"
              checked={hideUnlinked}
              onChange={(event) => setHideUnlinked(event.target.checked)}
            />
            Hide unlinked claims
          </label>
          <div className="view-actions" role="group" aria-label="Export the matrix">
            <button
              type="button"
              data-testid="export-matrix-csv"
              disabled={total === 0}
              onClick={() => exportAs('csv')}
            >
              Export CSV
            </button>
            <button
              type="button"
              data-testid="export-matrix-svg"
              disabled={total === 0}
              onClick={() => exportAs('svg')}
            >
              Export SVG
            </button>
          </div>
        </div>
      </header>
      <MatrixLegend />
      {data === null ? (
        error !== null && (
          <p className="view-empty">Could not load the matrix: {errorText(error)}</p>
        )
      ) : rows.length === 0 ? (
        <p className="view-empty" data-testid="matrix-empty">
          {total === 0
            ? 'No claims yet. Highlight claims in the documents, then link them across outlets.'
            : 'No claim is linked across documents yet. Link claims (same claim, supports, contradicts), or show unlinked claims too.'}
        </p>
      ) : (
        <MatrixGrid
          label="Corroboration matrix"
          columns={columns}
          rows={rows}
          order={data.order}
          onOrder={setOrder}
          onOpen={onOpenClaim}
          initialPosition={initialPosition}
          onPosition={rememberPosition}
        />
      )}
    </section>
  )
}
