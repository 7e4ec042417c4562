/**
 * Page furniture in pasted text and Markdown: which blocks are navigation, buttons, appeals,
 * cross-links, tags and footers rather than the article. Analysts collect articles by selecting
 * a whole web page and pasting it into a file, so all of these arrive as text.
 *
 * The text is never changed: furniture stays in the canonical text (ids and offsets never depend
 * on this detector) and is only marked on its block. The method is jusText's (Pomikálek 2011),
 * paragraph by paragraph, with its bias turned towards keeping text, because hiding a sentence of
 * the article is worse than showing a menu:
 *
 * 1. Each block gets a class from its own features. `furniture` by wording (furniture-patterns.ts:
 *    appeals, "Related", "Read also", share rows, cookie notices, keyword lines, footers) or when
 *    it is link-like (breadcrumbs, pipe-separated menus); `header` for bylines and date lines,
 *    which are never furniture; `good` for prose: a sentence of eight words or more dense in stop
 *    words, or a long block; everything else is `short` and decided by context.
 * 2. Context, for short blocks only: a run of three or more short labels and furniture lines is a
 *    menu; the blocks after a standalone "Related" / "Most read" / "Keywords" opener are its
 *    teasers and tags, up to the next prose, header line or heading of the article; before the
 *    headline, one- to three-word labels are section names and site names; after the last prose
 *    block, short lines without figures that do not end like a sentence are footer when furniture
 *    is next to them; a short line between two
 *    furniture blocks is furniture too.
 * A short block that no rule reaches stays article: headlines, subheadings, quotes, time stamps.
 */
import {
  isBylineOrDateLine,
  isFurnitureLine,
  isLinkLikeLine,
  isSectionLeadIn,
} from './furniture-patterns'
import { stopWordDensity, wordsOf } from './stop-words'
import type { Block } from './types'

export interface ClassifiedBlock {
  type: string
  text: string
}

type BlockClass = 'furniture' | 'header' | 'good' | 'short'

const SENTENCE_END = /[.!?…]["'’”)\]]*$/
/** Shorter than this, a line is a label (menu entry, tag, section name) when context says so. */
const LABEL_WORDS = 4
const LABEL_CHARS = 40
/** Before the headline, labels this short are section and site names. */
const HEAD_LABEL_WORDS = 3
/** After the last prose block, lines this short without a sentence end are footer. */
const TAIL_LABEL_WORDS = 6
/** The shortest menu: this many labels and furniture lines in a row. */
const MIN_MENU_RUN = 3
/** Stop-word density of prose (jusText's stopwords_low is 0.30 for full stop lists). */
const PROSE_STOP_DENSITY = 0.2

/** Marks each block: true for furniture. Same length and order as `blocks`. */
export function detectFurniture(blocks: readonly ClassifiedBlock[]): boolean[] {
  const classes = blocks.map(classifyAlone)
  const furniture = classes.map((c) => c === 'furniture')
  const decided = (i: number) => classes[i] !== 'short' || furniture[i]

  markMenus(blocks, classes, furniture)
  markSectionContents(blocks, classes, furniture)

  const firstGood = classes.indexOf('good')
  markSiteNames(blocks, classes, furniture, firstGood)
  const lastProse = findLastProse(blocks, classes, furniture)
  const headline = findHeadline(blocks, classes, furniture, firstGood)
  for (let i = 0; i < headline; i++) {
    if (!decided(i) && wordsOf(blocks[i]!.text).length <= HEAD_LABEL_WORDS) furniture[i] = true
  }
  if (lastProse >= 0) {
    // Footer labels: short, no figures (table rows and data have them), no sentence end, and next
    // to furniture, spreading from it ("Follow Us" under a copyright line, "View all" under
    // "Comments"). A table or list that ends the article has no furniture beside it.
    const footerLabel = (i: number) => {
      const text = blocks[i]!.text
      return (
        !decided(i) &&
        !SENTENCE_END.test(text) &&
        !/\d/.test(text) &&
        wordsOf(text).length <= TAIL_LABEL_WORDS
      )
    }
    for (let changed = true; changed;) {
      changed = false
      for (let i = lastProse + 1; i < blocks.length; i++) {
        if (footerLabel(i) && (furniture[i - 1] === true || furniture[i + 1] === true)) {
          furniture[i] = true
          changed = true
        }
      }
    }
  }
  // Sandwiched labels ("Email address" between a sign-up line and its button).
  for (let i = 1; i + 1 < blocks.length; i++) {
    if (!decided(i) && furniture[i - 1] && furniture[i + 1] && isLabel(blocks[i]!)) {
      furniture[i] = true
    }
  }
  return furniture
}

function classifyAlone(block: ClassifiedBlock): BlockClass {
  const text = block.text
  if (isFurnitureLine(text)) return 'furniture'
  if (isBylineOrDateLine(text)) return 'header'
  if (isLinkLikeLine(text)) return 'furniture'
  const words = wordsOf(text)
  const density = stopWordDensity(words)
  if (SENTENCE_END.test(text) && words.length >= 8 && density >= PROSE_STOP_DENSITY) return 'good'
  if (text.length >= 200 && density >= PROSE_STOP_DENSITY) return 'good'
  return 'short'
}

/** A menu entry, tag or button caption: a few words, no sentence end. */
function isLabel(block: ClassifiedBlock): boolean {
  const text = block.text
  return (
    text.length <= LABEL_CHARS && wordsOf(text).length <= LABEL_WORDS && !SENTENCE_END.test(text)
  )
}

/** Runs of labels and furniture lines, at least MIN_MENU_RUN long, with two labels or more. */
function markMenus(
  blocks: readonly ClassifiedBlock[],
  classes: readonly BlockClass[],
  furniture: boolean[],
): void {
  let runStart = 0
  const inRun = (i: number) =>
    classes[i] === 'furniture' ||
    // Headings and list items are the article's structure: a short list of facts is no menu.
    (classes[i] === 'short' && blocks[i]!.type === 'paragraph' && isLabel(blocks[i]!))
  for (let i = 0; i <= blocks.length; i++) {
    if (i < blocks.length && inRun(i)) continue
    const labels = []
    for (let j = runStart; j < i; j++) if (classes[j] === 'short') labels.push(j)
    if (i - runStart >= MIN_MENU_RUN && labels.length >= 2) {
      for (const j of labels) furniture[j] = true
    }
    runStart = i + 1
  }
}

/** The teasers and tags under a standalone opener ("Related", "Most Read", "Keywords"). */
function markSectionContents(
  blocks: readonly ClassifiedBlock[],
  classes: readonly BlockClass[],
  furniture: boolean[],
): void {
  // Only after the article has begun: an opener above the headline ("Latest") is a menu entry,
  // and the headline under it is no teaser.
  const firstGood = classes.indexOf('good')
  if (firstGood < 0) return
  for (let i = firstGood + 1; i < blocks.length; i++) {
    if (!isSectionLeadIn(blocks[i]!.text)) continue
    furniture[i] = true
    for (let j = i + 1; j < blocks.length; j++) {
      if (classes[j] === 'good' || classes[j] === 'header') break
      // A heading ends the section unless it is furniture itself ("## Related").
      if (blocks[j]!.type === 'heading' && classes[j] !== 'furniture') break
      // Teasers are headlines: they never end like a sentence (a question may).
      if (classes[j] === 'short' && /[.!…]["'’”)\]]*$/.test(blocks[j]!.text)) break
      furniture[j] = true
    }
  }
}

/**
 * The site's name above the article ("Institute for Northern Maritime Policy" over its menu):
 * a short line before the first prose that the page's furniture repeats, as in "© 2026 <name>"
 * or "Read the original article on <name>".
 */
function markSiteNames(
  blocks: readonly ClassifiedBlock[],
  classes: readonly BlockClass[],
  furniture: boolean[],
  firstGood: number,
): void {
  const end = firstGood < 0 ? blocks.length : firstGood
  const furnitureText = blocks
    .filter((_, i) => classes[i] === 'furniture')
    .map((block) => block.text.toLowerCase())
  for (let i = 0; i < end; i++) {
    const text = blocks[i]!.text
    if (classes[i] !== 'short' || SENTENCE_END.test(text) || wordsOf(text).length > 6) continue
    const name = text.toLowerCase()
    const repeated = furnitureText.some((line) => line !== name && containsPhrase(line, name))
    if (repeated) furniture[i] = true
  }
}

function containsPhrase(line: string, phrase: string): boolean {
  const at = line.indexOf(phrase)
  if (at < 0) return false
  const before = line[at - 1]
  const after = line[at + phrase.length]
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
  return !isWordChar(before) && !isWordChar(after)
}

/** The last block of prose, or a short sentence of four words or more that is not furniture. */
function findLastProse(
  blocks: readonly ClassifiedBlock[],
  classes: readonly BlockClass[],
  furniture: readonly boolean[],
): number {
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (classes[i] === 'good') return i
    const text = blocks[i]!.text
    if (!furniture[i] && SENTENCE_END.test(text) && wordsOf(text).length >= 4) return i
  }
  return -1
}

/**
 * The headline's index: the first block before the first prose block that is not furniture,
 * not a byline or date, does not end like a sentence, and has four words or more (a one-word
 * line is a section label).
 * Returns 0 when there is none, so no block is taken for a section label.
 */
function findHeadline(
  blocks: readonly ClassifiedBlock[],
  classes: readonly BlockClass[],
  furniture: readonly boolean[],
  firstGood: number,
): number {
  const end = firstGood < 0 ? blocks.length : firstGood
  for (let i = 0; i < end; i++) {
    if (furniture[i] || classes[i] !== 'short' || SENTENCE_END.test(blocks[i]!.text)) continue
    if (wordsOf(blocks[i]!.text).length > HEAD_LABEL_WORDS) return i
  }
  return 0
}

/** Sets `boilerplate: true` on the furniture blocks of a built document. */
export function markFurniture(text: string, blocks: Block[]): void {
  const furniture = detectFurniture(
    blocks.map((block) => ({ type: block.type, text: text.slice(block.start, block.end) })),
  )
  blocks.forEach((block, i) => {
    if (furniture[i]) block.boilerplate = true
  })
}
