import { createHash } from 'node:crypto'

/**
 * The document id: SHA-256 (lower-case hex) of the UTF-8 bytes of the canonical
 * text. It depends on the text only, so the same article saved as .txt, .md or
 * .html, in any encoding or under any name, gets the same id when its canonical
 * text is the same.
 */
export function documentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
