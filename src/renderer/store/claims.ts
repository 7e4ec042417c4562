/**
 * The claims module: the claim listing of each document on screen, the claim counts of the
 * sidebar, the annotators' files the sidebar lists, the claim being given a place (from "Needs attention"), the range last asked for by
 * the boundary keys, and the snapping preference.
 */
import type { ChangeSummary, WorkbenchState } from '../../shared/api'
import type { OffsetRange } from '../reader/positions'
import type { Action, Loads } from './actions'
import {
  arrived,
  emptyResource,
  failed,
  invalidated,
  keepEntries,
  started,
  updateEntries,
  withListing,
  type Resource,
} from './resource'

export interface ClaimsState {
  /** Claim listings by document key (of the documents shown). */
  listings: Readonly<Record<string, Resource<Loads['claims']>>>
  counts: Resource<Loads['counts']>
  /** Every annotator's file with its counts: colleagues' files arrive and change on disk. */
  annotators: Resource<Loads['annotators']>
  /** The orphan being placed: "Place here" is offered over the next selection. */
  placingId: string | null
  /**
   * The range the boundary keys last asked for: quick presses build on each other instead of
   * on a listing that has not caught up yet.
   */
  nudge: { claimId: string; range: OffsetRange } | null
  /** Snap selections to whole words (a preference of this browser profile). */
  snap: boolean
}

export function initialClaims(snap: boolean): ClaimsState {
  return {
    listings: {},
    counts: emptyResource(),
    annotators: emptyResource(),
    placingId: null,
    nudge: null,
    snap,
  }
}

/** Document keys of the listed documents whose path is among `paths`. */
export function keysOfPaths(backend: WorkbenchState | null, paths: readonly string[]): Set<string> {
  const wanted = new Set(paths)
  return new Set(
    (backend?.documents ?? []).filter((doc) => wanted.has(doc.path)).map((doc) => doc.key),
  )
}

function changedClaims(state: ClaimsState, change: ChangeSummary, keys: Set<string>): ClaimsState {
  const colleagues = (change.files?.annotators.length ?? 0) > 0
  if (change.claimPaths.length === 0 && change.settings === null) {
    return colleagues ? { ...state, annotators: invalidated(state.annotators) } : state
  }
  return {
    ...state,
    // The analyst's own count changed, and maybe colleagues' files.
    annotators: invalidated(state.annotators),
    listings: updateEntries(state.listings, (key) => keys.has(key), invalidated),
    counts: invalidated(state.counts),
    // Undo may have moved the claim back: the next nudge starts from the listing.
    nudge: change.cause === 'command' ? state.nudge : null,
  }
}

export function claimsReducer(
  state: ClaimsState,
  action: Action,
  backend: WorkbenchState | null,
): ClaimsState {
  switch (action.type) {
    case 'backend/state': {
      // A file whose content changed is listed again; a file gone is forgotten.
      const ids = new Map(action.state.documents.map((document) => [document.key, document.id]))
      const listings = keepEntries(state.listings, (key) => ids.has(key))
      return {
        ...state,
        listings: updateEntries(
          listings,
          (key, entry) => entry.value !== null && entry.value.documentId !== ids.get(key),
          invalidated,
        ),
        counts: invalidated(state.counts),
        // Refresh lists the annotators' files again too.
        annotators: invalidated(state.annotators),
      }
    }
    case 'backend/session':
      // Everything is listed again; what is on screen stays until the new listings are in.
      return {
        ...initialClaims(state.snap),
        listings: updateEntries(state.listings, () => true, invalidated),
        counts: invalidated(state.counts),
        annotators: invalidated(state.annotators),
      }
    case 'backend/changed':
      return changedClaims(state, action.change, keysOfPaths(backend, action.change.claimPaths))
    case 'load/started':
      if (action.what === 'claims') {
        const listings = {
          ...state.listings,
          [action.key]: started(state.listings[action.key], action.request),
        }
        return { ...state, listings }
      }
      if (action.what === 'counts')
        return { ...state, counts: started(state.counts, action.request) }
      if (action.what === 'annotators')
        return { ...state, annotators: started(state.annotators, action.request) }
      return state
    case 'load/arrived':
      if (action.what === 'claims') {
        return withListing(state, action.key, (entry) =>
          arrived(entry, action.request, action.value),
        )
      }
      if (action.what === 'counts')
        return { ...state, counts: arrived(state.counts, action.request, action.value) }
      if (action.what === 'annotators')
        return { ...state, annotators: arrived(state.annotators, action.request, action.value) }
      return state
    case 'load/failed':
      if (action.what === 'claims') {
        return withListing(state, action.key, (entry) => failed(entry, action.request))
      }
      if (action.what === 'counts')
        return { ...state, counts: failed(state.counts, action.request) }
      if (action.what === 'annotators')
        return { ...state, annotators: failed(state.annotators, action.request) }
      return state
    case 'claims/relist':
      return {
        ...state,
        listings: updateEntries(state.listings, (key) => key === action.documentKey, invalidated),
      }
    case 'claims/snap':
      return { ...state, snap: action.snap }
    case 'claims/placing':
      return { ...state, placingId: action.claimId }
    case 'claims/nudged':
      return { ...state, nudge: action.nudge }
    default:
      return state
  }
}
