/* eslint-disable @typescript-eslint/no-explicit-any -- the parsed export files, checked field by field */
import { describe, expect, it } from 'vitest'
import { claimReviewExport } from '../../../../src/core/export'
import { fixture } from './dataset-fixture'

describe('ClaimReview export', () => {
  it('describes each cluster: wording, appearances with outlet and date, first appearance, author, rating', () => {
    const f = fixture()
    const wording = {
      id: f.claims[0]!.id,
      canonicalWording: '13,000 containers reached Rajin',
      claimIds: [f.claims[0]!.id, f.claims[4]!.id],
      updated: '2026-12-01T00:00:00.000Z',
    }
    const result = claimReviewExport({
      ...f.input,
      files: [{ ...f.input.files[0]!, clusters: [wording] }],
    })
    const graph = JSON.parse(result.files[0]!.text) as Record<string, any>
    expect(result.files[0]!.path).toBe('claimreview.jsonld')
    expect(graph['@context']).toBe('https://schema.org')
    const reviews = graph['@graph'] as Record<string, any>[]
    const containers = reviews.find((review) => review.identifier === f.claims[0]!.id)!
    expect(containers).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: '13,000 containers reached Rajin',
      author: { '@type': 'Person', name: 'alice' },
      reviewRating: { '@type': 'Rating', alternateName: 'Mostly true' },
    })
    const item = containers.itemReviewed
    expect(item['@type']).toBe('Claim')
    expect(item.appearance).toEqual([
      {
        '@type': 'CreativeWork',
        headline: 'Wire report',
        datePublished: '2026-03-01',
        publisher: { '@type': 'Organization', name: 'The Wire' },
        name: 'news/wire.txt',
      },
      {
        '@type': 'CreativeWork',
        headline: 'Daily view',
        datePublished: '2026-03-02',
        publisher: { '@type': 'Organization', name: 'The Daily' },
        name: 'daily.txt',
      },
    ])
    expect(item.firstAppearance.headline).toBe('Wire report')
    expect(item.datePublished).toBe('2026-03-01')
    expect(item.author).toEqual({ '@type': 'Thing', name: 'Ta\u0331ha Park' })
    // Without a rating tag there is no rating: nothing is invented.
    const denial = reviews.find((review) => review.identifier === f.claims[2]!.id)!
    expect(denial.reviewRating).toBeUndefined()
    expect(denial.claimReviewed).toBe('denied that 152 mm shells were aboard')
    // Every claim is in exactly one review: the two "same" pairs join, the rest stand alone.
    expect(reviews).toHaveLength(f.claims.length - 2)
    expect(result.problems).toEqual([])
  })
})
