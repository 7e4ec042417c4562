/**
 * Two-column PDF pages (a synthetic quarterly review the test writes): the reader reads the left
 * column, then the right, whatever order the PDF draws its lines in; a full-width title and
 * standfirst above the columns and a note below them stay where they are; a paragraph that runs
 * from the foot of one column to the top of the next is one block; running headers and page
 * numbers are furniture. Single-column pages are read as before (pdf.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { readDocument, type CanonicalDocument } from '../../../../src/core/document'
import { layOutPdfText, type PdfTextRun } from '../../../../src/core/document/pdf-layout'
import { layOut, layOutColumns, writePdf, type PdfLine } from '../../../helpers/pdf-writer'
import { blockText, expectCanonical } from './helpers'

const HEADER = 'Harbour Monitor - Quarterly Review 2/2026'
const TITLE = 'Shipping on the Valmera coast in spring'
const STANDFIRST =
  'Three months of strikes, reroutings and record waiting times at the ports of Valmera and Tallhamn, in figures from the harbour authorities.'
const PAGE_1 = [
  'Dock workers at the port of Valmera stopped work on 2 March, leaving some 214 container ships waiting offshore by the end of the first week.',
  'The union said wages had fallen 12 percent in real terms since 2021, a figure the port management described as a selective reading of the statistics office data.',
  'Shipping companies rerouted at least thirty vessels to Tallhamn, where the harbour master called the congestion unprecedented in the history of the port.',
  'Waiting times for a berth at Tallhamn rose from two days in February to nine days in April, according to the weekly bulletin of the regional port authority.',
]
const PAGE_2 = [
  'Talks between the union and the port resumed on 14 April under a mediator appointed by the labour ministry, and work restarted two days later.',
  'By the end of May the queue of ships outside Valmera had fallen to eleven, close to its usual level for the season, the harbour authority said.',
  'Freight rates on the route to the northern ports, which had doubled during the strike, were still a third above their level of January.',
]
const NOTE =
  'Figures are from the harbour authorities of Valmera and Tallhamn and were checked against the public ship-tracking data.'

function pageNumber(page: number): PdfLine {
  return { text: `Page ${page} of 2`, x: 280, y: 40, size: 9 }
}

function header(): PdfLine {
  return { text: HEADER, x: 72, y: 805, size: 9 }
}

/** The review, its column lines drawn in `order`. */
function review(order: 'columns' | 'rows'): Uint8Array {
  const columns = { columns: [72, 310], width: 38, order }
  const page1 = [
    header(),
    ...layOut([{ text: TITLE, size: 20 }, { text: STANDFIRST }], { top: 760, width: 80 }),
    ...layOutColumns(PAGE_1, { ...columns, top: 660, bottom: 500 }),
    pageNumber(1),
  ]
  const page2 = [
    header(),
    ...layOutColumns(PAGE_2, { ...columns, top: 760, bottom: 660 }),
    ...layOut([{ text: NOTE }], { top: 560, width: 80 }),
    pageNumber(2),
  ]
  return writePdf([{ lines: page1 }, { lines: page2 }], { Title: TITLE })
}

function outline(doc: CanonicalDocument) {
  return doc.blocks.map((block) => ({
    text: blockText(doc, block),
    page: block.page,
    ...(block.type === 'heading' ? { heading: true } : {}),
    ...(block.boilerplate ? { furniture: true } : {}),
  }))
}

const EXPECTED = [
  { text: HEADER, page: 1, furniture: true },
  { text: TITLE, page: 1, heading: true },
  { text: STANDFIRST, page: 1 },
  ...PAGE_1.map((text) => ({ text, page: 1 })),
  { text: 'Page 1 of 2', page: 1, furniture: true },
  { text: HEADER, page: 2, furniture: true },
  ...PAGE_2.map((text) => ({ text, page: 2 })),
  { text: NOTE, page: 2 },
  { text: 'Page 2 of 2', page: 2, furniture: true },
]

describe('two-column PDF pages', () => {
  it('checks its own fixture: paragraphs run from one column into the next', () => {
    const lines = layOutColumns(PAGE_1, {
      columns: [72, 310],
      width: 38,
      order: 'columns',
      top: 660,
      bottom: 500,
    })
    const left = lines.filter((line) => line.x === 72)
    const right = lines.filter((line) => line.x === 310)
    // The foot of the left column is mid-sentence, continued at the top of the right one.
    expect(left.at(-1)!.text).not.toMatch(/[.!?]$/)
    expect(right[0]!.text).toMatch(/^[a-z]/)
  })

  for (const order of ['columns', 'rows'] as const) {
    it(`reads the left column, then the right (lines drawn by ${order})`, async () => {
      const doc = await readDocument(review(order), 'review.pdf')
      expectCanonical(doc)
      expect(outline(doc)).toEqual(EXPECTED)
      expect(doc.metadata.title).toBe(TITLE)
    })
  }
  it('reads three columns left to right', async () => {
    const lines = layOutColumns([...PAGE_1, ...PAGE_2], {
      columns: [72, 250, 428],
      width: 24,
      order: 'rows',
      top: 760,
      bottom: 420,
    })
    const doc = await readDocument(writePdf([{ lines }]), 'three.pdf')
    expect(outline(doc).map((block) => block.text)).toEqual([...PAGE_1, ...PAGE_2])
  })
})

/**
 * The same decisions on geometry alone, with one run per word as many PDF writers emit them
 * (widths are estimated: half the font size per character).
 */
describe('columns from word runs', () => {
  const words = (text: string, x: number, y: number, size = 11): PdfTextRun[] => {
    const runs: PdfTextRun[] = []
    let at = x
    for (const word of text.split(' ')) {
      const width = word.length * size * 0.5
      runs.push({ str: word, x: at, y, size, width })
      at += width + size * 0.28
    }
    return runs
  }
  const toRuns = (lines: PdfLine[]) =>
    lines.flatMap((line) => words(line.text, line.x, line.y, line.size ?? 11))
  const text = (runs: PdfTextRun[]) => {
    const { text, blocks } = layOutPdfText([{ runs }])
    return blocks.map((block) => text.slice(block.start, block.end))
  }

  it('reads a title above two columns of word runs drawn across the page', () => {
    const runs = [
      ...words(TITLE, 72, 780, 20),
      ...toRuns(
        layOutColumns(PAGE_1, {
          columns: [72, 310],
          width: 38,
          order: 'rows',
          top: 740,
          bottom: 580,
        }),
      ),
    ]
    expect(text(runs)).toEqual([TITLE, ...PAGE_1])
  })

  it('leaves a single column alone: short lines, an indented quote, a right-aligned date', () => {
    const runs = [
      ...words('Valmera, 14 April 2026', 420, 780),
      ...toRuns(layOut([{ text: PAGE_1[0]! }, { text: PAGE_1[1]! }], { top: 750, width: 80 })),
      ...toRuns(layOut([{ text: PAGE_2[0]! }], { top: 660, width: 60, x: 120 })),
      ...toRuns(layOut([{ text: 'Signed,' }, { text: 'The harbour master' }], { top: 600 })),
      ...words('Page 1', 480, 40),
    ]
    expect(text(runs)).toEqual([
      'Valmera, 14 April 2026',
      PAGE_1[0],
      PAGE_1[1],
      PAGE_2[0],
      'Signed,',
      'The harbour master',
      'Page 1',
    ])
  })

  it('reads a label and value table row by row, not as columns', () => {
    const rows = [
      ['Port', 'Valmera'],
      ['Ships waiting', '214'],
      ['Rerouted', '30'],
      ['Berth wait', '9 days'],
      ['Strike began', '2 March'],
      ['Talks resumed', '14 April'],
      ['Work restarted', '16 April'],
      ['Queue in May', '11'],
    ]
    const runs: PdfTextRun[] = []
    rows.forEach(([label, value], i) => {
      runs.push(...words(label!, 72, 700 - i * 14), ...words(value!, 400, 700 - i * 14))
    })
    expect(text(runs)).toEqual([rows.map((row) => row.join(' ')).join(' ')])
  })
})
