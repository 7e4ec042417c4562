/**
 * How claim search (claim-search.ts) cuts text into terms, the same way for what is indexed and
 * for what the analyst types, so that the two meet:
 *
 * - Words are runs of letters, marks and digits; case and accents are folded ("Tumangang",
 *   "tumangang", "TUMANGANG" are one term).
 * - A figure is indexed by its value, however it is written: "13,000", "13K", "13 thousand" and
 *   "thirteen thousand" all give the term "13000", so typing any of them finds each. The
 *   reading of figures is core/linking's, the one link suggestions use; dates keep their words.
 * - A few English function words and single letters are dropped: with prefix matching "of"
 *   would find every "officials", and the "s" of "Russia's" every word starting with s.
 */
import { extractFigures } from '../../core/linking'

const WORD = /[\p{L}\p{M}\p{N}]+/gu
const DIGIT = /\d/
/** Terms are runs of letters, marks and digits: anything else in one is beyond ASCII. */
const NON_ASCII = /[^A-Za-z0-9]/

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'that',
  'the',
  'to',
  'was',
  'were',
  'with',
])

/**
 * Words, except that a figure gives its value instead of its digits: "13,000" is the one term
 * "13000", not "13" and "000" (which would match every thousand). The figure's other words
 * ("thousand", "more than") stay words.
 */
export function tokenize(text: string): string[] {
  const figures = extractFigures(text).filter((figure) => figure.unit !== 'date')
  const terms: string[] = []
  for (const match of text.matchAll(WORD)) {
    const word = match[0]
    const start = match.index
    const end = start + word.length
    const inFigure =
      DIGIT.test(word) && figures.some((figure) => start >= figure.start && end <= figure.end)
    if (!inFigure) terms.push(word)
  }
  for (const figure of figures) {
    for (const value of [figure.value, figure.upper]) {
      if (value !== undefined && Number.isFinite(value)) terms.push(String(value))
    }
  }
  return terms
}

/** One term as indexed and searched, or null for a term not worth matching. */
export function processTerm(term: string): string | null {
  // Most terms are ASCII: they skip the costly decomposition.
  const plain = NON_ASCII.test(term) ? term.normalize('NFD').replace(/\p{M}+/gu, '') : term
  const folded = plain.toLowerCase()
  if (folded === '' || STOP_WORDS.has(folded)) return null
  if (folded.length === 1 && !DIGIT.test(folded)) return null
  return folded
}

/** Typos are forgiven in words of four letters or more; never in figures ("13000" ≠ "13500"). */
export function fuzziness(term: string): number | false {
  return term.length < 4 || DIGIT.test(term) ? false : 0.2
}
