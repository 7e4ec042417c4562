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
  const { claims, deleted, links, deletedLinks, clusters, conflicts, ...header } = data
  // '{\n  "format": ...,\n  "annotator": "..."\n}' without its closing '\n}'.
  const head = JSON.stringify(header, null, 2).slice(0, -2)
  const lists: [string, readonly object[]][] = [
    ['claims', claims],
    ['deleted', deleted],
    ['links', links],
    ['deletedLinks', deletedLinks],
    ['clusters', clusters],
  ]
  // The conflict list a git merge left (absent when there is none) comes last.
  if (conflicts !== undefined) lists.push(['conflicts', conflicts])
  const body = lists.map(([name, items]) => `  "${name}": ${jsonLines(items)}`).join(',\n')
  return `${head},\n${body}\n}\n`
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

function jsonLines(items: readonly object[]): string {
  if (items.length === 0) return '[]'
  return `[\n${items.map(annotationFileLine).join(',\n')}\n  ]`
}
