/**
 * The workspace: the open project, single files opened on their own, their listing, the grant
 * map from opaque document keys to absolute paths, and the annotation session of the project.
 * The renderer can only open what this hands out a key for; keys carry a project generation so
 * a key from a previous project can never open a file of the next one.
 *
 * chooseProject and chooseFiles take typed paths (browser mode, the CLI); Electron replaces them
 * with native dialogs (src/main/native-dialogs.ts).
 *
 * With `watch` (the app and browser mode; not the CLI), the open project's folders are watched
 * (watch/project-watcher.ts): an article arriving, changing, renamed or removed relists the
 * project; the annotator's own file changed by someone else is merged by its store; colleagues'
 * annotator files and review files are announced in a 'changed' event. Refresh does the same by
 * hand, and still works when watching fails.
 *
 * A session (annotations/session.ts) is opened with each project, for the annotator named in
 * the user settings. Call `flush()` (or `close()`) before the process ends so that coalesced
 * changes reach the disk.
 */
import { mkdir, readdir, realpath, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { DocumentError, isSupportedFile } from '../core/document'
import { annotatorNameSchema, applyCorrection, type DocumentCorrection } from '../core/model'
import type {
  AnnotationStatus,
  DocumentSummary,
  FileProblem,
  OpenedDocument,
  ProjectInfo,
  WorkbenchState,
} from '../shared/api'
import { createSerialQueue } from '../shared/serial-queue'
import { ANNOTATIONS_FOLDER, AnnotationSession, type AnnotationSessionOptions } from './annotations'
import { correctDocument } from './annotations/commands/documents'
import { projectSettings } from './annotations/commands/settings'
import type { EventHub } from './events'
import { DocumentCache } from './document-cache'
import { BackendError } from './errors'
import { isInside, resolveTypedPath } from './paths'
import { scanProject } from './project-scan'
import { SettingsStore, describe, isErrnoCode, type Log } from './settings'
import { SummaryCache, type DocumentParser } from './summaries'
import {
  ProjectWatcher,
  type FolderChanges,
  type ProjectWatcherOptions,
} from './watch/project-watcher'
import { WorkerParser, sharedWorkerParser, type ParseLimits } from './worker-parser'

export interface WorkspaceOptions {
  /**
   * Folder for the user's settings file (created on first save); null keeps settings in memory
   * (the CLI: a pipeline never changes the app's settings, and cannot open the sample project).
   */
  settingsDir: string | null
  /** The bundled sample project; read-only, opened in place. */
  samplesDir: string
  /** What this door can do; browser mode and the CLI have no native dialogs. */
  capabilities?: WorkbenchState['capabilities']
  /**
   * Article parser; tests inject a simple one to test the backend on its own. By default files
   * are parsed in worker threads within `parseLimits` (worker-parser.ts).
   */
  parse?: DocumentParser
  /** Bounds of the default parser (tests lower them to meet a hostile file quickly). */
  parseLimits?: ParseLimits
  /** Where operational messages go (stderr by default). */
  log?: Log
  /** Tests: annotation store tuning (a shorter coalescing delay, a wrapped adapter). */
  annotationStore?: AnnotationSessionOptions['store']
  /** Where the workspace's events go. */
  events: EventHub
  /** Watch the open project's folders for changes made outside the app (not the CLI). */
  watch?: boolean | Pick<ProjectWatcherOptions, 'quietMs' | 'maxDelayMs'>
}

/** Where the sample project's annotations and settings live, inside the settings folder. */
export const SAMPLE_DATA_FOLDER = 'sample-project'

interface OpenProject extends ProjectInfo {
  /** Symlink-free root: containment checks compare real paths. */
  realRoot: string
}

/** What a key grants: one file, and for project files the folder it must stay in. */
interface Grant {
  absPath: string
  displayPath: string
  realRoot: string | null
}

interface SingleFile {
  key: string
  absPath: string
}

/** Files are parsed a few at a time: reading overlaps with parsing, memory stays bounded. */
const LISTING_CONCURRENCY = 8

export class Workspace {
  private readonly settings: SettingsStore
  private readonly summaries: SummaryCache
  private readonly openedDocuments: DocumentCache
  private readonly workerParser: WorkerParser | null
  private readonly capabilities: WorkbenchState['capabilities']
  private readonly samplesDir: string
  private readonly settingsDir: string | null
  private readonly annotationStore: AnnotationSessionOptions['store']
  private readonly log: Log
  private readonly events: EventHub
  private readonly ready: Promise<void>
  /** Project and session changes run one at a time, so concurrent refreshes cannot interleave. */
  private readonly exclusive = createSerialQueue()

  private project: OpenProject | null = null
  private generation = 0
  private singleFiles: SingleFile[] = []
  private singleFileCounter = 0
  /** The listing as the files say, and as shown: with the analyst's corrections applied. */
  private detectedDocuments: DocumentSummary[] = []
  private documents: DocumentSummary[] = []
  private problems: FileProblem[] = []
  private grants = new Map<string, Grant>()
  private session: AnnotationSession | null = null
  private readonly watchOptions: WorkspaceOptions['watch']
  private watcher: ProjectWatcher | null = null

  constructor(options: WorkspaceOptions) {
    this.log = options.log ?? ((message) => process.stderr.write(`[corroborate] ${message}\n`))
    this.settings = new SettingsStore(options.settingsDir, this.log)
    // Workspaces with the default bounds share one pool of workers (idle workers cost nothing
    // and never keep the process alive); other bounds get a pool of their own.
    this.workerParser =
      options.parse || !options.parseLimits ? null : new WorkerParser(options.parseLimits)
    const parse = options.parse ?? (this.workerParser ?? sharedWorkerParser()).parse
    this.summaries = new SummaryCache(parse)
    this.openedDocuments = new DocumentCache(parse)
    this.capabilities = options.capabilities ?? { nativeDialogs: false }
    this.samplesDir = options.samplesDir
    this.settingsDir = options.settingsDir
    this.annotationStore = options.annotationStore
    this.events = options.events
    this.watchOptions = options.watch
    this.ready = this.settings.load() // Never rejects: problems are logged, defaults used.
  }

  async getState(): Promise<WorkbenchState> {
    await this.ready
    return this.snapshot()
  }

  /** Browser mode: the typed path is the user's choice; no path means cancelled. */
  async chooseProject(typedPath?: string): Promise<WorkbenchState | null> {
    return typedPath === undefined ? null : this.openProject(typedPath)
  }

  async chooseFiles(typedPaths?: string[]): Promise<WorkbenchState | null> {
    return typedPaths === undefined || typedPaths.length === 0 ? null : this.openFiles(typedPaths)
  }

  openSampleProject(): Promise<WorkbenchState> {
    return this.openFolder(this.samplesDir, true)
  }

  openProject(path: string): Promise<WorkbenchState> {
    return this.openFolder(resolveTypedPath(path), false)
  }

  /** Opens the project of the previous session, if it still opens; never throws. */
  async reopenLastProject(): Promise<WorkbenchState | null> {
    await this.ready
    const last = this.settings.current.lastProject
    if (!last) return null
    try {
      return await (last.isSample ? this.openSampleProject() : this.openProject(last.root))
    } catch (error) {
      this.log(`Could not reopen the last project ${last.root}: ${describe(error)}`)
      return null
    }
  }

  /** Adds single article files to the listing, outside any project. */
  openFiles(paths: string[]): Promise<WorkbenchState> {
    return this.exclusive(async () => {
      // Check all first: a typo in one path should not half-apply the request.
      const chosen = await Promise.all(paths.map((path) => checkSingleFile(resolveTypedPath(path))))
      for (const absPath of chosen) {
        if (this.singleFiles.some((file) => file.absPath === absPath)) continue
        this.singleFiles.push({ key: `file-${++this.singleFileCounter}`, absPath })
      }
      return this.relist()
    })
  }

  refresh(): Promise<WorkbenchState> {
    return this.exclusive(async () => {
      const state = await this.relist()
      // A file that made the annotations read-only may have been fixed: try again.
      if (this.session?.readOnlyReason) await this.reopenSession()
      return state
    })
  }

  async openDocument(key: string): Promise<OpenedDocument> {
    const grant = this.grants.get(key)
    if (!grant) {
      throw new BackendError(
        'unknown-document',
        'This document is not in the open project or files. Refresh the list and try again.',
      )
    }
    if (grant.realRoot !== null) await checkStillInside(grant)
    // The cache re-reads a file that changed since it was listed or last opened.
    const document = await this.openedDocuments.load(grant.absPath, grant.displayPath)
    const corrected = applyCorrection(document, this.session?.documentCorrections[document.id])
    return { ...corrected, key, path: grant.displayPath }
  }

  /**
   * Stores the analyst's correction of a project document's metadata or furniture in the
   * project settings; it wins over detection in the listing, the matrix, clusters and exports,
   * and is undone by undo like any edit.
   */
  correctDocument(key: string, correction: DocumentCorrection): Promise<WorkbenchState> {
    return this.exclusive(async () => {
      const summary = this.detectedDocuments.find((document) => document.key === key)
      if (summary === undefined) {
        throw new BackendError(
          'unknown-document',
          'This document is not in the open project or files. Refresh the list and try again.',
        )
      }
      if (this.session === null || this.grants.get(key)?.realRoot == null) {
        throw new BackendError(
          'no-project',
          'Only documents of an open project can be corrected: corrections are kept in the project.',
        )
      }
      // A change like any other: committed by the session (history, one event), which calls
      // showCorrections through onCorrections, for undo and redo too.
      await this.session.runOnSettings(correctDocument, summary.id, correction)
      return this.snapshot()
    })
  }

  /** Applies the corrections of the current session to the listing and tells listeners. */
  private showCorrections(): WorkbenchState {
    const corrections = this.session?.documentCorrections ?? {}
    this.documents = this.detectedDocuments.map((document) =>
      applyCorrection(document, corrections[document.id]),
    )
    const state = this.snapshot()
    this.emit(state)
    return state
  }

  /** After a project or annotator change has settled: never the closing session's status. */
  async getAnnotationStatus(): Promise<AnnotationStatus> {
    await this.ready
    await this.sessionIfAny()
    return this.annotationStatus()
  }

  /** The status now; for tasks already in the workspace's queue (waiting on it would deadlock). */
  private annotationStatus(): AnnotationStatus {
    return (
      this.session?.status() ?? {
        annotator: this.annotatorName(),
        save: { status: 'saved', message: null, file: null },
        history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
      }
    )
  }

  setAnnotator(name: string): Promise<AnnotationStatus> {
    return this.exclusive(async () => {
      await this.ready
      const parsed = annotatorNameSchema.safeParse(name)
      if (!parsed.success) {
        throw new BackendError(
          'invalid-annotator',
          `"${name.slice(0, 80)}" cannot be used as annotator name: ${parsed.error.issues[0]?.message}.`,
        )
      }
      await this.settings.update({ annotator: parsed.data })
      if (this.project && this.session?.annotator !== parsed.data) await this.reopenSession()
      return this.annotationStatus()
    })
  }

  /** Writes pending annotation changes now: on window close, quit and process exit. */
  async flush(): Promise<void> {
    await this.session?.flush()
  }

  /** Flushes and closes the annotation files; the workbench is not used afterwards. */
  async close(): Promise<void> {
    await this.exclusive(async () => {
      await this.stopWatching()
      await this.session?.close()
      this.session = null
    })
    await this.workerParser?.close()
  }

  private openFolder(folder: string, isSample: boolean): Promise<WorkbenchState> {
    return this.exclusive(async () => {
      const realRoot = await checkProjectFolder(folder)
      this.project = { root: folder, name: basename(folder), isSample, realRoot }
      this.generation += 1
      // Saved before listing so that the state-changed event already has firstRun false.
      await this.settings.update({
        hasOpenedProject: true,
        lastProject: { root: folder, isSample },
      })
      await this.stopWatching()
      const state = await this.relist()
      await this.reopenSession()
      await this.startWatching()
      // The new project's corrections are known once its session is open.
      if (Object.keys(this.session?.documentCorrections ?? {}).length === 0) return state
      return this.showCorrections()
    })
  }

  /** The annotator from the user settings, if it is (still) a valid name. */
  private annotatorName(): string | null {
    const stored = this.settings.current.annotator
    if (stored === null) return null
    const parsed = annotatorNameSchema.safeParse(stored)
    return parsed.success && parsed.data === stored ? stored : null
  }

  /** The sample project is read-only: its annotations live in the settings folder. */
  private sampleDataRoot(): string {
    if (this.settingsDir === null) {
      throw new BackendError('no-project', 'The sample project needs a settings folder.')
    }
    return join(this.settingsDir, SAMPLE_DATA_FOLDER)
  }

  /** Closes the annotation session (flushing it) and opens one for the current project. */
  private async reopenSession(): Promise<void> {
    await this.session?.close()
    this.session = null
    const project = this.project
    if (!project) return
    const dataRoot = project.isSample ? this.sampleDataRoot() : project.realRoot
    const generation = this.generation
    this.session = await AnnotationSession.open({
      dataRoot,
      // The sample's data lives outside the project: name it in full.
      displayName: (relPath) => (project.isSample ? join(dataRoot, relPath) : relPath),
      annotator: this.annotatorName(),
      documents: {
        open: (key) => this.openDocument(key),
        projectDocuments: () =>
          this.generation === generation
            ? this.documents.filter((document) => this.grants.get(document.key)?.realRoot)
            : [],
      },
      emit: (event) => this.events.emit(event),
      onCorrections: () => {
        if (this.generation === generation) this.showCorrections()
      },
      log: this.log,
      store: this.annotationStore,
    })
    this.events.emit({
      type: 'session-opened',
      status: this.session.status(),
      settings: projectSettings(this.session.context),
    })
  }

  /**
   * Watches the open project's folders until the next project or close. Resolves once the
   * watcher has read the folders: changes from then on are seen. Never throws: without watching
   * the app still works, and Refresh reads the folders.
   */
  private async startWatching(): Promise<void> {
    const project = this.project
    if (!this.watchOptions || !project) return
    const generation = this.generation
    try {
      const dataRoot = project.isSample ? this.sampleDataRoot() : project.realRoot
      // The sample's data folder is created on its first save; watching needs it now.
      if (project.isSample) await mkdir(dataRoot, { recursive: true })
      const watcher = new ProjectWatcher({
        ...(typeof this.watchOptions === 'object' ? this.watchOptions : {}),
        projectRoot: project.realRoot,
        dataRoot: await realpath(dataRoot),
        onChanges: (changes) => {
          this.exclusive(() => this.applyOutsideChanges(changes, generation)).catch(
            (error: unknown) => this.log(`Changes on disk could not be read: ${describe(error)}`),
          )
        },
        onError: (message) => this.log(message),
      })
      this.watcher = watcher
      await watcher.ready
    } catch (error) {
      this.log(`The project folder is not watched (${describe(error)}); use Refresh.`)
    }
  }

  private async stopWatching(): Promise<void> {
    const watcher = this.watcher
    this.watcher = null
    await watcher?.close()
  }

  /** What the watcher saw: the listing read again, annotation files merged or announced. */
  private async applyOutsideChanges(changes: FolderChanges, generation: number): Promise<void> {
    if (generation !== this.generation || this.project === null) return
    if (changes.documents) await this.relist()
    const annotators = new Set(changes.annotators)
    if (changes.annotationsFolder && this.session) {
      for (const name of await annotatorFileNames(this.session.context.dataRoot)) {
        annotators.add(name)
      }
    }
    const reload = await this.session?.noticeOutsideFiles(
      {
        annotators: [...annotators].sort(),
        review: [...changes.review].sort(),
        settings: changes.settings,
      },
      [...changes.journals],
    )
    // corroborate.json turned unreadable or was fixed: the annotations' writability changes
    // with it, so the session opens afresh (as Refresh does). The session showed corrections.
    if (reload?.problem) await this.reopenSession()
  }

  /** The session, once the project (and any change of annotator) has settled. */
  async sessionIfAny(): Promise<AnnotationSession | null> {
    await this.exclusive(async () => undefined)
    return this.session
  }

  async currentSession(): Promise<AnnotationSession> {
    const session = await this.sessionIfAny()
    if (!session) throw new BackendError('no-project', 'Open a project first.')
    return session
  }

  /** Re-reads the project and single files, rebuilds grants, and tells listeners. */
  private async relist(): Promise<WorkbenchState> {
    await this.ready
    const entries: { key: string; grant: Grant }[] = []
    const problems: FileProblem[] = []
    const project = this.project
    if (project) {
      const scan = await scanProject(project.realRoot)
      problems.push(...scan.problems)
      for (const file of scan.files) {
        entries.push({
          key: `p${this.generation}:${file.relPath}`,
          grant: { absPath: file.absPath, displayPath: file.relPath, realRoot: project.realRoot },
        })
      }
      entries.sort((a, b) => comparePaths(a.grant.displayPath, b.grant.displayPath))
    }
    for (const file of this.singleFiles) {
      entries.push({
        key: file.key,
        grant: { absPath: file.absPath, displayPath: basename(file.absPath), realRoot: null },
      })
    }

    const outcomes = await mapLimited(entries, LISTING_CONCURRENCY, ({ grant }) =>
      this.summaries.summarize(grant.absPath, grant.displayPath),
    )
    this.summaries.retainOnly(entries.map(({ grant }) => grant.absPath))

    const documents: DocumentSummary[] = []
    const grants = new Map<string, Grant>()
    entries.forEach(({ key, grant }, index) => {
      const outcome = outcomes[index]
      if (outcome.ok) {
        documents.push({ ...outcome.summary, key, path: grant.displayPath })
        grants.set(key, grant)
      } else {
        problems.push(outcome.problem)
        if (outcome.problem.code === 'internal') this.log(outcome.problem.message)
      }
    })
    this.detectedDocuments = documents
    const corrections = this.session?.documentCorrections ?? {}
    this.documents = documents.map((document) =>
      applyCorrection(document, corrections[document.id]),
    )
    this.problems = problems
    this.grants = grants
    const state = this.snapshot()
    this.emit(state)
    return state
  }

  private snapshot(): WorkbenchState {
    const project = this.project
    return {
      project: project && { root: project.root, name: project.name, isSample: project.isSample },
      documents: this.documents,
      problems: this.problems,
      firstRun: !this.settings.current.hasOpenedProject,
      capabilities: this.capabilities,
    }
  }

  private emit(state: WorkbenchState): void {
    this.events.emit({ type: 'state-changed', state })
  }
}

/** The annotators with a file in annotations/ (none when it cannot be read). */
async function annotatorFileNames(dataRoot: string): Promise<string[]> {
  try {
    const names = await readdir(join(dataRoot, ANNOTATIONS_FOLDER))
    return names
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .map((name) => name.slice(0, -'.json'.length))
  } catch {
    return []
  }
}

async function checkProjectFolder(folder: string): Promise<string> {
  try {
    if (!(await stat(folder)).isDirectory()) {
      throw new BackendError('not-a-folder', `${folder} is not a folder.`, folder)
    }
    return await realpath(folder)
  } catch (error) {
    if (error instanceof BackendError) throw error
    if (isErrnoCode(error, 'ENOENT')) {
      throw new BackendError('not-found', `The folder ${folder} does not exist.`, folder)
    }
    throw new BackendError(
      'not-a-folder',
      `The folder ${folder} cannot be opened: ${describe(error)}`,
      folder,
    )
  }
}

async function checkSingleFile(absPath: string): Promise<string> {
  const name = basename(absPath)
  let isFile: boolean
  try {
    isFile = (await stat(absPath)).isFile()
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) {
      throw new BackendError('not-found', `The file ${absPath} does not exist.`, absPath)
    }
    throw new BackendError(
      'not-a-file',
      `The file ${absPath} cannot be opened: ${describe(error)}`,
      absPath,
    )
  }
  if (!isFile) throw new BackendError('not-a-file', `${absPath} is not a file.`, absPath)
  if (!isSupportedFile(name)) {
    throw new DocumentError(
      'unsupported-type',
      name,
      `${name} is not an article file Corroborate can read (text, Markdown or HTML).`,
    )
  }
  return absPath
}

/** A project file may have been replaced by a link pointing elsewhere since it was listed. */
async function checkStillInside(grant: Grant): Promise<void> {
  let real: string
  try {
    real = await realpath(grant.absPath)
  } catch {
    return // Missing files are reported by the read that follows, with the usual message.
  }
  if (grant.realRoot !== null && !isInside(grant.realRoot, real)) {
    throw new DocumentError(
      'unreadable',
      grant.displayPath,
      `${grant.displayPath} now points outside the project folder; it is not opened.`,
    )
  }
}

const pathCollator = new Intl.Collator('en', { numeric: true })

function comparePaths(a: string, b: string): number {
  return pathCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

async function mapLimited<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
