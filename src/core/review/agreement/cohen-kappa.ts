/**
 * Cohen's kappa (Cohen 1960) for two annotators, and its weighted form (Cohen 1968) for ordered
 * categories. Written here: a few lines of arithmetic, checked against Cohen's own examples,
 * scikit-learn's and R irr's.
 */

export type KappaWeights = 'none' | 'linear' | 'quadratic'

export interface KappaResult {
  kappa: number
  /** Observed agreement (unweighted: the share of items on the diagonal). */
  observed: number
  /** Agreement expected by chance from each annotator's own distribution. */
  expected: number
  items: number
}

/**
 * Kappa from a contingency table: rows are the first annotator's categories, columns the
 * second's, in the same order (their order is the scale for weighted kappa).
 */
export function cohenKappa(
  table: readonly (readonly number[])[],
  weights: KappaWeights = 'none',
): KappaResult {
  const size = table.length
  const items = table.flat().reduce((sum, x) => sum + x, 0)
  const rows = table.map((row) => row.reduce((sum, x) => sum + x, 0))
  const columns = Array.from({ length: size }, (_, j) =>
    table.reduce((sum, row) => sum + row[j]!, 0),
  )
  const disagreement = (i: number, j: number) =>
    weights === 'none' ? (i === j ? 0 : 1) : weights === 'linear' ? Math.abs(i - j) : (i - j) ** 2
  const maximum = disagreement(0, Math.max(0, size - 1)) || 1
  let observedDisagreement = 0
  let expectedDisagreement = 0
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const weight = disagreement(i, j) / maximum
      observedDisagreement += (weight * table[i]![j]!) / items
      expectedDisagreement += (weight * rows[i]! * columns[j]!) / (items * items)
    }
  }
  return {
    kappa: expectedDisagreement === 0 ? NaN : 1 - observedDisagreement / expectedDisagreement,
    observed: 1 - observedDisagreement,
    expected: 1 - expectedDisagreement,
    items,
  }
}

/** The contingency table of two annotators' labels for the same items, over `categories`. */
export function contingencyTable<T>(
  first: readonly T[],
  second: readonly T[],
  categories: readonly T[],
): number[][] {
  if (first.length !== second.length) throw new Error('Both annotators must label the same items')
  const position = new Map(categories.map((category, i) => [category, i]))
  const table = categories.map(() => categories.map(() => 0))
  first.forEach((label, item) => {
    const row = position.get(label)
    const column = position.get(second[item]!)
    if (row === undefined || column === undefined) throw new Error('A label is not a category')
    table[row]![column]!++
  })
  return table
}
