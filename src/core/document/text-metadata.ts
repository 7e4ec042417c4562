/**
 * Metadata that a pasted page carries in its own text: the headline, a byline, the date line
 * under the headline, and the outlet's name in a dateline, an appeal or the footer. Read after
 * furniture detection, so navigation is never a title; values from a header or front matter
 * win (setMetadata keeps the first value set).
 *
 * The header zone is the part of the page before the first paragraph of prose: bylines and dates
 * are read there only, never from the body, where any date may be mentioned.
 */
import { isBylineOrDateLine } from './furniture-patterns'
import { setMetadata } from './metadata'
import { readHeaderDate } from './text-date'
import { readOutlet } from './text-outlet'
import type { Block, DocumentMetadata } from './types'

const PROSE = /[.!?…]["'’”)\]]*$/
/** How many blocks after the headline may belong to the header (standfirst, byline, date). */
const HEADER_BLOCKS = 6
const BYLINE =
  /^(?:[Bb]y|BY|[Ss]tory by|[Ww]ords by|[Ww]ritten by|[Aa]uthors?\s*:|[Rr]eporting by)\s*:?\s+(\p{Lu}.*)$/u
const NAME_LINE =
  /^(?:(?:Dr|Prof|Rev)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+|van|von|de|da|al|bin)){1,3}$/u

/** Section labels that pages glue to their headline ("WorldFloodgate failure…"). */
const SECTION_LABELS =
  'World|Politics|Business|Economy|Markets|Europe|Asia|Africa|Americas|Opinion|Analysis|Commentary|News|National|International|Local|Sport|Sports|Culture|Science|Technology|Tech|Health|Environment|Climate|Security|Defence|Defense|Exclusive|Breaking|Live|Video|Investigations?'
const GLUED_SECTION = new RegExp(`^(?:${SECTION_LABELS})(?=\\p{Lu}\\p{Ll})`, 'u')
const SEPARATED_SECTION = new RegExp(`^(?:${SECTION_LABELS})\\s*(?:\\||›|»|>|/)\\s*(?=\\S)`, 'iu')

export function readTextMetadata(
  text: string,
  blocks: readonly Block[],
  metadata: DocumentMetadata,
): void {
  const lines = blocks.map((block) => text.slice(block.start, block.end))
  const headline = blocks.findIndex((block) => block.type === 'heading' && !block.boilerplate)
  // The header: up to HEADER_BLOCKS blocks after the headline, up to the second block of prose
  // (the first may be a standfirst above the byline).
  const header: string[] = []
  let proseSeen = 0
  for (let i = headline + 1; i < blocks.length && header.length < HEADER_BLOCKS; i++) {
    if (blocks[i]!.boilerplate) continue
    if (isProse(lines[i]!) && ++proseSeen === 2) break
    header.push(lines[i]!)
  }
  const firstProse = lines.findIndex(
    (line, i) => i > headline && !blocks[i]!.boilerplate && isProse(line),
  )

  if (metadata.title !== undefined) metadata.title = cleanTitle(metadata.title)
  setMetadata(metadata, 'author', readAuthor(header))
  for (const line of header) {
    if (!isBylineOrDateLine(line)) continue
    const date = readHeaderDate(line)
    if (date !== undefined) {
      setMetadata(metadata, 'published', date)
      break
    }
  }
  const body = firstProse < 0 ? [] : lines.slice(firstProse, firstProse + 2)
  setMetadata(metadata, 'outlet', readOutlet({ body, all: lines }))
}

function isProse(line: string): boolean {
  return PROSE.test(line) && line.split(/\s+/).length >= 8
}

/** The headline without a section label stuck to its front. */
export function cleanTitle(title: string): string {
  const cleaned = title.replace(GLUED_SECTION, '').replace(SEPARATED_SECTION, '').trim()
  return cleaned === '' ? title : cleaned
}

/** "By Kerry Duff, News Reporter" -> "Kerry Duff"; a bare name line under the headline. */
function readAuthor(header: readonly string[]): string | undefined {
  for (const line of header) {
    const byline = BYLINE.exec(line)
    if (byline) {
      const name = byline[1]!.split(/\s*(?:[,|•·]|\s[-–—]\s|\bon\s+\p{Lu}\p{Ll}+day\b)\s*/u)[0]!
      return name.replace(/\s+(?:in|for)\s+\p{Lu}.*$/u, '').trim() || undefined
    }
  }
  for (const line of header) {
    if (NAME_LINE.test(line) && !isBylineOrDateLine(line)) return line
  }
  return undefined
}
