/**
 * A 50-page PDF report (written by tests/helpers/pdf-writer.ts: a running header, a page number,
 * headings and about forty lines of text a page) read into a canonical document: pdf.js text
 * extraction plus the layout into blocks; then the same report set in two columns, its lines
 * drawn across the page row by row, so the reading order comes from the geometry alone
 * (pdf-columns.ts). The floor, measured in the same run: pdf.js alone opening the file and
 * extracting every page's text, which the reader cannot do without.
 */
import { performance } from 'node:perf_hooks'
import { readDocument } from '../../src/core/document'
import { layOut, layOutColumns, writePdf, type PdfPage } from '../helpers/pdf-writer'
import { median } from './measure'

const PAGES = 50

const SENTENCES = [
  'Dock workers at the port of Valmera stopped work on Monday, leaving some 214 container ships waiting offshore.',
  'The union said wages had fallen 12 percent in real terms since 2021, a figure the management disputed.',
  'Shipping companies rerouted at least thirty vessels to Tallhamn, where the harbour master called the situation unprecedented.',
  'Analysts estimate that the strike costs the regional economy about 40 million euros a day.',
]

export function reportPdf(pages = PAGES): Uint8Array {
  const out: PdfPage[] = []
  for (let page = 1; page <= pages; page++) {
    const paragraphs = [{ text: `Section ${page}: the strike, day ${page}`, size: 14 }]
    for (let i = 0; i < 6; i++) {
      paragraphs.push({
        text: `${SENTENCES[(page + i) % 4]} ${SENTENCES[(page + i + 1) % 4]}`,
        size: 11,
      })
    }
    out.push({
      lines: [
        { text: 'Harbour Monitor - Brief 14/2026', x: 72, y: 805, size: 9 },
        ...layOut(paragraphs, { width: 90, hyphenate: true }),
        { text: `Page ${page} of ${pages}`, x: 270, y: 40, size: 9 },
      ],
    })
  }
  return writePdf(out, {
    Title: 'Harbour Monitor brief 14/2026',
    CreationDate: 'D:20260302081500Z',
  })
}

/** The report in two columns, a full-width heading above them on each page. */
export function twoColumnReportPdf(pages = PAGES): Uint8Array {
  const out: PdfPage[] = []
  for (let page = 1; page <= pages; page++) {
    const paragraphs: string[] = []
    for (let i = 0; i < 6; i++) {
      paragraphs.push(`${SENTENCES[(page + i) % 4]} ${SENTENCES[(page + i + 1) % 4]}`)
    }
    out.push({
      lines: [
        { text: 'Harbour Monitor - Brief 14/2026', x: 72, y: 805, size: 9 },
        ...layOut([{ text: `Section ${page}: the strike, day ${page}`, size: 14 }], { top: 770 }),
        ...layOutColumns(paragraphs, {
          columns: [72, 310],
          width: 38,
          top: 730,
          bottom: 80,
          order: 'rows',
        }),
        { text: `Page ${page} of ${pages}`, x: 270, y: 40, size: 9 },
      ],
    })
  }
  return writePdf(out, { Title: 'Harbour Monitor brief 14/2026' })
}

async function extractOnly(bytes: Uint8Array): Promise<number> {
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  })
  const pdf = await task.promise
  let runs = 0
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    runs += (await page.getTextContent()).items.length
  }
  await task.destroy()
  return runs
}

export async function benchPdf(): Promise<void> {
  await benchOne(`A ${PAGES}-page PDF (pdf.js text + layout into blocks)`, reportPdf())
  await benchOne(
    `The same report in two columns, drawn across the page (reading order from geometry)`,
    twoColumnReportPdf(),
  )
}

async function benchOne(title: string, bytes: Uint8Array): Promise<void> {
  console.log(`\n## ${title}`)
  const runs = 5
  await readDocument(bytes, 'warm-up.pdf')
  await extractOnly(bytes)
  const read: number[] = []
  const floor: number[] = []
  let blocks = 0
  let furniture = 0
  let characters = 0
  let textRuns = 0
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now()
    const doc = await readDocument(bytes, 'report.pdf')
    read.push(performance.now() - t0)
    blocks = doc.blocks.length
    furniture = doc.blocks.filter((block) => block.boilerplate).length
    characters = doc.text.length
    t0 = performance.now()
    textRuns = await extractOnly(bytes)
    floor.push(performance.now() - t0)
  }
  console.log(
    `${(bytes.length / 1024).toFixed(0)} KB, ${PAGES} pages, ${textRuns} text runs -> ${blocks} blocks ` +
      `(${furniture} furniture), ${characters} characters; median of ${runs}`,
  )
  console.log(`read into a canonical document   ${median(read).toFixed(1).padStart(8)} ms`)
  console.log(`floor: pdf.js text extraction    ${median(floor).toFixed(1).padStart(8)} ms`)
}
