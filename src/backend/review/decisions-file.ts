/**
 * A reviewer's decisions file on disk, `review/<reviewer>.decisions.json` (format in
 * core/review/gold/decisions.ts). Read-only readers get the decisions or the problem (file and
 * line); a change is merged into the file as it is on disk just before the rename, never over
 * it: read, merge by unit (the later decision wins), write atomically, and if the file changed
 * between the read and the rename (a colleague's sync, git), start again from the new file.
 * A file that cannot be read, or is from a newer version, is never written.
 */
import { readdir, readFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import {
  mergeDecisions,
  readDecisionsText,
  serializeDecisions,
  type Decision,
  type DecisionSet,
} from '../../core/review/gold'
import { FileChangedError, writeFileAtomic } from '../atomic-write'
import { BackendError } from '../errors'
import { contentHash } from '../annotations/fingerprint'
import { describe, isErrnoCode } from '../settings'

export const REVIEW_FOLDER = 'review'
export const DECISIONS_SUFFIX = '.decisions.json'
/** Attempts when the file keeps changing under a write. */
const WRITE_ATTEMPTS = 5

export function decisionsDisplayName(reviewer: string): string {
  return `${REVIEW_FOLDER}/${reviewer}${DECISIONS_SUFFIX}`
}

export interface DecisionsFile {
  reviewer: string
  displayName: string
  decisions: DecisionSet
}

export interface DecisionsProblem {
  file: string
  message: string
}

/** The decisions of one reviewer (empty when the file does not exist); throws on a bad file. */
export async function readDecisionsFile(dataRoot: string, reviewer: string): Promise<DecisionSet> {
  return (await readWithHash(dataRoot, reviewer)).decisions
}

async function readWithHash(
  dataRoot: string,
  reviewer: string,
): Promise<{ decisions: DecisionSet; hash: string | null }> {
  const displayName = decisionsDisplayName(reviewer)
  let text: string
  try {
    text = await readFile(join(dataRoot, displayName), 'utf8')
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return { decisions: new Map(), hash: null }
    throw new BackendError(
      'annotation-file-problem',
      `${displayName} cannot be read (${describe(error)}).`,
      displayName,
    )
  }
  const result = readDecisionsText(text, displayName)
  if (!result.ok) {
    throw new BackendError(
      'annotation-file-problem',
      `${result.message} Nothing is written to it until it is fixed.`,
      displayName,
    )
  }
  return { decisions: result.decisions, hash: contentHash(text) }
}

/** Every reviewer's decisions file in review/, and the ones that could not be read. */
export async function readAllDecisions(
  dataRoot: string,
): Promise<{ files: DecisionsFile[]; problems: DecisionsProblem[] }> {
  let names: string[]
  try {
    names = (await readdir(join(dataRoot, REVIEW_FOLDER)))
      .filter((name) => name.endsWith(DECISIONS_SUFFIX) && !name.startsWith('.'))
      .sort()
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return { files: [], problems: [] }
    return {
      files: [],
      problems: [
        {
          file: `${REVIEW_FOLDER}/`,
          message: `${REVIEW_FOLDER}/ cannot be read (${describe(error)}).`,
        },
      ],
    }
  }
  const files: DecisionsFile[] = []
  const problems: DecisionsProblem[] = []
  for (const name of names) {
    const reviewer = name.slice(0, -DECISIONS_SUFFIX.length)
    const displayName = decisionsDisplayName(reviewer)
    try {
      files.push({ reviewer, displayName, decisions: await readDecisionsFile(dataRoot, reviewer) })
    } catch (error) {
      problems.push({ file: displayName, message: (error as Error).message })
    }
  }
  return { files, problems }
}

/**
 * Adds `decisions` (new lines, withdrawals) to the reviewer's file, merged with whatever is on
 * disk at the moment of writing. Returns the file's decisions after the write.
 */
export async function writeDecisions(
  dataRoot: string,
  reviewer: string,
  decisions: readonly Decision[],
): Promise<DecisionSet> {
  const displayName = decisionsDisplayName(reviewer)
  const path = join(dataRoot, displayName)
  const ours: DecisionSet = new Map(decisions.map((decision) => [decision.unit, decision]))
  await mkdir(join(dataRoot, REVIEW_FOLDER), { recursive: true })
  for (let attempt = 1; ; attempt++) {
    const disk = await readWithHash(dataRoot, reviewer)
    // Ours first: a decision made now beats an older line for the same unit, and on equal
    // times ours wins (it is what the reviewer just did).
    const merged = mergeDecisions(ours, disk.decisions)
    try {
      await writeFileAtomic(path, serializeDecisions(merged), {
        unchanged: async () => (await currentHash(path)) === disk.hash,
      })
      return merged
    } catch (error) {
      if (!(error instanceof FileChangedError) || attempt >= WRITE_ATTEMPTS) {
        if (error instanceof FileChangedError) {
          throw new BackendError(
            'annotation-file-problem',
            `${displayName} kept changing while it was being saved; try again.`,
            displayName,
          )
        }
        throw error
      }
    }
  }
}

async function currentHash(path: string): Promise<string | null> {
  try {
    return contentHash(await readFile(path, 'utf8'))
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return null
    throw error
  }
}
