/**
 * The disagreement queue: every aligned unit of the reviewed documents, with what its versions
 * disagree on, in the order a reviewer settles them. Conflicts of label first (they change what
 * a claim is), then of status, certainty and attribution (what it says about it), then of
 * boundaries (where it is), then units some annotators did not mark at all; units everyone
 * marked alike come last. Pure: the backend places the claims, the UI filters and moves.
 */
import type { ReviewUnit } from './align'
import type { ReviewClaim } from './report'

/** What the versions of a unit can disagree on, in the order the queue takes them. */
export const CONFLICT_FIELDS = [
  'label',
  'status',
  'certainty',
  'attribution',
  'boundaries',
  'missing',
] as const
export type ConflictField = (typeof CONFLICT_FIELDS)[number]

/** A claim as the queue compares it. */
export interface QueueClaim extends ReviewClaim {
  attribution: string
}

export interface QueueEntry<C extends QueueClaim = QueueClaim> {
  documentPath: string
  unit: ReviewUnit<C>
  /** What the versions disagree on, in queue order; empty when they all agree. */
  conflicts: ConflictField[]
}

/** What a unit's versions disagree on. `annotators`: everyone reviewed. */
export function conflictsOf(
  unit: ReviewUnit<QueueClaim>,
  annotators: readonly string[],
): ConflictField[] {
  const versions = [...unit.versions.values()]
  const differs = (value: (claim: QueueClaim) => unknown) =>
    versions.some((claim) => value(claim) !== value(versions[0]!))
  const conflicts: ConflictField[] = []
  if (differs((claim) => claim.label)) conflicts.push('label')
  if (differs((claim) => claim.status)) conflicts.push('status')
  if (differs((claim) => claim.certainty)) conflicts.push('certainty')
  if (differs((claim) => claim.attribution.trim())) conflicts.push('attribution')
  if (differs((claim) => claim.start) || differs((claim) => claim.end)) conflicts.push('boundaries')
  if (annotators.some((annotator) => !unit.versions.has(annotator))) conflicts.push('missing')
  return conflicts
}

/** Where a unit goes in the queue: its first conflict's place, agreed units last. */
function rank(entry: QueueEntry): number {
  const first = entry.conflicts[0]
  return first === undefined ? CONFLICT_FIELDS.length : CONFLICT_FIELDS.indexOf(first)
}

/**
 * The queue of the given documents' units, in review order: by first conflict, then by
 * document (in the order given) and place in the text.
 */
export function reviewQueue<C extends QueueClaim>(
  documents: readonly { path: string; units: readonly ReviewUnit<C>[] }[],
  annotators: readonly string[],
): QueueEntry<C>[] {
  const entries = documents.flatMap((document, order) =>
    document.units.map((unit) => ({
      order,
      entry: {
        documentPath: document.path,
        unit,
        conflicts: conflictsOf(unit, annotators),
      } satisfies QueueEntry<C>,
    })),
  )
  const start = (unit: ReviewUnit<C>) =>
    Math.min(...[...unit.versions.values()].map((c) => c.start))
  return entries
    .sort(
      (a, b) =>
        rank(a.entry) - rank(b.entry) ||
        a.order - b.order ||
        start(a.entry.unit) - start(b.entry.unit) ||
        (a.entry.unit.id < b.entry.unit.id ? -1 : 1),
    )
    .map(({ entry }) => entry)
}

/** What the reviewer narrows the queue to; every field optional. */
export interface QueueFilter {
  document?: string
  /** Units where some version has this label. */
  label?: string
  /** Units with this conflict; 'agreed': units without any. */
  field?: ConflictField | 'agreed'
  /** Units these two annotators marked differently (or only one of them marked). */
  pair?: readonly [string, string]
}

export function matchesFilter(entry: QueueEntry, filter: QueueFilter): boolean {
  if (filter.document !== undefined && entry.documentPath !== filter.document) return false
  const versions = [...entry.unit.versions.values()]
  if (filter.label !== undefined && !versions.some((claim) => claim.label === filter.label))
    return false
  if (filter.field === 'agreed' && entry.conflicts.length > 0) return false
  if (
    filter.field !== undefined &&
    filter.field !== 'agreed' &&
    !entry.conflicts.includes(filter.field)
  )
    return false
  if (filter.pair !== undefined && !pairDiffers(entry.unit, filter.pair)) return false
  return true
}

function pairDiffers(unit: ReviewUnit<QueueClaim>, [first, second]: readonly [string, string]) {
  const a = unit.versions.get(first)
  const b = unit.versions.get(second)
  if (a === undefined || b === undefined) return a !== b
  return (
    conflictsOf(
      {
        ...unit,
        versions: new Map([
          [first, a],
          [second, b],
        ]),
      },
      [first, second],
    ).length > 0
  )
}
