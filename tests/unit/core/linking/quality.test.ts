/**
 * Suggestion quality on the sample project: for each hand-labelled pair, a claim is made of the
 * `a` quote and suggestions are drawn from the other documents' sentences (no claims yet).
 *   P@1  the top suggestion overlaps the `b` quote
 *   R@5  a suggestion among the first five overlaps it
 * The floors are the measured values rounded down to 0.05: a regression fails the test; an
 * improvement should raise them.
 */
import { describe, expect, it } from 'vitest'
import { createSuggestionIndex, suggestLinks, type Suggestion } from '../../../../src/core/linking'
import { claimOf, loadLabelledPairs, loadSamples, type QuoteRange } from './samples'

const P_AT_1_FLOOR = 0.3
const R_AT_5_FLOOR = 0.7

function overlaps(suggestion: Suggestion, range: QuoteRange): boolean {
  const { target } = suggestion
  return (
    target.documentId === range.documentId && target.start < range.end && target.end > range.start
  )
}

describe('suggestion quality on the sample project', () => {
  const documents = loadSamples()
  const pairs = loadLabelledPairs(documents)
  const index = createSuggestionIndex({ documents, claims: [] })

  it('places every labelled quote in its article', () => {
    expect(pairs).toHaveLength(29)
    for (const pair of pairs) {
      for (const side of [pair.a, pair.b]) expect(side.end).toBeGreaterThan(side.start)
    }
  })

  it(`reaches P@1 >= ${P_AT_1_FLOOR} and R@5 >= ${R_AT_5_FLOOR}`, () => {
    let atOne = 0
    let inFive = 0
    let relationRight = 0
    pairs.forEach((pair, i) => {
      const document = documents.find((d) => d.id === pair.a.documentId)!
      const suggestions = suggestLinks({ claim: claimOf(pair.a, `pair-${i}`), document }, index, {
        limit: 5,
      })
      const rank = suggestions.findIndex((s) => overlaps(s, pair.b))
      if (rank === 0) atOne++
      if (rank >= 0) inFive++
      if (rank >= 0 && suggestions[rank]!.relation === pair.relation) relationRight++
    })
    const precision = atOne / pairs.length
    const recall = inFive / pairs.length
    console.log(
      `suggestions quality: P@1 = ${precision.toFixed(2)}, R@5 = ${recall.toFixed(2)} over ${pairs.length} labelled pairs` +
        ` (suggested relation right for ${relationRight} of the ${inFive} found)`,
    )
    expect(precision).toBeGreaterThanOrEqual(P_AT_1_FLOOR)
    expect(recall).toBeGreaterThanOrEqual(R_AT_5_FLOOR)
  })
})
