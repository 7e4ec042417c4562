/**
 * Fleiss' kappa (Fleiss 1971): agreement of a fixed number of raters per item, where every item
 * was rated by as many raters (not necessarily the same people). Written here; checked against
 * Fleiss' own example and statsmodels'.
 */

export interface FleissResult {
  kappa: number
  /** Mean agreement per item (P-bar). */
  observed: number
  /** Agreement expected by chance (P-bar-e). */
  expected: number
  items: number
  raters: number
}

/** Kappa from counts: one row per item, one column per category, each row summing to the raters. */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissResult {
  const items = counts.length
  const raters = items === 0 ? 0 : counts[0]!.reduce((sum, x) => sum + x, 0)
  for (const row of counts) {
    if (row.reduce((sum, x) => sum + x, 0) !== raters) {
      throw new Error("Fleiss' kappa needs the same number of ratings for every item")
    }
  }
  const categories = items === 0 ? 0 : counts[0]!.length
  let observed = 0
  for (const row of counts) {
    const agreeing = row.reduce((sum, n) => sum + n * (n - 1), 0)
    observed += agreeing / (raters * (raters - 1))
  }
  observed /= items
  let expected = 0
  for (let j = 0; j < categories; j++) {
    const share = counts.reduce((sum, row) => sum + row[j]!, 0) / (items * raters)
    expected += share * share
  }
  return {
    kappa: expected === 1 ? NaN : (observed - expected) / (1 - expected),
    observed,
    expected,
    items,
    raters,
  }
}
