/**
 * The review module: whose work is shown beside the analyst's (colleagues' lanes in the reader),
 * blind mode, the annotators of the project with their counts, each shown document's lanes, and
 * where the reviewer is in the disagreement queue (its filter and current unit).
 *
 * Everything a colleague may have changed on disk (a listing from the backend, a merge from
 * disk, another session) makes the annotators and lanes stale; `version` tells the review and
 * agreement views to ask again.
 */
import type { DecisionReason } from '../../core/model/provenance'
import type { QueueFilter } from '../../core/review/queue'
import type { AnnotatorLanes, AnnotatorSummary, ReviewQueueResult } from '../../shared/api'
import type { Action } from './actions'
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

export interface ReviewState {
  annotators: Resource<AnnotatorSummary[]>
  /** Colleagues whose lanes are drawn, in the order they were turned on. */
  shown: readonly string[]
  /** Annotators are named A, B, C... wherever review shows them. */
  blind: boolean
  /** Lanes by document key, for the documents shown while `shown` is not empty. */
  listings: Readonly<Record<string, Resource<AnnotatorLanes>>>
  /** The disagreement queue, loaded while the review view is shown. */
  queue: Resource<ReviewQueueResult>
  filter: QueueFilter
  /** The unit the queue shows (by unit id and document), or null: the first. */
  unit: { id: string; documentKey: string } | null
  /** Bumped whenever anyone's claims may have changed: the review views ask again. */
  version: number
  /** What goes with the next decision on the unit shown; cleared when another is shown. */
  draft: DecisionDraft
}

export interface DecisionDraft {
  reason: DecisionReason | null
  note: string
  guidelines: boolean
}

export const EMPTY_DRAFT: DecisionDraft = { reason: null, note: '', guidelines: false }

export const initialReview: ReviewState = {
  annotators: emptyResource(),
  shown: [],
  blind: false,
  listings: {},
  queue: emptyResource(),
  filter: {},
  unit: null,
  version: 0,
  draft: EMPTY_DRAFT,
}

/** Everything read from colleagues' files is asked again; the reviewer's choices stay. */
function staleAll(state: ReviewState): ReviewState {
  return {
    ...state,
    annotators: invalidated(state.annotators),
    listings: updateEntries(state.listings, () => true, invalidated),
    queue: invalidated(state.queue),
    version: state.version + 1,
  }
}

export function reviewReducer(state: ReviewState, action: Action): ReviewState {
  switch (action.type) {
    case 'backend/state':
    case 'backend/session':
    case 'review/sources':
      return staleAll(state)
    case 'backend/changed':
      // The analyst's own edits change their counts and the queue, not colleagues' lanes;
      // a merge from disk may bring anyone's.
      return action.change.cause === 'disk'
        ? staleAll(state)
        : {
            ...state,
            annotators: invalidated(state.annotators),
            queue: invalidated(state.queue),
            version: state.version + 1,
          }
    case 'review/show': {
      const shown = action.shown
        ? [...state.shown.filter((name) => name !== action.annotator), action.annotator]
        : state.shown.filter((name) => name !== action.annotator)
      // Lanes are listed for the annotators shown: another set is another listing.
      return { ...state, shown, listings: updateEntries(state.listings, () => true, invalidated) }
    }
    case 'review/blind':
      return { ...state, blind: action.blind }
    case 'review/filter':
      return { ...state, filter: action.filter, unit: null, draft: EMPTY_DRAFT }
    case 'review/unit':
      return { ...state, unit: action.unit, draft: EMPTY_DRAFT }
    case 'review/draft':
      return { ...state, draft: { ...state.draft, ...action.draft } }
    case 'review/decided':
      // The decision is in the reviewer's file: the queue shows its state once listed again.
      return { ...state, queue: invalidated(state.queue), version: state.version + 1 }
    case 'load/started':
      if (action.what === 'queue') return { ...state, queue: started(state.queue, action.request) }
      if (action.what === 'annotators')
        return { ...state, annotators: started(state.annotators, action.request) }
      if (action.what === 'lanes')
        return {
          ...state,
          listings: {
            ...state.listings,
            [action.key]: started(state.listings[action.key], action.request),
          },
        }
      return state
    case 'load/arrived':
      if (action.what === 'queue')
        return { ...state, queue: arrived(state.queue, action.request, action.value) }
      if (action.what === 'annotators')
        return { ...state, annotators: arrived(state.annotators, action.request, action.value) }
      if (action.what === 'lanes')
        return withListing(state, action.key, (entry) =>
          arrived(entry, action.request, action.value),
        )
      return state
    case 'load/failed':
      if (action.what === 'queue') return { ...state, queue: failed(state.queue, action.request) }
      if (action.what === 'annotators')
        return { ...state, annotators: failed(state.annotators, action.request) }
      if (action.what === 'lanes')
        return withListing(state, action.key, (entry) => failed(entry, action.request))
      return state
    default:
      return state
  }
}

/** How review names an annotator: their name, or in blind mode a letter by their place. */
export function displayName(name: string, annotators: readonly string[], blind: boolean): string {
  if (!blind) return name
  const index = annotators.indexOf(name)
  return index < 0 ? '?' : letterOf(index)
}

/** A, B, ... Z, AA, AB... */
function letterOf(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26))
  return index < 26 ? letter : letterOf(Math.floor(index / 26) - 1) + letter
}

/** Colour-blind-safe colours (Okabe and Ito), one per annotator by their place in the project. */
export const LANE_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#B8A000',
] as const

export function colourOf(name: string, annotators: readonly string[]): string {
  const index = Math.max(0, annotators.indexOf(name))
  return LANE_COLOURS[index % LANE_COLOURS.length]!
}
