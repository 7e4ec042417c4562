/**
 * Opened documents, remembered by file (path, size, mtime) so that opening a
 * document and listing its claims, which both need its canonical text, parse
 * the file once. A file that changed on disk (new size or mtime) is read and
 * parsed again, so analysts always see what the file holds now.
 */
import type { CanonicalDocument } from '../core/document'
import { readArticleBytes, statArticle } from './article-file'
import type { DocumentParser } from './summaries'

interface Entry {
  size: number
  mtimeMs: number
  document: CanonicalDocument
}

/** Enough for the documents on screen (side by side, a few tabs) at a few MB each. */
const DEFAULT_CAPACITY = 12

export class DocumentCache {
  /** In least-recently-used order: a Map iterates in insertion order. */
  private entries = new Map<string, Entry>()

  constructor(
    private readonly parse: DocumentParser,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** The canonical document of the file as it is now; throws what reading or parsing throws. */
  async load(absPath: string, displayPath: string): Promise<CanonicalDocument> {
    const { size, mtimeMs } = await statArticle(absPath, displayPath)
    const cached = this.entries.get(absPath)
    this.entries.delete(absPath)
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) {
      this.entries.set(absPath, cached)
      return cached.document
    }
    const document = await this.parse(await readArticleBytes(absPath, displayPath), displayPath)
    this.entries.set(absPath, { size, mtimeMs, document })
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!)
    }
    return document
  }
}
