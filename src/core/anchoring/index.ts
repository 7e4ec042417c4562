/**
 * core/anchoring: claims <-> text ranges, and re-placing claims when an article's text changes.
 *
 * Offset units. Every offset in and out of this module counts UTF-16 code units (JavaScript
 * string indices) of the canonical document text, like the rest of the app. The W3C Web
 * Annotation model, Python and most dataset tools count Unicode code points instead; they
 * differ after every astral character (emoji and the like). Exports convert with an
 * `OffsetConverter` (`createOffsetConverter(text)`, built once per text, O(log n) per offset)
 * or `toCodePointPosition`; offsets between the halves of a surrogate pair are refused with a
 * RangeError rather than rounded.
 *
 * Selectors. `describeRange` saves a claim as a TextPositionSelector (fast) and a
 * TextQuoteSelector with 32 units of prefix and suffix (survives edits).
 *
 * Re-anchoring. `anchorClaim` returns 'exact' when the saved position still holds the quote;
 * otherwise it ranks every place resembling the quote (`rankQuoteMatches`: quote, context and
 * distance from the old offset, weighted as the Hypothesis client does) and returns 'moved'
 * only for a place that meets the minimum score:
 *   - the quote is at least 80% the same (1 - edits / length >= 0.8), and
 *   - its figures are unchanged (13,000 is not 6,700, however alike the sentences), and
 *   - its surroundings still read like the saved prefix and suffix (>= 0.6, length-weighted;
 *     unrelated text scores a median of 0.3), or the quote is exact, at least 20 units long
 *     and occurs exactly once (a passage that moved);
 *   - and no other acceptable place reads about as well (text scores within 0.02, about three
 *     characters of context), unless the old offset is at least twice as near to one of them.
 * Why: a claim is an analyst's statement about particular words. Moving it onto a lookalike
 * passage would silently attach their judgement to something they never read, so when the
 * evidence is short of this the claim is not guessed.
 *
 * Orphan. A claim whose status is 'orphan' has no place in the current text: its passage was
 * deleted or rewritten beyond recognition, its figures changed, its context no longer confirms
 * it, or it fits several places equally well ('ambiguous'). The claim itself is kept; the
 * analyst sees it in the orphan list, with the nearest rejected candidate when there is one,
 * and re-places or drops it.
 */
export {
  createOffsetConverter,
  fromCodePointOffset,
  splitsSurrogatePair,
  toCodePointOffset,
  type OffsetConverter,
} from './code-point-offsets'
export {
  DEFAULT_CONTEXT_LENGTH,
  describeRange,
  fromCodePointPosition,
  toCodePointPosition,
  type DescribedRange,
  type RangeSelectors,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors'
export { findExactQuoteMatches, type TextRange } from './exact-quote-matches'
export { locateQuote } from './locate-quote'
export { textSimilarity } from './text-similarity'
export { figuresOf, sameFigures } from './figures'
export { findQuoteCandidates, maxErrorsFor, type QuoteCandidate } from './quote-candidates'
export {
  matchQuote,
  rankQuoteMatches,
  type QuoteContext,
  type QuoteMatch,
  type RankedQuoteMatch,
} from './match-quote'
export {
  anchorClaim,
  MIN_CONTEXT_SIMILARITY,
  MIN_DISTINCTIVE_QUOTE_LENGTH,
  MIN_QUOTE_SIMILARITY,
  type AnchorOptions,
  type AnchorResult,
  type NearestCandidate,
  type OrphanReason,
} from './anchor'
