/**
 * The annotations of one open project for one annotator: their store, the project's settings,
 * this session's undo history, and the one `commit` every change goes through.
 *
 * Where files live: `<data root>/annotations/<annotator>.json` and `<data root>/corroborate.json`.
 * The data root is the project folder, except for the bundled sample project (read-only, in the
 * app's resources), whose data root is `<settings folder>/sample-project/`.
 *
 * Commands (commands/) turn input into a change set; `run` checks the files can be written,
 * builds the change set, commits it and answers. Queries (queries.ts) read. Both run in one
 * serial queue, so undo always undoes the change before it and a query sees every change made
 * before it was asked.
 */
import { join } from 'node:path'
import {
  annotationFileName,
  PROJECT_SETTINGS_FILE_NAME,
  type Claim,
  type DocumentCorrection,
} from '../../core/model'
import type {
  AnnotationStatus,
  ChangeSummary,
  HistoryStep,
  OutsideFiles,
  SaveState,
  WorkbenchEvent,
} from '../../shared/api'
import { createSerialQueue } from '../../shared/serial-queue'
import { BackendError } from '../errors'
import type { Log } from '../settings'
import { ANNOTATIONS_FOLDER } from './annotation-folder'
import { AnnotationStore, type AnnotationStoreOptions } from './annotation-store'
import { changeSet, invert, isEmpty, type ChangeSet } from './change-set'
import { ClaimSearchCache } from './claim-search'
import type { Command, CommandOutcome, SettingsCommand } from './commands/command'
import { applyChangeSet, summarize, type Stamping } from './commit'
import type { AnnotationContext, CommandContext, DocumentAccess } from './context'
import { projectSettings } from './commands/settings'
import { History } from './history'
import { PlacementCache } from './placement-cache'
import { ProjectSettingsStore, type SettingsReload } from './project-settings-store'
import { SuggestionIndexCache } from './suggestions'

export interface AnnotationSessionOptions {
  dataRoot: string
  /** How a file under the data root is named in messages (project-relative, or absolute). */
  displayName: (relPath: string) => string
  annotator: string | null
  documents: DocumentAccess
  emit: (event: WorkbenchEvent) => void
  /**
   * Called when a commit changed corrections of documents (a command, undo or redo), before the
   * change event: the workspace shows its listing with them.
   */
  onCorrections?: () => void
  log: Log
  /** Tests: a shorter coalescing delay, a wrapped adapter. */
  store?: Partial<
    Pick<AnnotationStoreOptions, 'coalesceMs' | 'retryMs' | 'adapter' | 'tombstoneRetentionMs'>
  >
}

export class AnnotationSession {
  readonly context: AnnotationContext
  private readonly history = new History()
  private readonly queue = createSerialQueue()

  private constructor(
    private readonly options: AnnotationSessionOptions,
    settings: ProjectSettingsStore,
    store: AnnotationStore | null,
  ) {
    this.context = {
      annotator: options.annotator,
      store,
      settings,
      documents: options.documents,
      dataRoot: options.dataRoot,
      log: options.log,
      caches: {
        suggestions: new SuggestionIndexCache(),
        search: new ClaimSearchCache(),
        placement: new PlacementCache(),
      },
    }
  }

  static async open(options: AnnotationSessionOptions): Promise<AnnotationSession> {
    const settings = await ProjectSettingsStore.open(
      join(options.dataRoot, PROJECT_SETTINGS_FILE_NAME),
      options.displayName(PROJECT_SETTINGS_FILE_NAME),
    )
    let session: AnnotationSession | null = null
    let store: AnnotationStore | null = null
    if (options.annotator !== null) {
      const relPath = `${ANNOTATIONS_FOLDER}/${annotationFileName(options.annotator)}`
      store = await AnnotationStore.open({
        ...options.store,
        path: join(options.dataRoot, relPath),
        displayName: options.displayName(relPath),
        annotator: options.annotator,
        log: options.log,
        onSaveState: () => session?.emit({ type: 'save-state', save: session.saveState() }),
        onExternalChange: (changed) => session?.announceMerged(changed, false),
        onExternalLinksChange: () => session?.announceMerged([], true),
      })
    }
    session = new AnnotationSession(options, settings, store)
    return session
  }

  get annotator(): string | null {
    return this.context.annotator
  }

  /** Why changes are refused (a file that could not be understood), or null. */
  get readOnlyReason(): string | null {
    return this.context.settings.readOnlyReason ?? this.context.store?.readOnlyReason ?? null
  }

  status(): AnnotationStatus {
    return { annotator: this.annotator, save: this.saveState(), history: this.history.state }
  }

  saveState(): SaveState {
    const { settings, store } = this.context
    if (settings.readOnlyReason !== null) {
      return { status: 'read-only', message: settings.readOnlyReason, file: settings.displayName }
    }
    return store ? { ...store.saveState } : { status: 'saved', message: null, file: null }
  }

  /** Runs a command on the annotator's file: checked writable, built, committed, answered. */
  run<A extends unknown[], R>(command: Command<A, R>, ...args: A): Promise<R> {
    return this.queue(async () => this.finish(await command(this.writableContext(), ...args)))
  }

  /** The analyst's corrections of documents, by document id (corroborate.json). */
  get documentCorrections(): Readonly<Record<string, DocumentCorrection>> {
    return this.context.settings.documentCorrections
  }

  /** Runs a command on the project settings (labels, relation types). */
  runOnSettings<A extends unknown[], R>(command: SettingsCommand<A, R>, ...args: A): Promise<R> {
    return this.queue(async () => this.finish(await command(this.context, ...args)))
  }

  /** Runs a query after every change asked for before it. */
  read<R>(query: (context: AnnotationContext) => R | Promise<R>): Promise<R> {
    return this.queue(async () => query(this.context))
  }

  undo(): Promise<HistoryStep> {
    return this.queue(() => this.step('undo'))
  }

  redo(): Promise<HistoryStep> {
    return this.queue(() => this.step('redo'))
  }

  /**
   * Files changed outside the app, seen by the folder watcher. The annotator's own file is merged
   * through the store, as a listing would (nothing happens when the change was the store's own
   * save: it compares the file with what it last wrote); colleagues' and review files are
   * announced in one 'changed' event, for the UI to list them again, with the project settings
   * when `corroborate.json` changed them, and the documents whose corrections it changed (the
   * listing shows them first). Returns what reading `corroborate.json` again found, for the
   * workspace (a file turned unreadable or readable again).
   */
  noticeOutsideFiles(
    files: OutsideFiles,
    /** Annotators whose file another process journals, their journals changed. */
    journals: readonly string[] = [],
  ): Promise<SettingsReload | null> {
    return this.queue(async () => {
      const store = this.context.store
      const others = files.annotators.filter((name) => store === null || name !== this.annotator)
      if (store !== null && others.length < files.annotators.length) await store.syncFromDisk()
      // Our own file, journalled elsewhere: merged now (announced like any merge from disk).
      if (store !== null && journals.includes(this.annotator ?? '')) {
        await store.mergeOthersJournals()
      }
      // corroborate.json read again (a colleague, `git pull`); our own writes change nothing.
      const reload = files.settings ? await this.context.settings.reload() : null
      const sets = reload?.sets === true
      const corrected = reload?.documents ?? []
      // The listing shows the corrections first; the event then says which texts to read again.
      if (corrected.length > 0) this.options.onCorrections?.()
      if (others.length === 0 && files.review.length === 0 && !sets && corrected.length === 0) {
        return reload
      }
      this.emit({
        type: 'changed',
        change: {
          cause: 'disk',
          description: null,
          claimPaths: [],
          linkPaths: [],
          links: false,
          settings: sets ? projectSettings(this.context) : null,
          correctedPaths: corrected.flatMap((id) => this.pathsOfDocument(id)).sort(),
          history: this.history.state,
          files: { annotators: others, review: files.review, settings: files.settings },
        },
      })
      return reload
    })
  }

  /** The paths of the project's files whose document has this id (copies share one). */
  private pathsOfDocument(id: string): string[] {
    return this.context.documents
      .projectDocuments()
      .filter((document) => document.id === id)
      .map((document) => document.path)
  }

  /** Writes pending changes now (window close, quit). */
  async flush(): Promise<void> {
    const state = await this.context.store?.flush()
    if (state?.status === 'error') this.options.log(state.message ?? 'Saving failed.')
  }

  async close(): Promise<void> {
    await this.queue(async () => undefined)
    const state = await this.context.store?.close()
    if (state?.status === 'error') this.options.log(state.message ?? 'Saving failed.')
  }

  private async finish<R>(outcome: CommandOutcome<R>): Promise<R> {
    if (outcome.change && !isEmpty(outcome.change)) {
      await this.commit(outcome.change, 'command', 'as-built')
    }
    return outcome.answer(this.context)
  }

  /**
   * The one way anything changes: checks that what the set touches can be written, applies it,
   * records it for undo (commands only: undo and redo move along the history themselves), makes
   * it durable (the store's journal, fsynced) and announces it in one event.
   */
  private async commit(
    set: ChangeSet,
    cause: 'command' | 'undo' | 'redo',
    stamping: Stamping,
  ): Promise<ChangeSummary> {
    // Claims, links, wordings and conflict entries live in the annotator's file; labels,
    // relation types and document corrections in the project's settings only.
    if (!isEmpty({ ...set, labels: null, relations: null, documents: [] })) {
      this.writableContext()
    }
    if (set.labels !== null || set.relations !== null || set.documents.length > 0) {
      this.checkSettingsWritable()
    }
    const made = await applyChangeSet(this.context, set, stamping)
    if (cause === 'command') this.history.record(made)
    if (made.claims.some((change) => change.before === null) || made.links.length > 0) {
      await this.saveSettingsInUse()
    }
    if (made.documents.length > 0) this.options.onCorrections?.()
    const summary = summarize(
      made,
      cause,
      this.context.store,
      this.history.state,
      () => projectSettings(this.context),
      (id) => this.pathsOfDocument(id),
    )
    // Answered only once durable: the store journals the change set and fsyncs it. If that
    // fails the change stays in memory (shown, and written when saving works again), so the UI
    // still hears of it, and the command fails with the reason.
    const durable = this.context.store?.persist()
    try {
      await durable
    } finally {
      this.emit({ type: 'changed', change: summary })
    }
    return summary
  }

  private async step(direction: 'undo' | 'redo'): Promise<HistoryStep> {
    const undo = direction === 'undo'
    const entry = undo ? this.history.takeUndo() : this.history.takeRedo()
    if (!entry) return { applied: null, history: this.history.state, paths: [] }
    try {
      const summary = await this.commit(undo ? invert(entry) : entry, direction, 'restamped')
      const paths = [...new Set([...summary.claimPaths, ...summary.linkPaths])].sort()
      return { applied: entry.description, history: this.history.state, paths }
    } catch (error) {
      if (undo) this.history.restoreUndo(entry)
      else this.history.restoreRedo(entry)
      throw error
    }
  }

  /** The context for a command that writes the annotator's file, or why there is none. */
  private writableContext(): CommandContext {
    const { store, annotator } = this.context
    if (!store || annotator === null) {
      throw new BackendError('no-annotator', 'Give your name as annotator before making claims.')
    }
    this.checkSettingsWritable()
    store.assertWritable()
    return { ...this.context, store, annotator }
  }

  private checkSettingsWritable(): void {
    const { settings } = this.context
    if (settings.readOnlyReason !== null) {
      throw new BackendError('read-only', settings.readOnlyReason, settings.displayName)
    }
  }

  /**
   * Writes the label set and relation types the project has been using, for colleagues, once
   * claims or links exist (after any commit that touched them; a no-op once the file exists).
   */
  private async saveSettingsInUse(): Promise<void> {
    const { settings } = this.context
    await settings.ensureSaved().catch((error: unknown) => {
      this.options.log(`Could not write ${settings.displayName}: ${String(error)}`)
    })
  }

  /**
   * Someone else's changes merged from the file on disk: claims, or links and wordings. The
   * versions before the merge are gone by now, so the summary is built from what is there: every
   * merged claim's document, and (for links) the documents of every link.
   */
  private announceMerged(claims: Claim[], links: boolean): void {
    const store = this.context.store
    const touched = changeSet('', {
      claims: claims.map((claim) => ({ id: claim.id, before: claim, after: claim })),
      links:
        links && store
          ? [...store.allLinks()].map((link) => ({ id: link.id, before: link, after: link }))
          : [],
    })
    const summary = summarize(touched, 'disk', store, this.history.state, () =>
      projectSettings(this.context),
    )
    this.emit({
      type: 'changed',
      change: { ...summary, description: null, links: links || summary.links },
    })
  }

  private emit(event: WorkbenchEvent): void {
    this.options.emit(event)
  }
}
