/**
 * Krippendorff's unitizing alpha, alpha_u (Krippendorff 1995; 2004, ch. 12), as computed by
 * dkpro-statistics: how well annotators agree on where the passages of one category lie on a
 * continuum (a document's characters), each annotator's passages of that category being
 * non-overlapping. Written here from the publications (no JavaScript package computes it); the
 * tests check it against Krippendorff's and dkpro-statistics' examples.
 *
 * Each annotator's continuum is cut into segments: their units of the category and the gaps
 * between them. Observed disagreement compares every two annotators' overlapping segments;
 * expected disagreement considers every way of placing the same units on the continuum.
 */

/** One annotator's passage: [begin, begin + length) on the continuum. */
export interface AnnotatedUnit {
  begin: number
  length: number
  annotator: number
  category: string
}

export interface UnitizingStudy {
  /** The continuum: [begin, begin + length). */
  begin: number
  length: number
  /** How many annotators took part (those without units included). */
  annotators: number
  units: readonly AnnotatedUnit[]
}

export interface UnitizingResult {
  alpha: number
  observed: number
  expected: number
}

interface Segment {
  begin: number
  length: number
  isUnit: boolean
}

/** alpha_u for one category; 0 when observed and expected disagreement are equal (as dkpro). */
export function unitizingAlpha(study: UnitizingStudy, category: string): UnitizingResult {
  const observed = observedDisagreement(study, category)
  const expected = expectedDisagreement(study, category)
  return { alpha: observed === expected ? 0 : 1 - observed / expected, observed, expected }
}

/** alpha_u over all categories: the mean observed over the mean expected disagreement. */
export function unitizingAlphaOverall(study: UnitizingStudy): UnitizingResult {
  const categories = [...new Set(study.units.map((unit) => unit.category))]
  if (categories.length === 0) return { alpha: NaN, observed: NaN, expected: NaN }
  let observed = 0
  let expected = 0
  for (const category of categories) {
    observed += observedDisagreement(study, category)
    expected += expectedDisagreement(study, category)
  }
  observed /= categories.length
  expected /= categories.length
  return { alpha: observed === expected ? 0 : 1 - observed / expected, observed, expected }
}

/** Each study's segments by annotator and category, made once (every measure walks them). */
const segmentCache = new WeakMap<UnitizingStudy, Map<string, Segment[]>>()

/** One annotator's units of a category in order, and the gaps around them, covering the continuum. */
function segmentsOf(study: UnitizingStudy, annotator: number, category: string): Segment[] {
  let cache = segmentCache.get(study)
  if (!cache) {
    cache = new Map()
    const grouped = new Map<string, AnnotatedUnit[]>()
    for (const unit of study.units) {
      if (unit.length <= 0) continue
      const key = `${unit.annotator}\u0000${unit.category}`
      const list = grouped.get(key)
      if (list) list.push(unit)
      else grouped.set(key, [unit])
    }
    for (const [key, units] of grouped) cache.set(key, cover(study, units))
    segmentCache.set(study, cache)
  }
  return cache.get(`${annotator}\u0000${category}`) ?? cover(study, [])
}

/** Units (one annotator's, one category's) and the gaps between them, in order. */
function cover(study: UnitizingStudy, own: readonly AnnotatedUnit[]): Segment[] {
  const units = [...own].sort((a, b) => a.begin - b.begin)
  const segments: Segment[] = []
  let position = study.begin
  for (const unit of units) {
    if (unit.begin > position) {
      segments.push({ begin: position, length: unit.begin - position, isUnit: false })
    }
    segments.push({ begin: unit.begin, length: unit.length, isUnit: true })
    position = unit.begin + unit.length
  }
  const end = study.begin + study.length
  if (end > position) segments.push({ begin: position, length: end - position, isUnit: false })
  return segments
}

/**
 * δ² of two segments (Krippendorff 1995): two overlapping units differ by the squares of their
 * begins' and ends' distances; a unit lying inside the other's gap by its squared length;
 * anything else (two gaps, a unit only partly in a gap) by nothing.
 */
export function segmentDistance(a: Segment, b: Segment): number {
  const beginDiff = a.begin - b.begin
  const endDiff = a.begin + a.length - (b.begin + b.length)
  if (a.isUnit && b.isUnit) {
    return -a.length < beginDiff && beginDiff < b.length ? beginDiff ** 2 + endDiff ** 2 : 0
  }
  if (a.isUnit && !b.isUnit) return beginDiff >= 0 && endDiff <= 0 ? a.length ** 2 : 0
  if (!a.isUnit && b.isUnit) return beginDiff <= 0 && endDiff >= 0 ? b.length ** 2 : 0
  return 0
}

function observedDisagreement(study: UnitizingStudy, category: string): number {
  const { annotators, length } = study
  let sum = 0
  for (let first = 0; first < annotators; first++) {
    const mine = segmentsOf(study, first, category)
    for (let second = first + 1; second < annotators; second++) {
      const theirs = segmentsOf(study, second, category)
      // Both lists cover the continuum in order: walk them together, every overlapping pair once.
      let i = 0
      let j = 0
      while (i < mine.length && j < theirs.length) {
        sum += segmentDistance(mine[i]!, theirs[j]!)
        const endMine = mine[i]!.begin + mine[i]!.length
        const endTheirs = theirs[j]!.begin + theirs[j]!.length
        if (endMine <= endTheirs) i++
        if (endTheirs <= endMine) j++
      }
    }
  }
  return (2 * sum) / (annotators * (annotators - 1) * length * length)
}

function expectedDisagreement(study: UnitizingStudy, category: string): number {
  const { annotators, length } = study
  const units = study.units.filter((unit) => unit.category === category && unit.length > 0)
  const count = units.length
  const gaps: number[] = []
  for (let annotator = 0; annotator < annotators; annotator++) {
    for (const segment of segmentsOf(study, annotator, category)) {
      if (!segment.isUnit) gaps.push(segment.length)
    }
  }
  // Gaps in ascending order with suffix sums: the gaps a unit fits in are a suffix, so the sum
  // over them is two look-ups, not a walk over every gap for every unit.
  gaps.sort((a, b) => a - b)
  const suffix = new Float64Array(gaps.length + 1)
  for (let i = gaps.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + gaps[i]!
  let sum = 0
  for (const { length: l } of units) {
    // Placing the other units' lengths against this one, and this unit in every gap it fits.
    const againstUnits = ((count - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3
    const first = firstAtLeast(gaps, l)
    const fitting = gaps.length - first
    const inGaps = suffix[first]! - (l - 1) * fitting
    sum += againstUnits + l ** 2 * inGaps
  }
  const squaredLengths = units.reduce((total, { length: l }) => total + l * (l - 1), 0)
  const pairs = annotators * length * (annotators * length - 1) - squaredLengths
  return ((2 / length) * sum) / pairs
}

/** The index of the first of the ascending `values` that is >= `target` (length: none). */
function firstAtLeast(values: readonly number[], target: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle]! < target) low = middle + 1
    else high = middle
  }
  return low
}
