/**
 * Which files are articles, and the checks every format shares: the size limit, empty and binary
 * files, and the canonical document assembled from what a format parser returns. Light on
 * purpose: the backend's main thread imports this module (and index.ts) for the file names and
 * errors, and must not load any parser to do so.
 */
import { documentId } from './hash'
import type { ParsedContent } from './parsed'
import { DocumentError, type CanonicalDocument, type DocumentFormat } from './types'

/** Files larger than this are refused before they are read. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

export const SUPPORTED_EXTENSIONS = [
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.pdf',
  '.docx',
] as const

const FORMAT_BY_EXTENSION: Record<(typeof SUPPORTED_EXTENSIONS)[number], DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
}

/** Formats stored as binary containers: the text check does not apply to them. */
const BINARY_FORMATS: ReadonlySet<DocumentFormat> = new Set(['pdf', 'docx'])

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

/**
 * The checks made before a file is decoded: supported, not too large, not empty, and (for the
 * text formats) not binary. Returns the format; throws DocumentError.
 */
export function checkArticleBytes(
  bytes: Uint8Array,
  fileName: string,
  looksBinary: (bytes: Uint8Array) => boolean,
): DocumentFormat {
  const format = formatOf(fileName)
  const name = JSON.stringify(fileName)
  if (format === undefined) {
    throw new DocumentError(
      'unsupported-type',
      fileName,
      `${name} is not a supported article file (.txt, .md, .html, .pdf, .docx)`,
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
  if (!BINARY_FORMATS.has(format) && looksBinary(bytes)) {
    throw new DocumentError(
      'binary',
      fileName,
      `${name} is not a text file: it contains binary data`,
    )
  }
  return format
}

/** Any failure inside a parser ends in a message naming the file, never in a crash. */
export function unreadableError(fileName: string, error: unknown): DocumentError {
  if (error instanceof DocumentError) return error
  const reason = error instanceof Error ? error.message : String(error)
  return new DocumentError(
    'unreadable',
    fileName,
    `${JSON.stringify(fileName)} could not be read: ${reason}`,
  )
}

/** The canonical document from a parser's content: the id is the hash of the text. */
export function canonicalDocument(
  parsed: ParsedContent,
  format: DocumentFormat,
  fileName: string,
  decoding: { warnings: string[]; encoding?: string },
): CanonicalDocument {
  if (parsed.blocks.length === 0) {
    throw new DocumentError(
      'no-content',
      fileName,
      `${JSON.stringify(fileName)} contains no readable text`,
    )
  }
  const document: CanonicalDocument = {
    id: documentId(parsed.text),
    format,
    text: parsed.text,
    blocks: parsed.blocks,
    metadata: parsed.metadata,
    warnings: [...decoding.warnings, ...parsed.warnings],
  }
  if (decoding.encoding !== undefined) document.encoding = decoding.encoding
  return document
}

const ONLY_WHITESPACE = /^[\s\u0085\u00AD\u200B\u2060\uFEFF]*$/

/** Decoded text with nothing in it is 'empty', like a file of no bytes. */
export function checkNotBlank(text: string, fileName: string): void {
  if (ONLY_WHITESPACE.test(text)) {
    throw new DocumentError(
      'empty',
      fileName,
      `${JSON.stringify(fileName)} is empty (it contains only whitespace)`,
    )
  }
}
