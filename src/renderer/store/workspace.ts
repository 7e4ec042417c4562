/**
 * The workspace module: what the backend says is open (project, documents, problems), the
 * project's settings (labels and relation types), the documents loaded for reading, and which
 * view the workspace shows.
 */
import type { ProjectSettings, WorkbenchState } from '../../shared/api'
import type { WorkspaceView } from '../views/types'
import type { Action, Loads } from './actions'
import {
  arrived,
  failed,
  invalidated,
  keepEntries,
  started,
  updateEntries,
  type Resource,
} from './resource'

export interface WorkspaceState {
  /** The backend's listing of the project; null until its first answer. */
  backend: WorkbenchState | null
  /** Labels and relation types of the open project; null while none is known. */
  settings: ProjectSettings | null
  /** Documents loaded for reading, by key. A changed file (new content hash) is loaded again. */
  documents: Readonly<Record<string, Resource<Loads['document']>>>
  view: WorkspaceView
  /** True while a project-wide call runs (opening a folder): its buttons wait. */
  busy: boolean
  /**
   * A new object whenever another project or annotation session opens: what the project views
   * remember (view-memory.ts) hangs on it, so nothing of one project shows in another.
   */
  session: object
}

export const initialWorkspace: WorkspaceState = {
  backend: null,
  settings: null,
  documents: {},
  view: 'documents',
  busy: false,
  session: {},
}

/** Whether a new listing from the backend is another project than the one shown. */
export function isAnotherProject(before: WorkbenchState | null, next: WorkbenchState): boolean {
  return before === null || before.project?.root !== next.project?.root
}

export function workspaceReducer(state: WorkspaceState, action: Action): WorkspaceState {
  switch (action.type) {
    case 'backend/state': {
      if (isAnotherProject(state.backend, action.state)) {
        return { ...initialWorkspace, backend: action.state, busy: state.busy, session: {} }
      }
      // A file whose content changed has a new id: its loaded text goes, and is loaded again.
      const ids = new Map(action.state.documents.map((document) => [document.key, document.id]))
      const documents = keepEntries(
        state.documents,
        (key, entry) => entry.value === null || ids.get(key) === entry.value.id,
      )
      return { ...state, backend: action.state, documents }
    }
    case 'backend/session':
      return { ...state, settings: action.settings, session: {} }
    case 'backend/changed': {
      const settings = action.change.settings ?? state.settings
      // A corrected document (a furniture flip, or its undo) is read again: its blocks changed.
      const corrected = new Set(action.change.correctedPaths)
      const keys = new Set(
        (state.backend?.documents ?? [])
          .filter((document) => corrected.has(document.path))
          .map((document) => document.key),
      )
      const documents =
        keys.size === 0
          ? state.documents
          : updateEntries(state.documents, (key) => keys.has(key), invalidated)
      return settings === state.settings && documents === state.documents
        ? state
        : { ...state, settings, documents }
    }
    case 'workspace/busy':
      return state.busy === action.busy ? state : { ...state, busy: action.busy }
    case 'workspace/view':
      return state.view === action.view ? state : { ...state, view: action.view }
    case 'load/started':
      if (action.what !== 'document') return state
      return {
        ...state,
        documents: {
          ...state.documents,
          [action.key]: started(state.documents[action.key], action.request),
        },
      }
    case 'load/arrived': {
      if (action.what !== 'document') return state
      const entry = state.documents[action.key]
      if (!entry) return state
      const next = arrived(entry, action.request, action.value)
      return next === entry
        ? state
        : { ...state, documents: { ...state.documents, [action.key]: next } }
    }
    case 'load/failed': {
      if (action.what !== 'document') return state
      const entry = state.documents[action.key]
      if (!entry) return state
      if (failed(entry, action.request) === entry) return state
      // Not asked again: the analyst is told, and the tab closes (see effects/workbench.ts).
      return { ...state, documents: keepEntries(state.documents, (key) => key !== action.key) }
    }
    default:
      return state
  }
}
