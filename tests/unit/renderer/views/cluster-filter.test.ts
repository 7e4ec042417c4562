import { describe, expect, it } from 'vitest'
import type { ClusterView } from '../../../../src/shared/api'
import { filterClusters, foldText } from '../../../../src/renderer/views/cluster-filter'

function cluster(id: string, wording: string, quotes: string[]): ClusterView {
  return {
    id,
    memberClaimIds: quotes.map((_, i) => `${id}-${i}`),
    documents: quotes.map((_, i) => `d${i}`),
    documentPaths: quotes.map((_, i) => `d${i}.txt`),
    firstAppearance: { documentId: 'd0', claimId: `${id}-0` },
    canonicalWording: wording,
    customWording: false,
    mentions: quotes.map((quote, i) => ({
      claimId: `${id}-${i}`,
      documentKey: `k${i}`,
      path: `d${i}.txt`,
      quote,
    })),
  }
}

const clusters = [
  cluster('a', '6,700 containers since mid-2022', ['6,700 containers', 'about 6,700 containers']),
  cluster('b', 'The Kremlin denied it', ['The Kremlin denied it', 'Peskov called it nonsense']),
  cluster('c', 'Najin port ships shells', ['Najin port ships shells']),
]

describe('filterClusters', () => {
  it('shows clusters of two or more by default, counting the singletons left out', () => {
    const result = filterClusters(clusters, { text: '', includeSingletons: false })
    expect(result.shown.map((c) => c.id)).toEqual(['a', 'b'])
    expect(result).toMatchObject({ linked: 2, singletons: 1, mentions: 4 })
  })

  it('adds the singletons when asked', () => {
    const result = filterClusters(clusters, { text: '', includeSingletons: true })
    expect(result.shown.map((c) => c.id)).toEqual(['a', 'b', 'c'])
    expect(result.mentions).toBe(5)
  })

  it('matches every word, in the wording or a quote, ignoring case and accents', () => {
    const find = (text: string) =>
      filterClusters(clusters, { text, includeSingletons: true }).shown.map((c) => c.id)
    expect(find('KREMLÏN')).toEqual(['b'])
    expect(find('peskov kremlin')).toEqual(['b'])
    expect(find('peskov containers')).toEqual([])
    expect(find('  6,700   ')).toEqual(['a'])
    expect(find('najin')).toEqual(['c'])
  })

  it('keeps the counts of the whole project while filtering', () => {
    const result = filterClusters(clusters, { text: 'kremlin', includeSingletons: false })
    expect(result).toMatchObject({ linked: 2, singletons: 1, mentions: 2 })
  })
})

describe('foldText', () => {
  it('folds case, accents and runs of white space', () => {
    expect(foldText('  Sörensen\n\tSAID ')).toBe('sorensen said')
  })
})
