import { describe, expect, it } from 'vitest'
import {
  buildClusters,
  corroborationMatrix,
  type Link,
  type LinkableClaim,
  type LinkRelation,
} from '../../../../src/core/linking'
import { makeDocument } from './helpers'

// Given out of publication order on purpose: "late" first, "early" and "early-too" on one day.
const documents = [
  makeDocument('late', ['x'.repeat(200)], { outlet: 'Late', published: '2026-08-12' }),
  makeDocument('early', ['x'.repeat(200)], { outlet: 'Early', published: '2026-02-26' }),
  makeDocument('early-too', ['x'.repeat(200)], { outlet: 'Also early', published: '2026-02-26' }),
  makeDocument('undated', ['x'.repeat(200)], { outlet: 'Undated' }),
]

function claim(
  id: string,
  documentId: string,
  start: number,
  quote = `quote ${id}`,
): LinkableClaim {
  return { id, documentId, start, end: start + 5, quote }
}

let linkCount = 0
function link(from: string, to: string, relation: LinkRelation = 'same'): Link {
  return { id: `l${linkCount++}`, from, to, relation }
}

const claims = [
  claim('c5', 'late', 10, 'more than 13 thousand containers'),
  claim('c3', 'early', 50, '6,700 containers'),
  claim('c9', 'early-too', 5, 'roughly 6,700 containers'),
  claim('c2', 'undated', 0, 'about 6,700 containers'),
  claim('c7', 'late', 90, 'lonely claim'),
  claim('c8', 'early', 10, 'another claim'),
]

describe('buildClusters', () => {
  const links = [link('c3', 'c9'), link('c2', 'c9'), link('c5', 'c8', 'contradicts')]

  it('joins claims through chains of "same" links, and only those', () => {
    const clusters = buildClusters(claims, links, documents)
    const joined = clusters.find((c) => c.memberClaimIds.includes('c3'))!
    expect(new Set(joined.memberClaimIds)).toEqual(new Set(['c3', 'c9', 'c2']))
    expect(clusters.find((c) => c.memberClaimIds.includes('c5'))!.memberClaimIds).toEqual(['c5'])
    // Every claim is in exactly one cluster.
    expect(clusters.flatMap((c) => c.memberClaimIds).sort()).toEqual(claims.map((c) => c.id).sort())
  })

  it('names a cluster by its smallest claim id and orders it by appearance', () => {
    const joined = buildClusters(claims, links, documents).find((c) =>
      c.memberClaimIds.includes('c3'),
    )!
    expect(joined.id).toBe('c2')
    // Earliest published first; a tie on the date goes by document order; undated last.
    expect(joined.memberClaimIds).toEqual(['c3', 'c9', 'c2'])
    expect(joined.documents).toEqual(['early', 'early-too', 'undated'])
    expect(joined.firstAppearance).toEqual({
      documentId: 'early',
      claimId: 'c3',
      published: '2026-02-26',
    })
    expect(joined.canonicalWording).toBe('6,700 containers')
  })

  it('lists clusters in order of first appearance, and can leave out unlinked claims', () => {
    const all = buildClusters(claims, links, documents)
    expect(all.map((c) => c.firstAppearance.claimId)).toEqual(['c8', 'c3', 'c5', 'c7'])
    const linkedOnly = buildClusters(claims, links, documents, { includeSingletons: false })
    expect(linkedOnly.map((c) => c.id)).toEqual(['c2'])
  })

  it('does not depend on the order or direction of links', () => {
    const reversed = [link('c9', 'c2'), link('c9', 'c3')]
    expect(buildClusters([...claims].reverse(), reversed, documents)).toEqual(
      buildClusters(claims, links, documents),
    )
  })

  it('ignores links to unknown claims and to outside sources', () => {
    const odd: Link[] = [
      link('c3', 'nope'),
      { id: 'o', from: 'c3', to: { kind: 'outside', title: 'DIA summary' }, relation: 'same' },
    ]
    expect(buildClusters(claims, odd, documents)).toHaveLength(claims.length)
  })
})

describe('corroborationMatrix', () => {
  const links = [
    link('c3', 'c9'),
    link('c9', 'c2'),
    link('c5', 'c3', 'contradicts'),
    link('c8', 'c7', 'supports'),
    link('c3', 'c7', 'updates'),
  ]
  const clusters = buildClusters(claims, links, documents)
  const matrix = corroborationMatrix(clusters, links, documents, claims)
  const row = (claimId: string) =>
    matrix.rows.find(
      (r) => r.clusterId === clusters.find((c) => c.memberClaimIds.includes(claimId))!.id,
    )!
  const cell = (claimId: string, documentId: string) =>
    row(claimId).cells[matrix.columns.findIndex((c) => c.documentId === documentId)]

  it('has documents as columns in order of publication', () => {
    expect(matrix.columns.map((c) => c.documentId)).toEqual([
      'early',
      'early-too',
      'late',
      'undated',
    ])
    expect(matrix.columns[0]).toEqual({
      documentId: 'early',
      outlet: 'Early',
      published: '2026-02-26',
    })
  })

  it('marks mentions, support and contradiction per document, in both directions', () => {
    expect(row('c3').cells).toEqual(['mention', 'mention', 'contradicts', 'mention'])
    expect(cell('c5', 'early')).toBe('contradicts')
    expect(cell('c5', 'late')).toBe('mention')
    expect(cell('c7', 'early')).toBe('supports')
    expect(cell('c8', 'late')).toBe('supports')
    expect(cell('c8', 'early-too')).toBe('absent')
    expect(row('c3')).toMatchObject({
      sources: 3,
      contradicts: 1,
      supports: 0,
      canonicalWording: '6,700 containers',
    })
  })

  it('names the claim behind each cell, for opening its passage', () => {
    const claimAt = (claimId: string, documentId: string) =>
      row(claimId).cellClaims[matrix.columns.findIndex((c) => c.documentId === documentId)]
    // Mentions: the cluster's own claim in that document.
    expect(row('c3').cellClaims).toEqual(['c3', 'c9', 'c5', 'c2'])
    expect(claimAt('c5', 'late')).toBe('c5')
    // Support and contradiction: the other document's linked claim, whichever end it is.
    expect(claimAt('c5', 'early')).toBe('c3')
    expect(claimAt('c7', 'early')).toBe('c8')
    expect(claimAt('c8', 'late')).toBe('c7')
    // Nothing to open where nothing is said.
    expect(claimAt('c8', 'early-too')).toBeNull()
    // One claim id per cell, and a claim wherever the cell says something.
    for (const r of matrix.rows) {
      expect(r.cellClaims).toHaveLength(matrix.columns.length)
      r.cells.forEach((cell, c) => expect(r.cellClaims[c] === null).toBe(cell === 'absent'))
    }
  })

  it('opens the earliest mention when a document carries a claim twice', () => {
    const twice = [...claims, claim('c1', 'early', 120, '6,700 containers again')]
    const withTwice = [...links, link('c1', 'c3')]
    const m = corroborationMatrix(
      buildClusters(twice, withTwice, documents),
      withTwice,
      documents,
      twice,
    )
    const r = m.rows.find((x) => x.clusterId === 'c1')!
    // c3 sits at offset 50 of "early", c1 at 120: c3 comes first although c1 is the older id.
    expect(r.cellClaims[0]).toBe('c3')
  })

  it('shows a document that both carries and contradicts a claim as contradicting it', () => {
    const both = [...links, link('c8', 'c9', 'contradicts')]
    const m = corroborationMatrix(buildClusters(claims, both, documents), both, documents, claims)
    const r = m.rows.find((x) => x.clusterId === 'c2')!
    expect(r.cells[0]).toBe('contradicts')
    // The cell opens the contradicting claim, not the mention it outranks.
    expect(r.cellClaims[0]).toBe('c8')
  })

  it('puts contradicted claims first, then the most widely carried', () => {
    expect(matrix.rows.map((r) => [r.contradicts, r.sources])).toEqual([
      [1, 3],
      [1, 1],
      [0, 1],
      [0, 1],
    ])
    const bySources = corroborationMatrix(clusters, links, documents, claims, { order: 'sources' })
    expect(bySources.rows[0]!.sources).toBe(3)
    const asTheyCome = corroborationMatrix(clusters, links, documents, claims, {
      order: 'first-appearance',
    })
    expect(asTheyCome.rows.map((r) => r.clusterId)).toEqual(clusters.map((c) => c.id))
  })
})
