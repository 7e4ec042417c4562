/**
 * One annotator's annotation file, in memory and on disk: the single source of truth for their
 * claims, links and cluster wordings while a project is open.
 *
 * Saving. Changes apply in memory at once and are written by a lowdb `Low` through
 * AnnotationFileAdapter (atomic: unique temp file, fsync, rename). Writes are coalesced: the
 * first change after a save starts a COALESCE_MS timer and every change until it fires rides
 * along, so a burst of edits is one write. `flush()` writes now (window close, quit, exit).
 *
 * Someone else's changes. Before every write (and on `syncFromDisk`, which listings call) the
 * file's fingerprint is compared with what was last read or written. When another process, a
 * sync tool or `git pull` changed it, it is read again, merged by claim id (core/model/merge:
 * the later change wins, tombstones keep deletions; links and cluster wordings the same way by
 * their ids) and only then written: never clobbered. A link whose claim did not survive the
 * merge (deleted in one copy, linked in the other) is deleted with it: no link ever dangles.
 *
 * Older versions. A file of an older format version is migrated in memory when read and written
 * as the current version only when something changes: opening a project writes nothing.
 *
 * Nothing is lost. A file that cannot be read, is not valid JSON, does not match the schema or
 * comes from a newer version makes the store read-only: the file is never written, mutations
 * throw BackendError('read-only') naming it, and the save state says why. If that happens with
 * unsaved changes in memory (the file went bad under us), they are written next to it as
 * `<name>.json.unsaved-<time>` (not *.json: exports do not read it twice) and the message says so.
 */
import { Low } from 'lowdb'
import {
  claimSchema,
  clusterWordingSchema,
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
  type Tombstone,
} from '../../core/model'
import { writeFileAtomic } from '../atomic-write'
import { BackendError } from '../errors'
import { describe, type Log } from '../settings'
import {
  AnnotationFileAdapter,
  serializeAnnotationFile,
  warmSerialization,
} from './annotation-file-adapter'

export type SaveStatus = 'saved' | 'saving' | 'error' | 'read-only'

export interface StoreSaveState {
  status: SaveStatus
  /** Why it is 'error' or 'read-only', for people; null otherwise. */
  message: string | null
  /** The file, project-relative. */
  file: string
}

/** Long enough to gather a burst of keystrokes or clicks, short enough to feel immediate. */
export const COALESCE_MS = 200
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
  onSaveState?: (state: StoreSaveState) => void
  /** Claims (old and new versions) that a merge with someone else's changes replaced. */
  onExternalChange?: (changed: Claim[]) => void
  /** Links (or cluster wordings) that a merge with someone else's changes replaced. */
  onExternalLinksChange?: () => void
}

export class AnnotationStore {
  private readonly low: Low<AnnotationFile>
  private readonly adapter: AnnotationFileAdapter
  private claims = new Map<string, Claim>()
  private deleted = new Map<string, Tombstone>()
  private links = new Map<string, Link>()
  private deletedLinks = new Map<string, Tombstone>()
  private wordings = new Map<string, ClusterWording>()
  /** Bumped whenever the set of claims changes: caches built over claims compare it. */
  private claimRevision = 0
  private problem: string | null = null
  /** Counts changes in memory and those saved: unsaved changes exist while they differ. */
  private changeCount = 0
  private savedCount = 0
  private timer: NodeJS.Timeout | null = null
  private closed = false
  /** Serialises disk access (writes, merges) of this store. */
  private io: Promise<unknown> = Promise.resolve()
  private state: StoreSaveState

  private constructor(private readonly options: AnnotationStoreOptions) {
    this.adapter = options.adapter ?? new AnnotationFileAdapter(options.path, options.displayName)
    this.low = new Low<AnnotationFile>(this.adapter, emptyAnnotationFile(options.annotator))
    this.state = { status: 'saved', message: null, file: options.displayName }
  }

  /** Opens the file (a missing file is an empty one, created on the first save). */
  static async open(options: AnnotationStoreOptions): Promise<AnnotationStore> {
    const store = new AnnotationStore(options)
    try {
      await store.low.read()
      store.adopt(store.low.data)
      warmSerialization(store.low.data.claims)
    } catch (error) {
      store.problem = problemMessage(error, options.displayName)
      store.setState({ status: 'read-only', message: store.problem })
    }
    return store
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
    this.changed()
  }

  remove(id: string, deletedAt: string): void {
    this.assertWritable()
    this.claims.delete(id)
    this.deleted.set(id, { id, deleted: deletedAt })
    this.claimRevision++
    this.changed()
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
    this.changed()
  }

  removeLink(id: string, deletedAt: string): void {
    this.assertWritable()
    this.links.delete(id)
    this.deletedLinks.set(id, { id, deleted: deletedAt })
    this.changed()
  }

  putWording(wording: ClusterWording): void {
    this.assertWritable()
    const checked = clusterWordingSchema.safeParse(wording)
    if (!checked.success) {
      throw new Error(`Refusing to store an invalid cluster wording: ${checked.error.message}`)
    }
    this.wordings.set(wording.id, wording)
    this.changed()
  }

  assertWritable(): void {
    if (this.problem !== null) throw new BackendError('read-only', this.problem, this.file)
    if (this.closed) throw new BackendError('read-only', `${this.file} is closed.`, this.file)
  }

  /** Merges changes someone else made to the file since we last read or wrote it. */
  syncFromDisk(): Promise<void> {
    return this.exclusive(async () => {
      if (this.problem !== null) return
      await this.mergeExternalChanges()
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
    return state
  }

  private changed(): void {
    this.changeCount++
    if (this.state.status !== 'saving') this.setState({ status: 'saving', message: null })
    this.schedule(this.options.coalesceMs ?? COALESCE_MS)
  }

  private schedule(delay: number): void {
    if (this.timer !== null || this.closed) return
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
      await this.mergeExternalChanges()
      if (this.problem !== null || this.changeCount === this.savedCount) return
      const target = this.changeCount
      this.low.data = normalizeAnnotationFile(this.low.data, this.content())
      await this.low.write()
      this.savedCount = target
      if (this.changeCount === this.savedCount) this.setState({ status: 'saved', message: null })
    } catch (error) {
      this.setState({
        status: 'error',
        message: `${this.file} could not be saved (${describe(error)}). Your changes are kept and saving is retried.`,
      })
      this.options.log(`Saving ${this.options.path} failed: ${describe(error)}`)
      this.schedule(this.options.retryMs ?? RETRY_MS)
    }
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
      pruned > 0
    ) {
      this.changeCount++
    }
    if (replaced.length > 0) this.options.onExternalChange?.(replaced)
    const linksChanged =
      mergedLinks.changedByTheirs.length > 0 || mergedWordings.changedByTheirs.length > 0
    if (linksChanged || pruned > 0) this.options.onExternalLinksChange?.()
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
  return new Map(items.map((item) => [item.id, item]))
}

function problemMessage(error: unknown, file: string): string {
  if (error instanceof BackendError) return error.message
  return `${file} cannot be read (${describe(error)}); the annotations are read-only.`
}
