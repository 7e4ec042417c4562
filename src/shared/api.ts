/**
 * The WorkbenchApi contract: the one interface between the UI and the backend.
 *
 * Three doors implement it on top of one backend (src/backend): Electron IPC
 * (src/main + src/preload), the loopback HTTP bridge of browser mode (src/web)
 * and, for the headless commands, direct calls (src/cli). The renderer only ever
 * sees a `WorkbenchApi`.
 *
 * Every method takes plain JSON arguments and returns plain JSON. Arguments are
 * validated against `methodArguments` in the backend, because the renderer is
 * untrusted. The renderer never sends file paths to read: it names documents by
 * the opaque `key` the backend gave it in a listing, so it can only reach files
 * the user granted (chose in a dialog, or that lie in the open project).
 */
import { z } from 'zod'
import type { CanonicalDocument, DocumentMetadata } from '../core/document/types'

/** A document as listed in the sidebar, before it is opened. */
export interface DocumentSummary {
  /** Opaque handle for `openDocument`; stable while the project stays open. */
  key: string
  /** Path relative to the project folder, with "/" separators; the file name for single files. */
  path: string
  /** Content hash, the document id. */
  id: string
  format: CanonicalDocument['format']
  metadata: DocumentMetadata
  /** File size in bytes. */
  size: number
  warnings: string[]
}

/** A file that could not be read, with a message that names it. */
export interface FileProblem {
  path: string
  code: string
  message: string
}

export interface ProjectInfo {
  /** Absolute folder path, for display. */
  root: string
  name: string
  isSample: boolean
}

export interface WorkbenchState {
  project: ProjectInfo | null
  /** Documents of the project (sorted by path), then single files opened on their own. */
  documents: DocumentSummary[]
  problems: FileProblem[]
  /** True until the user has opened any project: the UI then offers the sample project. */
  firstRun: boolean
  /** What this door can do: native dialogs exist in Electron only. */
  capabilities: { nativeDialogs: boolean }
}

/** A document opened for reading. */
export interface OpenedDocument extends CanonicalDocument {
  key: string
  path: string
}

export interface WorkbenchApi {
  getState(): Promise<WorkbenchState>
  /**
   * Asks the user for a project folder. In Electron this shows the native dialog
   * and `typedPath` is ignored; in browser mode the UI asks for a path and passes
   * it. Resolves to the new state, or null when the user cancelled.
   */
  chooseProject(typedPath?: string): Promise<WorkbenchState | null>
  /** Asks the user for single article files to open outside any project. */
  chooseFiles(typedPaths?: string[]): Promise<WorkbenchState | null>
  openSampleProject(): Promise<WorkbenchState>
  /** Re-reads the project folder (new, changed and removed files). */
  refresh(): Promise<WorkbenchState>
  openDocument(key: string): Promise<OpenedDocument>
}

export type WorkbenchMethod = keyof WorkbenchApi

const documentKey = z.string().min(1).max(4096)
const typedPath = z.string().min(1).max(4096)

/**
 * Argument schemas, one tuple per method. Doors validate raw input against these
 * before anything reaches the backend.
 */
export const methodArguments = {
  getState: z.tuple([]),
  chooseProject: z.tuple([typedPath.optional()]),
  chooseFiles: z.tuple([z.array(typedPath).max(1000).optional()]),
  openSampleProject: z.tuple([]),
  refresh: z.tuple([]),
  openDocument: z.tuple([documentKey]),
} satisfies Record<WorkbenchMethod, z.ZodTuple>

export const workbenchMethods = Object.keys(methodArguments) as WorkbenchMethod[]

export function isWorkbenchMethod(name: unknown): name is WorkbenchMethod {
  return typeof name === 'string' && Object.hasOwn(methodArguments, name)
}

/** Events the backend pushes to the UI. */
export type WorkbenchEvent = { type: 'state-changed'; state: WorkbenchState }

/** How errors cross a door: a plain object, since Error subclasses do not survive IPC. */
export interface WorkbenchErrorInfo {
  code: string
  message: string
  file?: string
}

/** The result envelope every door returns. */
export type WorkbenchResult<T> = { ok: true; value: T } | { ok: false; error: WorkbenchErrorInfo }

/** An error reported by the backend, rebuilt on the UI side. */
export class WorkbenchError extends Error {
  readonly code: string
  readonly file?: string
  constructor(info: WorkbenchErrorInfo) {
    super(info.message)
    this.name = 'WorkbenchError'
    this.code = info.code
    if (info.file !== undefined) this.file = info.file
  }
}
