/**
 * The append-only journal beside an annotator's file: what makes a commit durable in
 * milliseconds, without rewriting a file of 100,000 claims for every edit.
 *
 * Each committed change set is one line, `<checksum> <json>\n`, where the checksum is the first
 * 16 hex digits of the SHA-256 of the JSON. The line is written and fdatasynced before the
 * commit is answered. A crash can tear only the last line; replay stops at the first line that
 * is incomplete or whose checksum does not match, so a torn line is ignored and every earlier
 * (acknowledged) one is kept.
 *
 * One journal per running store, named after its owner: `.<annotator>.json.<host>~<pid>.<random>.journal`.
 * Two app instances on the same annotator each keep their own journal and merge through the
 * JSON file. A journal is replayed by a later open only once its owner is gone (crashed or
 * quit without compacting), and deleted once its content has reached the JSON file.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Claim, ClusterWording, Link, MergeConflict, Tombstone } from '../../core/model'
import { OWNER_TAG, ownerGone, syncFolder } from '../atomic-write'

/** One change to the store, as journalled: the same operations the store applies in memory. */
export type JournalOp =
  | { claim: Claim }
  | { deleted: Tombstone }
  | { link: Link }
  | { deletedLink: Tombstone }
  | { wording: ClusterWording }
  /** An entry of the conflict list put (back), and one settled (dropped), by its conflictKey. */
  | { conflict: MergeConflict }
  | { settledConflict: string }

/** Journals of this process that a store has open (not leftovers, though the owner is alive). */
const openJournals = new Set<string>()

export class AnnotationJournal {
  private path: string
  private handle: FileHandle | null = null
  /** Bytes of whole, synced records: a failed append is cut back to this. */
  private size = 0
  /** Serialises appends and truncation: the thread pool would otherwise reorder them. */
  private chain: Promise<unknown> = Promise.resolve()
  /** Records appended (or queued) so far: compaction truncates only what it has seen. */
  appended = 0
  /** Whether the file holds records not yet known to be in the JSON file. */
  private holdsRecords = false

  constructor(private readonly file: string) {
    this.path = journalPath(file)
    openJournals.add(this.path)
  }

  get location(): string {
    return this.path
  }

  /** Appends one change set and makes it durable (resolves after the fdatasync). */
  append(ops: JournalOp[]): Promise<void> {
    this.appended++
    const line = Buffer.from(encodeRecord(ops), 'utf8')
    return this.serial(async () => {
      if (this.handle === null) {
        await mkdir(dirname(this.path), { recursive: true })
        this.handle = await open(this.path, 'a', 0o666)
        // The new name in the folder must survive a power cut too.
        await syncFolder(dirname(this.path))
      }
      try {
        await this.handle.write(line)
        await this.handle.datasync()
      } catch (error) {
        await this.cutBack()
        throw error
      }
      this.size += line.length
      this.holdsRecords = true
    })
  }

  /**
   * After a failed append (disk full), removes the partial record: records appended after a torn
   * one would never be replayed. If even that fails, later records go to a new journal; this one
   * is left for a later open to replay (its intact records are all acknowledged ones).
   */
  private async cutBack(): Promise<void> {
    try {
      await this.handle?.truncate(this.size)
      return
    } catch {
      await this.handle?.close().catch(() => undefined)
    }
    this.handle = null
    openJournals.delete(this.path)
    this.path = journalPath(this.file)
    openJournals.add(this.path)
    this.size = 0
  }

  /**
   * Empties the journal if nothing was appended since `seen` records (what a compaction just
   * wrote to the JSON file); otherwise leaves it: replaying records already in the file is
   * harmless (a merge of equal versions), losing one that is not would not be.
   */
  truncateIfUnchanged(seen: number): Promise<void> {
    return this.serial(async () => {
      if (this.appended !== seen || this.handle === null || !this.holdsRecords) return
      await this.handle.truncate(0)
      await this.handle.datasync()
      this.size = 0
      this.holdsRecords = false
    })
  }

  /** Closes the journal, deleting it when it holds nothing the JSON file lacks. */
  close(): Promise<void> {
    return this.serial(async () => {
      await this.handle?.close()
      this.handle = null
      if (!this.holdsRecords) await rm(this.path, { force: true })
      openJournals.delete(this.path)
    })
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task)
    this.chain = run.catch(() => undefined)
    return run
  }
}

function journalPath(file: string): string {
  const name = `.${basename(file)}.${OWNER_TAG}.${randomBytes(3).toString('hex')}.journal`
  return join(dirname(file), name)
}

export function encodeRecord(ops: JournalOp[]): string {
  const json = JSON.stringify(ops)
  return `${checksum(json)} ${json}\n`
}

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16)
}

/** The complete, intact records of a journal's text, in order; stops at the first bad one. */
export function decodeRecords(text: string): JournalOp[][] {
  const records: JournalOp[][] = []
  let start = 0
  for (;;) {
    const end = text.indexOf('\n', start)
    if (end === -1) break // A last line without its newline was torn by a crash.
    const line = text.slice(start, end)
    start = end + 1
    const space = line.indexOf(' ')
    const json = line.slice(space + 1)
    if (space !== 16 || checksum(json) !== line.slice(0, 16)) break
    try {
      records.push(JSON.parse(json) as JournalOp[])
    } catch {
      break
    }
  }
  return records
}

export interface RecoveredJournals {
  /** Every intact record of every leftover journal (each journal's records in order). */
  records: JournalOp[][]
  /** The leftover journals: deleted once their records are in the JSON file. */
  paths: string[]
}

/** Reads the journals of `file` whose owner is gone (crashed, or quit before compacting). */
export async function recoverJournals(file: string): Promise<RecoveredJournals> {
  const dir = dirname(file)
  const prefix = `.${basename(file)}.`
  const recovered: RecoveredJournals = { records: [], paths: [] }
  let names: string[]
  try {
    names = (await readdir(dir)).sort()
  } catch {
    return recovered
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.journal')) continue
    const parts = name.slice(prefix.length, -'.journal'.length).split('.')
    const path = join(dir, name)
    if (parts.length !== 2 || !ownerGone(parts[0], (p) => openJournals.has(p), path)) continue
    const text = await readFile(path, 'utf8').catch(() => null)
    if (text === null) continue
    recovered.records.push(...decodeRecords(text))
    recovered.paths.push(path)
  }
  return recovered
}
