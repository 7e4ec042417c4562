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
 *
 * Another host's journal (a shared or synced folder) cannot be asked whether its owner runs.
 * Its records are merged on every open all the same: the merge by id, time and tombstones is
 * idempotent, so merging a live store's records early changes nothing its own compaction would
 * not. Deleting it is another matter, so the journal carries a lease: a live store touches its
 * journal every JOURNAL_HEARTBEAT_MS, and another host's journal untouched for JOURNAL_LEASE_MS
 * counts as abandoned and is deleted once its records are in the JSON file. A live store that
 * finds its journal gone (another host took its lease for expired: a machine asleep, a sync
 * tool that does not carry modification times) writes the JSON file at once and starts a new
 * journal, so nothing acknowledged depends on the deleted one for longer than a heartbeat.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Claim, ClusterWording, Link, MergeConflict, Tombstone } from '../../core/model'
import { OWNER_TAG, ownedByThisHost, ownerGone, syncFolder } from '../atomic-write'

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

/** How often a live store touches its journal's modification time (its lease). */
export const JOURNAL_HEARTBEAT_MS = 60_000
/**
 * Another host's journal untouched this long is abandoned: sixty missed heartbeats, which also
 * covers clocks of two machines that disagree by minutes.
 */
export const JOURNAL_LEASE_MS = 60 * 60_000

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

  /**
   * Renews the lease: touches the journal's modification time. Resolves to true when the
   * journal was deleted under us (another host took it for abandoned): later records go to a
   * new journal, and the caller must write the JSON file now, since records appended before
   * the deletion are no longer in any journal a later open would find.
   */
  heartbeat(): Promise<boolean> {
    return this.serial(async () => {
      if (this.handle === null) return false
      const [onDisk, ours] = await Promise.all([
        stat(this.path).catch(() => null),
        this.handle.stat(),
      ])
      if (onDisk !== null && onDisk.ino === ours.ino && onDisk.dev === ours.dev) {
        const now = new Date()
        await this.handle.utimes(now, now)
        return false
      }
      await this.handle.close().catch(() => undefined)
      this.handle = null
      openJournals.delete(this.path)
      this.path = journalPath(this.file)
      openJournals.add(this.path)
      this.size = 0
      this.holdsRecords = false
      return true
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

/** What a journal's file name says: whose file it journals, and which process owns it. */
export interface JournalName {
  /** The journalled file's name (`alice.json`). */
  file: string
  /** `<host>~<pid>` (OWNER_TAG of the process that writes it). */
  owner: string
}

/**
 * Reads a journal's file name, `.<file>.<host>~<pid>.<random>.journal`, or null for any other
 * name. Read from the end: an annotator's name may hold dots, a host name and a pid do not.
 */
export function parseJournalName(name: string): JournalName | null {
  if (!name.startsWith('.') || !name.endsWith('.journal')) return null
  const parts = name.slice(1, -'.journal'.length).split('.')
  if (parts.length < 3) return null
  const owner = parts.at(-2)!
  if (!owner.includes('~')) return null
  return { file: parts.slice(0, -2).join('.'), owner }
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
  /**
   * Every intact record of every journal read (each journal's records in order): leftovers,
   * and other hosts' journals whose owners may still run.
   */
  records: JournalOp[][]
  /** The leftover journals (owner gone, or lease expired): deleted once the file holds them. */
  paths: string[]
}

/**
 * Reads the journals of `file` left by owners that are gone (a process of this host that no
 * longer runs, or another host's journal whose lease expired), and the records of other hosts'
 * journals whose lease still runs (merged, never deleted). Journals of live processes of this
 * host are left alone: they are that process's to compact.
 */
export async function recoverJournals(
  file: string,
  now: number = Date.now(),
): Promise<RecoveredJournals> {
  const dir = dirname(file)
  const recovered: RecoveredJournals = { records: [], paths: [] }
  let names: string[]
  try {
    names = (await readdir(dir)).sort()
  } catch {
    return recovered
  }
  for (const name of names) {
    const journal = parseJournalName(name)
    if (journal?.file !== basename(file)) continue
    const path = join(dir, name)
    let abandoned: boolean
    if (ownedByThisHost(journal.owner)) {
      abandoned = ownerGone(journal.owner, (p) => openJournals.has(p), path)
      if (!abandoned) continue
    } else {
      const info = await stat(path).catch(() => null)
      if (info === null) continue
      // A modification time in the future (clocks that disagree) is a live lease.
      abandoned = now - info.mtimeMs > JOURNAL_LEASE_MS
    }
    const text = await readFile(path, 'utf8').catch(() => null)
    if (text === null) continue
    recovered.records.push(...decodeRecords(text))
    if (abandoned) recovered.paths.push(path)
  }
  return recovered
}

/**
 * The records of the journals of `file` that other processes are writing (another machine's
 * through a shared or synced folder, or another instance on this one), read while the store
 * runs: merging them is idempotent, so their edits can show before their owners compact them.
 * Nothing is deleted here; recoverJournals decides that at the next open.
 */
export async function readOthersJournals(file: string): Promise<JournalOp[][]> {
  const dir = dirname(file)
  const records: JournalOp[][] = []
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names.sort()) {
    const journal = parseJournalName(name)
    if (journal?.file !== basename(file) || journal.owner === OWNER_TAG) continue
    const text = await readFile(join(dir, name), 'utf8').catch(() => null)
    if (text !== null) records.push(...decodeRecords(text))
  }
  return records
}
