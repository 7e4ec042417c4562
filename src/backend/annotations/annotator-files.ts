/**
 * The annotators of a project as the sidebar lists them: every `annotations/<name>.json`, with
 * its number of claims and links, or the problem that keeps it from being read. The analyst's own
 * file is counted from memory (the store holds what is shown); colleagues' files are read, and
 * what was read is kept by the file's size, mtime and inode, so a listing after a colleague's
 * change reads that one file again, not all of them. Read-only: never writes.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { annotationFileName, readAnnotationFileText } from '../../core/model'
import type { AnnotatorFileSummary } from '../../shared/api'
import { describe, isErrnoCode } from '../settings'
import { ANNOTATIONS_FOLDER } from './annotation-folder'
import type { AnnotationContext } from './context'

interface Counted {
  stamp: string
  claims: number
  links: number
  problem: string | null
}

export class AnnotatorFileCache {
  private readonly counted = new Map<string, Counted>()

  /** One file's counts, read again only when its stats changed. */
  async count(path: string, displayName: string): Promise<Counted> {
    let stamp: string
    try {
      const stats = await stat(path)
      stamp = `${stats.size}:${stats.mtimeMs}:${stats.ino}`
    } catch (error) {
      return { stamp: '', claims: 0, links: 0, problem: cannotRead(displayName, error) }
    }
    const known = this.counted.get(path)
    if (known?.stamp === stamp) return known
    let counted: Counted
    try {
      const result = readAnnotationFileText(await readFile(path, 'utf8'), displayName)
      counted = result.ok
        ? {
            stamp,
            claims: result.file.claims.length,
            links: result.file.links.length,
            problem: null,
          }
        : { stamp, claims: 0, links: 0, problem: result.message }
    } catch (error) {
      counted = { stamp, claims: 0, links: 0, problem: cannotRead(displayName, error) }
    }
    this.counted.set(path, counted)
    return counted
  }

  /** Forgets files no longer listed. */
  retainOnly(paths: ReadonlySet<string>): void {
    for (const path of this.counted.keys()) if (!paths.has(path)) this.counted.delete(path)
  }
}

/** Every annotator's file of the project, sorted by name; the analyst's own even before it exists. */
export async function listAnnotators(context: AnnotationContext): Promise<AnnotatorFileSummary[]> {
  const folder = join(context.dataRoot, ANNOTATIONS_FOLDER)
  let names: string[] = []
  try {
    names = (await readdir(folder, { withFileTypes: true }))
      .filter(
        (entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'),
      )
      .map((entry) => entry.name)
  } catch (error) {
    if (!isErrnoCode(error, 'ENOENT')) throw error
  }
  const own = context.annotator === null ? null : annotationFileName(context.annotator)
  if (own !== null && !names.includes(own)) names.push(own)
  names.sort()
  const cache = context.caches.annotatorFiles
  cache.retainOnly(new Set(names.map((name) => join(folder, name))))
  const summaries: AnnotatorFileSummary[] = []
  for (const name of names) {
    const file = `${ANNOTATIONS_FOLDER}/${name}`
    const annotator = name.slice(0, -'.json'.length)
    if (name === own && context.store) {
      const store = context.store
      summaries.push({
        annotator,
        file,
        you: true,
        claims: store.size,
        links: [...store.allLinks()].length,
        problem: store.readOnlyReason,
      })
      continue
    }
    const counted = await cache.count(join(folder, name), file)
    summaries.push({ annotator, file, you: false, ...withoutStamp(counted) })
  }
  return summaries
}

function withoutStamp({ claims, links, problem }: Counted) {
  return { claims, links, problem }
}

function cannotRead(displayName: string, error: unknown): string {
  return `${displayName} cannot be read (${describe(error)}).`
}
