import { describe, expect, it } from 'vitest'
import {
  applyCorrection,
  documentCorrectionSchema,
  mergeCorrection,
} from '../../../../src/core/model'

const document = {
  id: 'abc',
  text: 'Home\n\nBakers protest',
  metadata: { title: 'Home', outlet: 'Newsfeed', author: 'Wrong Name' },
  blocks: [
    { type: 'paragraph', start: 0, end: 4, boilerplate: true },
    { type: 'paragraph', start: 6, end: 20 },
  ],
}

describe('document corrections', () => {
  it('replace detected fields, make a field unknown with null, and keep the rest', () => {
    const corrected = applyCorrection(document, {
      title: 'Bakers protest',
      author: null,
      published: '2026-03-02',
    })
    expect(corrected.metadata).toEqual({
      title: 'Bakers protest',
      outlet: 'Newsfeed',
      published: '2026-03-02',
    })
    expect(corrected.text).toBe(document.text)
    expect(document.metadata.title).toBe('Home')
  })

  it('flip blocks by their start offset, in both directions', () => {
    const corrected = applyCorrection(document, { furniture: { '0': false, '6': true } })
    expect(corrected.blocks.map((block) => block.boilerplate === true)).toEqual([false, true])
    expect('boilerplate' in corrected.blocks[0]!).toBe(false)
  })

  it('merge: later fields replace earlier ones, furniture flips add up', () => {
    expect(
      mergeCorrection(
        { outlet: 'A', furniture: { '0': false } },
        { outlet: 'B', furniture: { '6': true } },
      ),
    ).toEqual({ outlet: 'B', furniture: { '0': false, '6': true } })
  })

  it('accept ISO dates with an optional time and zone only', () => {
    const ok = (published: string) => documentCorrectionSchema.safeParse({ published }).success
    expect(ok('2026-03-02')).toBe(true)
    expect(ok('2026-03-02T08:00')).toBe(true)
    expect(ok('2026-03-02T08:00:00+01:00')).toBe(true)
    expect(ok('2026-02-30')).toBe(false)
    expect(ok('March 2, 2026')).toBe(false)
  })
})
