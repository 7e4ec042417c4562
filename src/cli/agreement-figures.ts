/**
 * The figures of an agreement result as rows (scope, subject, measure, value, items): what
 * `corroborate agree` prints as CSV or Markdown, and what --fail-below checks. One list, so the
 * three never disagree on a name or a value.
 */
import { pairFigure, type PairMeasure } from '../core/review'
import type { AgreementResult } from '../shared/api'

export interface Figure {
  scope: 'overall' | 'pair' | 'label' | 'document'
  /** The pair ("alice/bob"), label or document path; empty for overall figures. */
  subject: string
  measure: string
  /** null: nothing to compute it on. */
  value: number | null
  /** What the figure rests on (units, claims, links...). */
  items: number
}

/** Overall figures, the pairwise ones as their mean over pairs: what --fail-below can name. */
export const GATED_MEASURES = [
  'labels-alpha',
  'status-alpha',
  'certainty-alpha',
  'alpha-u',
  'span-f1',
  'span-f1-exact',
  'link-f1',
  'cluster-f1',
] as const
export type GatedMeasure = (typeof GATED_MEASURES)[number]

/** The pair figures listed, in this order (core/review/pair-measures.ts says what each is). */
const LISTED_PAIR_MEASURES: readonly PairMeasure[] = [
  'span-f1',
  'span-f1-exact',
  'labels-kappa',
  'link-f1',
  'relation-kappa',
  'cluster-f1',
]

export function agreementFigures({ report }: AgreementResult): Figure[] {
  const { overall } = report
  const figures: Figure[] = [
    figure('overall', '', 'labels-alpha', overall.labels.alpha, overall.labels.units),
    figure('overall', '', 'status-alpha', overall.status.alpha, overall.status.units),
    figure('overall', '', 'certainty-alpha', overall.certainty.alpha, overall.certainty.units),
    figure('overall', '', 'alpha-u', overall.alphaU, report.claims),
  ]
  const pairFigures = report.pairs.flatMap((pair): Figure[] => {
    const subject = `${pair.first}/${pair.second}`
    return LISTED_PAIR_MEASURES.map((measure) => {
      const { value, items } = pairFigure(report, pair, measure)
      return figure('pair', subject, measure, value, items)
    })
  })
  for (const measure of ['span-f1', 'span-f1-exact', 'link-f1', 'cluster-f1']) {
    const own = pairFigures.filter((f) => f.measure === measure)
    const values = own.map((f) => f.value).filter((v): v is number => v !== null)
    const mean = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
    figures.push(
      figure(
        'overall',
        '',
        measure,
        mean,
        own.reduce((sum, f) => sum + f.items, 0),
      ),
    )
  }
  figures.push(...pairFigures)
  for (const label of report.perLabel) {
    figures.push(figure('label', label.label, 'alpha-u', label.alphaU, label.claims ?? 0))
  }
  for (const document of report.perDocument) {
    const claims = document.claims ?? 0
    figures.push(
      figure(
        'document',
        document.path,
        'labels-alpha',
        document.labels.alpha,
        document.labels.units ?? 0,
      ),
      figure('document', document.path, 'alpha-u', document.alphaU, claims),
    )
  }
  return figures
}

function figure(
  scope: Figure['scope'],
  subject: string,
  measure: string,
  value: number | null,
  items: number | null,
): Figure {
  return { scope, subject, measure, value, items: items ?? 0 }
}

/** "labels-alpha=0.8" -> the floor; an error message for anything else. */
export function parseFloor(text: string): { measure: GatedMeasure; floor: number } | string {
  const match = /^([a-z0-9-]+)=(-?\d+(?:\.\d+)?)$/.exec(text.trim())
  if (!match) return `--fail-below takes measure=value (e.g. labels-alpha=0.67), not "${text}".`
  const measure = match[1] as GatedMeasure
  if (!GATED_MEASURES.includes(measure)) {
    return `--fail-below: unknown measure "${match[1]}" (one of ${GATED_MEASURES.join(', ')}).`
  }
  return { measure, floor: Number(match[2]) }
}
