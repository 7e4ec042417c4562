/**
 * Finds the places in a text where a quote might now be: every exact occurrence, then the
 * closest approximate ones. Ranking them is `matchQuote`'s job.
 */
import search from 'approx-string-match'

export interface QuoteCandidate {
  start: number
  end: number
  /** Edits (insertions, deletions, substitutions of UTF-16 units) from the quote. */
  errors: number
}

/**
 * The error budget of the approximate search: half the quote, at most 256 edits.
 *
 * Half the quote is far more than a claim can lose and still be the same claim (the anchoring
 * policy wants 80% similarity), so no acceptable place is missed; the cap bounds the cost of
 * long quotes, since the search takes O(maxErrors / 32 * text.length) time. A quote longer
 * than 512 units is therefore found only when at most 256 of its units changed.
 */
export function maxErrorsFor(quote: string): number {
  return maxErrorsForLength(quote.length)
}

const maxErrorsForLength = (quoteLength: number) => Math.min(256, quoteLength / 2)

/**
 * Rounds of approximate search. approx-string-match returns only the places with the fewest
 * errors, so one round would hide the claim's own, lightly edited, passage behind a closer
 * lookalike, and would hide the rival that makes a match ambiguous. Each further round masks
 * what was found and searches again for the next-best places.
 */
const APPROXIMATE_ROUNDS = 2

/** A code unit that never occurs in a canonical text, so masked text matches nothing. */
const MASK = '\uffff'

function exactOccurrences(text: string, quote: string): QuoteCandidate[] {
  const found: QuoteCandidate[] = []
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 })
  }
  return found
}

function mask(text: string, candidates: readonly QuoteCandidate[]): string {
  const ranges = [...candidates].sort((a, b) => a.start - b.start)
  let masked = ''
  let done = 0 // text before this offset is already in `masked`
  for (const { start, end } of ranges) {
    if (end <= done) continue
    const from = Math.max(start, done)
    masked += text.slice(done, from) + MASK.repeat(end - from)
    done = end
  }
  return masked + text.slice(done)
}

/**
 * Two candidates name the same place when they are the same range, or when one of them is
 * approximate and they share at least half the quote: the search reports one fuzzy place as
 * several ranges that differ by a unit or two at their ends. Distinct exact occurrences are
 * always distinct places, even when they overlap ("ana" twice in "bananas").
 */
function samePlace(a: QuoteCandidate, b: QuoteCandidate, quoteLength: number): boolean {
  if (a.start === b.start && a.end === b.end) return true
  if (a.errors === 0 && b.errors === 0) return false
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  return overlap > 0 && overlap >= quoteLength / 2
}

/**
 * Keeps one range per place: the first of each place in `bestFirst` order. The result is
 * sorted by start.
 */
export function distinctPlaces<T extends QuoteCandidate>(
  bestFirst: readonly T[],
  quoteLength: number,
): T[] {
  const kept: T[] = [] // sorted by start
  // No range is longer than quoteLength + maxErrors, so an overlapping kept range starts at
  // most this far before a candidate.
  const reach = quoteLength + maxErrorsForLength(quoteLength) + 1
  for (const candidate of bestFirst) {
    let duplicate = false
    for (
      let index = lowerBound(kept, candidate.start - reach);
      index < kept.length && kept[index].start < candidate.end;
      index++
    ) {
      if (samePlace(kept[index], candidate, quoteLength)) {
        duplicate = true
        break
      }
    }
    if (!duplicate) kept.splice(lowerBound(kept, candidate.start), 0, candidate)
  }
  return kept
}

function lowerBound(sorted: readonly QuoteCandidate[], start: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle].start < start) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Ranges where `quote` occurs in `text` exactly or with at most `maxErrorsFor(quote)` errors.
 * One fuzzy place usually appears as several ranges that differ by a unit or two at their
 * ends (equally many edits); `distinctPlaces` reduces them once they are scored, so the range
 * whose surroundings fit best is the one kept. Empty quote or text: none.
 */
export function findQuoteCandidates(text: string, quote: string): QuoteCandidate[] {
  if (quote.length === 0 || text.length === 0) return []
  const maxErrors = maxErrorsFor(quote)
  const found = exactOccurrences(text, quote)
  let remaining = found.length > 0 ? mask(text, found) : text
  for (let round = 0; round < APPROXIMATE_ROUNDS; round++) {
    const matches = search(remaining, quote, maxErrors)
    if (matches.length === 0) break
    found.push(...matches)
    if (round + 1 < APPROXIMATE_ROUNDS) remaining = mask(remaining, matches)
  }
  return found
}
