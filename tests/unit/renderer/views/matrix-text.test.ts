import { describe, expect, it } from 'vitest'
import {
  CELL_MEANINGS,
  cellLabel,
  columnDate,
  columnName,
  columnTitle,
  LEGEND_ORDER,
  type MatrixColumnView,
} from '../../../../src/renderer/views/matrix-text'

const column: MatrixColumnView = {
  documentId: 'abc',
  documentKey: 'k1',
  path: 'web/northstar-monitor-2026-02-26.html',
  outlet: 'Northstar Monitor',
  title: 'Rail shipments continue',
  published: '2026-02-26T08:00:00Z',
}

describe('matrix words', () => {
  it('gives every cell state its own symbol, not colour alone', () => {
    const symbols = LEGEND_ORDER.map((cell) => CELL_MEANINGS[cell].symbol)
    expect(new Set(symbols).size).toBe(4)
    expect(LEGEND_ORDER).toHaveLength(Object.keys(CELL_MEANINGS).length)
  })

  it('names a cell by outlet, what it does, and the claim', () => {
    expect(cellLabel('contradicts', column, '6,700 containers')).toBe(
      'Northstar Monitor contradicts: 6,700 containers',
    )
    expect(cellLabel('mention', column, 'x')).toBe('Northstar Monitor carries: x')
    expect(cellLabel('absent', column, 'x')).toBe('Northstar Monitor does not mention: x')
  })

  it('names a column by outlet, else title, else file name', () => {
    expect(columnName(column)).toBe('Northstar Monitor')
    expect(columnName({ ...column, outlet: '  ' })).toBe('Rail shipments continue')
    expect(columnName({ path: 'wire/a.txt' })).toBe('a.txt')
  })

  it('shows the date part of a publication time, and all it knows in the tooltip', () => {
    expect(columnDate(column)).toBe('2026-02-26')
    expect(columnDate({})).toBe('date unknown')
    expect(columnTitle(column)).toBe(
      'Northstar Monitor · Rail shipments continue · 2026-02-26 · web/northstar-monitor-2026-02-26.html',
    )
  })
})
