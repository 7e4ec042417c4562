// Hypothesis client match-quote test vectors (BSD-2-Clause, see PROVENANCE.md), run through
// our matchQuote. Offsets are UTF-16 code units on both sides.
import { describe, expect, it } from 'vitest'
import { matchQuote, type QuoteContext } from '../../../../src/core/anchoring'
import { loadVectors } from './external-vectors'

type TextRef = { text: string } | { text_literal: string }

interface HypothesisVectors {
  _source: string
  texts: Record<string, string>
  exact: {
    text: string
    quote: string
    expected_start: number
    expected_end: number
    expected_score: number
  }[]
  approximate: {
    text: string
    quote: string
    expected_slice: string
    score_between_0_and_1: boolean
  }[]
  score_monotonic: Record<string, string[]>
  null_cases: (TextRef & { quote: string; expected: null })[]
  context_disambiguation: {
    text: string
    quote: string
    expected_start: number
    expected_end: number
    prefix?: string
    suffix?: string
  }[]
  hint_tiebreak: {
    text: string
    quote: string
    hint_posA: number
    expected_with_hintA: number
    hint_posB: number
    expected_with_hintB: number
    expected_without_hint: number
  }
  edge: (TextRef & {
    quote: string
    prefix?: string
    suffix?: string
    expected_slice: string
    note: string
  })[]
}

const vectors = loadVectors<HypothesisVectors>('hypothesis-match-quote-vectors.json')
const { texts } = vectors

function textOf(ref: TextRef): string {
  return 'text_literal' in ref ? ref.text_literal : texts[ref.text]
}

/** "<entire solitude text>" stands for the whole of that fixture text. */
function quoteOf(quote: string): string {
  const whole = /^<entire (\w+) text>$/.exec(quote)
  return whole ? texts[whole[1]] : quote
}

describe('Hypothesis match-quote vectors', () => {
  it('has only the sections this suite runs', () => {
    // A new section in an updated vector file must fail here rather than go unchecked.
    expect(Object.keys(vectors).sort()).toEqual([
      '_source',
      'approximate',
      'context_disambiguation',
      'edge',
      'exact',
      'hint_tiebreak',
      'null_cases',
      'score_monotonic',
      'texts',
    ])
  })

  it.each(vectors.exact)('finds the exact quote "$quote" with score 1', (v) => {
    const match = matchQuote(texts[v.text], v.quote)
    expect(match).toEqual({
      start: v.expected_start,
      end: v.expected_end,
      score: expect.any(Number),
    })
    expect(match!.score).toBeCloseTo(v.expected_score, 10)
  })

  it.each(vectors.approximate)('finds "$quote" approximately', (v) => {
    const match = matchQuote(texts[v.text], v.quote)!
    expect(texts[v.text].slice(match.start, match.end)).toBe(v.expected_slice)
    expect(match.score > 0 && match.score < 1).toBe(v.score_between_0_and_1)
  })

  describe('scores fall as the quote or its context differ more', () => {
    const solitude = texts.solitude
    const orders = Object.entries(vectors.score_monotonic)
    it('covers every ordering in the file', () => {
      expect(orders).toHaveLength(3)
    })

    it.each(orders)('%s', (name, variants) => {
      const contextFor = (variant: string): { quote: string; context: QuoteContext } => {
        const forQuote = /_for_quote_'(.*)'$/.exec(name)
        if (name.startsWith('quote_order')) return { quote: variant, context: {} }
        if (name.startsWith('prefix_order'))
          return { quote: forQuote![1], context: { prefix: variant } }
        if (name.startsWith('suffix_order'))
          return { quote: forQuote![1], context: { suffix: variant } }
        throw new Error(`Unknown ordering ${name}`)
      }
      const scores = variants.map((variant) => {
        const { quote, context } = contextFor(variant)
        return matchQuote(solitude, quote, context)!.score
      })
      for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1])
    })
  })

  it.each(vectors.null_cases)('returns null for quote $quote', (v) => {
    expect(matchQuote(textOf(v), quoteOf(v.quote))).toBe(v.expected)
  })

  it.each(vectors.context_disambiguation)(
    'tells copies of "$quote" apart by prefix "$prefix" / suffix "$suffix"',
    (v) => {
      const match = matchQuote(texts[v.text], v.quote, { prefix: v.prefix, suffix: v.suffix })
      expect(match).toMatchObject({ start: v.expected_start, end: v.expected_end })
    },
  )

  it('breaks ties between equally good matches with the hint', () => {
    const v = vectors.hint_tiebreak
    const text = texts[v.text]
    expect(matchQuote(text, v.quote, { hint: v.hint_posA })!.start).toBe(v.expected_with_hintA)
    expect(matchQuote(text, v.quote, { hint: v.hint_posB })!.start).toBe(v.expected_with_hintB)
    expect(matchQuote(text, v.quote)!.start).toBe(v.expected_without_hint)
  })

  it.each(vectors.edge)('handles $note', (v) => {
    const text = textOf(v)
    const match = matchQuote(text, v.quote, { prefix: v.prefix, suffix: v.suffix })!
    expect(text.slice(match.start, match.end)).toBe(v.expected_slice)
  })
})
