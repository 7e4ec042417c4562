/**
 * A minimal PDF writer for test fixtures, written by hand because no installed package writes
 * PDF (pdf.js only reads): pages of text lines in the standard Helvetica font (no font file
 * embedded, as PDF allows for the base 14 fonts), each line placed at a given position and
 * size, plus the document information dictionary. Enough for pdf.js to extract text with its
 * geometry, which is what the PDF reader rebuilds paragraphs from. Text is WinAnsi (Latin-1).
 */

export interface PdfLine {
  text: string
  /** Baseline position in points from the bottom-left corner of the page. */
  x: number
  y: number
  /** Font size in points; 11 when left out. */
  size?: number
}

export interface PdfPage {
  lines: PdfLine[]
  /** Draws a filled rectangle and no text: a page as a scanner makes it (no text layer). */
  imageOnly?: boolean
}

export interface PdfInfo {
  Title?: string
  Author?: string
  CreationDate?: string
  Producer?: string
}

const PAGE_WIDTH = 595
const PAGE_HEIGHT = 842

export function writePdf(pages: PdfPage[], info: PdfInfo = {}): Uint8Array {
  const objects: string[] = []
  const add = (body: string) => {
    objects.push(body)
    return objects.length
  }
  const catalog = add('') // filled in once the page tree's number is known
  const pagesId = add('')
  const font = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  )
  const pageIds: number[] = []
  for (const page of pages) {
    const content = page.imageOnly
      ? '0.5 g 72 72 451 698 re f'
      : page.lines
          .map(
            (line) =>
              `BT /F1 ${line.size ?? 11} Tf ${line.x} ${line.y} Td (${escapeText(line.text)}) Tj ET`,
          )
          .join('\n')
    const stream = add(`<< /Length ${latin1Length(content)} >>\nstream\n${content}\nendstream`)
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    )
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`
  const infoEntries = Object.entries(info).map(([key, value]) => `/${key} (${escapeText(value)})`)
  const infoId = add(`<< ${infoEntries.join(' ')} >>`)

  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(latin1Length(out))
    out += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = latin1Length(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R >>\n`
  out += `startxref\n${xref}\n%%EOF\n`
  return latin1Bytes(out)
}

/**
 * Lays out paragraphs as a word processor would: lines of at most `width` characters, 14 pt
 * apart, a blank line's height between paragraphs, from the top of the page down. Headings are
 * drawn larger. Returns the lines of one page.
 */
export function layOut(
  paragraphs: { text: string; size?: number }[],
  options: { top?: number; width?: number; hyphenate?: boolean; x?: number } = {},
): PdfLine[] {
  const lines: PdfLine[] = []
  let y = options.top ?? 760
  for (const paragraph of paragraphs) {
    const size = paragraph.size ?? 11
    for (const text of wrap(paragraph.text, options.width ?? 80, options.hyphenate ?? false)) {
      lines.push({ text, x: options.x ?? 72, y, size })
      y -= Math.round(size * 1.3)
    }
    y -= Math.round(size * 1.3)
  }
  return lines
}

/**
 * Flows body paragraphs down columns as a two-column report is set: lines of at most `width`
 * characters, 14 pt apart with a blank line between paragraphs; when a column is full the text
 * goes on at the top of the next, mid-paragraph if need be. `order` is the order the lines are
 * drawn in: 'columns' (column after column, as most typesetters draw) or 'rows' (across the page
 * baseline by baseline, as some PDF writers draw), so the reader cannot lean on it.
 */
export function layOutColumns(
  paragraphs: string[],
  options: {
    columns: number[]
    top: number
    bottom: number
    width: number
    order: 'columns' | 'rows'
  },
): PdfLine[] {
  const step = 14
  const byColumn: PdfLine[][] = options.columns.map(() => [])
  let column = 0
  let y = options.top
  for (const paragraph of paragraphs) {
    if (y !== options.top) y -= step // the blank line between paragraphs, not atop a column
    for (const text of wrap(paragraph, options.width, false)) {
      if (y < options.bottom) {
        column += 1
        if (column >= options.columns.length) throw new Error('The text does not fit the page.')
        y = options.top
      }
      byColumn[column]!.push({ text, x: options.columns[column]!, y, size: 11 })
      y -= step
    }
  }
  if (options.order === 'columns') return byColumn.flat()
  return byColumn.flat().sort((a, b) => b.y - a.y || a.x - b.x)
}

/** Greedy wrapping; with `hyphenate`, a long word that does not fit is split with a hyphen. */
function wrap(text: string, width: number, hyphenate: boolean): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (candidate.length <= width) {
      line = candidate
      continue
    }
    if (hyphenate && word.length >= 8 && /^[a-z]+$/i.test(word)) {
      const room = width - line.length - 2
      if (room >= 3) {
        lines.push(`${line} ${word.slice(0, room)}-`)
        line = word.slice(room)
        continue
      }
    }
    lines.push(line)
    line = word
  }
  if (line !== '') lines.push(line)
  return lines
}

function escapeText(text: string): string {
  return text.replace(/[\\()]/g, (ch) => `\\${ch}`)
}

function latin1Length(text: string): number {
  return text.length
}

function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff
  return bytes
}
