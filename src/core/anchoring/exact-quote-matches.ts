/**
 * Strict quote matching, as the W3C model defines a TextQuoteSelector: the exact text with the
 * prefix immediately before it and the suffix immediately after it, character for character.
 * Used where "every place this selector literally names" is wanted (find all, checks against
 * other implementations); re-anchoring after edits uses the fuzzy `matchQuote` instead.
 */
import type { TextQuoteSelector } from './selectors'

export interface TextRange {
  start: number
  end: number
}

/**
 * Every range of `text` (UTF-16 offsets, ascending, overlaps included) that the selector
 * matches exactly. An empty `exact` matches at every position its context allows.
 */
export function findExactQuoteMatches(text: string, selector: TextQuoteSelector): TextRange[] {
  const prefix = selector.prefix ?? ''
  const suffix = selector.suffix ?? ''
  const whole = prefix + selector.exact + suffix
  const matches: TextRange[] = []
  for (let at = text.indexOf(whole); at !== -1; at = text.indexOf(whole, at + 1)) {
    const start = at + prefix.length
    matches.push({ start, end: start + selector.exact.length })
    // indexOf('', n) keeps returning text.length once n passes the end.
    if (at >= text.length) break
  }
  return matches
}
