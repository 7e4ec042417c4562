/**
 * core/document: article bytes -> canonical document.
 *
 * This entry is light: the file names, the errors, the types and readDocument, which loads each
 * format's parser only when a file of that format is read (read.ts). parse.ts is the synchronous
 * reader of the text formats for tests and scripts.
 *
 * Modules, one job each: formats.ts (extensions, size and binary checks), decode.ts (bytes ->
 * string, encodings), normalize.ts (THE whitespace rules, DocumentBuilder), plaintext.ts (and
 * its conventions; soft-breaks.ts for single line breaks), markdown.ts, furniture.ts (page
 * furniture marked per block in text and Markdown, with furniture-patterns.ts and
 * stop-words.ts), html.ts (Readability, page metadata), dom-blocks.ts (DOM -> blocks), inert.ts
 * (the only DOM construction), nesting.ts (the deep-nesting guard), pdf.ts and pdf-layout.ts
 * (PDF text through pdf.js, rebuilt into blocks), docx.ts (Word through mammoth), metadata.ts
 * (field names, dates), hash.ts (the id).
 */
export * from './types'
export { normalizeBlockText, normalizeLineEnds } from './normalize'
export { documentId } from './hash'
export { MAX_DOCUMENT_BYTES, SUPPORTED_EXTENSIONS, formatOf, isSupportedFile } from './formats'
export { loadParsersFor, loadTextParsers, readDocument } from './read'
export { isOnFurniture } from './furniture-ranges'
