// Properties that must hold for any text, checked with fast-check on strings rich in astral
// characters and lone surrogates (which can pair up by accident, the awkward case).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  anchorClaim,
  createOffsetConverter,
  describeRange,
  fromCodePointOffset,
  splitsSurrogatePair,
  toCodePointOffset,
} from '../../../../src/core/anchoring'

const awkwardChar = fc.oneof(
  fc.constantFrom('a', 'b', ' ', '\n', 'é'),
  fc.constantFrom('😀', '𝔸', '🇰', '🇵'),
  fc.constantFrom('\ud83d', '\ude00'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
const awkwardText = fc.string({ unit: awkwardChar, maxLength: 80 })

/** A text with a range whose ends fall on code point boundaries (as the UI produces). */
const textWithRange = awkwardText.chain((text) => {
  const codePoints = [...text]
  return fc.tuple(fc.nat(codePoints.length), fc.nat(codePoints.length)).map(([a, b]) => {
    const utf16 = (n: number) => codePoints.slice(0, n).join('').length
    return { text, start: utf16(Math.min(a, b)), end: utf16(Math.max(a, b)) }
  })
})

describe('properties', () => {
  it('describeRange then anchorClaim on the unchanged text is exact at the same offsets', () => {
    fc.assert(
      fc.property(textWithRange, fc.nat(40), ({ text, start, end }, contextLength) => {
        const selectors = describeRange(text, start, end, contextLength)
        expect(anchorClaim(text, selectors)).toEqual({ status: 'exact', start, end })
      }),
    )
  })

  it('describeRange context never splits a surrogate pair and stays within its length', () => {
    fc.assert(
      fc.property(textWithRange, fc.nat(40), ({ text, start, end }, contextLength) => {
        const { quote } = describeRange(text, start, end, contextLength)
        const prefixStart = start - quote.prefix.length
        const suffixEnd = end + quote.suffix.length
        expect(text.slice(prefixStart, start)).toBe(quote.prefix)
        expect(text.slice(end, suffixEnd)).toBe(quote.suffix)
        expect(splitsSurrogatePair(text, prefixStart)).toBe(false)
        expect(splitsSurrogatePair(text, suffixEnd)).toBe(false)
        // Full length unless the text ends first or a pair had to be left out.
        expect(quote.prefix.length).toBeGreaterThanOrEqual(Math.min(start, contextLength) - 1)
        expect(quote.prefix.length).toBeLessThanOrEqual(contextLength)
        expect(quote.suffix.length).toBeGreaterThanOrEqual(
          Math.min(text.length - end, contextLength) - 1,
        )
        expect(quote.suffix.length).toBeLessThanOrEqual(contextLength)
      }),
    )
  })

  it('code point conversions round-trip and agree with string iteration', () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        const converter = createOffsetConverter(text)
        expect(converter.codePointLength).toBe([...text].length)
        for (let utf16 = 0; utf16 <= text.length; utf16++) {
          if (splitsSurrogatePair(text, utf16)) {
            expect(() => converter.toCodePoint(utf16)).toThrow(RangeError)
            continue
          }
          const codePoint = converter.toCodePoint(utf16)
          expect(codePoint).toBe([...text.slice(0, utf16)].length)
          expect(toCodePointOffset(text, utf16)).toBe(codePoint)
          expect(converter.fromCodePoint(codePoint)).toBe(utf16)
        }
        for (let codePoint = 0; codePoint <= converter.codePointLength; codePoint++) {
          const utf16 = converter.fromCodePoint(codePoint)
          expect(fromCodePointOffset(text, codePoint)).toBe(utf16)
          expect(converter.toCodePoint(utf16)).toBe(codePoint)
        }
      }),
    )
  })
})
