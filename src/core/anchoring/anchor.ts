/**
 * Re-anchoring a claim in a document whose text may have changed since the claim was made.
 * `matchQuote` says where the quote most plausibly is; this module decides whether that is
 * good enough to move the claim there, because a claim silently moved onto a lookalike passage
 * is worse than a claim the analyst is asked to re-place.
 */
import { sameFigures } from './figures'
import { rankQuoteMatches, type RankedQuoteMatch } from './match-quote'
import type { RangeSelectors } from './selectors'

export type OrphanReason =
  /** Nothing in the text comes within the error budget of the quote. */
  | 'not-found'
  /** The closest passage differs from the quote by more than the minimum similarity allows. */
  | 'quote-changed'
  /** The closest passage states different figures (a different claim, not an edited one). */
  | 'figures-changed'
  /** The closest passage reads like the quote but its surroundings do not confirm it. */
  | 'context-changed'
  /** Several passages fit equally well and neither context nor position tells them apart. */
  | 'ambiguous'

/** Where a candidate came closest, so the UI can offer "was it here?". */
export interface NearestCandidate {
  start: number
  end: number
  quoteSimilarity: number
  contextSimilarity: number | null
}

export type AnchorResult =
  /** The saved position still holds the exact quote. */
  | { status: 'exact'; start: number; end: number }
  /**
   * Re-placed by the quote. `score` is the quote similarity (1: the same words, elsewhere);
   * `contextSimilarity` how well the surroundings still match (null: none was saved).
   */
  | { status: 'moved'; start: number; end: number; score: number; contextSimilarity: number | null }
  /** Not placed: the analyst must re-place or drop the claim. */
  | { status: 'orphan'; reason: OrphanReason; nearest?: NearestCandidate }

export interface AnchorOptions {
  /** Minimum quote similarity to move a claim. Default `MIN_QUOTE_SIMILARITY`. */
  minQuoteSimilarity?: number
  /** Minimum context similarity to confirm a place. Default `MIN_CONTEXT_SIMILARITY`. */
  minContextSimilarity?: number
}

/**
 * A moved claim must keep at least 80% of its quote (1 - edits / length): a corrected typo or
 * a reworded word or two, not a rewritten sentence. Hypothesis accepts any best match; we do
 * not, because an analyst's claim is a statement about these words.
 */
export const MIN_QUOTE_SIMILARITY = 0.8

/**
 * The saved prefix and suffix together (weighted by length) must still read at least 60%
 * alike. Unrelated news text scores a median of about 0.3 against a 32-unit context and stays
 * under 0.5 in 99% of cases (measured in the anchoring tests), while one side intact with the
 * other rewritten scores about 0.65: 0.6 separates "the same passage, edited nearby" from "a
 * passage that happens to say the same".
 */
export const MIN_CONTEXT_SIMILARITY = 0.6

/**
 * An exact quote without confirming context is still trusted when it occurs exactly once and
 * is at least this long: a whole phrase that reappears once has moved; a word like "Moscow"
 * that occurs once elsewhere has not necessarily.
 */
export const MIN_DISTINCTIVE_QUOTE_LENGTH = 20

/**
 * Among equally good candidates the one nearest the old offset wins only if it is at most half
 * as far as the next: a clear lead, not a coin toss decided by a few characters.
 */
const HINT_DECISIVE_RATIO = 2

/**
 * Places whose text scores differ by less than this read equally well: it is about three
 * characters of one 32-unit context, the noise of a context damaged by an edit next to it. A
 * larger lead (the context really matches, or the quote really differs) decides by itself.
 */
const TEXT_SCORE_TIE = 0.02

interface Assessed extends RankedQuoteMatch {
  contextSimilarity: number | null
  verdict: 'accepted' | OrphanReason
}

/** Length-weighted mean of the prefix and suffix similarities that were saved. */
function contextSimilarity(
  match: RankedQuoteMatch,
  prefixLength: number,
  suffixLength: number,
): number | null {
  const total = prefixLength + suffixLength
  if (total === 0) return null
  const prefixPart = prefixLength * (match.prefixSimilarity ?? 0)
  const suffixPart = suffixLength * (match.suffixSimilarity ?? 0)
  return (prefixPart + suffixPart) / total
}

function nearestOf(match: Assessed): NearestCandidate {
  const { start, end, quoteSimilarity, contextSimilarity } = match
  return { start, end, quoteSimilarity, contextSimilarity }
}

/**
 * Places a claim in `text` (UTF-16 offsets) from its saved selectors.
 *
 * 1. The saved position still holds the exact quote: 'exact', no search.
 * 2. Otherwise every place resembling the quote is ranked (`rankQuoteMatches`, hinted with the
 *    old offset) and judged: it must keep `MIN_QUOTE_SIMILARITY` of the quote and all of its
 *    figures, and be confirmed either by its context (`MIN_CONTEXT_SIMILARITY`) or, for an exact
 *    quote of `MIN_DISTINCTIVE_QUOTE_LENGTH` or more, by being the only exact occurrence.
 * 3. The accepted place whose text reads best wins ('moved'). When several read about equally
 *    well (`TEXT_SCORE_TIE`), the one clearly nearest the old offset wins, and without a clear
 *    lead the claim is an 'orphan' ('ambiguous').
 */
export function anchorClaim(
  text: string,
  selectors: RangeSelectors,
  options: AnchorOptions = {},
): AnchorResult {
  const { position, quote } = selectors
  const minQuote = options.minQuoteSimilarity ?? MIN_QUOTE_SIMILARITY
  const minContext = options.minContextSimilarity ?? MIN_CONTEXT_SIMILARITY

  const { start, end } = position
  if (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start <= end &&
    end <= text.length &&
    text.slice(start, end) === quote.exact
  ) {
    return { status: 'exact', start, end }
  }

  const prefix = quote.prefix ?? ''
  const suffix = quote.suffix ?? ''
  const hint = Number.isFinite(start) ? start : undefined
  const ranked = rankQuoteMatches(text, quote.exact, { prefix, suffix, hint })
  if (ranked.length === 0) return { status: 'orphan', reason: 'not-found' }

  const exactCount = ranked.filter((match) => match.quoteSimilarity === 1).length
  const assessed = ranked.map((match): Assessed => {
    const context = contextSimilarity(match, prefix.length, suffix.length)
    const judge = (): Assessed['verdict'] => {
      if (match.quoteSimilarity < minQuote) return 'quote-changed'
      if (!sameFigures(text.slice(match.start, match.end), quote.exact)) return 'figures-changed'
      if (context !== null && context >= minContext) return 'accepted'
      const exact = match.quoteSimilarity === 1
      if (exact && exactCount === 1 && quote.exact.length >= MIN_DISTINCTIVE_QUOTE_LENGTH) {
        return 'accepted'
      }
      return exact && exactCount > 1 ? 'ambiguous' : 'context-changed'
    }
    return { ...match, contextSimilarity: context, verdict: judge() }
  })

  const accepted = assessed.filter((match) => match.verdict === 'accepted')
  if (accepted.length === 0) {
    const [closest] = assessed
    return {
      status: 'orphan',
      reason: closest.verdict as OrphanReason,
      nearest: nearestOf(closest),
    }
  }

  // Every accepted place that reads as well as the best one is a contender; with several,
  // only a clear lead in distance from the old offset decides.
  const topTextScore = accepted.reduce((top, match) => Math.max(top, match.textScore), 0)
  const contenders = accepted.filter((match) => topTextScore - match.textScore < TEXT_SCORE_TIE)
  const distance = (match: Assessed) => (hint === undefined ? 0 : Math.abs(match.start - hint))
  contenders.sort((a, b) => distance(a) - distance(b))
  const [best, runnerUp] = contenders
  if (runnerUp && distance(best) * HINT_DECISIVE_RATIO >= distance(runnerUp)) {
    return { status: 'orphan', reason: 'ambiguous', nearest: nearestOf(best) }
  }
  return {
    status: 'moved',
    start: best.start,
    end: best.end,
    score: best.quoteSimilarity,
    contextSimilarity: best.contextSimilarity,
  }
}
