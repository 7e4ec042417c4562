/**
 * Turns article files into sidebar summaries, remembering them by
 * (path, size, mtime) so that a refresh only parses files that changed.
 */
import { DocumentError, type CanonicalDocument } from '../core/document'
import type { DocumentSummary, FileProblem } from '../shared/api'
import { readArticleBytes, statArticle } from './article-file'

/** Bytes -> canonical document; the workspace's default runs in a bounded worker. */
export type DocumentParser = (
  bytes: Uint8Array,
  fileName: string,
) => CanonicalDocument | Promise<CanonicalDocument>

/** What a summary knows about the file itself; key and path are added by the listing. */
export type FileSummary = Omit<DocumentSummary, 'key' | 'path'>

export type SummaryOutcome =
  { ok: true; summary: FileSummary } | { ok: false; problem: FileProblem }

interface CacheEntry {
  size: number
  mtimeMs: number
  outcome: SummaryOutcome
}

export class SummaryCache {
  private entries = new Map<string, CacheEntry>()

  constructor(private readonly parse: DocumentParser) {}

  /** Summarises one file; never throws for problems with the file itself. */
  async summarize(absPath: string, displayPath: string): Promise<SummaryOutcome> {
    let size: number
    let mtimeMs: number
    try {
      ;({ size, mtimeMs } = await statArticle(absPath, displayPath))
    } catch (error) {
      // Not cached: permissions and links can change without touching mtime.
      return failure(error, displayPath)
    }
    const cached = this.entries.get(absPath)
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.outcome

    let outcome: SummaryOutcome
    try {
      const document = await this.parse(await readArticleBytes(absPath, displayPath), displayPath)
      outcome = { ok: true, summary: toSummary(document, size) }
    } catch (error) {
      outcome = failure(error, displayPath)
      // Only content problems depend on (size, mtime) alone; fs errors are retried.
      if (!(error instanceof DocumentError) || error.code === 'unreadable') return outcome
    }
    this.entries.set(absPath, { size, mtimeMs, outcome })
    return outcome
  }

  /** Forgets files that are no longer listed, so the cache does not grow forever. */
  retainOnly(absPaths: Iterable<string>): void {
    const keep = new Set(absPaths)
    for (const path of this.entries.keys()) if (!keep.has(path)) this.entries.delete(path)
  }
}

function toSummary(document: CanonicalDocument, size: number): FileSummary {
  return {
    id: document.id,
    format: document.format,
    metadata: document.metadata,
    size,
    warnings: document.warnings,
  }
}

function failure(error: unknown, displayPath: string): { ok: false; problem: FileProblem } {
  if (error instanceof DocumentError) {
    return { ok: false, problem: { path: displayPath, code: error.code, message: error.message } }
  }
  // A parser bug must not hide the rest of the project; it is reported as this file's problem.
  const detail = error instanceof Error ? error.message : String(error)
  return {
    ok: false,
    problem: {
      path: displayPath,
      code: 'internal',
      message: `${displayPath} could not be read: ${detail}`,
    },
  }
}
