/**
 * Sentences of a document that are not claims yet: the second kind of suggestion target. A
 * sentence carries its range so the UI can create the claim before linking to it.
 */
import type { LinkableDocument } from './types'

export interface SentenceCandidate {
  documentId: string
  start: number
  end: number
  text: string
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/** Shorter than this, a "sentence" is a dateline or a stray label, not something to link to. */
export const MIN_SENTENCE_LENGTH = 12

/**
 * The sentences of each block, trimmed of surrounding whitespace. Blocks never hold "\n" and
 * never share a sentence, so segmenting block by block keeps headings and list items apart.
 */
export function segmentSentences(document: LinkableDocument): SentenceCandidate[] {
  const sentences: SentenceCandidate[] = []
  for (const block of document.blocks) {
    const blockText = document.text.slice(block.start, block.end)
    for (const { segment, index } of segmenter.segment(blockText)) {
      const leading = segment.length - segment.trimStart().length
      const text = segment.trim()
      if (text.length < MIN_SENTENCE_LENGTH) continue
      const start = block.start + index + leading
      sentences.push({ documentId: document.id, start, end: start + text.length, text })
    }
  }
  return sentences
}
