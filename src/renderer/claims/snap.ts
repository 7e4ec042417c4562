/**
 * Word snapping for claim ranges: a sloppy drag becomes a clean span, and keyboard nudges move a
 * boundary by word or by character. Pure functions over the canonical text (UTF-16 offsets).
 *
 * The rules, chosen for news text:
 * - A boundary inside a word moves outwards to the word's edge ("ontainers of mun" becomes
 *   "containers of munitions"). Words include digits with their separators ("13,000", "3.5"),
 *   in-word apostrophes and hyphens ("Kremlin's", "mid-2022"), combining marks and emoji
 *   (with their joiners and variation selectors), so figures and names are never cut.
 * - White space at either end is dropped.
 * - At the start, punctuation is dropped ("; the ministry" -> "the ministry"), except what opens
 *   something the claim quotes or counts: quotes, brackets, currency and sign characters
 *   ("“baseless”", "(AP)", "$1.2 billion", "−3%").
 * - A figure brings its currency sign or per cent sign along ("1.2 bil" -> "$1.2 billion").
 * - At the end, punctuation that closes the statement stays (". ! ? … % ” ’ \" ) ]"), while
 *   separators that only lead to the next clause go (", ; : – —").
 * - Offsets never split a surrogate pair, and the span never grows past the block it is in
 *   (words stop at white space, so "\n\n" between blocks is never crossed).
 */
import type { OffsetRange } from '../reader/positions'

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u
const DIGIT = /\p{N}/u
const EMOJI_PART =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f/u
/** Joins two letters or digits into one word: "Kremlin's", "mid-2022", "13,000", "3.5". */
const JOINER_BETWEEN_LETTERS = new Set(["'", '’', '-', '‑', '_'])
const JOINER_BETWEEN_DIGITS = new Set(['.', ',', '\u202f', ':'])
const KEEP_AT_START = /[\p{Ps}\p{Pi}"'$€£¥₩₽+\-−#@]/u
const KEEP_AT_END = /[.!?…%\p{Pe}\p{Pf}"'°]/u
const WHITE_SPACE = /\s/u
const CURRENCY_OR_SIGN = /[\p{Sc}−]/u
const PERCENT = /[%‰]/u

/** The code point that starts at `index` (a whole surrogate pair), or '' past the end. */
function codePointAt(text: string, index: number): string {
  const code = text.codePointAt(index)
  return code === undefined ? '' : String.fromCodePoint(code)
}

/** The code point that ends at `index` (exclusive), or '' at the start. */
function codePointBefore(text: string, index: number): string {
  if (index <= 0) return ''
  const low = text.charCodeAt(index - 1)
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index)
  }
  return text.slice(index - 1, index)
}

function isWordCore(char: string): boolean {
  return char !== '' && (LETTER_OR_DIGIT.test(char) || EMOJI_PART.test(char))
}

/** Whether the code point starting at `index` belongs to a word, joiners included. */
function isWordAt(text: string, index: number): boolean {
  const char = codePointAt(text, index)
  if (isWordCore(char)) return true
  const before = codePointBefore(text, index)
  const after = codePointAt(text, index + char.length)
  if (JOINER_BETWEEN_LETTERS.has(char)) return isWordCore(before) && isWordCore(after)
  if (JOINER_BETWEEN_DIGITS.has(char)) return DIGIT.test(before) && DIGIT.test(after)
  return false
}

/** Whether the code point ending at `index` belongs to a word. */
function isWordBefore(text: string, index: number): boolean {
  const char = codePointBefore(text, index)
  return char !== '' && isWordAt(text, index - char.length)
}

/** Moves an offset off the low half of a surrogate pair, in the given direction. */
export function alignToCodePoint(text: string, offset: number, direction: -1 | 1): number {
  const clamped = Math.max(0, Math.min(text.length, offset))
  const code = text.charCodeAt(clamped)
  const previous = text.charCodeAt(clamped - 1)
  const splitsPair =
    clamped > 0 && code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff
  return splitsPair ? clamped + direction : clamped
}

/**
 * The clean span of a selection (see the rules above), or null when nothing worth a claim is
 * left (only white space or punctuation was selected).
 */
export function snapToWords(text: string, range: OffsetRange): OffsetRange | null {
  let start = alignToCodePoint(text, Math.min(range.start, range.end), -1)
  let end = alignToCodePoint(text, Math.max(range.start, range.end), 1)
  // Inside a word: out to its edges.
  if (start < end && isWordAt(text, start)) {
    while (start > 0 && isWordBefore(text, start)) start -= codePointBefore(text, start).length
  }
  if (start < end && isWordBefore(text, end)) {
    while (end < text.length && isWordAt(text, end)) end += codePointAt(text, end).length
  }
  // A figure brings its unit signs: "$1.2 billion", "64%".
  if (start < end && DIGIT.test(codePointAt(text, start))) {
    const before = codePointBefore(text, start)
    if (CURRENCY_OR_SIGN.test(before)) start -= before.length
  }
  if (start < end && DIGIT.test(codePointBefore(text, end)) && PERCENT.test(text[end] ?? '')) end++
  // Leading white space and punctuation that opens nothing.
  while (start < end) {
    const char = codePointAt(text, start)
    if (isWordAt(text, start) || (KEEP_AT_START.test(char) && !WHITE_SPACE.test(char))) break
    start += char.length
  }
  // Trailing white space and clause separators.
  while (start < end) {
    const char = codePointBefore(text, end)
    if (isWordBefore(text, end) || KEEP_AT_END.test(char)) break
    end -= char.length
  }
  if (start >= end) return null
  return { start, end }
}

/** What a selection becomes as a claim: snapped when snapping is on, else only trimmed of white space. */
export function claimRangeOf(text: string, range: OffsetRange, snap: boolean): OffsetRange | null {
  if (snap) return snapToWords(text, range)
  let start = alignToCodePoint(text, range.start, -1)
  let end = alignToCodePoint(text, range.end, 1)
  while (start < end && WHITE_SPACE.test(text[start]!)) start++
  while (start < end && WHITE_SPACE.test(text[end - 1]!)) end--
  return start < end ? { start, end } : null
}

/** One step of `offset` to the next (1) or previous (-1) word edge, or by one code point. */
export function stepOffset(
  text: string,
  offset: number,
  direction: -1 | 1,
  byWord: boolean,
): number {
  if (!byWord) {
    const char = direction > 0 ? codePointAt(text, offset) : codePointBefore(text, offset)
    return offset + direction * char.length
  }
  let at = offset
  if (direction > 0) {
    // Skip what separates words, then the word: lands at the end of the next word.
    while (at < text.length && !isWordAt(text, at)) at += codePointAt(text, at).length
    while (at < text.length && isWordAt(text, at)) at += codePointAt(text, at).length
  } else {
    while (at > 0 && !isWordBefore(text, at)) at -= codePointBefore(text, at).length
    while (at > 0 && isWordBefore(text, at)) at -= codePointBefore(text, at).length
  }
  return at
}

/**
 * A claim's range with one boundary moved a step. The end moving forwards lands on a word's end
 * and keeps closing punctuation to be added with a character step; the range never becomes
 * empty and never leaves the text. Returns the range unchanged when the move is impossible.
 */
export function moveBoundary(
  text: string,
  range: OffsetRange,
  edge: 'start' | 'end',
  direction: -1 | 1,
  byWord: boolean,
): OffsetRange {
  if (edge === 'end') {
    let end = stepOffset(text, range.end, direction, byWord)
    if (byWord && direction < 0) {
      // Shrinking by a word keeps the end at a word's end, not in the gap before it.
      while (end > range.start && !isWordBefore(text, end)) {
        end -= codePointBefore(text, end).length
      }
    }
    end = Math.min(text.length, end)
    return end > range.start ? { start: range.start, end } : range
  }
  let start = stepOffset(text, range.start, direction, byWord)
  if (byWord && direction > 0) {
    // Shrinking from the left lands on the start of the next word.
    while (start < range.end && !isWordAt(text, start)) start += codePointAt(text, start).length
  }
  start = Math.max(0, start)
  return start < range.end ? { start, end: range.end } : range
}
