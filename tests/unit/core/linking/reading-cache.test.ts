import { describe, expect, it } from 'vitest'
import { createSuggestionIndex, suggestLinks } from '../../../../src/core/linking'
import { contentHash, ReadingCache } from '../../../../src/core/linking/reading-cache'
import { claimIn, makeDocument } from './helpers'

const first = makeDocument('a', ['Customs seized 1,200 counterfeit phones at the port of Piraeus.'])
const second = makeDocument('b', ['About 1,200 fake phones were seized in Piraeus, customs said.'])

describe('reading cache', () => {
  it('reuses readings on a rebuild with the same results', () => {
    const cache = new ReadingCache()
    const claim = claimIn(first, 'Customs seized 1,200 counterfeit phones', 'c1')
    const corpus = { documents: [first, second], claims: [claim] }
    const fresh = createSuggestionIndex(corpus, { readingCache: false })
    const built = createSuggestionIndex(corpus, { readingCache: cache })
    expect(cache.size).toBe(2)
    const rebuilt = createSuggestionIndex({ ...corpus, claims: [] }, { readingCache: cache })
    expect(cache.size).toBe(2)
    const source = { claim, document: first }
    expect(suggestLinks(source, built)).toEqual(suggestLinks(source, fresh))
    expect(rebuilt.unitFigures).toEqual(fresh.unitFigures.slice(1))
  })

  it('reads names again when the corpus changes which sentence openers are common words', () => {
    const cache = new ReadingCache()
    const opener = makeDocument('c', ['Harbour officials counted the ships.'])
    const alone = createSuggestionIndex(
      { documents: [opener], claims: [] },
      { readingCache: cache },
    )
    expect(alone.unitNames.flat().map((n) => n.text)).toContain('Harbour')
    const lower = makeDocument('d', ['The harbour was closed for two days.'])
    const both = createSuggestionIndex(
      { documents: [opener, lower], claims: [] },
      { readingCache: cache },
    )
    expect(both.unitNames.flat().map((n) => n.text)).not.toContain('Harbour')
  })

  it('keeps only as many documents as its capacity, and hashes content', () => {
    const cache = new ReadingCache(1)
    createSuggestionIndex({ documents: [first, second], claims: [] }, { readingCache: cache })
    expect(cache.size).toBe(1)
    expect(contentHash('abc')).not.toBe(contentHash('abd'))
  })
})
