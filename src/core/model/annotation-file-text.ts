/**
 * The text of an annotation file as Corroborate writes it (read by migrations.ts).
 */
import type { AnnotationFile } from './annotation-file'

/**
 * The file's text: the header as indented JSON, then one claim, link, tombstone or cluster
 * wording per line. One line per claim keeps git diffs to one line per edited claim and the file
 * half the size of fully indented JSON; and since claims and links are immutable objects (an edit
 * replaces the object), each line is serialised once and reused by later saves, so saving
 * 100,000 claims after one edit costs a join, not a JSON.stringify of everything.
 */
export function serializeAnnotationFile(data: AnnotationFile): string {
  return [...annotationFileChunks(data)].join('')
}

/** Lines per chunk of annotationFileChunks: about 1 MB of text. */
const CHUNK_LINES = 2_000

/**
 * The same text in pieces of about a megabyte, in order, for a writer that encodes and writes
 * one piece at a time: a file of 100,000 claims made into one string and one buffer holds the
 * event loop for most of a second, long enough to delay an edit the analyst makes meanwhile.
 */
export function* annotationFileChunks(data: AnnotationFile): Generator<string> {
  const { claims, deleted, links, deletedLinks, clusters, conflicts, ...header } = data
  // '{\n  "format": ...,\n  "annotator": "..."\n}' without its closing '\n}'.
  yield JSON.stringify(header, null, 2).slice(0, -2)
  const lists: [string, readonly object[]][] = [
    ['claims', claims],
    ['deleted', deleted],
    ['links', links],
    ['deletedLinks', deletedLinks],
    ['clusters', clusters],
  ]
  // The conflict list a git merge left (absent when there is none) comes last.
  if (conflicts !== undefined) lists.push(['conflicts', conflicts])
  for (const [name, items] of lists) {
    const opening = `,\n  "${name}": `
    if (items.length === 0) {
      yield `${opening}[]`
      continue
    }
    yield `${opening}[\n`
    for (let start = 0; start < items.length; start += CHUNK_LINES) {
      const lines = items
        .slice(start, start + CHUNK_LINES)
        .map(annotationFileLine)
        .join(',\n')
      yield start === 0 ? lines : `,\n${lines}`
    }
    yield '\n  ]'
  }
  yield '\n}\n'
}

const serializedLines = new WeakMap<object, string>()

/** One object's line in the file (cached: objects are immutable). */
export function annotationFileLine(item: object): string {
  let line = serializedLines.get(item)
  if (line === undefined) {
    line = '    ' + JSON.stringify(item)
    serializedLines.set(item, line)
  }
  return line
}
