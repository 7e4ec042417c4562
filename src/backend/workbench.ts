/**
 * The backend behind every door (Electron, browser mode, the CLI): one WorkbenchApi object
 * built from the services, plus what a door needs to run it (events, opening a project given on
 * the command line, flushing on exit). No method is written twice: the workspace answers for the
 * project and its files, the annotation API (annotations/service.ts) for claims, links and
 * everything built on them. Electron adds its native dialogs by replacing three methods of the
 * same object (src/main/native-dialogs.ts).
 */
import type { WorkbenchApi, WorkbenchEvent, WorkbenchState } from '../shared/api'
import { createAnnotationApi } from './annotations/service'
import { createEventHub } from './events'
import { Workspace, type WorkspaceOptions } from './workspace'

export type WorkbenchOptions = Omit<WorkspaceOptions, 'events'>

export interface Workbench extends WorkbenchApi {
  /** Subscribes to every event of the backend; returns the unsubscribe function. */
  onEvent(listener: (event: WorkbenchEvent) => void): () => void
  /** Opens a project folder given by path (the command line, tests). */
  openProject(path: string): Promise<WorkbenchState>
  /** Adds single article files given by path. */
  openFiles(paths: string[]): Promise<WorkbenchState>
  /** Opens the project of the previous session, if it still opens; never throws. */
  reopenLastProject(): Promise<WorkbenchState | null>
  /** Writes pending annotation changes now: on window close, quit and process exit. */
  flush(): Promise<void>
  /** Flushes and closes the annotation files; the workbench is not used afterwards. */
  close(): Promise<void>
}

export function createWorkbench(options: WorkbenchOptions): Workbench {
  const events = createEventHub(
    options.log ?? ((message) => process.stderr.write(`[corroborate] ${message}\n`)),
  )
  const workspace = new Workspace({ ...options, events })
  const annotations = createAnnotationApi({
    current: () => workspace.currentSession(),
    ifAny: () => workspace.sessionIfAny(),
    openDocument: (key) => workspace.openDocument(key),
  })
  return {
    getState: () => workspace.getState(),
    chooseProject: (typedPath) => workspace.chooseProject(typedPath),
    chooseFiles: (typedPaths) => workspace.chooseFiles(typedPaths),
    openSampleProject: () => workspace.openSampleProject(),
    refresh: () => workspace.refresh(),
    openDocument: (key) => workspace.openDocument(key),
    correctDocument: (key, correction) => workspace.correctDocument(key, correction),
    getAnnotationStatus: () => workspace.getAnnotationStatus(),
    setAnnotator: (name) => workspace.setAnnotator(name),
    ...annotations,
    onEvent: (listener) => events.subscribe(listener),
    openProject: (path) => workspace.openProject(path),
    openFiles: (paths) => workspace.openFiles(paths),
    reopenLastProject: () => workspace.reopenLastProject(),
    flush: () => workspace.flush(),
    close: () => workspace.close(),
  }
}
