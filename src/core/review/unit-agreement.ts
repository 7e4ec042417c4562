/**
 * Agreement over aligned units (align.ts): how often two annotators marked the same passages
 * (F1, exact and overlapping), and how well they agree on what they said of them (labels,
 * status, certainty) where both did.
 *
 * Conventions, stated because tools differ on them:
 * - Span F1 of a pair counts one-to-one matches: a unit holding both annotators' versions is a
 *   match (overlapping), and an exact match when the two spans are identical.
 *   F1 = 2 * matches / (claims of the first + claims of the second).
 * - Labels and status use Krippendorff's alpha (nominal) over the units, an annotator without a
 *   version in a unit counting as missing data for that unit; certainty uses alpha (ordinal),
 *   "not assessed" counting as missing. Cohen's kappa is given for two annotators over the
 *   units both coded; Fleiss' kappa only where every annotator coded every unit.
 */
import { contingencyTable, cohenKappa } from './agreement/cohen-kappa'
import { krippendorffAlpha, type AlphaMetric, type CodedValue } from './agreement/coding-alpha'
import { fleissKappa } from './agreement/fleiss-kappa'
import type { AlignedClaim, ReviewUnit } from './align'

export interface SpanAgreement {
  /** Claims of each annotator of the pair. */
  first: number
  second: number
  exactMatches: number
  overlapMatches: number
  exactF1: number
  overlapF1: number
}

/** Span F1 of two annotators over units (of one document or many). */
export function spanAgreement(
  units: readonly ReviewUnit[],
  first: string,
  second: string,
): SpanAgreement {
  let firstCount = 0
  let secondCount = 0
  let exact = 0
  let overlap = 0
  for (const unit of units) {
    const a = unit.versions.get(first)
    const b = unit.versions.get(second)
    if (a) firstCount++
    if (b) secondCount++
    if (a && b) {
      overlap++
      if (a.start === b.start && a.end === b.end) exact++
    }
  }
  const f1 = (matches: number) =>
    firstCount + secondCount === 0 ? NaN : (2 * matches) / (firstCount + secondCount)
  return {
    first: firstCount,
    second: secondCount,
    exactMatches: exact,
    overlapMatches: overlap,
    exactF1: f1(exact),
    overlapF1: f1(overlap),
  }
}

export interface FieldAgreement {
  alpha: number
  metric: AlphaMetric
  /** Units coded by two or more of the annotators (what alpha is computed on). */
  units: number
  /** Two annotators: Cohen's kappa over the units both coded; otherwise null. */
  cohenKappa: number | null
  /** Every annotator coded every unit: Fleiss' kappa; otherwise null. */
  fleissKappa: number | null
}

/**
 * Agreement on one field of the versions (`value` reads it; null: not given, counted as missing)
 * among `annotators` over `units`.
 */
export function fieldAgreement<C extends AlignedClaim>(
  units: readonly ReviewUnit<C>[],
  annotators: readonly string[],
  value: (claim: C) => string | number | null,
  metric: AlphaMetric = 'nominal',
): FieldAgreement {
  const rows: CodedValue[][] = units.map((unit) =>
    annotators.map((annotator) => {
      const version = unit.versions.get(annotator)
      return version ? value(version) : null
    }),
  )
  const alpha = krippendorffAlpha(rows, metric)
  const complete = rows.filter((row) => row.every((v) => v !== null)) as (string | number)[][]
  const categories = [...new Set(complete.flat())].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  )
  let cohen: number | null = null
  if (annotators.length === 2 && complete.length > 0) {
    const table = contingencyTable(
      complete.map((row) => row[0]!),
      complete.map((row) => row[1]!),
      categories,
    )
    cohen = cohenKappa(table).kappa
  }
  let fleiss: number | null = null
  if (annotators.length >= 2 && complete.length === rows.length && rows.length > 0) {
    fleiss = fleissKappa(
      complete.map((row) => categories.map((category) => row.filter((v) => v === category).length)),
    ).kappa
  }
  return {
    alpha: alpha.alpha,
    metric,
    units: alpha.pairableUnits,
    cohenKappa: cohen,
    fleissKappa: fleiss,
  }
}
