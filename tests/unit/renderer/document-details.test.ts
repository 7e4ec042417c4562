/** The details dialog sends only what the analyst changed; an emptied field says "unknown". */
import { describe, expect, it } from 'vitest'
import { changedDetails } from '../../../src/renderer/components/DocumentDetailsDialog'

const shown = { title: 'Bakers protest new flour tax', outlet: 'The Morning Loaf' }
const form = (
  patch: Partial<Record<'title' | 'outlet' | 'author' | 'published' | 'url', string>>,
) => ({
  title: 'Bakers protest new flour tax',
  outlet: 'The Morning Loaf',
  author: '',
  published: '',
  url: '',
  ...patch,
})

describe('changedDetails', () => {
  it('sends nothing when nothing changed (spaces around a value are no change)', () => {
    expect(changedDetails(shown, form({ title: '  Bakers protest new flour tax ' }))).toEqual({})
  })

  it('sends a new value, trimmed, and null for a field emptied', () => {
    expect(
      changedDetails(shown, form({ outlet: '', published: ' 2026-03-02 ', author: 'Lena Ortiz' })),
    ).toEqual({ outlet: null, published: '2026-03-02', author: 'Lena Ortiz' })
  })
})
