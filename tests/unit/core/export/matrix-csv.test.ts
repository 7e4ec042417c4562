import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import {
  MATRIX_CSV_FIXED_COLUMNS,
  matrixColumnNames,
  matrixCsv,
  type ExportMatrixColumn,
} from '../../../../src/core/export'
import { HOSTILE_WORDING, MATRIX } from './matrix-fixture'

function parse(csv: string) {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return parsed
}

describe('matrix.csv', () => {
  it('has one row per cluster: id, wording, counts, annotator, then a cell per document', () => {
    const parsed = parse(matrixCsv(MATRIX))
    expect(parsed.meta.fields).toEqual([
      ...MATRIX_CSV_FIXED_COLUMNS,
      'Northstar Monitor',
      `'=cmd|"/c calc"!A1`,
      'Evening <b>Ledger</b>',
      'notes/untitled.md',
    ])
    expect(parsed.data).toHaveLength(3)
    expect(parsed.data[1]).toEqual({
      cluster_id: 'c2',
      canonical_wording: 'About 13,000 containers,\nsince mid-2022',
      sources: '2',
      supports: '0',
      contradicts: '0',
      annotator: 'alice',
      'Northstar Monitor': 'absent',
      [`'=cmd|"/c calc"!A1`]: 'mention',
      'Evening <b>Ledger</b>': 'mention',
      'notes/untitled.md': 'absent',
    })
    expect(parsed.data[2]).toMatchObject({ cluster_id: 'c3', annotator: 'bob' })
  })

  it('neutralises formulas in wording and in document names, and ends records with CRLF', () => {
    const csv = matrixCsv(MATRIX, { bom: true })
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const first = parse(csv.slice(1)).data[0]!
    expect(first.canonical_wording).toBe(`'${HOSTILE_WORDING}`)
    expect(first).toMatchObject({ sources: '1', supports: '1', contradicts: '1' })
    // No cell or header starts with a formula trigger.
    for (const line of Papa.parse<string[]>(csv.slice(1)).data) {
      for (const cell of line) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    }
  })

  it('writes the header alone for a project without claims', () => {
    const csv = matrixCsv({ columns: MATRIX.columns, rows: [] })
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1)
  })
})

describe('matrixColumnNames', () => {
  const column = (path: string, outlet?: string, title?: string): ExportMatrixColumn => ({
    documentId: path,
    path,
    ...(outlet === undefined ? {} : { outlet }),
    ...(title === undefined ? {} : { title }),
  })

  it('names by outlet, else title, else path; a repeated name gets its path', () => {
    const names = matrixColumnNames([
      column('a.txt', 'Wire'),
      column('b.txt', 'Wire'),
      column('c.txt', undefined, 'A title'),
      column('d.txt', '  '),
      column('e.txt', 'annotator'),
    ])
    expect(names).toEqual(['Wire (a.txt)', 'Wire (b.txt)', 'A title', 'd.txt', 'annotator'])
    expect(matrixColumnNames([column('e.txt', 'annotator')], MATRIX_CSV_FIXED_COLUMNS)).toEqual([
      'annotator (e.txt)',
    ])
  })

  it('keeps names unique even when a name looks like another one with its path', () => {
    const names = matrixColumnNames([
      column('b.txt', 'A'),
      column('x.txt', 'A (b.txt)'),
      column('y.txt', 'A'),
    ])
    expect(new Set(names).size).toBe(3)
  })
})
