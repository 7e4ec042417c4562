/** The agreement report of a project: figures overall, per pair, per label and per document. */
import { describe, expect, it } from 'vitest'
import {
  agreementReport,
  clustersOf,
  alignClaims,
  type ReviewClaim,
  type ReviewInput,
} from '../../../../src/core/review'

function claim(
  id: string,
  annotator: string,
  start: number,
  end: number,
  label: string,
  status = 'asserted',
): ReviewClaim {
  return { id, annotator, start, end, label, status, certainty: null }
}

const sameLink = (from: string, to: string) => ({
  from,
  to: { kind: 'claim' as const, claimId: to },
  relation: 'same',
})

/** Two articles; alice and bob agree on everything, carol misses and mislabels. */
function project(): ReviewInput {
  const wire = [
    claim('a1', 'alice', 0, 40, 'figure'),
    claim('a2', 'alice', 60, 90, 'denial', 'denied'),
    claim('b1', 'bob', 0, 40, 'figure'),
    claim('b2', 'bob', 60, 90, 'denial', 'denied'),
    claim('c1', 'carol', 5, 40, 'claim'),
  ]
  const blog = [
    claim('a3', 'alice', 10, 50, 'figure'),
    claim('b3', 'bob', 10, 50, 'figure'),
    claim('c3', 'carol', 10, 50, 'figure'),
    claim('c4', 'carol', 70, 80, 'attribution'),
  ]
  return {
    annotators: ['alice', 'bob', 'carol'],
    documents: [
      { path: 'wire.txt', length: 120, claims: wire },
      { path: 'blog.md', length: 100, claims: blog },
    ],
    links: new Map([
      ['alice', [sameLink('a1', 'a3')]],
      ['bob', [sameLink('b3', 'b1')]],
      ['carol', []],
    ]),
    undirected: new Set(['same']),
    clusterRelation: 'same',
  }
}

describe('agreementReport', () => {
  const report = agreementReport(project())

  it('counts documents, claims and units', () => {
    expect([report.documents, report.claims, report.units]).toEqual([2, 9, 4])
    expect(report.perDocument.map((d) => [d.path, d.claims, d.units])).toEqual([
      ['wire.txt', 5, 2],
      ['blog.md', 4, 2],
    ])
  })

  it('gives every pair its figures: perfect for alice and bob, lower with carol', () => {
    expect(report.pairs.map((pair) => `${pair.first}-${pair.second}`)).toEqual([
      'alice-bob',
      'alice-carol',
      'bob-carol',
    ])
    const [aliceBob, aliceCarol] = report.pairs
    expect(aliceBob!.spans.exactF1).toBe(1)
    expect(aliceBob!.labels.cohenKappa).toBe(1)
    expect(aliceBob!.links.f1).toBe(1) // the same link drawn the other way round
    expect(aliceBob!.clusters.averageF1).toBe(1)
    expect(aliceCarol!.spans.overlapF1).toBeCloseTo((2 * 2) / (3 + 3), 12)
    expect(aliceCarol!.spans.exactF1).toBeCloseTo((2 * 1) / 6, 12)
    expect(aliceCarol!.links.f1).toBe(0)
    expect(aliceCarol!.clusters.averageF1).toBeLessThan(1)
  })

  it('reports labels, status and spans overall, per label and per document', () => {
    expect(report.overall.labels.units).toBe(3)
    expect(report.overall.labels.alpha).toBeLessThan(1)
    expect(report.overall.alphaU).toBeLessThan(1)
    expect(report.perLabel.map((l) => [l.label, l.claims])).toEqual([
      ['attribution', 1],
      ['claim', 1],
      ['denial', 2],
      ['figure', 5],
    ])
    const figure = report.perLabel.find((l) => l.label === 'figure')!
    expect(figure.alphaU).toBeLessThan(1)
    expect(figure.alphaU).toBeGreaterThan(0)
  })

  it('gives identical work perfect agreement everywhere', () => {
    const input = project()
    const twins: ReviewInput = {
      ...input,
      annotators: ['alice', 'bob'],
    }
    const result = agreementReport(twins)
    expect(result.overall.labels.alpha).toBe(1)
    expect(result.overall.status.alpha).toBe(1)
    expect(result.overall.alphaU).toBe(1)
    expect(result.pairs[0]!.clusters.averageF1).toBe(1)
  })
})

describe('clustersOf', () => {
  it('joins units by the relation, keeps other units alone, and ignores other relations', () => {
    const claims = [
      claim('a1', 'alice', 0, 10, 'figure'),
      claim('a2', 'alice', 20, 30, 'figure'),
      claim('a3', 'alice', 40, 50, 'figure'),
    ]
    const units = alignClaims(claims, ['alice'])
    const clusters = clustersOf(
      units,
      'alice',
      [sameLink('a1', 'a3'), { ...sameLink('a2', 'a3'), relation: 'supports' }],
      'same',
    )
    expect(clusters.map((c) => [...c].sort())).toEqual([['a1', 'a3'], ['a2']])
  })
})
