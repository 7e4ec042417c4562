/**
 * Suggestion quality on the sample project: for each hand-labelled pair, a claim is made of the
 * `a` quote and suggestions are drawn from the other documents' sentences (no claims yet).
 *   P@1     the top suggestion overlaps the `b` quote
 *   R@5     a suggestion among the first five overlaps it
 *   MRR@10  the mean of 1 / rank of the first suggestion overlapping it (0 past the tenth)
 * The same is measured once every labelled quote is a claim: a claim and the sentence around it
 * are one passage, offered once, so the measure also guards how claims stand for their sentences.
 * The floors are the measured values rounded down to two decimals: a regression fails the test;
 * an improvement should raise them.
 */
import { describe, expect, it } from 'vitest'
import {
  createSuggestionIndex,
  suggestLinks,
  type LinkableClaim,
  type Suggestion,
} from '../../../../src/core/linking'
import { claimOf, loadLabelledPairs, loadSamples, type QuoteRange } from './samples'

const P_AT_1_FLOOR = 0.48
const R_AT_5_FLOOR = 0.79
const MRR_FLOOR = 0.63

/** The floors once every labelled quote is a claim. */
const CLAIMED_FLOORS = { precision: 0.58, recall: 0.79, mrr: 0.68 }

function overlaps(suggestion: Suggestion, range: QuoteRange): boolean {
  const { target } = suggestion
  return (
    target.documentId === range.documentId && target.start < range.end && target.end > range.start
  )
}

describe('suggestion quality on the sample project', () => {
  const documents = loadSamples()
  const pairs = loadLabelledPairs(documents)

  /** P@1, R@5 and MRR@10 over the labelled pairs, logged, with the corpus's claims. */
  function measure(claims: LinkableClaim[], setting: string) {
    const index = createSuggestionIndex({ documents, claims })
    let atOne = 0
    let inFive = 0
    let reciprocalRanks = 0
    let relationRight = 0
    pairs.forEach((pair, i) => {
      const document = documents.find((d) => d.id === pair.a.documentId)!
      const suggestions = suggestLinks({ claim: claimOf(pair.a, `pair-${i}`), document }, index, {
        limit: 10,
      })
      const rank = suggestions.findIndex((s) => overlaps(s, pair.b))
      if (rank < 0) return
      reciprocalRanks += 1 / (rank + 1)
      if (rank === 0) atOne++
      if (rank < 5) {
        inFive++
        if (suggestions[rank]!.relation === pair.relation) relationRight++
      }
    })
    const precision = atOne / pairs.length
    const recall = inFive / pairs.length
    const mrr = reciprocalRanks / pairs.length
    console.log(
      `suggestions quality (${setting}): P@1 = ${precision.toFixed(2)}, R@5 = ${recall.toFixed(2)}, MRR@10 = ${mrr.toFixed(2)}` +
        ` over ${pairs.length} labelled pairs (suggested relation right for ${relationRight} of the ${inFive} found)`,
    )
    return { precision, recall, mrr }
  }

  it('places every labelled quote in its article', () => {
    expect(pairs).toHaveLength(29)
    for (const pair of pairs) {
      for (const side of [pair.a, pair.b]) expect(side.end).toBeGreaterThan(side.start)
    }
  })

  it(`reaches P@1 >= ${P_AT_1_FLOOR}, R@5 >= ${R_AT_5_FLOOR} and MRR@10 >= ${MRR_FLOOR}`, () => {
    const { precision, recall, mrr } = measure([], 'sentences')
    expect(precision).toBeGreaterThanOrEqual(P_AT_1_FLOOR)
    expect(recall).toBeGreaterThanOrEqual(R_AT_5_FLOOR)
    expect(mrr).toBeGreaterThanOrEqual(MRR_FLOOR)
  })

  it(`reaches P@1 >= ${CLAIMED_FLOORS.precision}, R@5 >= ${CLAIMED_FLOORS.recall} and MRR@10 >= ${CLAIMED_FLOORS.mrr} once the quotes are claims`, () => {
    const claims = pairs.flatMap((pair, i) => [
      claimOf(pair.a, `a-${i}`),
      claimOf(pair.b, `b-${i}`),
    ])
    const { precision, recall, mrr } = measure(claims, 'labelled quotes claimed')
    expect(precision).toBeGreaterThanOrEqual(CLAIMED_FLOORS.precision)
    expect(recall).toBeGreaterThanOrEqual(CLAIMED_FLOORS.recall)
    expect(mrr).toBeGreaterThanOrEqual(CLAIMED_FLOORS.mrr)
  })
})
