import { describe, expect, it } from 'vitest'
import { locateQuote } from '../../../../src/core/anchoring'

describe('locateQuote: a passage a person typed or pasted', () => {
  const text = 'Moscow denied the allegations.\n\nNorth Korea shipped  13,000\u00A0containers.'

  it('finds the exact passage first', () => {
    expect(locateQuote(text, 'denied the allegations')).toEqual({ start: 7, end: 29 })
  })

  it('finds a passage across folded whitespace, mapped back to the original offsets', () => {
    const range = locateQuote(text, 'shipped 13,000 containers')!
    expect(text.slice(range.start, range.end)).toBe('shipped  13,000\u00A0containers')
    expect(locateQuote('one  two\u00A0three', 'two three')).toEqual({ start: 5, end: 14 })
  })

  it('finds nothing for an absent or empty quote', () => {
    expect(locateQuote(text, '6,700 containers')).toBeNull()
    expect(locateQuote(text, '   ')).toBeNull()
  })
})
