/**
 * `corroborate merge-driver %O %A %B [%P]`: git's custom merge driver for annotation files and
 * decisions files (registered by `corroborate git-setup`). Git gives the common ancestor (%O),
 * the current branch's version (%A, where the result goes) and the other branch's (%B); %P is the
 * path in the repository, used in messages only.
 *
 *   annotations/*.json          three-way by object id, updated time and tombstones
 *                               (core/model/three-way.ts); a field both sides changed keeps the
 *                               later version's value and records the other in `conflicts`
 *   review/*.decisions.json     three-way by unit key (core/review/gold/decisions.ts)
 *
 * The result is validated before %A is written; conflict markers are never
 * written. A version that cannot be read (not JSON, not this format, a newer version) makes the
 * driver exit 1 with a message naming it, %A left exactly as git left it, so git reports the
 * file as conflicted and nothing is lost.
 *
 * Starts fast: it needs JSON and core/model only (no parse worker, no DOM library), since git
 * runs it once per merged file.
 */
import { readFile, writeFile } from 'node:fs/promises'
import {
  mergeAnnotationFiles3,
  readAnnotationFileText,
  serializeAnnotationFile,
  type AnnotationFile,
} from '../core/model'
import {
  mergeDecisions3,
  readDecisionsText,
  serializeDecisions,
  type DecisionSet,
} from '../core/review/gold/decisions'
import type { Output } from './project-folder'

/** Exit codes: 0 merged (conflicting fields recorded in the file), 1 a version cannot be read. */
export async function runMergeDriver(
  paths: { base: string; ours: string; theirs: string; name?: string },
  output: Output,
): Promise<number> {
  const name = paths.name ?? paths.ours
  const fail = (message: string) => {
    output.stderr(`corroborate merge-driver: ${message} ${name} is left as git left it.\n`)
    return 1
  }
  let texts: [string, string, string]
  try {
    texts = await Promise.all([
      readFile(paths.base, 'utf8'),
      readFile(paths.ours, 'utf8'),
      readFile(paths.theirs, 'utf8'),
    ])
  } catch (error) {
    return fail(`cannot read a version of ${name} (${(error as Error).message}).`)
  }
  const [base, ours, theirs] = texts
  const labels = [`${name} (common ancestor)`, `${name} (ours)`, `${name} (theirs)`] as const
  const kind =
    paths.name === undefined
      ? (kindOf(ours) ?? kindOf(theirs) ?? kindOf(base) ?? 'decisions')
      : paths.name.endsWith('.decisions.json')
        ? 'decisions'
        : 'annotations'

  if (kind === 'annotations') {
    const files: (AnnotationFile | null)[] = []
    for (const [index, text] of [base, ours, theirs].entries()) {
      if (text.trim() === '') {
        files.push(null)
        continue
      }
      const result = readAnnotationFileText(text, labels[index]!)
      if (!result.ok) return fail(result.message)
      files.push(result.file)
    }
    const [b, o, t] = files
    if (!o || !t) {
      // One side emptied the file: nothing to merge by id; keep the other side's content.
      const kept = o ?? t
      if (!kept) return 0
      await writeResult(paths.ours, serializeAnnotationFile(kept))
      return 0
    }
    const merged = mergeAnnotationFiles3(b ?? null, o, t, new Date().toISOString())
    const text = serializeAnnotationFile(merged.file)
    const check = readAnnotationFileText(text, name)
    if (!check.ok) return fail(`the merge would not be a valid file (${check.message}).`)
    await writeResult(paths.ours, text)
    if (merged.conflicts.length > 0) {
      output.stderr(
        `corroborate merge-driver: ${name}: ${merged.conflicts.length} field(s) changed on both ` +
          `sides; the later value is kept and the other recorded in the file's "conflicts" list.\n`,
      )
    }
    return 0
  }

  const sets: DecisionSet[] = []
  for (const [index, text] of [base, ours, theirs].entries()) {
    const result = readDecisionsText(text, labels[index]!)
    if (!result.ok) return fail(result.message)
    sets.push(result.decisions)
  }
  const merged = mergeDecisions3(sets[0]!, sets[1]!, sets[2]!)
  await writeResult(paths.ours, serializeDecisions(merged))
  return 0
}

/**
 * %A is git's own temporary copy, read back by git once the driver exits: a plain write is
 * enough (and keeps the backend, with its workers, out of this process).
 */
function writeResult(path: string, text: string): Promise<void> {
  return writeFile(path, text, 'utf8')
}

/** 'annotations' for a whole-file JSON object, 'decisions' for JSON lines, null when empty. */
function kindOf(text: string): 'annotations' | 'decisions' | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  // An annotation file starts with its header ("format" first); a decisions line with "version".
  const firstLine = trimmed.slice(
    0,
    trimmed.indexOf('\n') === -1 ? undefined : trimmed.indexOf('\n'),
  )
  if (firstLine.trim() === '{') return 'annotations'
  try {
    const json = JSON.parse(firstLine) as Record<string, unknown>
    return 'unit' in json ? 'decisions' : 'annotations'
  } catch {
    return 'annotations' // Let the annotation reader say what is wrong with it.
  }
}
