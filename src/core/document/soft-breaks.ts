/**
 * Single line breaks in plain text: a wrap inside a paragraph, or the end of one?
 *
 * A hand-written or e-mailed text is hard-wrapped: every line of a paragraph but the last is
 * filled to about the same width (72 or 80 characters), and its breaks fall mid-sentence. Text
 * pasted from a web page is not: each paragraph, headline, byline and menu entry is one line,
 * of any length, and a blank line is rare. Joining those lines would glue the headline to the
 * body, or a whole article into one paragraph.
 *
 * The rule: the lines of a paragraph are joined when they look hard-wrapped (no line longer
 * than WRAP_MAX characters, every line but the last at least WRAP_FILL of the longest one, and
 * no byline or date line among them); otherwise each line is its own block, except that a line
 * continues the one before it when it is indented under a list item or starts in lower case after
 * a line that does not end like a sentence.
 */
import { isBylineOrDateLine } from './furniture-patterns'

const WRAP_MAX = 100
const WRAP_FILL = 0.55
const ENDS_LIKE_SENTENCE = /[.!?:;…]["'’”)\]]*$/

/**
 * Groups the lines of one paragraph (no blank lines) into the lines of each block.
 * `startsItem` tells a list item's first line.
 */
export function splitSoftBreaks(
  lines: readonly string[],
  startsItem: (line: string) => boolean,
): string[][] {
  if (lines.length <= 1 || isHardWrapped(lines)) return [lines.slice()]
  const groups: string[][] = []
  let inItem = false
  for (const line of lines) {
    const previous = groups[groups.length - 1]
    const item = startsItem(line)
    const continues =
      previous !== undefined &&
      !item &&
      ((inItem && /^[ \t]/.test(line)) ||
        (/^\s*\p{Ll}/u.test(line) && !ENDS_LIKE_SENTENCE.test(previous[previous.length - 1]!)))
    if (continues) previous.push(line)
    else {
      groups.push([line])
      inItem = item
    }
  }
  return groups
}

function isHardWrapped(lines: readonly string[]): boolean {
  const lengths = lines.map((line) => line.trim().length)
  const longest = Math.max(...lengths)
  if (longest > WRAP_MAX) return false
  for (let i = 0; i < lines.length - 1; i++) {
    if (lengths[i]! < WRAP_FILL * longest) return false
  }
  // "Headline\nBy Name" or "Headline\nMarch 3, 2026": the short last line is a byline or date
  // under a headline, not the end of a wrapped sentence (which ends like one, or in lower case).
  const last = lines[lines.length - 1]!.trim()
  return !(
    isBylineOrDateLine(last) &&
    /^[\p{Lu}\p{N}]/u.test(last) &&
    !ENDS_LIKE_SENTENCE.test(last)
  )
}
