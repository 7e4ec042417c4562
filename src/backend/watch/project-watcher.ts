/**
 * Watches an open project's folders (chokidar) and reports, in debounced batches, what changed
 * outside the app: article files (arrived, changed, renamed, removed), annotator files in
 * `annotations/`, review files in `review/` and `corroborate.json`. What to do about each is the
 * workspace's business; this module only watches, sorts and batches.
 *
 * Ignored: hidden entries (`.git`, temp files, this process's own journals: dot files), except
 * the journals other processes keep of annotation files; `node_modules`; and files that are
 * neither articles nor project data. A save of the annotator's
 * own file is still reported (chokidar cannot tell who renamed it); the store compares the file
 * with what it last wrote and does nothing when it is its own write, so nothing echoes.
 *
 * A `git checkout` touches many files at once: events are gathered until the folders have been
 * quiet for `quietMs` (at most `maxDelayMs` after the first), then reported as one batch.
 * Watcher errors (too many open files, a folder removed under it) are reported through
 * `onError` and never thrown: the app stays usable and Refresh still reads the folders.
 */
import type { Stats } from 'node:fs'
import { basename, relative, sep } from 'node:path'
import { watch, type FSWatcher } from 'chokidar'
import { isSupportedFile } from '../../core/document'
import { ANNOTATIONS_FOLDER } from '../annotations/annotation-folder'
import { parseJournalName } from '../annotations/annotation-journal'
import { OWNER_TAG } from '../atomic-write'
import { describe } from '../settings'

export const REVIEW_FOLDER = 'review'
const SETTINGS_FILE = 'corroborate.json'

/** One batch of changes seen in the folders. */
export interface FolderChanges {
  /** An article file (or a folder that may hold some) arrived, changed, moved or went. */
  documents: boolean
  /** Annotators whose `annotations/<name>.json` arrived, changed or went. */
  annotators: Set<string>
  /**
   * Annotators whose file another process journals (another machine through a shared folder,
   * another instance): its journal arrived or grew (`.<name>.json.<host>~<pid>.<random>.journal`).
   */
  journals: Set<string>
  /**
   * The annotations/ folder itself arrived or went (a clone, a pull creating it). Files written
   * into a folder just created can be missed by the watcher, so whoever handles this lists the
   * folder.
   */
  annotationsFolder: boolean
  /** Files of `review/` that arrived, changed or went (project-relative, `/` separated). */
  review: Set<string>
  /** `corroborate.json` changed. */
  settings: boolean
}

export interface ProjectWatcherOptions {
  /** The project folder (its real path): articles, and usually the data below. */
  projectRoot: string
  /** The folder holding annotations/, review/ and corroborate.json (real path). */
  dataRoot: string
  onChanges(changes: FolderChanges): void
  onError(message: string): void
  /** Quiet time that ends a batch. */
  quietMs?: number
  /** A batch is reported at the latest this long after its first event. */
  maxDelayMs?: number
}

export const QUIET_MS = 150
export const MAX_DELAY_MS = 1_000

type Kind =
  | { kind: 'documents' }
  | { kind: 'annotator'; name: string }
  | { kind: 'journal'; name: string }
  | { kind: 'annotations-folder' }
  | { kind: 'review'; path: string }
  | { kind: 'settings' }
  | { kind: 'ignore' }

/**
 * What a changed path means, or 'ignore'. `isFolder` is known for folder events; a folder that
 * is not a project data folder may hold articles.
 */
export function classifyPath(
  path: string,
  roots: { projectRoot: string; dataRoot: string },
  isFolder = false,
): Kind {
  const fromData = relativeParts(roots.dataRoot, path)
  if (fromData !== null && fromData.length > 0) {
    const [top, name, ...deeper] = fromData
    if (top === ANNOTATIONS_FOLDER) {
      if (name === undefined && isFolder) return { kind: 'annotations-folder' }
      if (isFolder || name === undefined || deeper.length > 0) return { kind: 'ignore' }
      const journal = othersJournal(name)
      if (journal !== null) return { kind: 'journal', name: journal }
      if (name.startsWith('.') || !name.endsWith('.json')) return { kind: 'ignore' }
      return { kind: 'annotator', name: name.slice(0, -'.json'.length) }
    }
    if (top === REVIEW_FOLDER) {
      // The folder itself arriving or going, or a JSON file directly in it (not hidden). Anything
      // else there is what it would be anywhere in the project (an article, say).
      if (name === undefined && isFolder) return { kind: 'review', path: REVIEW_FOLDER }
      if (name !== undefined && !isFolder && deeper.length === 0 && !name.startsWith('.')) {
        if (name.endsWith('.json')) return { kind: 'review', path: `${REVIEW_FOLDER}/${name}` }
      }
    }
    if (fromData.length === 1 && top === SETTINGS_FILE) return { kind: 'settings' }
  }
  const fromProject = relativeParts(roots.projectRoot, path)
  if (fromProject === null || fromProject.length === 0) return ignore
  if (fromProject.some((part) => part.startsWith('.') || part === 'node_modules')) return ignore
  if (fromProject[0] === ANNOTATIONS_FOLDER) return ignore // The project's own data, above.
  if (isFolder || isSupportedFile(basename(path))) return { kind: 'documents' }
  return ignore
}

const ignore: Kind = { kind: 'ignore' }

/**
 * The annotator whose file another process journals under this name (another machine, another
 * instance), or null: for any other name, and for this process's own journal.
 */
function othersJournal(name: string): string | null {
  const journal = parseJournalName(name)
  if (journal === null || journal.owner === OWNER_TAG || !journal.file.endsWith('.json')) {
    return null
  }
  return journal.file.slice(0, -'.json'.length)
}

/** The path's parts below `root`, or null when it is not inside. */
function relativeParts(root: string, path: string): string[] | null {
  const rel = relative(root, path)
  if (rel === '') return []
  if (rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel)) return null
  return rel.split(sep)
}

export class ProjectWatcher {
  private readonly watcher: FSWatcher
  private batch: FolderChanges = emptyChanges()
  private quietTimer: NodeJS.Timeout | null = null
  private deadline: NodeJS.Timeout | null = null
  private closed = false
  /** Errors are logged once per code, so a flood of EMFILE is one line. */
  private readonly reportedErrors = new Set<string>()
  /** Resolves once the initial scan is done: changes after it are reported. */
  readonly ready: Promise<void>

  constructor(private readonly options: ProjectWatcherOptions) {
    const roots = { projectRoot: options.projectRoot, dataRoot: options.dataRoot }
    const paths = [options.projectRoot]
    if (relativeParts(options.projectRoot, options.dataRoot) === null) paths.push(options.dataRoot)
    this.watcher = watch(paths, {
      ignoreInitial: true,
      followSymlinks: false,
      // Permission errors on a sub-folder must not stop the watching of the rest.
      ignorePermissionErrors: true,
      // Without stats only names are known: ignore what no name can make relevant. With stats,
      // files that are neither articles nor project data cost no watch handle.
      ignored: (path: string, stats?: Stats) => {
        if (path === options.projectRoot || path === options.dataRoot) return false
        if (isDataFolder(roots, path)) return false
        if (stats === undefined) {
          return hiddenOrModules(roots, path) && classifyPath(path, roots).kind !== 'journal'
        }
        return classifyPath(path, roots, stats.isDirectory()).kind === 'ignore'
      },
    })
    this.watcher.on('all', (event, path) => {
      const folder = event === 'addDir' || event === 'unlinkDir'
      this.note(classifyPath(path, roots, folder))
    })
    this.watcher.on('error', (error) => this.reportError(error))
    this.ready = new Promise((resolve) => this.watcher.once('ready', () => resolve()))
  }

  /** Stops watching; pending changes are dropped (the project is going). */
  async close(): Promise<void> {
    this.closed = true
    this.clearTimers()
    await this.watcher.close().catch((error: unknown) => this.reportError(error))
  }

  private note(kind: Kind): void {
    if (this.closed || kind.kind === 'ignore') return
    const batch = this.batch
    if (kind.kind === 'documents') batch.documents = true
    else if (kind.kind === 'annotator') batch.annotators.add(kind.name)
    else if (kind.kind === 'journal') batch.journals.add(kind.name)
    else if (kind.kind === 'annotations-folder') batch.annotationsFolder = true
    else if (kind.kind === 'review') batch.review.add(kind.path)
    else batch.settings = true
    if (this.quietTimer !== null) clearTimeout(this.quietTimer)
    this.quietTimer = setTimeout(() => this.report(), this.options.quietMs ?? QUIET_MS)
    this.deadline ??= setTimeout(() => this.report(), this.options.maxDelayMs ?? MAX_DELAY_MS)
  }

  private report(): void {
    this.clearTimers()
    const batch = this.batch
    this.batch = emptyChanges()
    if (this.closed) return
    try {
      this.options.onChanges(batch)
    } catch (error) {
      this.reportError(error)
    }
  }

  private clearTimers(): void {
    if (this.quietTimer !== null) clearTimeout(this.quietTimer)
    if (this.deadline !== null) clearTimeout(this.deadline)
    this.quietTimer = null
    this.deadline = null
  }

  private reportError(error: unknown): void {
    const code = (error as NodeJS.ErrnoException | null)?.code ?? describe(error)
    if (this.reportedErrors.has(code)) return
    this.reportedErrors.add(code)
    this.options.onError(
      `Watching the project folder failed (${describe(error)}); ` +
        'changes made outside the app show after Refresh.',
    )
  }
}

/** Hidden entries (`.git`, journals, temp files) and `node_modules`, below either root. */
function hiddenOrModules(roots: { projectRoot: string; dataRoot: string }, path: string): boolean {
  const parts = relativeParts(roots.dataRoot, path) ?? relativeParts(roots.projectRoot, path)
  return parts !== null && parts.some((part) => part.startsWith('.') || part === 'node_modules')
}

/** annotations/ and review/ themselves are watched even where their names alone say nothing. */
function isDataFolder(roots: { dataRoot: string }, path: string): boolean {
  const parts = relativeParts(roots.dataRoot, path)
  return parts?.length === 1 && (parts[0] === ANNOTATIONS_FOLDER || parts[0] === REVIEW_FOLDER)
}

function emptyChanges(): FolderChanges {
  return {
    documents: false,
    annotators: new Set(),
    journals: new Set(),
    annotationsFolder: false,
    review: new Set(),
    settings: false,
  }
}
