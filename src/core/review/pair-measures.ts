/**
 * The figures a pair of annotators has in the agreement report, by name: what the pairwise
 * matrix picture colours its cells by, and what `corroborate agree` lists per pair. One table,
 * so the two never disagree on which number a name means or what it rests on.
 */
import type { AgreementReport, PairReport, WithNulls } from './report'

export const PAIR_MEASURES = [
  'span-f1',
  'span-f1-exact',
  'labels-alpha',
  'labels-kappa',
  'link-f1',
  'relation-kappa',
  'cluster-f1',
] as const
export type PairMeasure = (typeof PAIR_MEASURES)[number]

/** For people: the measure's name in titles, legends and tooltips. */
export const PAIR_MEASURE_NAMES: Readonly<Record<PairMeasure, string>> = {
  'span-f1': 'span F1 (overlapping)',
  'span-f1-exact': 'span F1 (exact)',
  'labels-alpha': "labels, Krippendorff's alpha",
  'labels-kappa': "labels, Cohen's kappa",
  'link-f1': 'link F1',
  'relation-kappa': "relations, Cohen's kappa",
  'cluster-f1': 'clusters, mean F1 (MUC, B-cubed, CEAF-e, BLANC)',
}

/** What n counts for each measure. */
export const PAIR_MEASURE_ITEMS: Readonly<Record<PairMeasure, string>> = {
  'span-f1': 'claims',
  'span-f1-exact': 'claims',
  'labels-alpha': 'units',
  'labels-kappa': 'units',
  'link-f1': 'links',
  'relation-kappa': 'pairs both linked',
  'cluster-f1': 'units',
}

export interface PairFigure {
  /** null (or NaN in a report not yet made JSON-safe): nothing to compute it on. */
  value: number | null
  /** What the figure rests on (see PAIR_MEASURE_ITEMS). */
  items: number
}

type AnyReport = AgreementReport | WithNulls<AgreementReport>
type AnyPair = PairReport | WithNulls<PairReport>

/** One figure of a pair; `report` gives what cluster F1 rests on (every unit). */
export function pairFigure(report: AnyReport, pair: AnyPair, measure: PairMeasure): PairFigure {
  const count = (value: number | null) => value ?? 0
  const spans = count(pair.spans.first) + count(pair.spans.second)
  const links = count(pair.links.first) + count(pair.links.second)
  const figure = (value: number | null, items: number): PairFigure => ({
    value: value === null || Number.isNaN(value) ? null : value,
    items,
  })
  switch (measure) {
    case 'span-f1':
      return figure(pair.spans.overlapF1, spans)
    case 'span-f1-exact':
      return figure(pair.spans.exactF1, spans)
    case 'labels-alpha':
      return figure(pair.labels.alpha, count(pair.labels.units))
    case 'labels-kappa':
      return figure(pair.labels.cohenKappa, count(pair.labels.units))
    case 'link-f1':
      return figure(pair.links.f1, links)
    case 'relation-kappa':
      return figure(pair.links.relationKappa, count(pair.links.sharedPairs))
    case 'cluster-f1':
      return figure(pair.clusters.averageF1, count(report.units))
  }
}
