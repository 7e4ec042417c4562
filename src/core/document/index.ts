/**
 * core/document: article bytes -> canonical document.
 * (Signatures fixed here; implementation in progress.)
 */
import { DocumentError, type CanonicalDocument } from './types'

export * from './types'

/** Files larger than this are refused before they are read. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm'] as const

export function isSupportedFile(fileName: string): boolean {
  const lower = fileName.toLowerCase()
  return SUPPORTED_EXTENSIONS.some((ext) => lower.endsWith(ext))
}

/**
 * Parses the bytes of an article file. `fileName` chooses the format by its
 * extension and names the file in error messages. Throws DocumentError.
 */
export function parseDocument(bytes: Uint8Array, fileName: string): CanonicalDocument {
  throw new DocumentError('unsupported-type', fileName, `not implemented yet (${bytes.length} bytes)`)
}
