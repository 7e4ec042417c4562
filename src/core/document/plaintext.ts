/**
 * Plain text -> blocks.
 *
 * THE PLAIN-TEXT CONVENTIONS (on top of the whitespace rules in normalize.ts):
 * - Header: if the first paragraph consists only of "Key: value" lines whose keys
 *   name metadata (Title, Headline, Outlet, Site, Publication, Source, Author, By,
 *   Date, Published, URL, Link, Language; case-insensitive), it is read as
 *   metadata and is not part of the text. A paragraph with any other line is text.
 * - Paragraphs are separated by blank lines (lines of only whitespace). The lines
 *   of one paragraph are joined with one space when they look hard-wrapped; text
 *   pasted from a web page, one paragraph per line, keeps each line as a block
 *   (soft-breaks.ts has the rule).
 * - A line starting with "- ", "* ", "• " or a number of one to three digits and
 *   "." or ")" plus a space ("1. ", "12) ") starts a list item (numbers make it
 *   ordered); the lines after it, up to the next item or blank line, continue it.
 *   Deeper indentation of the marker nests the item (depth 1, 2, ...). Years
 *   ("2022. ") have four digits and so never start an item.
 * - Page furniture (menus, appeals, "Related" lists, footers) is marked on its
 *   blocks (furniture.ts) and stays in the text.
 * - Title: when the first block after the header that is not furniture is a single
 *   line of at most 150 characters that is not a list item, a byline or a date
 *   line, does not end like a sentence (. ! ? ; : or , maybe followed by a closing
 *   quote), and more text follows, it is the title: metadata.title (unless the
 *   header gave one) AND a level-1 heading that stays in the text, since analysts
 *   annotate claims in headlines too.
 */
import { markFurniture } from './furniture'
import { isBylineOrDateLine } from './furniture-patterns'
import { metadataField, setMetadata } from './metadata'
import { DocumentBuilder, normalizeLineEnds } from './normalize'
import type { ParsedContent } from './parsed'
import { splitSoftBreaks } from './soft-breaks'
import { readTextMetadata } from './text-metadata'
import type { Block, DocumentMetadata } from './types'

const BLANK_LINE = /^[\s\u00AD\u200B\u2060\uFEFF]*$/
const HEADER_LINE = /^\s*([A-Za-z][A-Za-z _-]{0,30}?)\s*:\s*(.*)$/
const LIST_MARKER = /^([ \t]*)(?:[-*\u2022]|(\d{1,3})[.)])[ \t]+(.*)$/
const MAX_TITLE_LENGTH = 150
/** Headlines do not end like sentences; a one-line first paragraph that does is text. */
const SENTENCE_END = /[.!?;:,]['"\u2019\u201D)]?\s*$/

export function parsePlainText(source: string): ParsedContent {
  const paragraphs = splitParagraphs(normalizeLineEnds(source))
  const metadata: DocumentMetadata = {}
  const builder = new DocumentBuilder()

  let first = 0
  if (paragraphs.length > 0 && readHeader(paragraphs[0]!, metadata)) first = 1
  const groups = paragraphs
    .slice(first)
    .flatMap((lines) => splitSoftBreaks(lines, (line) => LIST_MARKER.test(line)))

  /** Blocks that are one whole source line: only those can be a headline. */
  const oneLine = new Set<Block>()
  // Indentation of the open list levels, outermost first; kept across blank lines
  // so a loose list (items separated by blank lines) keeps its nesting.
  let indents: number[] = []
  for (const group of groups) {
    let kind: 'paragraph' | 'item' = 'paragraph'
    let parts: string[] = []
    let ordered = false
    let depth = 0
    let sawItem = false
    const flush = () => {
      if (parts.length === 0) return
      const text = parts.join(' ')
      const block =
        kind === 'item'
          ? builder.add('list-item', text, { ordered, depth })
          : builder.add('paragraph', text)
      if (block !== null && group.length === 1) oneLine.add(block)
      parts = []
    }
    for (const line of group) {
      const marker = LIST_MARKER.exec(line)
      if (marker === null) {
        parts.push(line)
        continue
      }
      flush()
      sawItem = true
      const indent = indentWidth(marker[1]!)
      while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop()
      if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent)
      kind = 'item'
      ordered = marker[2] !== undefined
      depth = indents.length - 1
      parts.push(marker[3]!)
    }
    flush()
    if (!sawItem) indents = []
  }

  const { text, blocks } = builder.build()
  markFurniture(text, blocks)
  const headline = blocks.find((block) => !block.boilerplate)
  if (
    headline !== undefined &&
    headline !== blocks[blocks.length - 1] &&
    headline.type === 'paragraph' &&
    oneLine.has(headline) &&
    isTitleLike(text.slice(headline.start, headline.end))
  ) {
    headline.type = 'heading'
    headline.level = 1
    setMetadata(metadata, 'title', text.slice(headline.start, headline.end))
  }
  readTextMetadata(text, blocks, metadata)
  return { text, blocks, metadata, warnings: [] }
}

function isTitleLike(line: string): boolean {
  return line.length <= MAX_TITLE_LENGTH && !SENTENCE_END.test(line) && !isBylineOrDateLine(line)
}

function splitParagraphs(text: string): string[][] {
  const paragraphs: string[][] = []
  let current: string[] = []
  for (const line of text.split('\n')) {
    if (BLANK_LINE.test(line)) {
      if (current.length > 0) paragraphs.push(current)
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length > 0) paragraphs.push(current)
  return paragraphs
}

/** Reads the paragraph as a metadata header if every line is a known "Key: value". */
function readHeader(lines: string[], metadata: DocumentMetadata): boolean {
  const fields: [ReturnType<typeof metadataField>, string][] = []
  for (const line of lines) {
    const match = HEADER_LINE.exec(line)
    const field = match === null ? undefined : metadataField(match[1]!)
    if (field === undefined) return false
    fields.push([field, match![2]!])
  }
  for (const [field, value] of fields) setMetadata(metadata, field!, value)
  return true
}

function indentWidth(indent: string): number {
  let width = 0
  for (const ch of indent) width += ch === '\t' ? 4 : 1
  return width
}
