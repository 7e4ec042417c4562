/**
 * The links module: the link listing of each document on screen (badges, the claim panel's
 * links), the suggestions for the selected claim (the panel, the L dialog, the A key), and the
 * version the project views (clusters, matrix) reload on.
 *
 * Accepting a suggestion is guarded by state, not by counting loads: while one is being
 * accepted, or the list has not been asked again since the last change, the list on screen may
 * still offer the target just linked, so A (and L, Enter) wait for a fresh list.
 */
import type { ChangeSummary, LinkListing, WorkbenchState } from '../../shared/api'
import type { Action, Loads } from './actions'
import { keysOfPaths } from './claims'
import {
  arrived,
  emptyResource,
  failed,
  invalidated,
  started,
  updateEntries,
  withListing,
  type Resource,
} from './resource'

export interface SuggestionsState {
  /** The claim the suggestions are for (null: none asked). */
  claimId: string | null
  list: Resource<Loads['suggestions']>
  /** True from accepting a suggestion until the backend has answered. */
  accepting: boolean
}

export interface LinksState {
  /** Link listings by document key (of the documents shown). */
  listings: Readonly<Record<string, Resource<LinkListing>>>
  suggestions: SuggestionsState
  /** Goes up with every change of claims, links or cluster wordings: project views reload. */
  version: number
}

export const initialLinks: LinksState = {
  listings: {},
  suggestions: { claimId: null, list: emptyResource(), accepting: false },
  version: 0,
}

function changedLinks(state: LinksState, change: ChangeSummary, backend: WorkbenchState | null) {
  // linkPaths names the documents at either end of every link touched, claims whose words a
  // link shows included; new relation types rename what every listing shows.
  const linkKeys = keysOfPaths(backend, change.linkPaths)
  const listings = updateEntries(
    state.listings,
    (key) => change.settings !== null || linkKeys.has(key),
    invalidated,
  )
  const anything = change.links || change.claimPaths.length > 0 || change.linkPaths.length > 0
  return {
    ...state,
    listings,
    // New claims are new candidates, new links change what is marked linked.
    suggestions: anything
      ? { ...state.suggestions, list: invalidated(state.suggestions.list) }
      : state.suggestions,
    version: anything ? state.version + 1 : state.version,
  }
}

export function linksReducer(
  state: LinksState,
  action: Action,
  backend: WorkbenchState | null,
): LinksState {
  switch (action.type) {
    case 'backend/session':
      return {
        ...initialLinks,
        listings: updateEntries(state.listings, () => true, invalidated),
        version: state.version + 1,
      }
    case 'backend/state':
      return { ...state, version: state.version + 1 }
    case 'backend/changed':
      return changedLinks(state, action.change, backend)
    case 'load/started':
      if (action.what === 'links') {
        const listings = {
          ...state.listings,
          [action.key]: started(state.listings[action.key], action.request),
        }
        return { ...state, listings }
      }
      if (action.what === 'suggestions') {
        const same = state.suggestions.claimId === action.key
        const list = started(
          same ? state.suggestions.list : emptyResource<Loads['suggestions']>(),
          action.request,
        )
        return {
          ...state,
          suggestions: {
            claimId: action.key,
            list,
            accepting: same && state.suggestions.accepting,
          },
        }
      }
      return state
    case 'load/arrived':
      if (action.what === 'links') {
        return withListing(state, action.key, (entry) => {
          // An unchanged listing keeps its identity: the reader does not redraw its claims.
          const value =
            entry.value && JSON.stringify(entry.value) === JSON.stringify(action.value)
              ? entry.value
              : action.value
          return arrived(entry, action.request, value)
        })
      }
      if (action.what === 'suggestions' && state.suggestions.claimId === action.key) {
        const list = arrived(state.suggestions.list, action.request, action.value)
        return { ...state, suggestions: { ...state.suggestions, list } }
      }
      return state
    case 'load/failed':
      if (action.what === 'links') {
        return withListing(state, action.key, (entry) => failed(entry, action.request))
      }
      if (action.what === 'suggestions' && state.suggestions.claimId === action.key) {
        const list = failed(state.suggestions.list, action.request)
        return { ...state, suggestions: { ...state.suggestions, list } }
      }
      return state
    case 'suggestions/accepting': {
      // The accepted one leaves the list at once.
      const { list } = state.suggestions
      const { documentKey, start } = action.target
      const value = list.value && {
        ...list.value,
        suggestions: list.value.suggestions.filter(
          (s) => s.target.documentKey !== documentKey || s.target.start !== start,
        ),
      }
      return {
        ...state,
        suggestions: { ...state.suggestions, list: { ...list, value }, accepting: true },
      }
    }
    case 'suggestions/accepted': {
      // Linked, or refused: either way the list is asked again (it lost the accepted target)
      // before A, or L, Enter, may take from it.
      const list = invalidated(state.suggestions.list)
      return { ...state, suggestions: { ...state.suggestions, list, accepting: false } }
    }
    default:
      return state
  }
}
