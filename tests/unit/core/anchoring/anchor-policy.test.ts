// The edges of anchorClaim's minimum-score rule, on small texts where each rule is isolated.
import { describe, expect, it } from 'vitest'
import {
  anchorClaim,
  describeRange,
  MIN_DISTINCTIVE_QUOTE_LENGTH,
  type RangeSelectors,
} from '../../../../src/core/anchoring'

function selectors(text: string, quote: string): RangeSelectors {
  const start = text.indexOf(quote)
  return describeRange(text, start, start + quote.length)
}

describe('anchorClaim minimum score', () => {
  it('trusts a long exact quote found exactly once, even with all its context gone', () => {
    const quote = 'the ministry confirmed the shipments'
    expect(quote.length).toBeGreaterThanOrEqual(MIN_DISTINCTIVE_QUOTE_LENGTH)
    const saved = selectors(`Late on Friday ${quote} in a statement.`, quote)
    const text = `A completely different opening line. Yes, ${quote}! Nothing else matches.`
    expect(anchorClaim(text, saved)).toMatchObject({
      status: 'moved',
      start: text.indexOf(quote),
      score: 1,
    })
  })

  it('does not trust a short exact quote found once elsewhere without its context', () => {
    const saved = selectors('Officials in Moscow denied it.', 'Moscow')
    const text = 'An unrelated story that mentions Moscow in passing, at the end.'
    expect(anchorClaim(text, saved)).toMatchObject({ status: 'orphan', reason: 'context-changed' })
  })

  it('does not move an approximate quote whose context is gone', () => {
    const quote = 'the ministry confirmed the shipments'
    const saved = selectors(`Late on Friday ${quote} in a statement.`, quote)
    const text = 'Something else entirely: the ministry confirmed some shipments. The end.'
    expect(anchorClaim(text, saved)).toMatchObject({ status: 'orphan', reason: 'context-changed' })
  })

  it('reports not-found when nothing resembles the quote', () => {
    const saved = selectors('Late on Friday the ministry confirmed it.', 'ministry confirmed')
    expect(anchorClaim('Zzzz zzzz zzzz.', saved)).toEqual({ status: 'orphan', reason: 'not-found' })
  })

  it('reports how close the nearest rejected candidate came', () => {
    const quote = 'the ministry confirmed the shipments'
    const saved = selectors(`Late on Friday ${quote} in a statement.`, quote)
    const text = `Late on Friday the agency disputed all shipments in a statement.`
    const result = anchorClaim(text, saved)
    expect(result).toMatchObject({ status: 'orphan', reason: 'quote-changed' })
    if (result.status === 'orphan') {
      expect(result.nearest!.quoteSimilarity).toBeLessThan(0.8)
      expect(result.nearest!.contextSimilarity).toBeGreaterThan(0.9)
    }
  })

  it('lets the caller tighten or loosen the thresholds', () => {
    const quote = 'the ministry confirmed the shipments'
    const saved = selectors(`Late on Friday ${quote} in a statement.`, quote)
    const text = `Late on Friday the ministry confirmed all shipments in a statement.`
    expect(anchorClaim(text, saved)).toMatchObject({ status: 'moved' })
    expect(anchorClaim(text, saved, { minQuoteSimilarity: 0.99 })).toMatchObject({
      status: 'orphan',
      reason: 'quote-changed',
    })
    const noContext = `Other words. The ministry confirmed all shipments. Other words.`
    expect(anchorClaim(noContext, saved)).toMatchObject({ status: 'orphan' })
    expect(anchorClaim(noContext, saved, { minContextSimilarity: 0 })).toMatchObject({
      status: 'moved',
    })
  })

  it('does not take the fast path for a position outside the new text', () => {
    const quote = 'Moscow denied the allegations'
    const saved = selectors(`Intro. ${quote}. More.`, quote)
    expect(saved.position.end).toBeGreaterThan(`${quote}.`.length)
    expect(anchorClaim(`${quote}.`, saved)).toMatchObject({ status: 'moved', start: 0, score: 1 })
    const empty = describeRange('abc', 3, 3)
    expect(anchorClaim('ab', empty)).toEqual({ status: 'orphan', reason: 'not-found' })
  })
})
