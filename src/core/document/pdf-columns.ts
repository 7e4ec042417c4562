/**
 * The reading order of a page set in columns, from the geometry of its text runs alone: PDF
 * writers draw lines in any order (column after column, or across the page baseline by
 * baseline), so the order pdf.js returns them in cannot be trusted on such a page. Written by
 * hand: no maintained JavaScript package orders pdf.js text runs into columns.
 *
 * 1. Rows: runs on one baseline (whatever their drawing order), left to right. Within a row,
 *    runs closer than a gutter are one segment (the words of one column's line).
 * 2. Gutter: a vertical strip, at least `minGutter` wide and at most a quarter of the text's
 *    width, that no segment crosses on most rows, with text on both sides of it on at least
 *    three rows each, and each side at least a fifth of the text's width (a narrow column of
 *    values far from their labels is a table, not a column). Rows crossing it (a full-width title, standfirst, a note under the columns, a
 *    centred page number) may be a few, at most twice the rows of the narrower side.
 * 3. Bands: the rows from the top down, cut at every row crossing the gutter and at every empty
 *    strip across the whole page taller than 2.5 lines (a running header above the columns, a
 *    footer below them). A band's left side is read top to bottom, then its right side (each
 *    side again split if it has a gutter of its own: three columns).
 * A page without a gutter gets null: it is read in drawing order, as before.
 */
import type { PdfTextRun } from './pdf-layout'

/** One line in reading order: its runs left to right; `bandStart` where a new band begins. */
export interface OrderedLine {
  runs: PdfTextRun[]
  bandStart: boolean
}

interface Segment {
  x0: number
  x1: number
}

interface Row {
  y: number
  size: number
  runs: PdfTextRun[]
  segments: Segment[]
}

interface Gutter {
  x0: number
  x1: number
}

/** Rows of text needed on each side of a gutter. */
const MIN_SIDE_ROWS = 3
/** An empty strip across the page this many line spacings tall separates bands. */
const BAND_GAP = 2.5
/** Columns within columns at most this deep (a three-column page is two levels). */
const MAX_DEPTH = 3

/** The page's lines in reading order, or null when the page is not set in columns. */
export function readColumns(runs: readonly PdfTextRun[]): OrderedLine[] | null {
  const rows = rowsOf(runs.filter((run) => run.str.trim() !== ''))
  if (findGutter(rows) === null) return null
  return readRows(rows, 0)
}

function readRows(rows: Row[], depth: number): OrderedLine[] {
  const gutter = depth < MAX_DEPTH ? findGutter(rows) : null
  if (gutter === null) return rows.map((row, index) => ({ runs: row.runs, bandStart: index === 0 }))
  const middle = (gutter.x0 + gutter.x1) / 2
  const spacing = usualRowSpacing(rows)
  const out: OrderedLine[] = []
  let band: Row[] = []
  const flush = () => {
    if (band.length === 0) return
    const left: PdfTextRun[] = []
    const right: PdfTextRun[] = []
    for (const row of band) {
      for (const run of row.runs) (run.x + run.width / 2 < middle ? left : right).push(run)
    }
    const lines = [
      ...(left.length > 0 ? readRows(rowsOf(left), depth + 1) : []),
      ...(right.length > 0 ? readRows(rowsOf(right), depth + 1) : []),
    ]
    // The band's first line starts it; the right side's first line is a new column, which the
    // paragraph rules see as the text moving back up the page.
    lines.forEach((line, index) => out.push({ runs: line.runs, bandStart: index === 0 }))
    band = []
  }
  let previous: { row: Row; crossing: boolean } | null = null
  for (const row of rows) {
    const crossing = crosses(row, middle)
    const gap = previous !== null && previous.row.y - row.y > spacing * BAND_GAP
    if (crossing || gap) flush()
    // Full-width rows one under the other (a standfirst of two lines) are one band.
    if (crossing) out.push({ runs: row.runs, bandStart: gap || previous?.crossing !== true })
    else band.push(row)
    previous = { row, crossing }
  }
  flush()
  return out
}

/** Runs grouped by baseline, top to bottom; each row's runs left to right. */
function rowsOf(runs: readonly PdfTextRun[]): Row[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: Row[] = []
  let current: Row | null = null
  for (const run of sorted) {
    if (current !== null && current.y - run.y <= Math.max(current.size, run.size) * 0.35) {
      current.runs.push(run)
      current.size = Math.max(current.size, run.size)
      continue
    }
    current = { y: run.y, size: run.size, runs: [run], segments: [] }
    rows.push(current)
  }
  for (const row of rows) {
    row.runs.sort((a, b) => a.x - b.x)
    row.segments = segmentsOf(row)
  }
  return rows
}

/** Runs of a row joined where the space between them is narrower than a gutter. */
function segmentsOf(row: Row): Segment[] {
  const segments: Segment[] = []
  const join = minGutter(row.size)
  for (const run of row.runs) {
    const last = segments.at(-1)
    const end = run.x + Math.max(run.width, 0)
    if (last !== undefined && run.x - last.x1 < join) last.x1 = Math.max(last.x1, end)
    else segments.push({ x0: run.x, x1: end })
  }
  return segments
}

/** The narrowest gutter: wider than the space between words, even in justified text. */
function minGutter(size: number): number {
  return Math.max(6, size * 0.9)
}

function crosses(row: Row, x: number): boolean {
  return row.segments.some((segment) => segment.x0 < x && x < segment.x1)
}

/** The widest vertical strip that qualifies as a gutter (see the top of this file), or null. */
function findGutter(rows: readonly Row[]): Gutter | null {
  if (rows.length < MIN_SIDE_ROWS * 2) return null
  let left = Infinity
  let right = -Infinity
  for (const row of rows) {
    for (const segment of row.segments) {
      left = Math.min(left, segment.x0)
      right = Math.max(right, segment.x1)
    }
  }
  const width = right - left
  if (!(width > 0)) return null
  const open = (x: number): boolean => {
    let crossing = 0
    let leftRows = 0
    let rightRows = 0
    for (const row of rows) {
      if (crosses(row, x)) {
        crossing++
        continue
      }
      if (row.segments.some((segment) => segment.x1 <= x)) leftRows++
      if (row.segments.some((segment) => segment.x0 >= x)) rightRows++
    }
    const narrower = Math.min(leftRows, rightRows)
    return narrower >= MIN_SIDE_ROWS && crossing <= narrower * 2
  }
  const sizes = rows.map((row) => row.size).sort((a, b) => a - b)
  const needed = minGutter(sizes[Math.floor(sizes.length / 2)]!)
  // A column is at least a fifth of the text's width, and a gutter at most a quarter of it:
  // a narrow column of values far from their labels is a table.
  const fits = (gutter: Gutter) =>
    gutter.x1 - gutter.x0 >= needed &&
    gutter.x1 - gutter.x0 <= width / 4 &&
    gutter.x0 - left >= width / 5 &&
    right - gutter.x1 >= width / 5
  let best: Gutter | null = null
  let start: number | null = null
  const from = Math.ceil(left) + 1
  const to = Math.floor(right) - 1
  for (let x = from; x <= to + 1; x++) {
    if (x <= to && open(x)) {
      start ??= x
      continue
    }
    if (start !== null) {
      const found = { x0: start, x1: x - 1 }
      if (fits(found) && (best === null || widthOf(found) > widthOf(best))) best = found
      start = null
    }
  }
  return best
}

function widthOf(gutter: Gutter): number {
  return gutter.x1 - gutter.x0
}

/** The most common distance between consecutive rows. */
function usualRowSpacing(rows: readonly Row[]): number {
  const gaps = rows.slice(1).map((row, index) => rows[index]!.y - row.y)
  return mostCommonGap(gaps) ?? (rows[0]?.size ?? 11) * 1.5
}

/**
 * The most common of the positive `gaps` (distances between lines), to half a point; the smaller
 * one on a tie. Null when none is positive.
 */
export function mostCommonGap(gaps: Iterable<number>): number | null {
  const counts = new Map<number, number>()
  for (const raw of gaps) {
    const gap = Math.round(raw * 2) / 2
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1)
  }
  let best = 0
  let bestCount = 0
  for (const [gap, count] of counts) {
    if (count > bestCount || (count === bestCount && gap < best)) {
      best = gap
      bestCount = count
    }
  }
  return bestCount === 0 ? null : best
}
