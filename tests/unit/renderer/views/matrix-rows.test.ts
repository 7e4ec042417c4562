import { describe, expect, it } from 'vitest'
import {
  isLinkedRow,
  isMatrixOrder,
  ORDER_OPTIONS,
  shownRows,
} from '../../../../src/renderer/views/matrix-rows'
import type { MatrixRowView } from '../../../../src/renderer/views/matrix-text'

function row(id: string, sources: number, supports = 0, contradicts = 0): MatrixRowView {
  return {
    clusterId: id,
    canonicalWording: id,
    cells: [],
    cellClaims: [],
    sources,
    supports,
    contradicts,
  }
}

describe('matrix rows', () => {
  const rows = [row('two', 2), row('alone', 1), row('backed', 1, 1), row('disputed', 1, 0, 1)]

  it('leaves out claims linked to nothing unless asked, keeping the order', () => {
    expect(shownRows(rows, false).map((r) => r.clusterId)).toEqual(['two', 'backed', 'disputed'])
    expect(shownRows(rows, true)).toBe(rows)
    expect(isLinkedRow(row('alone', 1))).toBe(false)
  })

  it('returns the same array when nothing is left out (no needless re-render)', () => {
    const linked = [row('a', 2), row('b', 3)]
    expect(shownRows(linked, false)).toBe(linked)
  })

  it('knows the three orders the backend takes', () => {
    expect(ORDER_OPTIONS.map((option) => option.order)).toEqual([
      'contradictions-first',
      'sources',
      'first-appearance',
    ])
    expect(isMatrixOrder('sources')).toBe(true)
    expect(isMatrixOrder('random')).toBe(false)
  })
})
