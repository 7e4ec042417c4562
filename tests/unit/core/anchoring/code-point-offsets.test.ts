import { describe, expect, it } from 'vitest'
import {
  createOffsetConverter,
  fromCodePointOffset,
  toCodePointOffset,
} from '../../../../src/core/anchoring'

describe('code point offsets', () => {
  const text = 'a😀b𝔸c' // a, U+1F600 (2 units), b, U+1D538 (2 units), c

  it('subtracts one per astral character before the offset', () => {
    const converter = createOffsetConverter(text)
    expect(converter.utf16Length).toBe(7)
    expect(converter.codePointLength).toBe(5)
    expect([0, 1, 3, 4, 6, 7].map((u) => converter.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 5])
    expect([0, 1, 2, 3, 4, 5].map((c) => converter.fromCodePoint(c))).toEqual([0, 1, 3, 4, 6, 7])
    expect(toCodePointOffset(text, 6)).toBe(4)
    expect(fromCodePointOffset(text, 4)).toBe(6)
  })

  it('counts a lone surrogate as one code point', () => {
    const lone = 'x\ud83dy\ude00z'
    const converter = createOffsetConverter(lone)
    expect(converter.codePointLength).toBe(5)
    expect(converter.toCodePoint(4)).toBe(4)
    expect(toCodePointOffset(lone, 5)).toBe(5)
  })

  it('refuses offsets outside the text, fractional, or inside a surrogate pair', () => {
    const converter = createOffsetConverter(text)
    for (const bad of [-1, 8, 1.5, Number.NaN]) {
      expect(() => converter.toCodePoint(bad)).toThrow(RangeError)
      expect(() => toCodePointOffset(text, bad)).toThrow(RangeError)
    }
    expect(() => converter.toCodePoint(2)).toThrow(/splits a surrogate pair/)
    expect(() => toCodePointOffset(text, 5)).toThrow(/splits a surrogate pair/)
    for (const bad of [-1, 6, 0.5]) {
      expect(() => converter.fromCodePoint(bad)).toThrow(RangeError)
      expect(() => fromCodePointOffset(text, bad)).toThrow(RangeError)
    }
  })

  it('converts 100,000 offsets of a long emoji-rich text quickly, agreeing with a scan', () => {
    const paragraph = 'Claims about 🇺🇦 and 🇷🇺 shipments 📦 were checked. '
    const long = paragraph.repeat(10_000) // ~500,000 UTF-16 units
    const offsets = Array.from({ length: 100_000 }, (_, i) => {
      const at = Math.floor((i * long.length) / 100_000)
      return at > 0 && /[\udc00-\udfff]/.test(long[at]) ? at - 1 : at
    })
    const began = performance.now()
    const converter = createOffsetConverter(long)
    const codePoints = offsets.map((u) => converter.toCodePoint(u))
    const back = codePoints.map((c) => converter.fromCodePoint(c))
    const elapsed = performance.now() - began
    expect(back).toEqual(offsets)
    for (const i of [0, 12_345, 99_999]) {
      expect(codePoints[i]).toBe(toCodePointOffset(long, offsets[i]))
    }
    // A scan per offset would take minutes here; the converter takes a few milliseconds.
    expect(elapsed).toBeLessThan(2_000)
  })
})
