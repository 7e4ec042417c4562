import { describe, expect, it } from 'vitest'
import {
  documentLabel,
  formatDate,
  formatSize,
  plural,
} from '../../../src/renderer/components/format'
import { groupByFolder } from '../../../src/renderer/components/Sidebar'
import type { DocumentSummary } from '../../../src/shared/api'

describe('display helpers', () => {
  it('formats sizes', () => {
    expect(formatSize(0)).toBe('0 B')
    expect(formatSize(1023)).toBe('1023 B')
    expect(formatSize(12_698)).toBe('12.4 KB')
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB')
  })

  it('formats dates', () => {
    expect(formatDate('2024-03-02T08:00:00Z')).toBe('2024-03-02')
    expect(formatDate('March 2, 2024')).toBe('March 2, 2024')
    expect(formatDate(undefined)).toBeUndefined()
  })

  it('labels documents by title, else by file name', () => {
    expect(documentLabel({ path: 'a/b.md', metadata: { title: ' Title ' } })).toBe('Title')
    expect(documentLabel({ path: 'a/b.md', metadata: { title: '  ' } })).toBe('b.md')
    expect(plural(1, 'character')).toBe('1 character')
    expect(plural(48, 'character')).toBe('48 characters')
  })

  it('groups documents by folder, sorted by path', () => {
    const doc = (path: string) => ({ path, key: path }) as DocumentSummary
    const groups = groupByFolder([doc('z/b.md'), doc('top.txt'), doc('a/x.md'), doc('z/a.md')])
    expect(groups.map(([folder, members]) => [folder, members.map((m) => m.path)])).toEqual([
      ['', ['top.txt']],
      ['a', ['a/x.md']],
      ['z', ['z/a.md', 'z/b.md']],
    ])
  })
})
