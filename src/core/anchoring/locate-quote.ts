/**
 * Finding a passage someone typed or pasted (a command line, a spreadsheet cell) in a canonical
 * text: exactly first, then with runs of whitespace folded to one space on both sides, because a
 * quote copied from a browser may wrap lines or carry non-breaking spaces that the canonical text
 * writes otherwise. Nothing fuzzier: a person naming a passage means those words.
 */
import type { TextRange } from './exact-quote-matches'

/** The first range of `text` reading as `quote`, or null. UTF-16 offsets. */
export function locateQuote(text: string, quote: string): TextRange | null {
  if (quote.trim() === '') return null
  const exact = text.indexOf(quote)
  if (exact >= 0) return { start: exact, end: exact + quote.length }
  const folded: string[] = []
  const origin: number[] = []
  for (let i = 0; i < text.length; i++) {
    const isSpace = /\s/.test(text[i]!)
    if (isSpace && folded.at(-1) === ' ') continue
    folded.push(isSpace ? ' ' : text[i]!)
    origin.push(i)
  }
  const needle = quote.replace(/\s+/g, ' ').trim()
  const at = folded.join('').indexOf(needle)
  if (at < 0) return null
  return { start: origin[at]!, end: origin[at + needle.length - 1]! + 1 }
}
