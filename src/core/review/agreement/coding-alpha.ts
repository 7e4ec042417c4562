/**
 * Krippendorff's alpha for coded units (Krippendorff 2004, ch. 11; Hayes and Krippendorff 2007):
 * any number of coders, missing values, and the four usual metrics. Written here because no
 * maintained JavaScript package computes it with missing data and all four metrics; the tests
 * check it against the published worked examples.
 *
 * Values are counted through the coincidence matrix: within a unit coded by m coders, each
 * ordered pair of values from two different coders adds 1 / (m - 1). Units with fewer than two
 * values are not pairable and count for nothing.
 */

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio'

/** A coder's value for a unit; null: this coder did not code the unit (missing). */
export type CodedValue = string | number | null

export interface AlphaResult {
  alpha: number
  /** Observed disagreement. */
  observed: number
  /** Expected disagreement. */
  expected: number
  /** Pairable values: the values in units that two or more coders coded. */
  pairableValues: number
  /** Units that two or more coders coded. */
  pairableUnits: number
}

/**
 * Alpha over `units`, each the list of the coders' values for one unit (in any coder order; a
 * null is a coder who left the unit out). Interval, ratio and ordinal need numeric values
 * (ordinal ranks them; nominal compares them as they are). NaN when nothing is pairable or no
 * disagreement is possible.
 */
export function krippendorffAlpha(
  units: readonly (readonly CodedValue[])[],
  metric: AlphaMetric,
): AlphaResult {
  const values: CodedValue[] = []
  const index = new Map<string | number, number>()
  const pairable = units
    .map((unit) => unit.filter((value): value is string | number => value !== null))
    .filter((unit) => unit.length >= 2)
  for (const unit of pairable) {
    for (const value of unit) {
      if (!index.has(value)) {
        index.set(value, values.length)
        values.push(value)
      }
    }
  }
  if (metric !== 'nominal') {
    for (const value of values) {
      if (typeof value !== 'number')
        throw new Error(`${metric} alpha needs numbers, got "${value}"`)
    }
  }
  // Ordinal and the numeric metrics read values in order.
  const order = values
    .map((value, i) => ({ value, i }))
    .sort((a, b) => (a.value as number) - (b.value as number) || 0)
  const size = values.length
  const coincidences = Array.from({ length: size }, () => new Float64Array(size))
  for (const unit of pairable) {
    const weight = 1 / (unit.length - 1)
    for (let a = 0; a < unit.length; a++) {
      for (let b = 0; b < unit.length; b++) {
        if (a !== b) coincidences[index.get(unit[a]!)!]![index.get(unit[b]!)!]! += weight
      }
    }
  }
  const totals = coincidences.map((row) => row.reduce((sum, x) => sum + x, 0))
  const n = totals.reduce((sum, x) => sum + x, 0)
  const distance = distanceFunction(metric, values, totals, order)

  let observed = 0
  let expected = 0
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = distance(c, k)
      if (d === 0) continue
      observed += coincidences[c]![k]! * d
      expected += totals[c]! * totals[k]! * d
    }
  }
  observed /= n
  expected /= n * (n - 1)
  return {
    alpha: n === 0 || expected === 0 ? NaN : 1 - observed / expected,
    observed,
    expected,
    pairableValues: n,
    pairableUnits: pairable.length,
  }
}

/** The squared difference δ²(c, k) between the values at indices c and k. */
function distanceFunction(
  metric: AlphaMetric,
  values: readonly CodedValue[],
  totals: readonly number[],
  order: readonly { i: number }[],
): (c: number, k: number) => number {
  switch (metric) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1)
    case 'interval':
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2
    case 'ratio':
      return (c, k) => {
        const x = values[c] as number
        const y = values[k] as number
        return x + y === 0 ? 0 : ((x - y) / (x + y)) ** 2
      }
    case 'ordinal': {
      // The values between c and k, both included, weigh as many as they were coded; the ends
      // count half (Krippendorff 2004, p. 223).
      const rank = new Map(order.map(({ i }, position) => [i, position]))
      const cumulative = [0]
      for (const { i } of order) cumulative.push(cumulative.at(-1)! + totals[i]!)
      return (c, k) => {
        const [low, high] = [rank.get(c)!, rank.get(k)!].sort((a, b) => a - b) as [number, number]
        const between = cumulative[high + 1]! - cumulative[low]!
        return (between - (totals[c]! + totals[k]!) / 2) ** 2
      }
    }
  }
}
