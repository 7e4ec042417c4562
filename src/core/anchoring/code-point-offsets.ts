/**
 * Conversions between the app's offsets (UTF-16 code units, JavaScript string indices) and
 * Unicode code point offsets (what the W3C Web Annotation model, Python and most dataset
 * tools count). The two differ by one for every astral character (emoji, some CJK, maths
 * symbols) before the offset, because such a character takes two code units: a surrogate pair.
 *
 * A lone surrogate (not part of a pair) counts as one code point, as it does in
 * `String.prototype.codePointAt`, `for...of` and Python.
 */

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff

/** True when `utf16Offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, utf16Offset: number): boolean {
  return (
    utf16Offset > 0 &&
    utf16Offset < text.length &&
    isHighSurrogate(text.charCodeAt(utf16Offset - 1)) &&
    isLowSurrogate(text.charCodeAt(utf16Offset))
  )
}

/** UTF-16 indices of the first half of every surrogate pair in `text`, ascending. */
function surrogatePairStarts(text: string): number[] {
  const starts: number[] = []
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      starts.push(i)
      i++
    }
  }
  return starts
}

/** Number of entries of the ascending `values` that are < `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle] < limit) low = middle + 1
    else high = middle
  }
  return low
}

function assertOffset(offset: number, max: number, unit: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${unit} offset ${offset} is outside the text (0-${max})`)
  }
}

/** Converts offsets for one text, both ways, in O(log n) per call after an O(n) set-up. */
export interface OffsetConverter {
  /** Length of the text in UTF-16 code units (`text.length`). */
  readonly utf16Length: number
  /** Length of the text in code points. */
  readonly codePointLength: number
  /**
   * The code point offset of a UTF-16 offset. Throws a RangeError for an offset outside the
   * text or between the halves of a surrogate pair: such an offset names no code point, and
   * rounding it would silently move a boundary.
   */
  toCodePoint(utf16Offset: number): number
  /** The UTF-16 offset of a code point offset. Throws a RangeError outside the text. */
  fromCodePoint(codePointOffset: number): number
}

/**
 * Builds a converter for `text`. Build it once per text and reuse it: exporting many claims
 * then costs a binary search per offset instead of a scan of the text.
 */
export function createOffsetConverter(text: string): OffsetConverter {
  const pairStarts = surrogatePairStarts(text)
  // The code point index of each pair: its UTF-16 index less one unit per earlier pair.
  const pairCodePoints = pairStarts.map((utf16Index, pairIndex) => utf16Index - pairIndex)
  const codePointLength = text.length - pairStarts.length

  return {
    utf16Length: text.length,
    codePointLength,
    toCodePoint(utf16Offset) {
      assertOffset(utf16Offset, text.length, 'UTF-16')
      if (splitsSurrogatePair(text, utf16Offset)) {
        throw new RangeError(`UTF-16 offset ${utf16Offset} splits a surrogate pair`)
      }
      return utf16Offset - countBelow(pairStarts, utf16Offset)
    },
    fromCodePoint(codePointOffset) {
      assertOffset(codePointOffset, codePointLength, 'Code point')
      return codePointOffset + countBelow(pairCodePoints, codePointOffset)
    },
  }
}

/** One-off conversion of a UTF-16 offset to code points; see `OffsetConverter.toCodePoint`. */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  assertOffset(utf16Offset, text.length, 'UTF-16')
  if (splitsSurrogatePair(text, utf16Offset)) {
    throw new RangeError(`UTF-16 offset ${utf16Offset} splits a surrogate pair`)
  }
  let codePoints = 0
  for (let i = 0; i < utf16Offset; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++
    codePoints++
  }
  return codePoints
}

/** One-off conversion of a code point offset to UTF-16; see `OffsetConverter.fromCodePoint`. */
export function fromCodePointOffset(text: string, codePointOffset: number): number {
  if (!Number.isInteger(codePointOffset) || codePointOffset < 0) {
    assertOffset(codePointOffset, text.length, 'Code point')
  }
  let utf16Offset = 0
  for (let seen = 0; seen < codePointOffset; seen++) {
    if (utf16Offset >= text.length) {
      throw new RangeError(`Code point offset ${codePointOffset} is outside the text (0-${seen})`)
    }
    const pair =
      isHighSurrogate(text.charCodeAt(utf16Offset)) &&
      isLowSurrogate(text.charCodeAt(utf16Offset + 1))
    utf16Offset += pair ? 2 : 1
  }
  return utf16Offset
}
