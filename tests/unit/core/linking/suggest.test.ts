import { describe, expect, it } from 'vitest'
import {
  createSuggestionIndex,
  segmentSentences,
  suggestLinks,
  type LinkableDocument,
  type Suggestion,
} from '../../../../src/core/linking'
import { claimIn, makeDocument } from './helpers'

const february = makeDocument(
  'feb',
  [
    'North Korea has sent roughly 6,700 shipping containers of munitions to Russia since mid-2022, a South Korean official said.',
    'The containers could hold more than 3 million rounds of 152 mm artillery shells.',
    'Sergei Shoigu, then the Russian defence minister, visited Pyongyang in July 2023.',
    'Most of the cargo crossed the border by rail at Tumangang.',
  ],
  { outlet: 'Northstar', published: '2026-02-26' },
)
const august = makeDocument(
  'aug',
  [
    'A new US estimate is far higher than the figure Seoul gave in February.',
    'The DIA says North Korea has sent more than 13,000 containers of munitions to Russia since mid-2022.',
    'Most of them are 6-inch artillery shells, the workhorse of Russian howitzers.',
    'Sergei Shoygu, then Russia’s defence minister, visited Pyongyang in July 2023.',
    'The weather in Seoul was mild and the markets were calm all week.',
  ],
  { outlet: 'Lantern', published: '2026-08-14' },
)
const sameWeek = makeDocument(
  'feb-blog',
  [
    'Our own count says North Korea has sent about 9,500 containers of munitions to Russia since mid-2022.',
    'Russia shipped shells by rail across the border at Tumangan, the report says.',
  ],
  { outlet: 'Salvo', published: '2026-03-01' },
)
const headline = makeDocument(
  'headline',
  ['North Korea sent 13K containers of arms to Russia, US report says'],
  { outlet: 'Ledger', published: '2026-08-12' },
)
const documents = [february, august, sameWeek, headline]

function sourceOf(document: LinkableDocument, quote: string) {
  return { claim: claimIn(document, quote, `claim-${quote.length}`), document }
}

function textOf(suggestion: Suggestion): string {
  const document = documents.find((d) => d.id === suggestion.target.documentId)!
  return document.text.slice(suggestion.target.start, suggestion.target.end)
}

describe('suggestLinks', () => {
  const index = createSuggestionIndex({ documents, claims: [] })

  it('finds the same figure written another way, and says so', () => {
    const source = sourceOf(headline, '13K containers of arms')
    const [best] = suggestLinks(source, index)
    expect(textOf(best!)).toContain('more than 13,000 containers')
    expect(best!.reasons).toContain('same figure 13,000 (more than 13,000)')
    expect(best!.relation).toBe('same')
  })

  it('matches calibres across units', () => {
    const source = sourceOf(february, 'rounds of 152 mm artillery shells')
    const [best] = suggestLinks(source, index)
    expect(textOf(best!)).toContain('6-inch artillery shells')
    expect(best!.reasons[0]).toBe('same figure 152 mm (6-inch)')
  })

  it('matches transliterated names', () => {
    const source = sourceOf(
      february,
      'Sergei Shoigu, then the Russian defence minister, visited Pyongyang in July 2023.',
    )
    const [best] = suggestLinks(source, index)
    expect(textOf(best!)).toContain('Sergei Shoygu')
    expect(best!.reasons.join(' | ')).toMatch(/shared names: Sergei Shoigu \(Sergei Shoygu\)/)
    expect(best!.reasons.join(' | ')).toMatch(/same figure July 2023/)
  })

  it('matches a misspelt place name', () => {
    const source = sourceOf(february, 'crossed the border by rail at Tumangang')
    const [best] = suggestLinks(source, index)
    expect(textOf(best!)).toContain('at Tumangan,')
    expect(best!.reasons.join(' | ')).toContain('Tumangang (Tumangan)')
  })

  it('suggests "updates" for a different figure published months later, naming the newer side', () => {
    const source = sourceOf(
      february,
      'roughly 6,700 shipping containers of munitions to Russia since mid-2022',
    )
    const suggestions = suggestLinks(source, index)
    const later = suggestions.find((s) => textOf(s).includes('more than 13,000 containers'))!
    expect(later.relation).toBe('updates')
    expect(later.newer).toBe('target')
    expect(later.reasons).toContain('different figure 6,700 vs 13,000 containers')
  })

  it('suggests "contradicts" for a different figure published at the same time', () => {
    const source = sourceOf(
      february,
      'roughly 6,700 shipping containers of munitions to Russia since mid-2022',
    )
    const rival = suggestLinks(source, index).find((s) => s.target.documentId === 'feb-blog')!
    expect(textOf(rival)).toContain('9,500 containers')
    expect(rival.relation).toBe('contradicts')
    expect(rival.newer).toBeUndefined()
  })

  it('scores are in 0..1 and in descending order, and unrelated sentences are not suggested', () => {
    const suggestions = suggestLinks(sourceOf(headline, '13K containers of arms'), index, {
      limit: 100,
    })
    for (const s of suggestions) expect(s.score).toBeGreaterThan(0)
    for (const s of suggestions) expect(s.score).toBeLessThanOrEqual(1)
    expect(suggestions.map((s) => s.score)).toEqual(
      [...suggestions.map((s) => s.score)].sort((a, b) => b - a),
    )
    expect(suggestions.some((s) => textOf(s).includes('weather'))).toBe(false)
  })

  it('never suggests passages of the claim’s own document', () => {
    const source = sourceOf(february, 'roughly 6,700 shipping containers')
    const suggestions = suggestLinks(source, index, { limit: 100 })
    expect(suggestions.length).toBeGreaterThan(0)
    expect(suggestions.every((s) => s.target.documentId !== 'feb')).toBe(true)
  })

  it('offers an existing claim instead of the sentence it covers, and filters by kind', () => {
    const existing = claimIn(
      august,
      'more than 13,000 containers of munitions to Russia since mid-2022',
      'c-aug',
    )
    const withClaims = createSuggestionIndex({ documents, claims: [existing] })
    const source = sourceOf(
      february,
      'roughly 6,700 shipping containers of munitions to Russia since mid-2022',
    )
    const suggestions = suggestLinks(source, withClaims, { limit: 100 })
    const claim = suggestions.find((s) => s.target.kind === 'claim')
    expect(claim?.target).toMatchObject({ kind: 'claim', claimId: 'c-aug', documentId: 'aug' })
    expect(
      suggestions.some((s) => s.target.kind === 'sentence' && textOf(s).includes('13,000')),
    ).toBe(false)
    expect(
      suggestLinks(source, withClaims, { sentences: false }).every(
        (s) => s.target.kind === 'claim',
      ),
    ).toBe(true)
    expect(
      suggestLinks(source, withClaims, { claims: false }).every(
        (s) => s.target.kind === 'sentence',
      ),
    ).toBe(true)
  })

  it('gives the same answer from a corpus as from a prebuilt index', () => {
    const source = sourceOf(february, 'Most of the cargo crossed the border by rail at Tumangang.')
    expect(suggestLinks(source, { documents, claims: [] })).toEqual(suggestLinks(source, index))
  })

  it('respects the limit', () => {
    expect(
      suggestLinks(sourceOf(headline, '13K containers of arms'), index, { limit: 2 }),
    ).toHaveLength(2)
  })
})

describe('segmentSentences', () => {
  it('splits blocks into sentences whose ranges address the document text', () => {
    const sentences = segmentSentences(february)
    expect(sentences).toHaveLength(4)
    const two = makeDocument('two', ['The trains ran at night. Ships left Rajin a few days later.'])
    const split = segmentSentences(two)
    expect(split.map((s) => s.text)).toEqual([
      'The trains ran at night.',
      'Ships left Rajin a few days later.',
    ])
    for (const s of split) expect(two.text.slice(s.start, s.end)).toBe(s.text)
  })
})
