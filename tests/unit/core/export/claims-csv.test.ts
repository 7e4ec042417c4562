import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { describeRange } from '../../../../src/core/anchoring'
import { documentId } from '../../../../src/core/document'
import {
  CLAIM_CSV_COLUMNS,
  ExportDocuments,
  claimsCsv,
  sortClaimsForExport,
  type ExportDocument,
} from '../../../../src/core/export'
import type { Claim } from '../../../../src/core/model'

const text =
  'Crowds 🎉🎉 cheered as the minister said =SUM(A1) "twice".\n\nA second paragraph with no emoji.'

function doc(body: string, path = 'news/a.txt'): ExportDocument {
  return {
    id: documentId(body),
    path,
    text: body,
    metadata: { title: 'A title', outlet: 'Wire', published: '2026-03-03' },
  }
}

function claimOn(document: ExportDocument, passage: string, extra: Partial<Claim> = {}): Claim {
  const start = document.text.indexOf(passage)
  const range = describeRange(document.text, start, start + passage.length)
  return {
    id: `0190a000-0000-7000-8000-${String(start).padStart(12, '0')}`,
    document: { id: document.id, path: document.path },
    target: {
      position: { start, end: start + passage.length },
      quote: { exact: range.quote.exact, prefix: range.quote.prefix, suffix: range.quote.suffix },
    },
    label: 'claim',
    attributedTo: '',
    status: 'asserted',
    certainty: null,
    note: '',
    tags: [],
    annotator: 'alice',
    created: '2026-11-30T09:00:00.000Z',
    updated: '2026-11-30T09:00:00.000Z',
    ...extra,
  }
}

function rows(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  expect(parsed.meta.fields).toEqual([...CLAIM_CSV_COLUMNS])
  return parsed.data
}

describe('claims.csv', () => {
  it('names the page a claim of a PDF starts on, and nothing for other formats', () => {
    const pdf: ExportDocument = {
      ...doc('Strike halts the port\n\nShips wait offshore.', 'brief.pdf'),
      blocks: [
        { start: 0, end: 21, page: 1 },
        { start: 23, end: 43, page: 2 },
      ],
    }
    const text = doc('Ships wait offshore.', 'note.txt')
    const csv = claimsCsv(
      [claimOn(pdf, 'Ships wait'), claimOn(pdf, 'Strike'), claimOn(text, 'Ships wait')],
      new ExportDocuments([pdf, text]),
    )
    expect(rows(csv).map((row) => [row['document_path'], row['quote'], row['page']])).toEqual([
      ['brief.pdf', 'Ships wait', '2'],
      ['brief.pdf', 'Strike', '1'],
      ['note.txt', 'Ships wait', ''],
    ])
  })

  it('has the documented columns and one row per claim, offsets in code points', () => {
    const document = doc(text)
    const claim = claimOn(document, 'cheered as the minister', {
      attributedTo: 'the minister',
      status: 'alleged',
      certainty: 'high',
      note: 'Line one,\r\nline "two"',
      tags: ['a', 'b c'],
    })
    const [row] = rows(claimsCsv([claim], new ExportDocuments([document])))
    const utf16Start = text.indexOf('cheered')
    expect(row).toEqual({
      claim_id: claim.id,
      document_id: document.id,
      document_path: 'news/a.txt',
      title: 'A title',
      outlet: 'Wire',
      published: '2026-03-03',
      label: 'claim',
      // Two emoji before the claim: two code points, four UTF-16 units.
      start: String(utf16Start - 2),
      end: String(utf16Start - 2 + 'cheered as the minister'.length),
      quote: 'cheered as the minister',
      prefix: 'Crowds 🎉🎉 ',
      suffix: claim.target.quote.suffix,
      attributed_to: 'the minister',
      status: 'alleged',
      certainty: 'high',
      note: 'Line one,\r\nline "two"',
      tags: 'a; b c',
      annotator: 'alice',
      created: claim.created,
      updated: claim.updated,
      page: '',
    })
    expect([...text].slice(Number(row.start), Number(row.end)).join('')).toBe(row.quote)
  })

  it('neutralises formulas in quotes and notes', () => {
    const document = doc(text)
    const claim = claimOn(document, '=SUM(A1)', { note: '@everyone', attributedTo: '-anon' })
    const [row] = rows(claimsCsv([claim], new ExportDocuments([document])))
    expect(row.quote).toBe("'=SUM(A1)")
    expect(row.note).toBe("'@everyone")
    expect(row.attributed_to).toBe("'-anon")
  })

  it('re-places claims whose article changed, and leaves orphans without offsets', () => {
    const original = doc(text)
    const moved = claimOn(original, 'A second paragraph with no emoji')
    const lost = claimOn(original, 'the minister said')
    const edited = doc('Crowds cheered.\n\nA second paragraph with no emoji.')
    const csv = claimsCsv(sortClaimsForExport([lost, moved]), new ExportDocuments([edited]))
    const byId = new Map(rows(csv).map((row) => [row.claim_id, row]))
    expect(byId.get(moved.id)).toMatchObject({
      document_id: edited.id,
      start: String(edited.text.indexOf('A second')),
      quote: 'A second paragraph with no emoji',
      prefix: 'Crowds cheered.\n\n',
    })
    expect(byId.get(lost.id)).toMatchObject({
      document_id: original.id,
      start: '',
      end: '',
      quote: 'the minister said',
    })
  })

  it('writes a header only for no claims, and a BOM when asked', () => {
    expect(claimsCsv([], new ExportDocuments([]))).toBe(CLAIM_CSV_COLUMNS.join(',') + '\r\n')
    expect(claimsCsv([], new ExportDocuments([]), { bom: true }).charCodeAt(0)).toBe(0xfeff)
  })
})
