/** The matrix legend: each cell state's symbol and colour, in words. */
import { CELL_MEANINGS, LEGEND_ORDER } from './matrix-text'

export function MatrixLegend() {
  return (
    <div className="matrix-legend" data-testid="matrix-legend">
      <ul aria-label="Legend">
        {LEGEND_ORDER.map((cell) => (
          <li key={cell}>
            <span className="matrix-cell legend-cell" data-cell={cell} aria-hidden="true">
              <span className="cell-mark">{CELL_MEANINGS[cell].symbol}</span>
            </span>
            {CELL_MEANINGS[cell].legend}
          </li>
        ))}
      </ul>
      <p className="legend-hint">Click a cell or press Enter on it to open the passage.</p>
    </div>
  )
}
