/**
 * matrix.svg: the corroboration matrix as a picture for a report. One self-contained SVG file:
 * no scripts, no links, no external images, styles or fonts (a generic font family the viewer
 * already has), so it opens offline, anywhere, and can be pasted into a document as it is.
 *
 * Layout: document names on top (rotated 45°, outlet else title else path, shortened, the
 * full name, date and path in a tooltip); one row per cluster with its wording shortened
 * (full text in a tooltip); one square per cell, coloured and marked with a sign so that it
 * also reads in grey; a legend below. Every text is XML-escaped. Sizes come from a fixed
 * per-character width estimate rather than font metrics, so the output is the same bytes for
 * the same matrix on every machine.
 */
import type { MatrixCell } from '../linking'
import {
  MATRIX_CELL_MEANINGS,
  matrixColumnNames,
  type ExportMatrix,
  type ExportMatrixColumn,
  type ExportMatrixRow,
} from './matrix-table'
import {
  escapeXml,
  estimatedTextWidth as textWidth,
  plural,
  svgOpening,
  truncateLabel,
} from './svg-text'

const FONT_SIZE = 12
const CELL = 24
const MARGIN = 16
const ROW_LABEL_CHARS = 56
const COLUMN_LABEL_CHARS = 28
const LEGEND_HEIGHT = 48
/** cos 45° = sin 45°: how far a rotated label reaches up and to the right. */
const DIAGONAL = Math.SQRT1_2

const CELL_STYLE: Record<MatrixCell, { fill: string; stroke: string; sign: string }> = {
  mention: { fill: '#4e79a7', stroke: '#3b5f86', sign: '•' },
  supports: { fill: '#59a14f', stroke: '#44803c', sign: '+' },
  contradicts: { fill: '#e15759', stroke: '#b8393b', sign: '×' },
  absent: { fill: '#f1f1f1', stroke: '#d4d4d4', sign: '' },
}

const LEGEND_ORDER: readonly MatrixCell[] = ['mention', 'supports', 'contradicts', 'absent']

export function matrixSvg(matrix: ExportMatrix): string {
  const names = matrixColumnNames(matrix.columns)
  const severalAnnotators = new Set(matrix.rows.map((row) => row.annotator)).size > 1
  const rowLabels = matrix.rows.map((row) =>
    truncateLabel(
      severalAnnotators ? `${row.annotator}: ${row.canonicalWording}` : row.canonicalWording,
      ROW_LABEL_CHARS,
    ),
  )
  const columnLabels = names.map((name) => truncateLabel(name, COLUMN_LABEL_CHARS))

  const labelWidth = textWidth(rowLabels, 12)
  const headerHeight = Math.ceil(textWidth(columnLabels, 4) * DIAGONAL) + FONT_SIZE
  const gridLeft = MARGIN + labelWidth + 8
  const gridTop = MARGIN + headerHeight
  const gridWidth = matrix.columns.length * CELL
  const gridHeight = Math.max(matrix.rows.length, 1) * CELL
  // The last rotated label reaches past the grid to the right.
  const overhang = Math.ceil(textWidth(columnLabels.slice(-1), 0) * DIAGONAL)
  const width = Math.max(gridLeft + gridWidth + overhang, MARGIN + 4 * 170) + MARGIN
  const height = gridTop + gridHeight + 16 + LEGEND_HEIGHT

  const title =
    `Corroboration matrix: ${matrix.rows.length} claim${plural(matrix.rows.length)} ` +
    `across ${matrix.columns.length} document${plural(matrix.columns.length)}`
  const parts: string[] = [
    ...svgOpening({
      width,
      height,
      id: 'matrix',
      title,
      description: description(matrix, names),
      fontSize: FONT_SIZE,
    }),
    columnHeaders(matrix.columns, names, columnLabels, gridLeft, gridTop),
  ]
  if (matrix.rows.length === 0) {
    parts.push(
      `<text x="${gridLeft}" y="${gridTop + CELL / 2 + 4}" fill="#666666">No claims to show.</text>`,
    )
  }
  matrix.rows.forEach((row, r) => {
    parts.push(matrixRow(row, rowLabels[r]!, names, gridLeft, gridTop + r * CELL))
  })
  parts.push(legend(MARGIN, gridTop + gridHeight + 16), '</svg>', '')
  return parts.join('\n')
}

function columnHeaders(
  columns: readonly ExportMatrixColumn[],
  names: readonly string[],
  labels: readonly string[],
  gridLeft: number,
  gridTop: number,
): string {
  const out = ['<g class="columns">']
  columns.forEach((column, c) => {
    const x = gridLeft + c * CELL + CELL / 2
    const y = gridTop - 6
    const tooltip = [names[c], column.title, column.published, column.path]
      .filter((part, i, all): part is string => !!part && all.indexOf(part) === i)
      .join('\n')
    out.push(
      `<g><title>${escapeXml(tooltip)}</title>` +
        `<text x="${x}" y="${y}" transform="rotate(-45 ${x} ${y})">${escapeXml(labels[c]!)}</text></g>`,
    )
  })
  out.push('</g>')
  return out.join('\n')
}

function matrixRow(
  row: ExportMatrixRow,
  label: string,
  names: readonly string[],
  gridLeft: number,
  top: number,
): string {
  const counts =
    `${row.sources} source${plural(row.sources)}, ${row.supports} supporting, ` +
    `${row.contradicts} contradicting; from ${row.annotator}'s annotations`
  const out = [
    '<g class="row">',
    `<g><title>${escapeXml(`${row.canonicalWording}\n${counts}`)}</title>` +
      `<text x="${MARGIN}" y="${top + CELL / 2 + 4}">${escapeXml(label)}</text></g>`,
  ]
  row.cells.forEach((cell, c) => {
    const style = CELL_STYLE[cell]
    const x = gridLeft + c * CELL
    const tooltip = `${names[c] ?? ''} ${MATRIX_CELL_MEANINGS[cell]}`
    out.push(
      `<rect class="cell ${cell}" x="${x + 1}" y="${top + 1}" width="${CELL - 2}" height="${CELL - 2}" ` +
        `rx="3" fill="${style.fill}" stroke="${style.stroke}"><title>${escapeXml(tooltip)}</title></rect>`,
    )
    if (style.sign !== '') {
      out.push(
        `<text x="${x + CELL / 2}" y="${top + CELL / 2 + 5}" text-anchor="middle" ` +
          `font-size="${FONT_SIZE + 2}" font-weight="bold" fill="#ffffff" pointer-events="none">${style.sign}</text>`,
      )
    }
  })
  out.push('</g>')
  return out.join('\n')
}

function legend(left: number, top: number): string {
  const out = ['<g class="legend">']
  LEGEND_ORDER.forEach((cell, i) => {
    const style = CELL_STYLE[cell]
    const x = left + i * 170
    out.push(
      `<rect class="swatch ${cell}" x="${x}" y="${top}" width="${CELL - 6}" height="${CELL - 6}" ` +
        `rx="3" fill="${style.fill}" stroke="${style.stroke}"/>`,
    )
    if (style.sign !== '') {
      out.push(
        `<text x="${x + (CELL - 6) / 2}" y="${top + 14}" text-anchor="middle" font-weight="bold" ` +
          `fill="#ffffff">${style.sign}</text>`,
      )
    }
    out.push(
      `<text x="${x + CELL}" y="${top + 13}">${escapeXml(MATRIX_CELL_MEANINGS[cell])}</text>`,
    )
  })
  out.push(
    `<text x="${left}" y="${top + 38}" fill="#666666">` +
      'Rows: claims (clusters of the same claim). Columns: documents, earliest first.</text>',
    '</g>',
  )
  return out.join('\n')
}

/** For screen readers and search: what the picture shows, in words. */
function description(matrix: ExportMatrix, names: readonly string[]): string {
  if (matrix.rows.length === 0) return 'No claims to show.'
  const disputed = matrix.rows.filter((row) => row.contradicts > 0).length
  return (
    `Documents, earliest first: ${names.join('; ')}. ` +
    `${disputed} of ${matrix.rows.length} claims are contradicted by at least one document.`
  )
}
