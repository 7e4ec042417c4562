import { describe, expect, it } from 'vitest'
import {
  figuresOf,
  findQuoteCandidates,
  matchQuote,
  maxErrorsFor,
  rankQuoteMatches,
  sameFigures,
  textSimilarity,
} from '../../../../src/core/anchoring'

/** Deterministic filler prose, so long texts differ everywhere (no accidental repeats). */
function prose(words: number, seed: number): string {
  const vocabulary = ['ship', 'port', 'rail', 'shell', 'cargo', 'night', 'north', 'border']
  const out: string[] = []
  let state = seed
  for (let i = 0; i < words; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    out.push(vocabulary[(state >>> 16) % vocabulary.length] + ((state >>> 8) % 97))
  }
  return out.join(' ')
}

describe('matchQuote', () => {
  it('reports the evidence behind each candidate', () => {
    const text = 'we had everything before us, we had nothing before us'
    const [best, second] = rankQuoteMatches(text, 'before us', { prefix: 'we had nothing ' })
    expect(best).toMatchObject({ start: 44, quoteSimilarity: 1, prefixSimilarity: 1 })
    expect(best.suffixSimilarity).toBeNull()
    expect(second.start).toBe(18)
    expect(second.prefixSimilarity).toBeLessThan(1)
    expect(second.textScore).toBeLessThan(best.textScore)
  })

  it("finds the quote's own edited passage even when a closer lookalike exists", () => {
    // approx-string-match reports only the fewest-error places: the lookalike (1 edit) would
    // hide the claim's own passage (2 edits). The second search round brings it back, and
    // its context wins.
    const quote = 'the convoy crossed the river at dawn'
    const own = 'Officials said that the convoy crossed a river at dusk, then turned north.'
    const lookalike = 'In a separate drill, the convoy crossed the river at down, reports said.'
    const text = `${lookalike}\n\n${own}`
    expect(findQuoteCandidates(text, quote).length).toBeGreaterThanOrEqual(2)
    const match = matchQuote(text, quote, {
      prefix: 'Officials said that ',
      suffix: ', then turned north.',
    })!
    // Of the equally costly ends ("...at d", "...at dusk") the one its suffix fits is kept.
    expect(text.slice(match.start, match.end)).toBe('the convoy crossed a river at dusk')
  })

  it('bounds the error budget at half the quote and at most 256 edits', () => {
    expect(maxErrorsFor('abcd')).toBe(2)
    expect(maxErrorsFor('x'.repeat(400))).toBe(200)
    expect(maxErrorsFor('x'.repeat(5000))).toBe(256)
  })

  it('finds a long quote with scattered edits, and not one edited beyond the budget', () => {
    const quote = prose(200, 7) // well over 512 units: the 256-edit cap applies
    expect(quote.length).toBeGreaterThan(1000)
    const text = `${prose(300, 1)} ${quote} ${prose(300, 2)}`
    const lightlyEdited = text.replace(/ship/g, 'SHIP')
    const match = matchQuote(lightlyEdited, quote)!
    expect(match.start).toBe(text.indexOf(quote))
    expect(match.end - match.start).toBe(quote.length)

    const heavilyEdited = `${prose(300, 1)} ${quote.replace(/[a-z]/g, 'Z')} ${prose(300, 2)}`
    expect(matchQuote(heavilyEdited, quote)).toBeNull()
  })

  it('gives no match for an empty quote or text', () => {
    expect(matchQuote('text', '')).toBeNull()
    expect(matchQuote('', 'text')).toBeNull()
    expect(findQuoteCandidates('', 'text')).toEqual([])
  })

  it('keeps overlapping exact occurrences as separate places', () => {
    expect(findQuoteCandidates('bananas', 'ana')).toEqual([
      { start: 1, end: 4, errors: 0 },
      { start: 3, end: 6, errors: 0 },
    ])
  })
})

describe('textSimilarity', () => {
  it('is 1 when the expected text occurs, less with each edit, 0 with nothing to compare', () => {
    expect(textSimilarity('xx said on Thursday', 'said on Thursday')).toBe(1)
    expect(textSimilarity('said on Tuesday', 'said on Thursday')).toBeCloseTo(1 - 2 / 16) // -h, r>e
    expect(textSimilarity('', 'said')).toBe(0)
    expect(textSimilarity('said', '')).toBe(0)
  })
})

describe('figures', () => {
  it('lists digit runs in any script, in order', () => {
    expect(figuresOf('13,000 containers since 2022')).toEqual(['13', '000', '2022'])
    expect(figuresOf('١٣ containers')).toEqual(['١٣'])
    expect(figuresOf('no figures')).toEqual([])
  })

  it('tells a changed figure from a changed word', () => {
    expect(sameFigures('shipped 13,000 containers', 'sent 13,000 crates')).toBe(true)
    expect(sameFigures('shipped 13,000 containers', 'shipped 6,700 containers')).toBe(false)
    expect(sameFigures('in 2022 and 2023', 'in 2023 and 2022')).toBe(false)
  })
})
