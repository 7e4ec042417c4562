/**
 * The agreement report of a project: every measure of review computed once over the annotators'
 * claims and links, overall, per pair of annotators, per label and per document, each figure
 * with the number of items it rests on. The dashboard and `corroborate agree` show this.
 */
import type { Link } from '../model/link'
import { coreferenceScores, type CoreferenceScores, type Partition } from './agreement/coreference'
import {
  unitizingAlphaOverall,
  unitizingAlpha,
  type AnnotatedUnit,
} from './agreement/unitizing-alpha'
import { alignClaims, type AlignedClaim, type ReviewUnit } from './align'
import { linkAgreement, type LinkAgreement } from './link-agreement'
import {
  fieldAgreement,
  spanAgreement,
  type FieldAgreement,
  type SpanAgreement,
} from './unit-agreement'

/** A claim as review compares it, placed in its document's current text. */
export interface ReviewClaim extends AlignedClaim {
  status: string
  certainty: 'low' | 'medium' | 'high' | null
}

export interface ReviewDocument {
  path: string
  /** Length of the canonical text (the continuum of unitizing alpha). */
  length: number
  claims: readonly ReviewClaim[]
}

export interface ReviewInput {
  /** The annotators reviewed, in order. */
  annotators: readonly string[]
  documents: readonly ReviewDocument[]
  /** Each annotator's links. */
  links: ReadonlyMap<string, readonly Pick<Link, 'from' | 'to' | 'relation'>[]>
  /** Relations whose direction does not matter. */
  undirected: ReadonlySet<string>
  /** The relation whose links make clusters ("same claim"). */
  clusterRelation: string
}

export interface PairReport {
  first: string
  second: string
  spans: SpanAgreement
  labels: FieldAgreement
  links: LinkAgreement
  clusters: CoreferenceScores
}

export interface LabelReport {
  label: string
  /** Claims with this label, all annotators together. */
  claims: number
  /** Unitizing alpha of this label over every document's characters. */
  alphaU: number
}

export interface DocumentReport {
  path: string
  claims: number
  units: number
  labels: FieldAgreement
  alphaU: number
}

export interface AgreementReport {
  annotators: string[]
  documents: number
  claims: number
  units: number
  overall: {
    labels: FieldAgreement
    status: FieldAgreement
    certainty: FieldAgreement
    /** Unitizing alpha over all labels and documents. */
    alphaU: number
  }
  pairs: PairReport[]
  perLabel: LabelReport[]
  perDocument: DocumentReport[]
}

const CERTAINTY_RANK = { low: 0, medium: 1, high: 2 } as const

export function agreementReport(input: ReviewInput): AgreementReport {
  const { annotators } = input
  const reviewed = new Set(annotators)
  const perDocument = input.documents.map((document) => {
    const claims = document.claims.filter((claim) => reviewed.has(claim.annotator))
    return { document, claims, units: alignClaims(claims, annotators) }
  })
  const units = perDocument.flatMap((entry) => entry.units)
  const label = (claim: ReviewClaim) => claim.label
  const continuum = concatenated(perDocument.map(({ document, claims }) => ({ document, claims })))

  const clusters = new Map(
    annotators.map((annotator) => [
      annotator,
      clustersOf(units, annotator, input.links.get(annotator) ?? [], input.clusterRelation),
    ]),
  )
  const pairs: PairReport[] = []
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const [first, second] = [annotators[i]!, annotators[j]!]
      const firstLinks = input.links.get(first) ?? []
      const secondLinks = input.links.get(second) ?? []
      pairs.push({
        first,
        second,
        spans: spanAgreement(units, first, second),
        labels: fieldAgreement(units, [first, second], label),
        links: linkAgreement(units, firstLinks, secondLinks, input.undirected),
        clusters: coreferenceScores(clusters.get(first)!, clusters.get(second)!),
      })
    }
  }

  const labels = [...new Set(continuum.units.map((unit) => unit.category))].sort()
  return {
    annotators: [...annotators],
    documents: input.documents.length,
    claims: perDocument.reduce((sum, entry) => sum + entry.claims.length, 0),
    units: units.length,
    overall: {
      labels: fieldAgreement(units, annotators, label),
      status: fieldAgreement(units, annotators, (claim) => claim.status),
      certainty: fieldAgreement(
        units,
        annotators,
        (claim) => (claim.certainty === null ? null : CERTAINTY_RANK[claim.certainty]),
        'ordinal',
      ),
      alphaU: unitizingAlphaOverall(continuum).alpha,
    },
    pairs,
    perLabel: labels.map((name) => ({
      label: name,
      claims: continuum.units.filter((unit) => unit.category === name).length,
      alphaU: unitizingAlpha(continuum, name).alpha,
    })),
    perDocument: perDocument.map(({ document, claims, units: own }) => ({
      path: document.path,
      claims: claims.length,
      units: own.length,
      labels: fieldAgreement(own, annotators, label),
      alphaU: unitizingAlphaOverall(concatenated([{ document, claims }])).alpha,
    })),
  }

  function concatenated(entries: { document: ReviewDocument; claims: readonly ReviewClaim[] }[]) {
    const unitsOnContinuum: AnnotatedUnit[] = []
    let offset = 0
    for (const { document, claims } of entries) {
      for (const [annotator, index] of annotators.map((a, n) => [a, n] as const)) {
        for (const merged of mergedByLabel(claims.filter((c) => c.annotator === annotator))) {
          unitsOnContinuum.push({ ...merged, begin: merged.begin + offset, annotator: index })
        }
      }
      offset += document.length
    }
    return { begin: 0, length: offset, annotators: annotators.length, units: unitsOnContinuum }
  }
}

/**
 * One annotator's passages of each label, overlapping ones joined: unitizing alpha takes an
 * annotator's units of one category as non-overlapping (two overlapping claims of the same
 * label mark one stretch of text as that label).
 */
function mergedByLabel(claims: readonly ReviewClaim[]): Omit<AnnotatedUnit, 'annotator'>[] {
  const byLabel = new Map<string, ReviewClaim[]>()
  for (const claim of claims) pushTo(byLabel, claim.label, claim)
  const merged: Omit<AnnotatedUnit, 'annotator'>[] = []
  for (const [category, own] of byLabel) {
    const sorted = [...own].sort((a, b) => a.start - b.start)
    let current: { start: number; end: number } | null = null
    for (const claim of sorted) {
      if (current && claim.start <= current.end) current.end = Math.max(current.end, claim.end)
      else {
        if (current)
          merged.push({ begin: current.start, length: current.end - current.start, category })
        current = { start: claim.start, end: claim.end }
      }
    }
    if (current)
      merged.push({ begin: current.start, length: current.end - current.start, category })
  }
  return merged
}

/**
 * An annotator's clusters over units: units joined by their links of `relation`, every other
 * unit they have a version in alone (singletons count; see agreement/coreference.ts).
 */
export function clustersOf(
  units: readonly ReviewUnit[],
  annotator: string,
  links: readonly Pick<Link, 'from' | 'to' | 'relation'>[],
  relation: string,
): Partition {
  const unitOf = new Map<string, string>()
  const parent = new Map<string, string>()
  for (const unit of units) {
    const version = unit.versions.get(annotator)
    if (!version) continue
    unitOf.set(version.id, unit.id)
    parent.set(unit.id, unit.id)
  }
  const root = (id: string): string => {
    let top = id
    while (parent.get(top) !== top) top = parent.get(top)!
    parent.set(id, top)
    return top
  }
  for (const link of links) {
    if (link.relation !== relation || link.to.kind !== 'claim') continue
    const from = unitOf.get(link.from)
    const to = unitOf.get(link.to.claimId)
    if (from !== undefined && to !== undefined) parent.set(root(from), root(to))
  }
  const clusters = new Map<string, string[]>()
  for (const id of parent.keys()) pushTo(clusters, root(id), id)
  return [...clusters.values()]
}

/**
 * A value with each number that may be NaN (a figure that cannot be computed: no pairable
 * items, no variation) as number | null: JSON has no NaN, and a door must not turn it into a
 * number it is not.
 */
export type WithNulls<T> = T extends number
  ? number | null
  : T extends readonly (infer U)[]
    ? WithNulls<U>[]
    : T extends object
      ? { [K in keyof T]: WithNulls<T[K]> }
      : T

export function nanAsNull<T>(value: T): WithNulls<T> {
  if (typeof value === 'number') return (Number.isNaN(value) ? null : value) as WithNulls<T>
  if (Array.isArray(value)) return value.map((item: unknown) => nanAsNull(item)) as WithNulls<T>
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, nanAsNull(item)]),
    ) as WithNulls<T>
  }
  return value as WithNulls<T>
}

/** Appends to the list under `key` (lists built in place: spreading a copy per item is quadratic). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
