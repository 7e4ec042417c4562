/**
 * Fuzzy quote matching: where in `text` does a quote, saved with its prefix and suffix and the
 * offset it used to have, most plausibly sit now? Behaves as the Hypothesis client's
 * match-quote does (its test vectors are part of our suite): candidates are weighed by how
 * well they read like the quote, how well their surroundings read like the saved context, and,
 * to break ties, how close they are to the old offset.
 */
import { distinctPlaces, findQuoteCandidates } from './quote-candidates'
import { textSimilarity } from './text-similarity'

export interface QuoteContext {
  /** Text expected just before the quote. */
  prefix?: string
  /** Text expected just after the quote. */
  suffix?: string
  /** UTF-16 offset where the quote is expected to start (where it was before the edit). */
  hint?: number
}

export interface QuoteMatch {
  start: number
  end: number
  /** Overall plausibility, 0-1: 1 for the exact quote, in its context, at the hint. */
  score: number
}

/** A candidate with the evidence behind its score. */
export interface RankedQuoteMatch extends QuoteMatch {
  /** Edits (of UTF-16 units) between the quote and the text at this place. */
  errors: number
  /** 1 - edits / quote length: how much the text itself reads like the quote. */
  quoteSimilarity: number
  /** Similarity of the text before the match to the prefix; null when no prefix was given. */
  prefixSimilarity: number | null
  /** Similarity of the text after the match to the suffix; null when no suffix was given. */
  suffixSimilarity: number | null
  /** Score without the hint: what the text alone says about this place. */
  textScore: number
}

// The quote matters most; context tells copies of a quote apart; the position only breaks
// ties, because edits before a claim shift it by any amount. These are Hypothesis's weights.
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2
const TEXT_WEIGHTS = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT

/**
 * Every place `quote` may occupy in `text`, best first (ties keep text order). Absent context
 * counts as fully matching, so it neither helps nor hurts any candidate.
 */
export function rankQuoteMatches(
  text: string,
  quote: string,
  context: QuoteContext = {},
): RankedQuoteMatch[] {
  const { prefix, suffix, hint } = context
  const ranked = findQuoteCandidates(text, quote).map((candidate): RankedQuoteMatch => {
    const { start, end } = candidate
    const quoteSimilarity = 1 - candidate.errors / quote.length
    const prefixSimilarity = prefix
      ? textSimilarity(text.slice(Math.max(0, start - prefix.length), start), prefix)
      : null
    const suffixSimilarity = suffix
      ? textSimilarity(text.slice(end, end + suffix.length), suffix)
      : null
    const textPoints =
      QUOTE_WEIGHT * quoteSimilarity +
      PREFIX_WEIGHT * (prefixSimilarity ?? 1) +
      SUFFIX_WEIGHT * (suffixSimilarity ?? 1)
    // Distance as a share of the text, so the tie-breaker means the same in any length.
    const proximity =
      typeof hint === 'number' ? Math.max(0, 1 - Math.abs(start - hint) / text.length) : 1
    return {
      start,
      end,
      errors: candidate.errors,
      score: (textPoints + POSITION_WEIGHT * proximity) / (TEXT_WEIGHTS + POSITION_WEIGHT),
      quoteSimilarity,
      prefixSimilarity,
      suffixSimilarity,
      textScore: textPoints / TEXT_WEIGHTS,
    }
  })
  const bestFirst = ranked.sort((a, b) => b.score - a.score || a.start - b.start)
  return distinctPlaces(bestFirst, quote.length).sort(
    (a, b) => b.score - a.score || a.start - b.start,
  )
}

/**
 * The most plausible place of `quote` in `text`, or null when the quote is empty or nothing
 * within the error budget (`maxErrorsFor`) resembles it. This always answers with the best
 * candidate, however poor; deciding whether it is good enough is `anchorClaim`'s job.
 */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
): QuoteMatch | null {
  const [best] = rankQuoteMatches(text, quote, context)
  return best ? { start: best.start, end: best.end, score: best.score } : null
}
