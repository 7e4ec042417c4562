/**
 * The synchronous reader of the text formats (.txt, .md, .html), for tests, benchmarks and
 * scripts that have the bytes at hand and want the document in the same tick. It loads every
 * text parser when imported (the HTML ones included); the app reads files through readDocument
 * (read.ts), which loads a parser only when a file of its format comes, and reads PDF and Word
 * files too.
 */
import { decodeHtml, decodeText, looksBinary } from './decode'
import { canonicalDocument, checkArticleBytes, checkNotBlank, unreadableError } from './formats'
import { parseHtml } from './html'
import { inertFragment } from './inert'
import { parseMarkdown } from './markdown'
import type { ParsedContent } from './parsed'
import { parsePlainText } from './plaintext'
import { DocumentError, type CanonicalDocument } from './types'

/**
 * Parses the bytes of a text, Markdown or HTML file. `fileName` chooses the format by its
 * extension and names the file in error messages. Throws DocumentError: 'unsupported-type'
 * (PDF and Word files included: they need readDocument), 'too-large', 'empty' (no bytes, or
 * only whitespace), 'binary', 'no-content' (no readable text once boilerplate and markup are
 * gone) or 'unreadable' (the parser failed on the file).
 */
export function parseDocument(bytes: Uint8Array, fileName: string): CanonicalDocument {
  const format = checkArticleBytes(bytes, fileName, looksBinary)
  if (format === 'pdf' || format === 'docx') {
    throw new DocumentError(
      'unsupported-type',
      fileName,
      `${JSON.stringify(fileName)} is a ${format === 'pdf' ? 'PDF' : 'Word'} file, which is read asynchronously (readDocument)`,
    )
  }
  const decoded = format === 'html' ? decodeHtml(bytes) : decodeText(bytes)
  checkNotBlank(decoded.text, fileName)
  let parsed: ParsedContent
  try {
    if (format === 'html') parsed = parseHtml(decoded.text)
    else if (format === 'markdown') parsed = parseMarkdown(decoded.text, inertFragment)
    else parsed = parsePlainText(decoded.text)
  } catch (error) {
    throw unreadableError(fileName, error)
  }
  return canonicalDocument(parsed, format, fileName, decoded)
}
