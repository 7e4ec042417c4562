/**
 * The agreement report as pictures, for the dashboard and for reports (`corroborate agree
 * --svg-matrix/--svg-labels`): the pairwise matrix of annotators, each cell coloured by a
 * chosen measure and showing its figure and n; and one bar per label (unitizing alpha, alpha_u,
 * with n claims). Self-contained SVG like matrix.svg (core/export/matrix-svg.ts, whose text
 * helpers these share): no scripts, links, external images, styles or fonts; every text
 * escaped; sizes estimated per character, so the same report gives the same bytes everywhere.
 *
 * Accessible: each picture is an image labelled by its title and a description that states
 * every figure in words; every figure is also written as text (colour only repeats it), and a
 * figure that cannot be computed says "n/a". Colours are five bins of one hue, darker for
 * higher agreement, with a separate colour for agreement below chance; the bins' bounds
 * 0.667 and 0.8 are Krippendorff's (2004) thresholds for tentative and reliable conclusions.
 */
import {
  escapeXml,
  estimatedTextWidth,
  plural,
  svgOpening,
  truncateLabel,
} from '../export/svg-text'
import {
  PAIR_MEASURE_ITEMS,
  PAIR_MEASURE_NAMES,
  pairFigure,
  type PairFigure,
  type PairMeasure,
} from './pair-measures'
import type { AgreementReport, WithNulls } from './report'

type AnyReport = AgreementReport | WithNulls<AgreementReport>

export interface PairMatrixSvgOptions {
  /** What colours and fills the cells; default 'span-f1' (overlapping). */
  measure?: PairMeasure
  /** How an annotator is shown (a blind review's "A", "B"...); default the name. */
  annotatorName?: (annotator: string) => string
  /** Prefix of the element ids, unique when several pictures share a page; default 'agreement-matrix'. */
  id?: string
}

export interface LabelBarsSvgOptions {
  /** How a label id is shown (its name in the project); default the id. */
  labelName?: (label: string) => string
  /** Prefix of the element ids; default 'agreement-labels'. */
  id?: string
}

const FONT_SIZE = 12
const MARGIN = 16
const NAME_CHARS = 24
const CELL_WIDTH = 72
const CELL_HEIGHT = 44
/** cos 45°: how far a rotated column name reaches up and to the right. */
const DIAGONAL = Math.SQRT1_2

/** One bin of the colour scale: values from `from` (inclusive) up to the next bin's. */
interface Bin {
  from: number
  label: string
  fill: string
  text: string
}

/** Blues from ColorBrewer (sequential, colour-blind safe), below chance in a muted red. */
const BINS: readonly Bin[] = [
  { from: -Infinity, label: 'below 0 (worse than chance)', fill: '#f4a582', text: '#222222' },
  { from: 0, label: '0 to 0.4', fill: '#eff3ff', text: '#222222' },
  { from: 0.4, label: '0.4 to 0.667', fill: '#bdd7e7', text: '#222222' },
  { from: 0.667, label: '0.667 to 0.8', fill: '#6baed6', text: '#222222' },
  { from: 0.8, label: '0.8 and above', fill: '#2171b5', text: '#ffffff' },
]
const NOT_AVAILABLE = { label: 'n/a: nothing to compute it on', fill: '#f1f1f1', text: '#666666' }

function binOf(value: number): Bin {
  let found = BINS[0]!
  for (const bin of BINS) if (value >= bin.from) found = bin
  return found
}

/** A figure as written in the pictures: three decimals like `corroborate agree`, or "n/a". */
export function shownFigure(value: number | null): string {
  return value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(3)
}

/**
 * The pairwise matrix: annotators as rows and columns, each cell the pair's figure for
 * `measure` with its n (the matrix is symmetric: each pair fills two cells), the diagonal
 * marked as the annotator itself, a legend of the colours below.
 */
export function pairMatrixSvg(report: AnyReport, options: PairMatrixSvgOptions = {}): string {
  const measure = options.measure ?? 'span-f1'
  const id = options.id ?? 'agreement-matrix'
  const nameOf = options.annotatorName ?? ((annotator: string) => annotator)
  const annotators = [...report.annotators]
  const names = annotators.map((annotator) => nameOf(annotator))
  const labels = names.map((name) => truncateLabel(name, NAME_CHARS))
  const figures = new Map<string, PairFigure>()
  for (const pair of report.pairs) {
    const figure = pairFigure(report, pair, measure)
    figures.set(`${pair.first}\u0000${pair.second}`, figure)
    figures.set(`${pair.second}\u0000${pair.first}`, figure)
  }
  const measureName = PAIR_MEASURE_NAMES[measure]
  const items = PAIR_MEASURE_ITEMS[measure]

  const labelWidth = estimatedTextWidth(labels, 12)
  const headerHeight = Math.ceil(estimatedTextWidth(labels, 4) * DIAGONAL) + FONT_SIZE + 24
  const gridLeft = MARGIN + labelWidth
  const gridTop = MARGIN + headerHeight
  const gridSize = annotators.length
  const overhang = Math.ceil(estimatedTextWidth(labels.slice(-1), 0) * DIAGONAL)
  const legendTop = gridTop + Math.max(gridSize, 1) * CELL_HEIGHT + 20
  const width =
    Math.max(gridLeft + gridSize * CELL_WIDTH + overhang, MARGIN + legendWidth()) + MARGIN
  const height = legendTop + legendHeight() + MARGIN

  const title = `Pairwise agreement of ${gridSize} annotator${plural(gridSize)}: ${measureName}`
  const parts = svgOpening({
    width,
    height,
    id,
    title,
    description: matrixDescription(report, names, figures, measureName, items),
    fontSize: FONT_SIZE,
  })
  parts.push(
    `<text class="heading" x="${MARGIN}" y="${MARGIN + FONT_SIZE}" font-weight="bold">${escapeXml(title)}</text>`,
  )
  // Column names, rotated like matrix.svg's, each with its full name as a tooltip.
  parts.push('<g class="columns">')
  labels.forEach((label, c) => {
    const x = gridLeft + c * CELL_WIDTH + CELL_WIDTH / 2
    const y = gridTop - 6
    parts.push(
      `<g><title>${escapeXml(names[c]!)}</title>` +
        `<text x="${x}" y="${y}" transform="rotate(-45 ${x} ${y})">${escapeXml(label)}</text></g>`,
    )
  })
  parts.push('</g>')
  if (gridSize < 2) {
    parts.push(
      `<text x="${gridLeft}" y="${gridTop + CELL_HEIGHT / 2 + 4}" fill="#666666">` +
        'Agreement needs two or more annotators.</text>',
    )
  }
  annotators.forEach((first, r) => {
    const top = gridTop + r * CELL_HEIGHT
    parts.push(
      '<g class="row">',
      `<g><title>${escapeXml(names[r]!)}</title>` +
        `<text class="name" x="${MARGIN}" y="${top + CELL_HEIGHT / 2 + 4}">${escapeXml(labels[r]!)}</text></g>`,
    )
    annotators.forEach((second, c) => {
      const x = gridLeft + c * CELL_WIDTH
      const data =
        `data-first="${escapeXml(first)}" data-second="${escapeXml(second)}" ` +
        `data-measure="${measure}"`
      if (r === c) {
        parts.push(
          `<g class="cell self" ${data}><title>${escapeXml(names[r]!)}</title>` +
            rect(x, top, CELL_WIDTH, CELL_HEIGHT, '#ffffff', '#d4d4d4') +
            centred(x + CELL_WIDTH / 2, top + CELL_HEIGHT / 2 + 4, '—', '#999999') +
            '</g>',
        )
        return
      }
      const figure = figures.get(`${first}\u0000${second}`) ?? { value: null, items: 0 }
      const colour = figure.value === null ? NOT_AVAILABLE : binOf(figure.value)
      const tooltip =
        `${names[r]} and ${names[c]}: ${measureName} ${shownFigure(figure.value)}, ` +
        `n = ${figure.items} ${items}`
      parts.push(
        `<g class="cell${figure.value === null ? ' na' : ''}" ${data} ` +
          `data-value="${figure.value ?? ''}" data-n="${figure.items}">` +
          `<title>${escapeXml(tooltip)}</title>` +
          rect(x, top, CELL_WIDTH, CELL_HEIGHT, colour.fill, '#ffffff') +
          `<text class="figure" x="${x + CELL_WIDTH / 2}" y="${top + 19}" text-anchor="middle" ` +
          `font-weight="bold" fill="${colour.text}">${shownFigure(figure.value)}</text>` +
          `<text class="n" x="${x + CELL_WIDTH / 2}" y="${top + 35}" text-anchor="middle" ` +
          `font-size="${FONT_SIZE - 2}" fill="${colour.text}">n = ${figure.items}</text>` +
          '</g>',
      )
    })
    parts.push('</g>')
  })
  parts.push(legend(MARGIN, legendTop, `Cells: ${measureName}; n counts ${items}.`), '</svg>', '')
  return parts.join('\n')
}

const BAR_LABEL_CHARS = 32
const BAR_WIDTH = 320
const BAR_HEIGHT = 22
const BAR_GAP = 8

/**
 * One horizontal bar per label: its unitizing alpha (alpha_u) over every document's characters,
 * written beside the bar with n, the label's claims (all annotators). The axis runs from 0 to 1,
 * or from -1 when a value is below 0 (bars below -1 stop at the axis' end, their figure says
 * how far). A label whose alpha_u cannot be computed has no bar and says "n/a".
 */
export function labelBarsSvg(report: AnyReport, options: LabelBarsSvgOptions = {}): string {
  const id = options.id ?? 'agreement-labels'
  const nameOf = options.labelName ?? ((label: string) => label)
  const rows = report.perLabel.map((entry) => {
    const value = entry.alphaU === null || Number.isNaN(entry.alphaU) ? null : entry.alphaU
    return { label: entry.label, name: nameOf(entry.label), value, n: entry.claims ?? 0 }
  })
  const labels = rows.map((row) => truncateLabel(row.name, BAR_LABEL_CHARS))
  const low = rows.some((row) => row.value !== null && row.value < 0) ? -1 : 0
  const labelWidth = estimatedTextWidth(labels, 12)
  const axisLeft = MARGIN + labelWidth
  const scale = (value: number) =>
    axisLeft + ((Math.min(1, Math.max(low, value)) - low) / (1 - low)) * BAR_WIDTH
  const top = MARGIN + FONT_SIZE + 16
  const axisBottom = top + Math.max(rows.length, 1) * (BAR_HEIGHT + BAR_GAP)
  const legendTop = axisBottom + 32
  const figureWidth = estimatedTextWidth(['-0.000  (n = 000000)'], 16)
  const width = Math.max(axisLeft + BAR_WIDTH + figureWidth, MARGIN + legendWidth()) + MARGIN
  const height = legendTop + legendHeight() + MARGIN

  const title = `Agreement per label: unitizing alpha (alpha_u), ${rows.length} label${plural(rows.length)}`
  const description =
    rows.length === 0
      ? 'No labels to show.'
      : rows
          .map(
            (row) => `${row.name}: ${shownFigure(row.value)} over ${row.n} claim${plural(row.n)}`,
          )
          .join('; ') + '.'
  const parts = svgOpening({ width, height, id, title, description, fontSize: FONT_SIZE })
  parts.push(
    `<text class="heading" x="${MARGIN}" y="${MARGIN + FONT_SIZE}" font-weight="bold">${escapeXml(title)}</text>`,
  )
  // Axis: ticks every 0.5, with a line at 0 (and the thresholds as dotted lines).
  parts.push('<g class="axis">')
  for (let tick = low; tick <= 1; tick += 0.5) {
    const x = scale(tick)
    parts.push(
      `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${axisBottom}" stroke="${tick === 0 ? '#666666' : '#dddddd'}"/>`,
      centred(x, axisBottom + 14, tick.toFixed(1), '#666666'),
    )
  }
  for (const threshold of [0.667, 0.8]) {
    const x = scale(threshold)
    parts.push(
      `<line class="threshold" x1="${x}" y1="${top - 4}" x2="${x}" y2="${axisBottom}" ` +
        'stroke="#999999" stroke-dasharray="2 3"/>',
    )
  }
  parts.push('</g>')
  if (rows.length === 0) {
    parts.push(`<text x="${axisLeft}" y="${top + 15}" fill="#666666">No labels to show.</text>`)
  }
  rows.forEach((row, i) => {
    const y = top + i * (BAR_HEIGHT + BAR_GAP)
    const colour = row.value === null ? NOT_AVAILABLE : binOf(row.value)
    const tooltip = `${row.name}: alpha_u ${shownFigure(row.value)}, n = ${row.n} claim${plural(row.n)}`
    const out = [
      `<g class="bar${row.value === null ? ' na' : ''}" data-label="${escapeXml(row.label)}" ` +
        `data-value="${row.value ?? ''}" data-n="${row.n}">`,
      `<title>${escapeXml(tooltip)}</title>`,
      `<text class="name" x="${MARGIN}" y="${y + BAR_HEIGHT / 2 + 4}">${escapeXml(labels[i]!)}</text>`,
    ]
    if (row.value !== null) {
      const [from, to] = [scale(Math.min(0, row.value)), scale(Math.max(0, row.value))]
      out.push(rect(from, y, Math.max(1, to - from), BAR_HEIGHT, colour.fill, '#4d4d4d'))
    }
    // Figures in a column of their own, right of the axis: never over a bar or a line.
    out.push(
      `<text class="figure" x="${axisLeft + BAR_WIDTH + 16}" y="${y + BAR_HEIGHT / 2 + 4}">` +
        `${shownFigure(row.value)}  (n = ${row.n})</text>`,
      '</g>',
    )
    parts.push(out.join(''))
  })
  parts.push(
    legend(MARGIN, legendTop, 'Bars: alpha_u per label; n counts its claims, all annotators.'),
    '</svg>',
    '',
  )
  return parts.join('\n')
}

/** Swatches of the colour scale in two rows, and a caption. */
const LEGEND_COLUMNS = 3
const LEGEND_STEP = 210

function legendWidth(): number {
  return LEGEND_COLUMNS * LEGEND_STEP
}

function legendHeight(): number {
  return 2 * 22 + 2 * 16 + 4
}

function legend(left: number, top: number, caption: string): string {
  const entries = [...BINS, NOT_AVAILABLE]
  const out = ['<g class="legend">']
  entries.forEach((entry, i) => {
    const x = left + (i % LEGEND_COLUMNS) * LEGEND_STEP
    const y = top + Math.floor(i / LEGEND_COLUMNS) * 22
    out.push(
      rect(x, y, 16, 16, entry.fill, '#999999', `swatch`),
      `<text x="${x + 22}" y="${y + 12}">${escapeXml(entry.label)}</text>`,
    )
  })
  out.push(
    `<text x="${left}" y="${top + 2 * 22 + 12}" fill="#666666">${escapeXml(caption)}</text>`,
    `<text x="${left}" y="${top + 2 * 22 + 28}" fill="#666666">` +
      '0.667 and 0.8: Krippendorff’s bounds for tentative and for reliable conclusions.</text>',
    '</g>',
  )
  return out.join('\n')
}

function rect(
  x: number,
  y: number,
  width: number,
  height: number,
  fill: string,
  stroke: string,
  className?: string,
): string {
  const cls = className ? ` class="${className}"` : ''
  return (
    `<rect${cls} x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" ` +
    `rx="3" fill="${fill}" stroke="${stroke}"/>`
  )
}

function centred(x: number, y: number, text: string, fill: string): string {
  return `<text x="${round(x)}" y="${round(y)}" text-anchor="middle" fill="${fill}">${escapeXml(text)}</text>`
}

/** Coordinates to two decimals: the same string for the same number everywhere. */
function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** Every figure in words, for screen readers and search. */
function matrixDescription(
  report: AnyReport,
  names: readonly string[],
  figures: ReadonlyMap<string, PairFigure>,
  measureName: string,
  items: string,
): string {
  if (report.pairs.length === 0) return 'No pair of annotators to compare.'
  const nameOf = new Map(report.annotators.map((annotator, i) => [annotator, names[i]!]))
  return (
    `${measureName} for each pair of annotators: ` +
    report.pairs
      .map((pair) => {
        const figure = figures.get(`${pair.first}\u0000${pair.second}`)!
        return (
          `${nameOf.get(pair.first) ?? pair.first} and ${nameOf.get(pair.second) ?? pair.second} ` +
          `${shownFigure(figure.value)} (n = ${figure.items} ${items})`
        )
      })
      .join('; ') +
    '.'
  )
}
