/**
 * Sentences of a document that are not claims yet: the second kind of suggestion target. A
 * sentence carries its range so the UI can create the claim before linking to it.
 *
 * Sentences are cut by Intl.Segmenter (ICU's sentence rules), mended where those rules cut news
 * copy wrong: ICU has no list of abbreviations (V8 takes no `-u-ss-standard` locale extension
 * that would give it one), so it breaks after any full stop that no lower-case word follows, as
 * in "Rep. | Anna Brisk said", "Lt. | Col. | Ivo Pent", "the U.S. | Navy", "No. | 4 Road" and
 * the dateline "VELDMOOR, Aug. | 27 (Lagoon Courier) --".
 */
import type { LinkableDocument } from './types'

export interface SentenceCandidate {
  documentId: string
  start: number
  end: number
  text: string
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/** Shorter than this, a "sentence" is a dateline or a stray label, not something to link to. */
export const MIN_SENTENCE_LENGTH = 12

/**
 * Titles and ranks that news copy abbreviates before a name ("Sen. Ilse Marr", "Lt. Col. Ivo
 * Pent"): no sentence ends after one, and none is a name itself (names.ts).
 */
export const TITLE_ABBREVIATIONS: readonly string[] = [
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Rep',
  'Reps',
  'Sen',
  'Sens',
  'Gov',
  'Pres',
  'Amb',
  'Rev',
  'Gen',
  'Lt',
  'Col',
  'Maj',
  'Capt',
  'Cmdr',
  'Adm',
  'Brig',
  'Sgt',
  'Cpl',
  'Pvt',
]

/**
 * Abbreviations that news copy writes before a name and never at the end of a sentence: titles
 * and ranks, and Saint, Mount, Fort, which begin place names ("St. Petersburg"). Not "Jr.",
 * "Inc." or "Co.": those end a name, and with it often a sentence.
 */
const BEFORE_NAME = new RegExp(
  `(?<![\\p{L}\\p{N}.])(?:${[...TITLE_ABBREVIATIONS, 'St', 'Mt', 'Ft'].join('|')})\\.$`,
  'u',
)

/**
 * Initials with a stop after each letter ("U.S.", "U.N."): mostly an adjective before a noun
 * ("the U.S. Navy"). A sentence that ends on one is kept with the next: one long candidate is
 * better than a name cut in two.
 */
const INITIALS = /(?<![\p{L}\p{N}.])(?:\p{Lu}\.){2,}$/u

/** Abbreviations that stand before a number only: "No. 4", "Aug. 27", "Sept. 3". */
const BEFORE_NUMBER =
  /(?<![\p{L}\p{N}.])(?:No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/u
const NUMBER_START = /^\d/

/** Enough of the text before a break to hold any of the abbreviations above. */
const LOOK_BEHIND = 16

/**
 * True when ICU's break at `at` follows an abbreviation (see above), so that the sentence goes
 * on: the text before `at` ends with one, and for those written before a number, a number
 * follows.
 */
function continuesAfterAbbreviation(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - LOOK_BEHIND), at).trimEnd()
  if (BEFORE_NAME.test(before) || INITIALS.test(before)) return true
  return BEFORE_NUMBER.test(before) && NUMBER_START.test(text.slice(at, at + 1))
}

/** The sentences of `text` as [start, end) ranges, untrimmed, covering it end to end. */
function sentenceRanges(text: string): [number, number][] {
  const ranges: [number, number][] = []
  let start = 0
  for (const { segment, index } of segmenter.segment(text)) {
    const end = index + segment.length
    if (end < text.length && continuesAfterAbbreviation(text, end)) continue
    ranges.push([start, end])
    start = end
  }
  return ranges
}

/**
 * The sentences of each block that is not page furniture, trimmed of surrounding whitespace. Blocks never hold "\n" and
 * never share a sentence, so segmenting block by block keeps headings and list items apart.
 */
export function segmentSentences(document: LinkableDocument): SentenceCandidate[] {
  const sentences: SentenceCandidate[] = []
  for (const block of document.blocks) {
    // Menus, appeals and teasers are no one's claim; a teaser would echo the claim's words.
    if (block.boilerplate === true) continue
    const blockText = document.text.slice(block.start, block.end)
    for (const [from, to] of sentenceRanges(blockText)) {
      const segment = blockText.slice(from, to)
      const leading = segment.length - segment.trimStart().length
      const text = segment.trim()
      if (text.length < MIN_SENTENCE_LENGTH) continue
      const start = block.start + from + leading
      sentences.push({ documentId: document.id, start, end: start + text.length, text })
    }
  }
  return sentences
}
