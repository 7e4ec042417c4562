/**
 * The canonical document: what every article file becomes, whatever its format.
 *
 * All offsets in Corroborate address `CanonicalDocument.text` and count UTF-16
 * code units (JavaScript string indices). Exports convert them to Unicode code
 * points, the unit of the W3C Web Annotation model.
 */

/** Kinds of block the reading view knows how to draw. */
export type BlockType = 'heading' | 'paragraph' | 'quote' | 'list-item'

/**
 * One block of the document as a half-open range `[start, end)` over the
 * canonical text. Blocks are in text order, never overlap, and are separated in
 * the text by exactly one blank line ("\n\n"). A block's text contains no "\n".
 */
export interface Block {
  type: BlockType
  start: number
  end: number
  /** Heading level 1-6, for headings only. */
  level?: number
  /** For list items: whether the list is numbered, and the nesting depth (0 = top). */
  ordered?: boolean
  depth?: number
  /**
   * Page furniture (navigation, appeals, cross-links, tags, footers), set only when true. The
   * block stays in the text; it is left out of suggestions and counts. See furniture.ts.
   */
  boilerplate?: boolean
  /** The page (1-based) the block is printed on, for PDF files only. */
  page?: number
}

/** What the file itself says about the article. Every field is optional. */
export interface DocumentMetadata {
  title?: string
  /** The publication or site name ("outlet"). */
  outlet?: string
  author?: string
  /** Publication date as the file gives it, normalised to ISO 8601 where it parses. */
  published?: string
  /** Canonical URL of the article. */
  url?: string
  language?: string
}

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx'

export interface CanonicalDocument {
  /** SHA-256 (lower-case hex) of the UTF-8 bytes of `text`. */
  id: string
  format: DocumentFormat
  text: string
  blocks: Block[]
  metadata: DocumentMetadata
  /** Non-fatal problems met while reading (undecodable bytes, dropped content). */
  warnings: string[]
  /** The encoding the file was read as (WHATWG name: "UTF-8", "windows-1251", "UTF-16LE"...). */
  encoding?: string
}

/** Why a file could not become a document. */
export type DocumentErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'unsupported-type'
  | 'unreadable'
  | 'no-content'
  /** Reading it took longer or needed more memory than the bounds allow (backend workers). */
  | 'too-complex'

/**
 * A file that cannot be read as an article. The message is for people: it names
 * the file and says what is wrong with it.
 */
export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    readonly file: string,
    message: string,
  ) {
    super(message)
    this.name = 'DocumentError'
  }
}
