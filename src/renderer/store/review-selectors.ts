/**
 * What the review module's state means on screen: the project's annotator names, how each is
 * called (blind mode) and coloured, and the lanes a reader draws.
 */
import { matchesFilter, type QueueFilter } from '../../core/review/queue'
import type {
  AnnotatorLanes,
  AnnotatorSummary,
  Label,
  RelationType,
  ReviewQueueResult,
  ReviewQueueUnit,
} from '../../shared/api'
import type { ReaderLanes } from '../reader/lanes'
import { colourOf, displayName } from './review'
import { labelsOf, relationsOf } from './selectors'
import type { AppState } from './state'
import { memoize } from './store'

const NO_ANNOTATORS: readonly AnnotatorSummary[] = []

export const annotatorsOf = (state: AppState): readonly AnnotatorSummary[] =>
  state.review.annotators.value ?? NO_ANNOTATORS

const namesBy = memoize((annotators: readonly AnnotatorSummary[]) =>
  annotators.map((annotator) => annotator.name),
)
/** Every annotator of the project, in the order colours and blind letters are given. */
export const annotatorNamesOf = (state: AppState): readonly string[] => namesBy(annotatorsOf(state))

/** How review calls an annotator (their name, or their letter in blind mode). */
export const nameOf = (state: AppState, name: string): string =>
  displayName(name, annotatorNamesOf(state), state.review.blind)

function readerLanes(
  listing: AnnotatorLanes,
  names: readonly string[],
  blind: boolean,
  labels: readonly Label[],
  relations: readonly RelationType[],
): ReaderLanes {
  const labelName = new Map(labels.map((label) => [label.id, label.name]))
  const relationName = new Map(relations.map((relation) => [relation.id, relation.name]))
  const linksText = (links: readonly string[]) =>
    links.length === 0
      ? ''
      : ` · ${links.length === 1 ? '1 link' : `${links.length} links`}: ${[...new Set(links)]
          .map((id) => relationName.get(id) ?? id)
          .join(', ')}`
  const lanes = listing.lanes.map((lane) => ({
    name: displayName(lane.annotator, names, blind),
    colour: colourOf(lane.annotator, names),
  }))
  return {
    lanes,
    spans: listing.lanes.flatMap((lane, index) =>
      lane.claims.map((claim) => ({
        lane: index,
        start: claim.start,
        end: claim.end,
        title:
          `${lanes[index]!.name}: ${labelName.get(claim.label) ?? claim.label}` +
          (claim.status === 'asserted' ? '' : ` (${claim.status})`) +
          linksText(claim.links),
        links: claim.links.length,
      })),
    ),
  }
}

/** One memory per document key: each pane's lanes keep their identity while nothing changed. */
const laneMemory = new Map<string, typeof readerLanes>()

/** The lanes the reader of `key` draws; null while no colleague is shown. */
export const lanesOf = (state: AppState, key: string | null): ReaderLanes | null => {
  if (key === null || state.review.shown.length === 0) return null
  const listing = state.review.listings[key]?.value
  if (!listing) return null
  let derive = laneMemory.get(key)
  if (!derive) {
    if (laneMemory.size > 32) laneMemory.clear()
    derive = memoize(readerLanes)
    laneMemory.set(key, derive)
  }
  return derive(
    listing,
    annotatorNamesOf(state),
    state.review.blind,
    labelsOf(state),
    relationsOf(state),
  )
}

const NO_UNITS: readonly ReviewQueueUnit[] = []

/** A queue unit as core/review's filter reads it (versions by annotator). */
function asEntry(unit: ReviewQueueUnit) {
  return {
    documentPath: unit.documentPath,
    conflicts: unit.conflicts,
    unit: {
      id: unit.id,
      kind: 'overlapping' as const,
      versions: new Map(
        unit.versions.map((version) => [
          version.annotator,
          { ...version, id: version.claimId, attribution: version.attributedTo },
        ]),
      ),
    },
  }
}

const filteredBy = memoize((queue: ReviewQueueResult | null, filter: QueueFilter) =>
  queue === null ? NO_UNITS : queue.units.filter((unit) => matchesFilter(asEntry(unit), filter)),
)
/** The queue's units the filter keeps, in review order. */
export const filteredQueueOf = (state: AppState): readonly ReviewQueueUnit[] =>
  filteredBy(state.review.queue.value, state.review.filter)

/** Where the reviewer is in the filtered queue: the unit chosen, else the first; -1: empty. */
export const queuePositionOf = (state: AppState): number => {
  const units = filteredQueueOf(state)
  const wanted = state.review.unit
  if (units.length === 0) return -1
  if (wanted === null) return 0
  const index = units.findIndex(
    (unit) => unit.id === wanted.id && unit.documentKey === wanted.documentKey,
  )
  return Math.max(0, index)
}
