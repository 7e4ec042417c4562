/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors) and how a
 * claim's range becomes a pair of them. Inside the app both selectors count UTF-16 code units;
 * `toCodePointPosition` gives the code point form the W3C model specifies, for exports.
 */
import { splitsSurrogatePair, type OffsetConverter } from './code-point-offsets'

/** A half-open range `[start, end)` of the text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

/**
 * The quoted text with some text before (`prefix`) and after (`suffix`) it. The W3C model makes
 * prefix and suffix optional; `describeRange` always fills them (possibly with '').
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix?: string
  suffix?: string
}

/** Both selectors for one range: offsets are fast, the quote survives edits. */
export interface RangeSelectors {
  position: TextPositionSelector
  quote: TextQuoteSelector
}

/** What `describeRange` returns: a quote whose context is always present. */
export interface DescribedRange extends RangeSelectors {
  quote: TextQuoteSelector & { prefix: string; suffix: string }
}

/** Hypothesis and Apache Annotator both store 32 units of context on each side. */
export const DEFAULT_CONTEXT_LENGTH = 32

function assertRange(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new RangeError(`Range ${start}-${end} is outside the text (0-${text.length})`)
  }
  if (start > end) throw new RangeError(`Range ${start}-${end} ends before it starts`)
  // A claim that cuts a character in half cannot be exported in code points, nor shown.
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new RangeError(`Range ${start}-${end} splits a surrogate pair`)
  }
}

/**
 * Describes `[start, end)` of `text` (UTF-16 offsets) as a position and a quote with up to
 * `contextLength` code units of prefix and suffix. The context is shortened by one unit rather
 * than cut through a surrogate pair, so every selector is valid Unicode text.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
  contextLength = DEFAULT_CONTEXT_LENGTH,
): DescribedRange {
  assertRange(text, start, end)
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`Context length ${contextLength} must be a non-negative integer`)
  }
  let prefixStart = Math.max(0, start - contextLength)
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1
  let suffixEnd = Math.min(text.length, end + contextLength)
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1

  return {
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
  }
}

/** The position selector in code points, as the W3C model and exported datasets count. */
export function toCodePointPosition(
  converter: OffsetConverter,
  position: TextPositionSelector,
): TextPositionSelector {
  return {
    type: 'TextPositionSelector',
    start: converter.toCodePoint(position.start),
    end: converter.toCodePoint(position.end),
  }
}

/** A code point position selector (from a W3C annotation) in the app's UTF-16 units. */
export function fromCodePointPosition(
  converter: OffsetConverter,
  position: TextPositionSelector,
): TextPositionSelector {
  return {
    type: 'TextPositionSelector',
    start: converter.fromCodePoint(position.start),
    end: converter.fromCodePoint(position.end),
  }
}
