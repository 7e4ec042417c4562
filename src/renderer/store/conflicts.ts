/**
 * The conflicts module: the current annotator file's conflict list (values a git merge set
 * aside, core/model/provenance.ts), for the sidebar's notice "N merge conflicts to settle" and
 * the panel that settles them.
 *
 * The list is read again when it may have changed: another session (another annotator, another
 * project), a merge from disk (a `git pull`, another instance), and a commit that settled or put
 * back an entry (the change summary says `conflicts`). While entries are listed, any change of
 * claims or links is also a reason, since each entry shows the object it concerns.
 */
import type { MergeConflictView } from '../../shared/api'
import type { Action } from './actions'
import { arrived, emptyResource, failed, invalidated, started, type Resource } from './resource'

export interface ConflictsState {
  list: Resource<MergeConflictView[]>
}

export const initialConflicts: ConflictsState = { list: emptyResource() }

export function conflictsReducer(state: ConflictsState, action: Action): ConflictsState {
  switch (action.type) {
    case 'backend/state':
    case 'backend/session':
      return { list: invalidated(state.list) }
    case 'backend/changed': {
      const { change } = action
      const listed = (state.list.value?.length ?? 0) > 0
      const touched = change.claimPaths.length > 0 || change.links
      return change.conflicts === true || change.cause === 'disk' || (listed && touched)
        ? { list: invalidated(state.list) }
        : state
    }
    case 'load/started':
      return action.what === 'conflicts' ? { list: started(state.list, action.request) } : state
    case 'load/arrived':
      return action.what === 'conflicts'
        ? { list: arrived(state.list, action.request, action.value) }
        : state
    case 'load/failed':
      return action.what === 'conflicts' ? { list: failed(state.list, action.request) } : state
    default:
      return state
  }
}

/** How many entries wait to be settled (0 until listed). */
export function conflictCountOf(state: { conflicts: ConflictsState }): number {
  return state.conflicts.list.value?.length ?? 0
}
