import { describe, expect, it } from 'vitest'
import { findMatches } from '../../../../src/renderer/reader/find'

describe('findMatches', () => {
  it('finds every occurrence case-insensitively', () => {
    expect(findMatches('Flood. The flood, FLOOD!', 'flood')).toEqual([
      { start: 0, end: 5 },
      { start: 11, end: 16 },
      { start: 18, end: 23 },
    ])
  })

  it('treats the query literally', () => {
    expect(findMatches('a.b (c) a*b', '(c)')).toEqual([{ start: 4, end: 7 }])
    expect(findMatches('a.b axb', 'a.b')).toEqual([{ start: 0, end: 3 }])
  })

  it('returns canonical offsets around astral characters and length-changing case folds', () => {
    const text = '😀 İstanbul 🇺🇦 istanbul'
    const matches = findMatches(text, 'stanbul')
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['stanbul', 'stanbul'])
    expect(findMatches(text, '🇺🇦')).toEqual([
      { start: text.indexOf('🇺🇦'), end: text.indexOf('🇺🇦') + 4 },
    ])
  })

  it('finds nothing for an empty query', () => {
    expect(findMatches('text', '')).toEqual([])
  })
})
