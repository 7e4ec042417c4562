/**
 * The canonical text and how it is built.
 *
 * THE DOCUMENTED WHITESPACE RULES. Every format ends in the same canonical text,
 * and annotations address it by offset, so these rules are part of the file
 * format: changing one changes document ids and moves every stored offset.
 *
 * 1. The text is a sequence of blocks (heading, paragraph, quote, list item)
 *    joined by exactly one blank line, "\n\n". There is no text before the first
 *    block or after the last, and no other "\n" anywhere: a block is one line.
 * 2. Within a block, every run of whitespace collapses to one ASCII space, and
 *    leading and trailing whitespace is removed, as a browser renders normal
 *    text. Whitespace means tab, line feed, vertical tab, form feed, carriage
 *    return, space, U+0085 and every Unicode space separator and line or
 *    paragraph separator, INCLUDING the no-break spaces U+00A0 and U+202F.
 *    Browsers keep a no-break space; we fold it, because analysts search and
 *    quote text and "152\u00A0mm" must match "152 mm" typed or copied elsewhere.
 * 3. Invisible characters that only affect line breaking are removed: soft
 *    hyphen U+00AD, zero-width space U+200B, word joiner U+2060 and U+FEFF (a
 *    stray BOM). Joiners U+200C/U+200D stay: scripts and emoji need them. Other
 *    control characters (C0 except the whitespace above, DEL, C1) are removed,
 *    and unpaired surrogates become U+FFFD.
 * 4. The text is in Unicode Normalization Form C. Each block is normalized on
 *    its own; "\n\n" never composes with anything, so the whole text is NFC.
 * 5. A block whose text is empty after these rules is dropped.
 * 6. Line ends in the source ("\r\n", "\r", U+2028, U+2029) are read as "\n"
 *    before any format looks at lines; see `normalizeLineEnds`.
 *
 * Plain-text conventions (how a .txt file maps onto blocks) are in plaintext.ts.
 */
import type { Block, BlockType } from './types'

/** Line ends of every platform -> "\n". */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n')
}

// Rule 3. Written as escapes so the source shows no invisible characters; matching
// control characters is the point here.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// Rule 2. JavaScript's \s covers the Unicode space separators (NBSP included),
// U+2028/U+2029 and U+FEFF; U+0085 (NEL) must be named.
const WHITESPACE_RUN = /[\s\u0085]+/g

/** Applies rules 2-4 to the raw text of one block. May return "" (rule 5). */
export function normalizeBlockText(raw: string): string {
  let text = raw.replace(INVISIBLE, '')
  if (/[\uD800-\uDFFF]/.test(text)) text = text.replace(LONE_SURROGATE, '\uFFFD')
  text = text.replace(WHITESPACE_RUN, ' ').trim()
  return text.normalize('NFC')
}

/** Metadata values follow the block rules too, so a title compares equal to its heading. */
export function normalizeMetadataValue(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined
  const text = normalizeBlockText(raw)
  return text === '' ? undefined : text
}

export interface BlockAttributes {
  level?: number
  ordered?: boolean
  depth?: number
}

/**
 * Appends blocks and tracks their offsets. Parts are kept in an array and joined
 * once, so building a document is linear in its size however many blocks it has.
 */
export class DocumentBuilder {
  private readonly parts: string[] = []
  private readonly blocks: Block[] = []
  private length = 0

  /** Adds a block after normalizing its text; returns it, or null if it was empty. */
  add(type: BlockType, rawText: string, attributes: BlockAttributes = {}): Block | null {
    const text = normalizeBlockText(rawText)
    if (text === '') return null
    if (this.blocks.length > 0) {
      this.parts.push('\n\n')
      this.length += 2
    }
    const block: Block = { type, start: this.length, end: this.length + text.length }
    if (type === 'heading') block.level = Math.min(6, Math.max(1, attributes.level ?? 1))
    if (type === 'list-item') {
      block.ordered = attributes.ordered ?? false
      block.depth = Math.max(0, attributes.depth ?? 0)
    }
    this.parts.push(text)
    this.length += text.length
    this.blocks.push(block)
    return block
  }

  get blockCount(): number {
    return this.blocks.length
  }

  build(): { text: string; blocks: Block[] } {
    return { text: this.parts.join(''), blocks: this.blocks.slice() }
  }
}
