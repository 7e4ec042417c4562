/**
 * PDF files through pdf.js, on PDFs the tests write (tests/helpers/pdf-writer.ts): a synthetic
 * two-page report of one event with a running header, a footer with page numbers, a heading, a
 * word hyphenated at a line end and a paragraph cut by the page break.
 */
import { describe, expect, it } from 'vitest'
import { readDocument, type CanonicalDocument } from '../../../../src/core/document'
import { pdfDate } from '../../../../src/core/document/pdf'
import { layOut, writePdf, type PdfLine } from '../../../helpers/pdf-writer'
import { blockText, expectCanonical } from './helpers'

const HEADER = 'Harbour Monitor - Brief 14/2026'

function footer(page: number): PdfLine {
  return { text: `Page ${page} of 2`, x: 280, y: 40, size: 9 }
}

function report(): Uint8Array {
  const page1 = layOut(
    [
      { text: 'Strike halts the port of Valmera', size: 20 },
      { text: 'By Ines Moreau' },
      {
        text: 'Dock workers at the port of Valmera stopped work on Monday, leaving some 214 container ships waiting offshore, according to the harbour authority.',
      },
      { text: 'What the union says', size: 14 },
      {
        text: 'The union said wages had fallen 12 percent in real terms since 2021, a figure the management described as a selective interpretation of the data published by the',
      },
    ],
    { top: 760, width: 70 },
  )
  // A word broken across two lines with a hyphen, as typesetting does.
  const page2 = [
    { text: 'national statistics office last year.', x: 72, y: 760, size: 11 },
    {
      text: 'Shipping companies rerouted at least thirty vessels to Tallhamn, where the',
      x: 72,
      y: 731,
      size: 11,
    },
    { text: 'harbour master called the situation unprece-', x: 72, y: 717, size: 11 },
    { text: "dented in the port's history.", x: 72, y: 703, size: 11 },
  ]
  return writePdf(
    [
      { lines: [{ text: HEADER, x: 72, y: 805, size: 9 }, ...page1, footer(1)] },
      { lines: [{ text: HEADER, x: 72, y: 805, size: 9 }, ...page2, footer(2)] },
    ],
    {
      Title: 'Microsoft Word - brief14.docx',
      Author: 'Harbour Monitor',
      CreationDate: "D:20260302081500+01'00'",
    },
  )
}

function outline(doc: CanonicalDocument) {
  return doc.blocks.map((block) => ({
    type: block.type,
    text: blockText(doc, block),
    page: block.page,
    ...(block.boilerplate ? { furniture: true } : {}),
    ...(block.level !== undefined ? { level: block.level } : {}),
  }))
}

describe('PDF files', () => {
  it('rebuilds headings and paragraphs from line geometry, per page, with furniture marked', async () => {
    const doc = await readDocument(report(), 'brief.pdf')
    expectCanonical(doc)
    expect(doc.format).toBe('pdf')
    expect(outline(doc)).toEqual([
      { type: 'paragraph', text: HEADER, page: 1, furniture: true },
      { type: 'heading', text: 'Strike halts the port of Valmera', page: 1, level: 1 },
      { type: 'paragraph', text: 'By Ines Moreau', page: 1 },
      {
        type: 'paragraph',
        text: 'Dock workers at the port of Valmera stopped work on Monday, leaving some 214 container ships waiting offshore, according to the harbour authority.',
        page: 1,
      },
      { type: 'heading', text: 'What the union says', page: 1, level: 2 },
      {
        // Cut by the page break, one paragraph again, on the page where it starts.
        type: 'paragraph',
        text: 'The union said wages had fallen 12 percent in real terms since 2021, a figure the management described as a selective interpretation of the data published by the national statistics office last year.',
        page: 1,
      },
      { type: 'paragraph', text: 'Page 1 of 2', page: 1, furniture: true },
      { type: 'paragraph', text: HEADER, page: 2, furniture: true },
      {
        type: 'paragraph',
        text: "Shipping companies rerouted at least thirty vessels to Tallhamn, where the harbour master called the situation unprecedented in the port's history.",
        page: 2,
      },
      { type: 'paragraph', text: 'Page 2 of 2', page: 2, furniture: true },
    ])
  })

  it('keeps a heading that opens every page as article text, folding only the running lines', async () => {
    const pages = [1, 2, 3].map((day) => ({
      lines: [
        { text: 'Harbour Monitor', x: 72, y: 805, size: 9 },
        ...layOut([
          { text: `Day ${day} of the strike`, size: 14 },
          { text: `On day ${day}, the ships kept waiting offshore, the harbour authority said.` },
        ]),
      ],
    }))
    const doc = await readDocument(writePdf(pages), 'days.pdf')
    expect(
      doc.blocks.filter((block) => block.boilerplate).map((block) => blockText(doc, block)),
    ).toEqual(['Harbour Monitor', 'Harbour Monitor', 'Harbour Monitor'])
    expect(doc.blocks.filter((block) => block.type === 'heading').map((b) => b.page)).toEqual([
      1, 2, 3,
    ])
  })

  it('reads metadata from the document information and the first page', async () => {
    const doc = await readDocument(report(), 'brief.pdf')
    // The information's title names the Word file it was made from: the headline wins.
    expect(doc.metadata).toMatchObject({
      title: 'Strike halts the port of Valmera',
      author: 'Harbour Monitor',
      published: '2026-03-02T08:15:00+01:00',
    })
  })

  it('gives the same text, offsets and id on every run', async () => {
    const first = await readDocument(report(), 'brief.pdf')
    const again = await readDocument(report(), 'copy of brief.PDF')
    expect(again.id).toBe(first.id)
    expect(again.blocks).toEqual(first.blocks)
  })

  it('says a PDF without a text layer needs OCR first, naming the file', async () => {
    const scan = writePdf([
      { lines: [], imageOnly: true },
      { lines: [], imageOnly: true },
    ])
    await expect(readDocument(scan, 'scans/letter.pdf')).rejects.toMatchObject({
      code: 'no-content',
      file: 'scans/letter.pdf',
      message: expect.stringMatching(/^"scans\/letter\.pdf" has no text layer .*needs OCR first/),
    })
  })

  it('refuses a file that is not a PDF with a message naming it', async () => {
    const bytes = new TextEncoder().encode('<html>not a pdf</html>')
    await expect(readDocument(bytes, 'report.pdf')).rejects.toMatchObject({
      code: 'unreadable',
      message: expect.stringMatching(/^"report\.pdf" could not be read: /),
    })
  })

  it('reads PDF dates with and without a zone', () => {
    expect(pdfDate("D:20260302081500+01'00'")).toBe('2026-03-02T08:15:00+01:00')
    expect(pdfDate('D:20260302081500Z')).toBe('2026-03-02T08:15:00Z')
    expect(pdfDate('D:20260302')).toBe('2026-03-02')
    expect(pdfDate('D:2026')).toBeUndefined()
    expect(pdfDate('yesterday')).toBeUndefined()
  })
})
