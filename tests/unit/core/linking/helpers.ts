import type { LinkableClaim, LinkableDocument } from '../../../../src/core/linking'

/** A document of paragraphs, laid out as core/document does: blocks separated by "\n\n". */
export function makeDocument(
  id: string,
  paragraphs: string[],
  metadata: LinkableDocument['metadata'] = {},
): LinkableDocument {
  let text = ''
  const blocks = paragraphs.map((paragraph) => {
    if (text.length > 0) text += '\n\n'
    const start = text.length
    text += paragraph
    return { type: 'paragraph', start, end: text.length }
  })
  return { id, text, blocks, metadata }
}

/** A claim over the first occurrence of `quote` in the document. */
export function claimIn(document: LinkableDocument, quote: string, id: string): LinkableClaim {
  const start = document.text.indexOf(quote)
  if (start < 0) throw new Error(`not in ${document.id}: ${quote}`)
  return { id, documentId: document.id, start, end: start + quote.length, quote }
}
