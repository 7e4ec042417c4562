/**
 * core/document: article bytes -> canonical document.
 *
 * Modules, one job each: decode.ts (bytes -> string, encodings, binary check),
 * normalize.ts (THE whitespace rules, DocumentBuilder), plaintext.ts (and its
 * conventions; soft-breaks.ts for single line breaks), markdown.ts, furniture.ts
 * (page furniture marked per block in text and Markdown, with furniture-patterns.ts
 * and stop-words.ts), html.ts (Readability, page metadata), dom-blocks.ts
 * (DOM -> blocks), inert.ts (the only jsdom construction), nesting.ts (the
 * deep-nesting guard), metadata.ts (field names, dates), hash.ts (the id).
 */
import { decodeHtml, decodeText, looksBinary } from './decode'
import { documentId } from './hash'
import { parseHtml } from './html'
import { parseMarkdown } from './markdown'
import type { ParsedContent } from './parsed'
import { parsePlainText } from './plaintext'
import { DocumentError, type CanonicalDocument, type DocumentFormat } from './types'

export * from './types'
export { normalizeBlockText, normalizeLineEnds } from './normalize'
export { documentId } from './hash'

/** Files larger than this are refused before they are read. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm'] as const

const FORMAT_BY_EXTENSION: Record<(typeof SUPPORTED_EXTENSIONS)[number], DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
}

export function isSupportedFile(fileName: string): boolean {
  return formatOf(fileName) !== undefined
}

/** The format a file name selects by its extension (case-insensitive), if supported. */
export function formatOf(fileName: string): DocumentFormat | undefined {
  const lower = fileName.toLowerCase()
  const ext = SUPPORTED_EXTENSIONS.find((e) => lower.endsWith(e))
  return ext === undefined ? undefined : FORMAT_BY_EXTENSION[ext]
}

const MEGABYTE = 1024 * 1024
const ONLY_WHITESPACE = /^[\s\u0085\u00AD\u200B\u2060\uFEFF]*$/

/**
 * Parses the bytes of an article file. `fileName` chooses the format by its
 * extension and names the file in error messages. Throws DocumentError:
 * 'unsupported-type', 'too-large', 'empty' (no bytes, or only whitespace),
 * 'binary', 'no-content' (no readable text once boilerplate and markup are
 * gone) or 'unreadable' (the parser failed on the file).
 */
export function parseDocument(bytes: Uint8Array, fileName: string): CanonicalDocument {
  const format = formatOf(fileName)
  const name = JSON.stringify(fileName)
  if (format === undefined) {
    throw new DocumentError(
      'unsupported-type',
      fileName,
      `${name} is not a supported article file (.txt, .md, .html)`,
    )
  }
  // Checked before anything is decoded, so a huge file costs nothing.
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    // Rounded up, so a file just over the limit never reads as "20.0 MB".
    const size = (Math.ceil((bytes.length / MEGABYTE) * 10) / 10).toFixed(1)
    throw new DocumentError(
      'too-large',
      fileName,
      `${name} is too large to open: ${size} MB (the limit is ${MAX_DOCUMENT_BYTES / MEGABYTE} MB)`,
    )
  }
  if (bytes.length === 0) throw new DocumentError('empty', fileName, `${name} is empty`)
  if (looksBinary(bytes)) {
    throw new DocumentError(
      'binary',
      fileName,
      `${name} is not a text file: it contains binary data`,
    )
  }

  const decoded = format === 'html' ? decodeHtml(bytes) : decodeText(bytes)
  if (ONLY_WHITESPACE.test(decoded.text)) {
    throw new DocumentError('empty', fileName, `${name} is empty (it contains only whitespace)`)
  }

  let parsed: ParsedContent
  try {
    if (format === 'html') parsed = parseHtml(decoded.text)
    else if (format === 'markdown') parsed = parseMarkdown(decoded.text)
    else parsed = parsePlainText(decoded.text)
  } catch (error) {
    // Hostile or broken input must end in a message, never in a crash.
    const reason = error instanceof Error ? error.message : String(error)
    throw new DocumentError('unreadable', fileName, `${name} could not be read: ${reason}`)
  }
  if (parsed.blocks.length === 0) {
    throw new DocumentError('no-content', fileName, `${name} contains no readable text`)
  }

  return {
    id: documentId(parsed.text),
    format,
    text: parsed.text,
    blocks: parsed.blocks,
    metadata: parsed.metadata,
    warnings: [...decoded.warnings, ...parsed.warnings],
    encoding: decoded.encoding,
  }
}
