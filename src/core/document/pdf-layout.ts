/**
 * The text of a PDF's pages, as pdf.js extracts it (runs of text with their position and size),
 * rebuilt into canonical blocks. Written by hand: no maintained JavaScript package turns pdf.js
 * text runs into paragraphs. Pure, so it is tested on exact geometry.
 *
 * 1. Lines: runs on one baseline, in the order the page draws them (pdf.js's reading order),
 *    joined with a space where there is a gap between them. A page set in columns is read in
 *    the order of its geometry instead (pdf-columns.ts): the left column, then the right, with
 *    full-width titles and notes where they stand.
 * 2. Furniture: a line in the top or bottom two lines of a page that recurs (digits aside) at the
 *    top or bottom of at least half the pages (two at least), is not set larger than the body
 *    and is not a sentence of six words or more, is a running header or footer; a
 *    lone page number there ("3", "Page 3 of 9", "- 3 -") is furniture on any page. Each such
 *    line is a block of its own, marked `boilerplate`; it stays in the text.
 * 3. Paragraphs: a new one starts where the space between baselines grows past 1.4 times the
 *    page's usual line spacing, where the size of the text changes, where a band of a page in
 *    columns starts, or where the text moves back up the page (a new column) unless the last
 *    column stopped mid-sentence and the new one starts in lower case. A paragraph set larger
 *    than the body text, of at most three lines, is a heading; its level follows its size (the
 *    largest is 1).
 * 4. A word hyphenated at a line end ("govern-" / "ment") is joined without the hyphen when the
 *    next line starts with a lower-case letter; otherwise lines are joined with a space.
 * 5. A paragraph cut by a page break (no sentence end at the bottom of one page, a lower-case
 *    start at the top of the next) is one block, on the page where it starts.
 * Every block knows its page (1-based).
 */
import { DocumentBuilder } from './normalize'
import { mostCommonGap, readColumns } from './pdf-columns'
import type { Block } from './types'

export interface PdfTextRun {
  str: string
  /** Baseline origin and font size in points (PDF user space: y grows upwards). */
  x: number
  y: number
  size: number
  width: number
}

export interface PdfPageText {
  runs: PdfTextRun[]
}

interface Line {
  text: string
  x: number
  y: number
  size: number
  page: number
  furniture: boolean
  /** On a page set in columns: the first line of a band (what is above it is not its paragraph). */
  bandStart?: boolean
}

interface Paragraph {
  lines: Line[]
  page: number
  furniture: boolean
  heading: boolean
  size: number
}

const PAGE_NUMBER =
  /^(?:(?:page|p\.|seite|стр\.?|с\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/|из|von)\s*\d{1,4})?$/iu
const SENTENCE_END = /[.!?…:;"'’”)\]]$/
/** A sentence of six words or more is article text, however often its wording recurs. */
const PROSE = /^(?:\S+\s+){5,}\S*[.!?…]["'’”)\]]*$/u
const HYPHENATED = /\p{L}-$/u
const LOWER_START = /^\p{Ll}/u
/** Edge lines per page examined for running headers and footers. */
const EDGE_LINES = 2

export function layOutPdfText(pages: readonly PdfPageText[]): { text: string; blocks: Block[] } {
  const linesByPage = pages.map((page, index) => linesOf(page.runs, index + 1))
  markRunningLines(linesByPage, bodySize(linesByPage.flat()))
  const paragraphs = linesByPage.flatMap((lines) => paragraphsOf(lines))
  markHeadings(paragraphs)
  const merged = joinAcrossPages(paragraphs)

  const builder = new DocumentBuilder()
  const headingSizes = [
    ...new Set(merged.filter((p) => p.heading).map((p) => Math.round(p.size))),
  ].sort((a, b) => b - a)
  for (const paragraph of merged) {
    const text = joinLines(paragraph.lines.map((line) => line.text))
    const block = paragraph.heading
      ? builder.add('heading', text, {
          level: Math.min(6, headingSizes.indexOf(Math.round(paragraph.size)) + 1),
        })
      : builder.add('paragraph', text)
    if (block === null) continue
    block.page = paragraph.page
    if (paragraph.furniture) block.boilerplate = true
  }
  return builder.build()
}

/**
 * The page's lines in reading order. A page set in columns is ordered by its geometry
 * (pdf-columns.ts); any other page keeps pdf.js's order, runs on one baseline becoming one line.
 */
function linesOf(runs: readonly PdfTextRun[], page: number): Line[] {
  const columns = readColumns(runs)
  if (columns === null) return drawnLines(runs, page)
  const lines: Line[] = []
  for (const ordered of columns) {
    // One row of one column is one line, even where its runs overlap (text drawn twice for
    // bold, tight kerning), which drawnLines would cut.
    const [line, ...rest] = drawnLines(ordered.runs, page)
    if (line === undefined) continue
    for (const more of rest) line.text += ` ${more.text}`
    line.bandStart = ordered.bandStart
    lines.push(line)
  }
  return lines
}

/** Runs on one baseline, left to right as drawn, become one line. */
function drawnLines(runs: readonly PdfTextRun[], page: number): Line[] {
  const lines: Line[] = []
  let current: (Line & { end: number }) | null = null
  for (const run of runs) {
    if (run.str.trim() === '' && run.width === 0) continue
    const sameLine =
      current !== null &&
      Math.abs(run.y - current.y) <= Math.max(current.size, run.size) * 0.35 &&
      run.x >= current.end - Math.max(current.size, run.size) * 0.5
    if (current !== null && sameLine) {
      const gap = run.x - current.end
      const needsSpace =
        gap > Math.max(current.size, run.size) * 0.15 &&
        !current.text.endsWith(' ') &&
        !run.str.startsWith(' ')
      current.text += (needsSpace ? ' ' : '') + run.str
      current.end = run.x + run.width
      current.size = Math.max(current.size, run.size)
      continue
    }
    current = {
      text: run.str,
      x: run.x,
      y: run.y,
      size: run.size,
      page,
      furniture: false,
      end: run.x + run.width,
    }
    lines.push(current)
  }
  return lines.filter((line) => line.text.trim() !== '')
}

/**
 * Running headers, footers and page numbers, at the top and bottom edges of the pages. Text set
 * larger than the body is never a running line: a heading that opens every page ("Section 3")
 * is article text.
 */
function markRunningLines(linesByPage: Line[][], body: number): void {
  const edges = linesByPage.map((lines) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y)
    return [...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)]
  })
  const pagesWith = new Map<string, Set<number>>()
  edges.forEach((lines, page) => {
    for (const line of lines) {
      const key = recurringKey(line.text)
      const pages = pagesWith.get(key) ?? new Set<number>()
      pages.add(page)
      pagesWith.set(key, pages)
    }
  })
  const needed = Math.max(2, Math.ceil(linesByPage.length / 2))
  for (const lines of edges) {
    for (const line of lines) {
      if (line.size > body * 1.1 || PROSE.test(line.text.trim())) continue
      const recurring = (pagesWith.get(recurringKey(line.text))?.size ?? 0) >= needed
      if (recurring || PAGE_NUMBER.test(line.text.trim())) line.furniture = true
    }
  }
}

function recurringKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()
}

function paragraphsOf(lines: readonly Line[]): Paragraph[] {
  const spacing = usualSpacing(lines)
  const paragraphs: Paragraph[] = []
  let current: Paragraph | null = null
  let previous: Line | null = null
  for (const line of lines) {
    const startsNew =
      current === null ||
      previous === null ||
      line.furniture ||
      previous.furniture ||
      line.bandStart === true ||
      Math.abs(line.size - previous.size) > previous.size * 0.1 ||
      (line.y >= previous.y && !continuesSentence(previous.text, line.text)) ||
      previous.y - line.y > spacing * 1.4
    if (startsNew) {
      current = {
        lines: [line],
        page: line.page,
        furniture: line.furniture,
        heading: false,
        size: line.size,
      }
      paragraphs.push(current)
    } else current!.lines.push(line)
    previous = line
  }
  return paragraphs
}

/**
 * A line at the top of a new column goes on with the paragraph at the foot of the last one when
 * that stopped mid-sentence and this starts in lower case (as across a page break).
 */
function continuesSentence(before: string, after: string): boolean {
  return !SENTENCE_END.test(before.trim()) && LOWER_START.test(after.trim())
}

/** The most common distance between consecutive baselines of text of one size. */
function usualSpacing(lines: readonly Line[]): number {
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!
    const b = lines[i]!
    if (a.furniture || b.furniture || Math.abs(a.size - b.size) > 0.01) continue
    gaps.push(a.y - b.y)
  }
  // No two lines of one size in a row: a line and a half of the typical size.
  return mostCommonGap(gaps) ?? (lines[0]?.size ?? 11) * 1.5
}

/** The size of the body text: the size most characters have. */
function bodySize(lines: readonly Line[]): number {
  const characters = new Map<number, number>()
  for (const line of lines) {
    if (line.furniture) continue
    const size = Math.round(line.size * 2) / 2
    characters.set(size, (characters.get(size) ?? 0) + line.text.length)
  }
  let body = 0
  let most = -1
  for (const [size, count] of characters) {
    if (count > most) {
      body = size
      most = count
    }
  }
  return body
}

/** Text set larger than the body, in at most three lines. */
function markHeadings(paragraphs: Paragraph[]): void {
  const body = bodySize(paragraphs.flatMap((paragraph) => paragraph.lines))
  for (const paragraph of paragraphs) {
    paragraph.heading =
      !paragraph.furniture && paragraph.size >= body * 1.15 && paragraph.lines.length <= 3
  }
}

/** A paragraph cut by a page break continues at the top of the next page. */
function joinAcrossPages(paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = []
  let lastArticle: Paragraph | null = null
  for (const paragraph of paragraphs) {
    if (paragraph.furniture) {
      out.push(paragraph)
      continue
    }
    if (
      lastArticle !== null &&
      !lastArticle.heading &&
      !paragraph.heading &&
      paragraph.page === lastArticle.lines.at(-1)!.page + 1 &&
      continuesSentence(lastArticle.lines.at(-1)!.text, paragraph.lines[0]!.text)
    ) {
      lastArticle.lines.push(...paragraph.lines)
      continue
    }
    out.push(paragraph)
    lastArticle = paragraph
  }
  return out
}

/** Lines of one paragraph: a hyphen at a line end before a lower-case letter joins the word. */
export function joinLines(lines: readonly string[]): string {
  let text = ''
  for (const raw of lines) {
    const line = raw.trim()
    if (text === '') text = line
    else if (HYPHENATED.test(text) && LOWER_START.test(line)) text = text.slice(0, -1) + line
    else text += ' ' + line
  }
  return text
}
