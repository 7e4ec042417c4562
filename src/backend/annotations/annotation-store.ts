/**
 * One annotator's annotation file, in memory and on disk: the single source of truth for their
 * claims, links and cluster wordings while a project is open. annotations/README.md describes
 * the files on disk; in short:
 *
 * Acknowledged means durable. Changes apply in memory at once; `persist()` (the session's commit
 * awaits it before answering) appends them as one record to this store's journal and fdatasyncs
 * it: a few milliseconds at any file size. On open, journals left by a crashed (or killed) store
 * are replayed, merged by id and time, and written into the file.
 *
 * Compaction. The JSON file, the format colleagues exchange, is rewritten by a lowdb `Low`
 * through AnnotationFileAdapter (unique temp file, fsync, rename, fsync of the folder) when the
 * store has been idle for COALESCE_MS, at most MAX_DEFER_MS after the first unwritten change,
 * on `flush()` (exports, window close, quit) and on `close()`; the journal is then emptied.
 * The save state is 'saved' only when the JSON file holds everything in memory.
 *
 * Someone else's changes. Before every write (and on `syncFromDisk`, which listings call) the
 * file's fingerprint is compared with what was last read or written, and once more immediately
 * before the rename. When another process, a sync tool or `git pull` changed it, it is read
 * again, merged by claim id (core/model/merge: the later change wins, tombstones keep deletions;
 * links and cluster wordings the same way by their ids) and only then written: never clobbered.
 * A link whose claim did not survive the merge (deleted in one copy, linked in the other) is
 * deleted with it: no link ever dangles. A file caught half-written is read again a few times
 * (AnnotationFileAdapter.read) before it counts as unreadable.
 *
 * Tombstones are dropped 90 days after the deletion, when the file is next written and after the
 * merge that precedes the write (core/model TOMBSTONE_RETENTION_DAYS; annotations/README.md says
 * why merges with older copies stay right within that period, and what happens beyond it).
 *
 * Older versions. A file of an older format version is migrated in memory when read and written
 * as the current version only when something changes: opening a project writes nothing.
 *
 * Nothing is lost. A file that cannot be read, is not valid JSON, does not match the schema,
 * comes from a newer version or has no write permission makes the store read-only: the file is
 * never written, mutations throw BackendError('read-only') naming it, and the save state says
 * why. If that happens with unsaved changes in memory (the file went bad under us), they are
 * written next to it as `<name>.json.unsaved-<time>` (not *.json: exports do not read it twice)
 * and the message says so; the journal holding them is kept and replayed by a later open.
 */
import { rm } from 'node:fs/promises'
import { Low } from 'lowdb'
import {
  claimSchema,
  clusterWordingSchema,
  compactTombstones,
  conflictKey,
  emptyAnnotationFile,
  linkedClaimIds,
  linkSchema,
  mergeClaimSets,
  mergeVersioned,
  nextTimestamp,
  normalizeAnnotationFile,
  type AnnotationFile,
  type Claim,
  type ClusterWording,
  type Link,
  type MergeConflict,
  type Tombstone,
} from '../../core/model'
import { FileChangedError, removeLeftoverTemps, writeFileAtomic } from '../atomic-write'
import { BackendError } from '../errors'
import { describe, type Log } from '../settings'
import {
  AnnotationFileAdapter,
  serializeAnnotationFile,
  warmSerialization,
} from './annotation-file-adapter'
import {
  AnnotationJournal,
  JOURNAL_HEARTBEAT_MS,
  readOthersJournals,
  recoverJournals,
  type JournalOp,
} from './annotation-journal'
import { replayJournal, type StoreContent } from './journal-replay'
import { writeProblem } from './write-permission'

export type SaveStatus = 'saved' | 'saving' | 'error' | 'read-only'

export interface StoreSaveState {
  status: SaveStatus
  /** Why it is 'error' or 'read-only', for people; null otherwise. */
  message: string | null
  /** The file, project-relative. */
  file: string
}

/**
 * Idle time before the journal is compacted into the file. Edits are durable without it; it
 * only decides when colleagues (and git) see them, and keeps a burst of edits to one rewrite.
 */
export const COALESCE_MS = 1_000
/** Continuous editing still reaches the file this often. */
export const MAX_DEFER_MS = 10_000
/** Attempts at a write that keeps finding the file changed under it, before retrying later. */
const WRITE_ATTEMPTS = 5
/** After a failed write (disk full, permissions), try again this much later. */
export const RETRY_MS = 2_000

export interface AnnotationStoreOptions {
  path: string
  /** Project-relative name used in messages. */
  displayName: string
  annotator: string
  log: Log
  coalesceMs?: number
  retryMs?: number
  /** Tests wrap the real adapter (to count writes); production passes nothing. */
  adapter?: AnnotationFileAdapter
  /** Pauses before re-reading a file that does not parse (see AnnotationFileAdapter). */
  readRetryMs?: readonly number[]
  onSaveState?: (state: StoreSaveState) => void
  /** Claims (old and new versions) that a merge with someone else's changes replaced. */
  onExternalChange?: (changed: Claim[]) => void
  /** Links (or cluster wordings) that a merge with someone else's changes replaced. */
  onExternalLinksChange?: () => void
  /** How long tombstones are kept (core/model TOMBSTONE_RETENTION_MS; tests shorten it). */
  tombstoneRetentionMs?: number
  /** How often the journal's lease is renewed (JOURNAL_HEARTBEAT_MS; tests shorten it). */
  journalHeartbeatMs?: number
}

export class AnnotationStore {
  private readonly low: Low<AnnotationFile>
  private readonly adapter: AnnotationFileAdapter
  private claims = new Map<string, Claim>()
  private deleted = new Map<string, Tombstone>()
  private links = new Map<string, Link>()
  private deletedLinks = new Map<string, Tombstone>()
  private wordings = new Map<string, ClusterWording>()
  /** The file's conflict list (values a git merge set aside), by conflictKey. */
  private conflicts = new Map<string, MergeConflict>()
  /**
   * The keys of the list as last read from or written to the file: merging with the file, an
   * entry the file dropped since (settled by another instance) goes, and one settled here but
   * still in the file stays settled.
   */
  private diskConflicts = new Set<string>()
  /** Bumped whenever the set of claims changes: caches built over claims compare it. */
  private claimRevision = 0
  private problem: string | null = null
  /** Counts changes in memory and those saved: unsaved changes exist while they differ. */
  private changeCount = 0
  private savedCount = 0
  private timer: NodeJS.Timeout | null = null
  /** Renews the journal's lease (annotation-journal.ts) while the store is open. */
  private heartbeat: NodeJS.Timeout | null = null
  /** When the oldest change not yet in the file was made (for MAX_DEFER_MS). */
  private pendingSince = 0
  /** This store's journal; null while read-only. */
  private journal: AnnotationJournal | null = null
  /** Changes applied in memory and not yet journalled (the commit being made). */
  private pendingOps: JournalOp[] = []
  /** Leftover journals replayed on open: deleted once the file holds their records. */
  private recovered: string[] = []
  private closed = false
  /** Serialises disk access (writes, merges) of this store. */
  private io: Promise<unknown> = Promise.resolve()
  private state: StoreSaveState
  /**
   * Resolves once every claim read on open has its line serialised for the first save (done in
   * slices after open); benchmarks wait for it so as not to time it with the next load.
   */
  warmed: Promise<void> = Promise.resolve()

  private constructor(private readonly options: AnnotationStoreOptions) {
    this.adapter =
      options.adapter ??
      new AnnotationFileAdapter(options.path, options.displayName, options.readRetryMs)
    this.low = new Low<AnnotationFile>(this.adapter, emptyAnnotationFile(options.annotator))
    this.state = { status: 'saved', message: null, file: options.displayName }
  }

  /** Opens the file (a missing file is an empty one, created on the first save). */
  static async open(options: AnnotationStoreOptions): Promise<AnnotationStore> {
    const store = new AnnotationStore(options)
    try {
      await store.low.read()
      store.adopt(store.low.data)
      const refused = await writeProblem(options.path, options.displayName)
      if (refused !== null) throw new BackendError('read-only', refused, options.displayName)
      await store.recover()
      // Work the first answer does not need: done after the open, between other work.
      store.warmed = Promise.all([
        warmSerialization(store.low.data.claims),
        new Promise<void>((resolve) => setImmediate(resolve)).then(() => store.adapter.hashRead()),
      ]).then(() => undefined)
    } catch (error) {
      store.problem = problemMessage(error, options.displayName)
      store.setState({ status: 'read-only', message: store.problem })
    }
    return store
  }

  /**
   * Cleans up after writers that were killed (temp files; journals, replayed into memory and
   * written to the file at once so that they can go).
   */
  private async recover(): Promise<void> {
    const removed = await removeLeftoverTemps(this.options.path)
    if (removed.length > 0) this.options.log(`Removed leftover temp files: ${removed.join(', ')}`)
    this.journal = new AnnotationJournal(this.options.path)
    this.startHeartbeat()
    const { records, paths } = await recoverJournals(this.options.path)
    if (records.length === 0 && paths.length === 0) return
    const replayed = replayJournal(records, this.maps())
    this.conflicts = replayed.conflicts
    this.takeContent(replayed)
    // Another host's live journal whose records the file already holds: nothing to write.
    if (!replayed.changed && paths.length === 0) return
    this.recovered = paths
    this.claimRevision++
    this.pruneDanglingLinks()
    this.options.log(
      `${this.file}: replayed ${records.length} journalled change set(s) left by an earlier ` +
        `session or another host.`,
    )
    this.changeCount++
    await this.exclusive(() => this.writeNow())
  }

  /**
   * Renews the journal's lease every JOURNAL_HEARTBEAT_MS. If the journal was deleted under us
   * (another host took the lease for expired), what it held is written into the file now.
   */
  private startHeartbeat(): void {
    const every = this.options.journalHeartbeatMs ?? JOURNAL_HEARTBEAT_MS
    this.heartbeat = setInterval(() => {
      void this.journal
        ?.heartbeat()
        .then((lost) => {
          if (!lost || this.closed) return
          this.options.log(`${this.file}: the journal was deleted by someone else; saving now.`)
          this.changeCount++
          this.unsaved()
          void this.exclusive(() => this.writeNow())
        })
        .catch((error: unknown) =>
          this.options.log(`${this.file}: renewing the journal failed: ${describe(error)}`),
        )
    }, every)
    this.heartbeat.unref()
  }

  /** The store's content, as journal replays take it. */
  private maps(): StoreContent {
    const { claims, deleted, links, deletedLinks, wordings, conflicts } = this
    return { claims, deleted, links, deletedLinks, wordings, conflicts }
  }

  /** Takes a replay's claims, links and wordings (the conflict list is the caller's call). */
  private takeContent(content: StoreContent): void {
    this.claims = content.claims
    this.deleted = content.deleted
    this.links = content.links
    this.deletedLinks = content.deletedLinks
    this.wordings = content.wordings
  }

  get saveState(): StoreSaveState {
    return this.state
  }

  get readOnlyReason(): string | null {
    return this.problem
  }

  get file(): string {
    return this.options.displayName
  }

  get(id: string): Claim | undefined {
    return this.claims.get(id)
  }

  tombstone(id: string): Tombstone | undefined {
    return this.deleted.get(id)
  }

  all(): IterableIterator<Claim> {
    return this.claims.values()
  }

  get size(): number {
    return this.claims.size
  }

  /** Changes whenever a claim is added, changed or removed (here or by a merge). */
  get claimsRevision(): number {
    return this.claimRevision
  }

  getLink(id: string): Link | undefined {
    return this.links.get(id)
  }

  linkTombstone(id: string): Tombstone | undefined {
    return this.deletedLinks.get(id)
  }

  allLinks(): IterableIterator<Link> {
    return this.links.values()
  }

  get linkCount(): number {
    return this.links.size
  }

  /** The links touching a claim, at either end. */
  linksOf(claimId: string): Link[] {
    return [...this.links.values()].filter((link) => linkedClaimIds(link).includes(claimId))
  }

  getWording(id: string): ClusterWording | undefined {
    return this.wordings.get(id)
  }

  allWordings(): IterableIterator<ClusterWording> {
    return this.wordings.values()
  }

  /** The conflict list's entries, in the file's order. */
  allConflicts(): IterableIterator<MergeConflict> {
    return this.conflicts.values()
  }

  getConflict(key: string): MergeConflict | undefined {
    return this.conflicts.get(key)
  }

  /** Puts an entry (back) on the conflict list: an undone settlement. */
  putConflict(conflict: MergeConflict): void {
    this.assertWritable()
    this.conflicts.set(conflictKey(conflict), conflict)
    this.changed({ conflict })
  }

  /** Drops an entry of the conflict list: the analyst settled it. */
  settleConflict(key: string): void {
    this.assertWritable()
    if (!this.conflicts.delete(key)) return
    this.changed({ settledConflict: key })
  }

  /**
   * Adds or replaces a claim (and forgets a deletion of the same id). The claim is checked
   * against the schema first: a bug must not write a file that the next load would refuse.
   */
  put(claim: Claim): void {
    this.assertWritable()
    const checked = claimSchema.safeParse(claim)
    if (!checked.success) {
      throw new Error(`Refusing to store an invalid claim ${claim.id}: ${checked.error.message}`)
    }
    this.claims.set(claim.id, claim)
    this.deleted.delete(claim.id)
    this.claimRevision++
    this.changed({ claim })
  }

  remove(id: string, deletedAt: string): void {
    this.assertWritable()
    this.claims.delete(id)
    this.deleted.set(id, { id, deleted: deletedAt })
    this.claimRevision++
    this.changed({ deleted: { id, deleted: deletedAt } })
  }

  /**
   * Adds or replaces a link, checked against the schema like claims. Its claims must be in this
   * file: the session checks that with a message for people; this is the last line of defence.
   */
  putLink(link: Link): void {
    this.assertWritable()
    const checked = linkSchema.safeParse(link)
    if (!checked.success) {
      throw new Error(`Refusing to store an invalid link ${link.id}: ${checked.error.message}`)
    }
    const missing = linkedClaimIds(link).find((id) => !this.claims.has(id))
    if (missing !== undefined) {
      throw new Error(`Refusing to store link ${link.id}: claim ${missing} is not in the file`)
    }
    this.links.set(link.id, link)
    this.deletedLinks.delete(link.id)
    this.changed({ link })
  }

  removeLink(id: string, deletedAt: string): void {
    this.assertWritable()
    this.links.delete(id)
    this.deletedLinks.set(id, { id, deleted: deletedAt })
    this.changed({ deletedLink: { id, deleted: deletedAt } })
  }

  putWording(wording: ClusterWording): void {
    this.assertWritable()
    const checked = clusterWordingSchema.safeParse(wording)
    if (!checked.success) {
      throw new Error(`Refusing to store an invalid cluster wording: ${checked.error.message}`)
    }
    this.wordings.set(wording.id, wording)
    this.changed({ wording })
  }

  assertWritable(): void {
    if (this.problem !== null) throw new BackendError('read-only', this.problem, this.file)
    if (this.closed) throw new BackendError('read-only', `${this.file} is closed.`, this.file)
  }

  /**
   * Makes the changes applied since the last call durable: one journal record, fdatasynced.
   * The session's commit awaits this before it answers. Rejects (the changes stay in memory and
   * reach the file with the next compaction) when the journal cannot be written.
   */
  async persist(): Promise<void> {
    if (this.pendingOps.length === 0 || this.journal === null) return
    const ops = this.pendingOps
    this.pendingOps = []
    try {
      await this.journal.append(ops)
    } catch (error) {
      this.pendingOps = [...ops, ...this.pendingOps]
      const message = `${this.file} could not be saved (${describe(error)}). Your change is kept in memory and saving is retried.`
      this.setState({ status: 'error', message })
      this.options.log(`Journalling ${this.options.path} failed: ${describe(error)}`)
      this.schedule(this.options.retryMs ?? RETRY_MS)
      throw new BackendError('annotation-file-problem', message, this.file)
    }
  }

  /** Merges changes someone else made to the file since we last read or wrote it. */
  syncFromDisk(): Promise<void> {
    return this.exclusive(async () => {
      if (this.problem !== null) return
      await this.mergeExternalChanges()
      // An older copy put back, say: what we show is no longer all on disk, so say so and write.
      if (this.problem === null && this.changeCount !== this.savedCount) this.unsaved()
    })
  }

  /**
   * Merges what other processes journal for this file (another machine through a shared or
   * synced folder, another instance here), when the watcher sees their journals change: their
   * edits show now rather than when their owners compact them into the file. The merge is the
   * same idempotent one as at open; a record we have (or a newer version of it) changes
   * nothing. Their conflict-list records are left to the file: they apply in order, and the file
   * brings them once their owner compacts.
   */
  mergeOthersJournals(): Promise<void> {
    return this.exclusive(async () => {
      if (this.problem !== null || this.closed) return
      const records = await readOthersJournals(this.options.path)
      if (records.length === 0) return
      const replayed = replayJournal(records, this.maps())
      const replaced: Claim[] = []
      let linksChanged = false
      for (const ops of records) {
        for (const op of ops) {
          if ('claim' in op || 'deleted' in op) {
            const id = 'claim' in op ? op.claim.id : op.deleted.id
            const before = this.claims.get(id)
            const after = replayed.claims.get(id)
            if (before === after) continue
            if (before && !replaced.includes(before)) replaced.push(before)
            if (after && !replaced.includes(after)) replaced.push(after)
          } else if ('link' in op || 'deletedLink' in op) {
            const id = 'link' in op ? op.link.id : op.deletedLink.id
            linksChanged ||= this.links.get(id) !== replayed.links.get(id)
          } else if ('wording' in op) {
            linksChanged ||=
              this.wordings.get(op.wording.id) !== replayed.wordings.get(op.wording.id)
          }
        }
      }
      if (replaced.length === 0 && !linksChanged) return
      this.takeContent(replayed)
      if (replaced.length > 0) this.claimRevision++
      const pruned = this.pruneDanglingLinks()
      this.options.log(`${this.file}: merged changes another process journalled.`)
      // The file lacks them until a compaction (theirs or ours) writes them.
      this.changeCount++
      this.unsaved()
      if (replaced.length > 0) this.options.onExternalChange?.(replaced)
      if (linksChanged || pruned > 0) this.options.onExternalLinksChange?.()
    })
  }

  /** Writes unsaved changes now; resolves to the save state afterwards (never rejects). */
  async flush(): Promise<StoreSaveState> {
    this.clearTimer()
    await this.exclusive(() => this.writeNow())
    return this.state
  }

  /** Flushes and refuses further changes. */
  async close(): Promise<StoreSaveState> {
    const state = await this.flush()
    this.closed = true
    this.clearTimer()
    if (this.heartbeat !== null) clearInterval(this.heartbeat)
    this.heartbeat = null
    // Deleted when the file holds everything; kept (and replayed by a later open) otherwise.
    await this.journal?.close().catch(() => undefined)
    return state
  }

  private changed(op: JournalOp): void {
    this.pendingOps.push(op)
    this.changeCount++
    this.unsaved()
  }

  private unsaved(): void {
    if (this.state.status !== 'saving') this.setState({ status: 'saving', message: null })
    this.schedule(this.options.coalesceMs ?? COALESCE_MS)
  }

  /** Compacts once the store has been idle for `delay`, but no later than MAX_DEFER_MS. */
  private schedule(delay: number): void {
    if (this.closed) return
    if (this.timer !== null) {
      if (Date.now() - this.pendingSince + delay > MAX_DEFER_MS) return
      clearTimeout(this.timer)
    } else {
      this.pendingSince = Date.now()
    }
    this.timer = setTimeout(() => {
      this.timer = null
      void this.exclusive(() => this.writeNow())
    }, delay)
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private async writeNow(): Promise<void> {
    if (this.problem !== null) return
    try {
      for (let attempt = 1; ; attempt++) {
        await this.mergeExternalChanges()
        if (this.problem !== null) return
        if (this.changeCount === this.savedCount) break
        const target = this.changeCount
        const journalled = this.journal?.appended ?? 0
        // After the merge, so that an older copy met now still finds every recent deletion.
        this.compactTombstones()
        this.low.data = normalizeAnnotationFile(this.low.data, this.content())
        try {
          await this.low.write()
        } catch (error) {
          // Changed on disk between our merge and the rename: merge that too and write again.
          if (error instanceof FileChangedError && attempt < WRITE_ATTEMPTS) continue
          throw error
        }
        this.savedCount = target
        this.diskConflicts = new Set(this.conflicts.keys())
        // The file now holds every record journalled so far (and the recovered journals').
        await this.journal?.truncateIfUnchanged(journalled)
        await this.dropRecovered()
        break // Changes made meanwhile have their own timer.
      }
      const wasSaved = this.state.status === 'saved' && this.state.message === null
      if (this.changeCount === this.savedCount && !wasSaved) {
        this.setState({ status: 'saved', message: null })
      }
    } catch (error) {
      this.setState({
        status: 'error',
        message: `${this.file} could not be saved (${describe(error)}). Your changes are kept and saving is retried.`,
      })
      this.options.log(`Saving ${this.options.path} failed: ${describe(error)}`)
      this.schedule(this.options.retryMs ?? RETRY_MS)
    }
  }

  private async dropRecovered(): Promise<void> {
    const paths = this.recovered
    this.recovered = []
    await Promise.all(paths.map((path) => rm(path, { force: true })))
  }

  private async mergeExternalChanges(): Promise<void> {
    if (!(await this.adapter.changedOnDisk())) return
    let theirs: AnnotationFile | null
    try {
      theirs = await this.adapter.read()
    } catch (error) {
      await this.becomeReadOnly(problemMessage(error, this.file))
      return
    }
    const file = theirs ?? emptyAnnotationFile(this.options.annotator)
    const merged = mergeClaimSets(
      { claims: this.claims, deleted: this.deleted },
      { claims: byId(file.claims), deleted: byId(file.deleted) },
    )
    const mergedLinks = mergeVersioned(
      { items: this.links, deleted: this.deletedLinks },
      { items: byId(file.links), deleted: byId(file.deletedLinks) },
    )
    const noTombstones = new Map<string, Tombstone>()
    const mergedWordings = mergeVersioned(
      { items: this.wordings, deleted: noTombstones },
      { items: byId(file.clusters), deleted: noTombstones },
    )
    const replaced: Claim[] = []
    for (const id of merged.changedByTheirs) {
      const before = this.claims.get(id)
      const after = merged.claims.get(id)
      if (before) replaced.push(before)
      if (after) replaced.push(after)
    }
    const conflictsChanged = this.mergeConflictList(file.conflicts ?? [])
    if (theirs) this.low.data = theirs // Keeps their header and any fields we do not know.
    this.claims = merged.claims
    this.deleted = merged.deleted
    this.links = mergedLinks.items
    this.deletedLinks = mergedLinks.deleted
    this.wordings = mergedWordings.items
    if (merged.changedByTheirs.length > 0) this.claimRevision++
    const pruned = this.pruneDanglingLinks()
    this.options.log(
      `${this.file} was changed outside Corroborate; merged ${merged.changedByTheirs.length} claim ` +
        `change(s) and ${mergedLinks.changedByTheirs.length} link change(s)` +
        (pruned > 0 ? `; deleted ${pruned} link(s) whose claims are gone.` : '.'),
    )
    // What we have that the file lacks (unsaved edits, or claims an older copy did not have)
    // must reach the disk, or quitting now would lose them.
    if (
      merged.differsFromTheirs ||
      mergedLinks.differsFromTheirs ||
      mergedWordings.differsFromTheirs ||
      conflictsChanged.differsFromTheirs ||
      pruned > 0
    ) {
      this.changeCount++
    }
    if (replaced.length > 0) this.options.onExternalChange?.(replaced)
    const linksChanged =
      mergedLinks.changedByTheirs.length > 0 ||
      mergedWordings.changedByTheirs.length > 0 ||
      conflictsChanged.changedByTheirs
    if (linksChanged || pruned > 0) this.options.onExternalLinksChange?.()
  }

  /**
   * Merges the file's conflict list into ours three-way, against the list as last read or
   * written: entries the file gained (a `git pull` through the merge driver) come in, entries it
   * dropped (settled elsewhere) go, and entries settled here stay settled.
   */
  private mergeConflictList(theirs: readonly MergeConflict[]): {
    changedByTheirs: boolean
    differsFromTheirs: boolean
  } {
    const theirKeys = new Map(theirs.map((conflict) => [conflictKey(conflict), conflict]))
    const merged = new Map<string, MergeConflict>()
    let changedByTheirs = false
    for (const [key, conflict] of this.conflicts) {
      if (theirKeys.has(key) || !this.diskConflicts.has(key)) merged.set(key, conflict)
      else changedByTheirs = true
    }
    for (const [key, conflict] of theirKeys) {
      if (merged.has(key) || this.diskConflicts.has(key)) continue
      merged.set(key, conflict)
      changedByTheirs = true
    }
    const differsFromTheirs =
      merged.size !== theirKeys.size || [...merged.keys()].some((key) => !theirKeys.has(key))
    this.conflicts = merged
    this.diskConflicts = new Set(theirKeys.keys())
    return { changedByTheirs, differsFromTheirs }
  }

  /**
   * Forgets deletions older than the retention period (annotations/README.md, "Tombstones"),
   * of claims and of links, so the file does not grow with every claim ever deleted.
   */
  private compactTombstones(): void {
    const retention = this.options.tombstoneRetentionMs
    const now = Date.now()
    const dropped =
      compactTombstones(this.deleted, now, retention) +
      compactTombstones(this.deletedLinks, now, retention)
    if (dropped > 0) this.options.log(`${this.file}: forgot ${dropped} deletion(s) past retention.`)
  }

  /**
   * Deletes links whose claims are gone: one copy deleted a claim while the other linked it.
   * The deletion is dated after both, so that the next merge keeps it.
   */
  private pruneDanglingLinks(): number {
    let pruned = 0
    for (const link of [...this.links.values()]) {
      const gone = linkedClaimIds(link).filter((id) => !this.claims.has(id))
      if (gone.length === 0) continue
      const times = [link.updated, ...gone.map((id) => this.deleted.get(id)?.deleted ?? null)]
      const latest = times.reduce<string | null>(
        (max, time) => (time !== null && (max === null || time > max) ? time : max),
        null,
      )
      this.links.delete(link.id)
      this.deletedLinks.set(link.id, { id: link.id, deleted: nextTimestamp(latest) })
      pruned++
    }
    return pruned
  }

  private content() {
    return {
      claims: this.claims.values(),
      deleted: this.deleted.values(),
      links: this.links.values(),
      deletedLinks: this.deletedLinks.values(),
      clusters: this.wordings.values(),
      conflicts: this.conflicts.values(),
    }
  }

  private async becomeReadOnly(reason: string): Promise<void> {
    this.clearTimer()
    let message = reason
    if (this.changeCount !== this.savedCount) {
      const aside = `${this.options.path}.unsaved-${new Date().toISOString().replace(/[:.]/g, '-')}`
      const file = normalizeAnnotationFile(this.low.data, this.content())
      try {
        await writeFileAtomic(aside, serializeAnnotationFile(file))
        message += ` Your unsaved changes were written to ${aside}.`
      } catch (error) {
        message += ` Your unsaved changes could not be written aside (${describe(error)}).`
      }
    }
    this.problem = message
    this.options.log(message)
    this.setState({ status: 'read-only', message })
  }

  private adopt(file: AnnotationFile): void {
    this.claims = byId(file.claims)
    this.deleted = byId(file.deleted)
    this.links = byId(file.links)
    this.deletedLinks = byId(file.deletedLinks)
    this.wordings = byId(file.clusters)
    this.conflicts = new Map((file.conflicts ?? []).map((entry) => [conflictKey(entry), entry]))
    this.diskConflicts = new Set(this.conflicts.keys())
    this.claimRevision++
  }

  private setState(change: Omit<StoreSaveState, 'file'>): void {
    this.state = { ...change, file: this.file }
    this.options.onSaveState?.(this.state)
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.io.then(task, task)
    this.io = run.catch(() => undefined)
    return run
  }
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  // A loop, not new Map(items.map(...)): no array of pairs to build and collect at 100,000 claims.
  const map = new Map<string, T>()
  for (const item of items) map.set(item.id, item)
  return map
}

function problemMessage(error: unknown, file: string): string {
  if (error instanceof BackendError) return error.message
  return `${file} cannot be read (${describe(error)}); the annotations are read-only.`
}
