/**
 * How closely a short stretch of text reads like an expected string, from 0 (nothing in
 * common) to 1 (the string occurs in it). Used to compare a candidate's surroundings with the
 * prefix and suffix a claim was saved with.
 */
import search from 'approx-string-match'

/**
 * 1 - (fewest edits to find `expected` somewhere in `window`) / `expected.length`. The match
 * may start and end anywhere in the window, so a context that has shifted by a character or
 * two still scores well. Either string empty gives 0: there is nothing to compare.
 */
export function textSimilarity(window: string, expected: string): number {
  if (expected.length === 0 || window.length === 0) return 0
  if (window.includes(expected)) return 1
  // With maxErrors = expected.length a match always exists (delete the whole pattern).
  const [best] = search(window, expected, expected.length)
  return best ? 1 - best.errors / expected.length : 0
}
