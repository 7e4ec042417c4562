import { describe, expect, it } from 'vitest'
import { recall, remember } from '../../../../src/renderer/views/view-memory'

describe('view memory', () => {
  it('keeps values per owner (one per project session) and key', () => {
    const window1 = {}
    const window2 = {}
    expect(recall(window1, 'matrix:order')).toBeUndefined()
    remember(window1, 'matrix:order', 'sources')
    remember(window2, 'matrix:order', 'first-appearance')
    expect(recall(window1, 'matrix:order')).toBe('sources')
    expect(recall(window2, 'matrix:order')).toBe('first-appearance')
    remember(window1, 'matrix:order', 'contradictions-first')
    expect(recall(window1, 'matrix:order')).toBe('contradictions-first')
    expect(recall(window1, 'clusters:filter')).toBeUndefined()
  })

  it('remembers falsy values as such', () => {
    const owner = {}
    remember(owner, 'matrix:hide-unlinked', false)
    remember(owner, 'clusters:scroll', 0)
    expect(recall(owner, 'matrix:hide-unlinked')).toBe(false)
    expect(recall(owner, 'clusters:scroll')).toBe(0)
  })
})
