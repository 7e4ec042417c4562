import { describe, expect, it } from 'vitest'
import {
  createOffsetConverter,
  describeRange,
  findExactQuoteMatches,
  toCodePointPosition,
} from '../../../../src/core/anchoring'

describe('describeRange', () => {
  const text = 'Moscow denied the allegations. Kyiv did not comment on the report.'

  it('gives the position and the quote with 32 units of context each side', () => {
    const start = text.indexOf('Kyiv')
    const end = start + 'Kyiv did not comment'.length
    expect(describeRange(text, start, end)).toEqual({
      position: { type: 'TextPositionSelector', start, end },
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Kyiv did not comment',
        prefix: 'Moscow denied the allegations. ',
        suffix: ' on the report.',
      },
    })
    expect(describeRange(text, start, end).quote.prefix).toHaveLength(31) // text starts first
    expect(describeRange(text, start, end, 5).quote).toMatchObject({
      prefix: 'ons. ',
      suffix: ' on t',
    })
  })

  it('shortens the context rather than split an emoji', () => {
    const withEmoji = 'ab😀cd quote ef😀gh'
    const start = withEmoji.indexOf('quote')
    const end = start + 'quote'.length
    // Four units either side would cut each emoji between its halves.
    expect(describeRange(withEmoji, start, end, 4).quote).toMatchObject({
      prefix: 'cd ',
      suffix: ' ef',
    })
    expect(describeRange(withEmoji, start, end, 5).quote).toMatchObject({
      prefix: '😀cd ',
      suffix: ' ef😀',
    })
  })

  it('refuses ranges outside the text, reversed, or cutting a character in half', () => {
    expect(() => describeRange(text, -1, 3)).toThrow(RangeError)
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError)
    expect(() => describeRange(text, 5, 4)).toThrow(/ends before it starts/)
    expect(() => describeRange('a😀b', 0, 2)).toThrow(/splits a surrogate pair/)
    expect(() => describeRange(text, 0, 3, -1)).toThrow(RangeError)
  })

  it('exports the position in code points', () => {
    const emojiText = '🇺🇦 Kyiv says 🇷🇺 Moscow denied it'
    const start = emojiText.indexOf('Moscow')
    const { position } = describeRange(emojiText, start, start + 6)
    const exported = toCodePointPosition(createOffsetConverter(emojiText), position)
    expect(exported).toEqual({ type: 'TextPositionSelector', start: start - 4, end: start + 2 })
  })
})

describe('findExactQuoteMatches', () => {
  it('finds nothing in an empty text, and the one empty range an empty quote names', () => {
    expect(findExactQuoteMatches('', { type: 'TextQuoteSelector', exact: 'a' })).toEqual([])
    expect(findExactQuoteMatches('', { type: 'TextQuoteSelector', exact: '' })).toEqual([
      { start: 0, end: 0 },
    ])
  })
})
