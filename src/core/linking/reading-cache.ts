/**
 * Each document's reading (sentences, term spans, figures, names, lower-case words) kept between
 * index builds. Documents are immutable by id and the reading depends only on the text, the
 * blocks, the alias table and the publication date, so a rebuild after a claim changes (the
 * backend rebuilds the whole index then) reads no document again.
 *
 * One input comes from the corpus, not the document: whether a capitalised sentence opener is a
 * common word (seen in lower case anywhere in the corpus). The reading records the answers it was
 * given and is reused only while the new corpus gives the same ones.
 */
import type { Figure } from './figures'
import type { NameMention } from './names'
import type { SentenceCandidate } from './sentences'
import type { TermSpan } from './similarity'
import type { LinkableDocument } from './types'

export interface CachedReading {
  sentences: SentenceCandidate[]
  terms: TermSpan[]
  figures: Figure[]
  /** Distinct words written in lower case in the document. */
  lowerCaseWords: string[]
  names: NameMention[]
  /** The isCommonWord answers the names were read with. */
  commonWordAnswers: Map<string, boolean>
}

/** Documents kept by default: a large project; the oldest unused go first. */
export const DEFAULT_READING_CACHE_SIZE = 5_000

export class ReadingCache {
  private readonly entries = new Map<string, CachedReading>()

  constructor(private readonly capacity = DEFAULT_READING_CACHE_SIZE) {}

  get size(): number {
    return this.entries.size
  }

  get(key: string): CachedReading | undefined {
    const entry = this.entries.get(key)
    if (entry !== undefined) {
      // Most recently used last, so eviction takes the least recently used.
      this.entries.delete(key)
      this.entries.set(key, entry)
    }
    return entry
  }

  set(key: string, reading: CachedReading): void {
    this.entries.delete(key)
    this.entries.set(key, reading)
    while (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!)
    }
  }

  clear(): void {
    this.entries.clear()
  }
}

/** The cache shared by index builds that do not pass their own. */
export const sharedReadingCache = new ReadingCache()

/**
 * What a reading depends on: id, content hash, blocks, publication date and the alias table
 * (`aliasesKey`). The hash guards against an id reused for other content.
 */
export function readingKey(document: LinkableDocument, aliasesKey: string): string {
  let blocks = 2166136261
  for (const block of document.blocks) {
    blocks = fnv(blocks, block.start)
    blocks = fnv(blocks, block.end)
    blocks = fnv(blocks, block.boilerplate === true ? 1 : 0)
  }
  return [
    document.id,
    document.text.length,
    contentHash(document.text),
    blocks >>> 0,
    document.metadata.published ?? '',
    aliasesKey,
  ].join('\u0000')
}

/** FNV-1a over UTF-16 code units: fast, and only has to tell versions of one id apart. */
export function contentHash(text: string): string {
  let hash = 2166136261
  for (let i = 0; i < text.length; i++) hash = fnv(hash, text.charCodeAt(i))
  return (hash >>> 0).toString(16)
}

function fnv(hash: number, value: number): number {
  return Math.imul(hash ^ value, 16777619)
}

/** True when the corpus answers every recorded common-word question as before. */
export function sameCommonWordAnswers(
  answers: ReadonlyMap<string, boolean>,
  isCommonWord: (word: string) => boolean,
): boolean {
  for (const [word, answer] of answers) if (isCommonWord(word) !== answer) return false
  return true
}
