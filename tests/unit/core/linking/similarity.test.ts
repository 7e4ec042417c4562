import { describe, expect, it } from 'vitest'
import {
  contentTerms,
  cosine,
  stem,
  termVector,
  topSharedTerms,
} from '../../../../src/core/linking'

const flatIdf = () => 1

describe('contentTerms', () => {
  it('drops stopwords, reporting verbs and digits, folds spelling and inflection', () => {
    expect(contentTerms('The ministry said it shipped 6,700 containers')).toEqual([
      'ministri',
      'ship',
      'container',
    ])
    expect(contentTerms('defence')).toEqual(contentTerms('defense'))
    expect(contentTerms('shipping')).toEqual(contentTerms('ships'))
    expect(contentTerms('supplies')).toEqual(contentTerms('supplied'))
    expect(contentTerms('estimates')).toEqual(contentTerms('estimated'))
  })

  it('stems lightly', () => {
    expect(stem('boxes')).toBe('box')
    expect(stem('glass')).toBe('glass')
    expect(stem('running')).toBe('run')
    expect(stem('news')).toBe('new')
  })
})

describe('TF-IDF cosine', () => {
  it('is 1 for the same wording and 0 for nothing shared', () => {
    const a = termVector(contentTerms('munitions factories running at full capacity'), flatIdf)
    expect(cosine(a, a)).toBeCloseTo(1)
    expect(cosine(a, termVector(contentTerms('the weather was fine'), flatIdf))).toBe(0)
  })

  it('ranks a paraphrase above an unrelated sentence, and names the shared words', () => {
    const claim = termVector(
      contentTerms('munitions factories are now running at full capacity'),
      flatIdf,
    )
    const paraphrase = termVector(contentTerms('munitions plants remain at full capacity'), flatIdf)
    const unrelated = termVector(contentTerms('munitions were loaded onto ships'), flatIdf)
    expect(cosine(claim, paraphrase)).toBeGreaterThan(cosine(claim, unrelated))
    expect(topSharedTerms(claim, paraphrase).sort()).toEqual(['capaciti', 'full', 'munition'])
  })

  it('weighs rare words more', () => {
    const idf = (term: string) => (term === 'tumangang' ? 5 : 1)
    const claim = termVector(contentTerms('rail wagons at Tumangang'), idf)
    const rare = termVector(contentTerms('Tumangang station'), idf)
    const common = termVector(contentTerms('rail station'), idf)
    expect(cosine(claim, rare)).toBeGreaterThan(cosine(claim, common))
  })
})
