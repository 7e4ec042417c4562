/**
 * searchClaims, the link dialog's search, on a real project: sample articles parsed by the real
 * parser, claims saved by real Workbenches in real annotation files. Analysts type half words,
 * typos and figures written another way; they find their own claims only, and never deleted ones.
 */
import { describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../../src/backend'
import { ClaimSearchIndex } from '../../../../src/backend/annotations/claim-search'
import { DEFAULT_LABELS } from '../../../../src/core/model'
import type { ClaimSearchHit, DocumentSummary } from '../../../../src/shared/api'
import {
  LANTERN,
  LEDGER,
  MERIDIAN,
  NORTHSTAR,
  SALVO,
  sampleProject,
  type Annotator,
} from './sample-project'
import { claimWith } from '../../core/model/claim-builder'

vi.setConfig({ testTimeout: 30_000 })

async function searchableProject() {
  const project = await sampleProject([NORTHSTAR, MERIDIAN, LEDGER, LANTERN, SALVO])
  const alice = await project.as('alice')
  const claims = {
    february: await alice.claim(
      NORTHSTAR,
      'roughly 6,700 shipping containers loaded with artillery ammunition',
      'figure',
    ),
    denial: await alice.claim(
      MERIDIAN,
      'Moscow denied the allegations for the second time in a week',
      'denial',
    ),
    ledger: await alice.claim(
      LEDGER,
      'North Korea has sent more than 13 thousand containers of munitions',
      'figure',
    ),
    lantern: await alice.claim(
      LANTERN,
      'puts the number of shipping containers North Korea has sent to Russia at about 13,000',
      'figure',
    ),
    wagons: await alice.claim(SALVO, 'more than 50 covered wagons at Tumangang station', 'event'),
  }
  await alice.workbench.updateClaim(claims.denial.id, {
    attributedTo: 'Kremlin spokesman',
    tags: ['second-denial'],
  })
  return { ...project, alice, claims }
}

const ids = (hits: ClaimSearchHit[]) => hits.map((hit) => hit.claimId)

async function search(annotator: Annotator, query: string, limit?: number) {
  const hits = await annotator.workbench.searchClaims(query, limit)
  for (let i = 1; i < hits.length; i++)
    expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score)
  return hits
}

describe('searchClaims', () => {
  it('answers with the claim, its document and a score, best first', async () => {
    const { alice, claims } = await searchableProject()
    const [hit] = await search(alice, 'tumangang')
    expect(hit).toEqual({
      claimId: claims.wagons.id,
      documentKey: await alice.keyOf(SALVO),
      path: SALVO,
      quote: 'more than 50 covered wagons at Tumangang station',
      label: 'event',
      score: expect.any(Number),
      outlet: 'Salvo & Supply',
      title:
        'Counting containers: what 13,000 boxes of North Korean ammunition can and cannot tell us',
    })
    expect(hit!.score).toBeGreaterThan(0)
  })

  it('matches unfinished words', async () => {
    const { alice, claims } = await searchableProject()
    const hits = await search(alice, 'contain')
    // Quotes with "containers" first; the Tumangang claim only through its document's title.
    expect(new Set(ids(hits).slice(0, 3))).toEqual(
      new Set([claims.february.id, claims.ledger.id, claims.lantern.id]),
    )
    expect(ids(hits)).not.toContain(claims.denial.id)
    expect(ids(await search(alice, 'tumangan'))[0]).toBe(claims.wagons.id)
  })

  it('forgives typos in longer words', async () => {
    const { alice, claims } = await searchableProject()
    expect(ids(await search(alice, 'tumnagang'))).toEqual([claims.wagons.id])
    expect(ids(await search(alice, 'alegations'))).toEqual([claims.denial.id])
    expect(ids(await search(alice, 'covred wagnos'))).toEqual([claims.wagons.id])
  })

  it('finds a figure however it is written, and only that figure', async () => {
    const { alice, claims } = await searchableProject()
    for (const query of ['13000', '13,000', '13K', '13 thousand']) {
      const hits = ids(await search(alice, query))
      expect(new Set(hits.slice(0, 2)), query).toEqual(
        new Set([claims.ledger.id, claims.lantern.id]),
      )
      expect(hits, query).not.toContain(claims.february.id)
    }
    expect(ids(await search(alice, '6700'))).toEqual([claims.february.id])
    // No typo tolerance for figures: 13500 is not 13000.
    expect(ids(await search(alice, '13500'))).toEqual([])
  })

  it('matches label names and ids, attribution and tags', async () => {
    const { alice, claims } = await searchableProject()
    await alice.workbench.updateLabels(
      DEFAULT_LABELS.map((label) =>
        label.id === 'figure' ? { ...label, name: 'Quantity estimate' } : label,
      ),
    )
    expect(new Set(ids(await search(alice, 'quantity')))).toEqual(
      new Set([claims.february.id, claims.ledger.id, claims.lantern.id]),
    )
    expect(ids(await search(alice, 'denial'))[0]).toBe(claims.denial.id)
    expect(ids(await search(alice, 'kremlin'))).toEqual([claims.denial.id])
    expect(ids(await search(alice, 'second-denial'))[0]).toBe(claims.denial.id)
  })

  it('matches the document’s outlet, title and path', async () => {
    const { alice, claims } = await searchableProject()
    expect(ids(await search(alice, 'Lantern Review'))).toEqual([claims.lantern.id])
    expect(ids(await search(alice, 'meridian'))).toEqual([claims.denial.id])
    expect(ids(await search(alice, 'fabrication'))).toEqual([claims.denial.id])
    expect(ids(await search(alice, 'blogs'))).toEqual([claims.wagons.id])
  })

  it('returns at most `limit` hits; nothing for an empty query', async () => {
    const { alice } = await searchableProject()
    expect(await search(alice, 'containers')).toHaveLength(4)
    expect(await search(alice, 'containers', 2)).toHaveLength(2)
    expect(await search(alice, '')).toEqual([])
    expect(await search(alice, '   ')).toEqual([])
    expect(await search(alice, 'the of')).toEqual([])
  })

  it('finds only the annotator’s own claims', async () => {
    const { alice, claims, as } = await searchableProject()
    const bob = await as('bob')
    const bobs = await bob.claim(LEDGER, 'containers of munitions and related material', 'figure')
    await bob.workbench.flush()
    expect(ids(await search(alice, 'material'))).toEqual([])
    expect(ids(await search(alice, 'containers'))).not.toContain(bobs.id)
    expect(ids(await search(bob, 'containers'))).toEqual([bobs.id])
    expect(ids(await search(bob, 'tumangang'))).not.toContain(claims.wagons.id)
  })

  it('follows deletions, undo, edits and claims saved by another window', async () => {
    const { alice, claims, as } = await searchableProject()
    expect(ids(await search(alice, 'wagons'))).toEqual([claims.wagons.id])
    await alice.workbench.deleteClaim(claims.wagons.id)
    expect(await search(alice, 'wagons')).toEqual([])
    await alice.workbench.undo()
    expect(ids(await search(alice, 'wagons'))).toEqual([claims.wagons.id])

    // An edit is found by its new words only.
    await alice.workbench.updateClaim(claims.wagons.id, { tags: ['satellite-count'] })
    expect(ids(await search(alice, 'satellite'))).toEqual([claims.wagons.id])
    await alice.workbench.updateClaim(claims.wagons.id, { tags: [] })
    expect(await search(alice, 'satellite')).toEqual([])

    // The same annotator in a second window: its claim reaches the first through the file.
    await alice.workbench.flush()
    const window2 = await as('alice')
    const rail = await window2.claim(LANTERN, 'crossing the Tumen River from Tumangang station')
    await window2.workbench.flush()
    expect(new Set(ids(await search(alice, 'tumangang')))).toEqual(
      new Set([claims.wagons.id, rail.id]),
    )
  })

  it('validates query and limit at the door', async () => {
    const { alice } = await searchableProject()
    const invalid: unknown[][] = [['x'.repeat(501)], ['x', 0], ['x', 101], ['x', 1.5], [42]]
    for (const args of invalid) {
      expect(
        await dispatch(alice.workbench, 'searchClaims', args),
        JSON.stringify(args),
      ).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    }
    expect(await dispatch(alice.workbench, 'searchClaims', ['x'.repeat(500), 100])).toMatchObject({
      ok: true,
    })
  })
})

describe('claim search ranking', () => {
  // Invented reports from an invented port. Every "literal" claim says "152-millimeter"; the
  // lookalikes say neither word ("1520" and "millimeters" are reached by prefix only, "millions"
  // by nothing). Common words weigh little in BM25, rare lookalikes much: the trap of the bug.
  const literal = [
    'The harbour master of Kessel said the crates held 152-millimeter shells, loaded by night onto barges bound for the Veldmoor depot across the lagoon',
    'Two dock workers in Kessel said the night convoys moved 152-millimeter rounds and fuses in unmarked lorries along the coast road',
    'Satellite pictures of the Veldmoor depot show rows of pallets that the Ostrand ministry says hold 152-millimeter ammunition',
    'A customs clerk in Ostrand said the manifests listed 152-millimeter shells as machinery parts to avoid inspection at the lagoon gate',
    'Harbour pilots in Kessel described 152-millimeter casings stacked on the quay beside grain sacks while a cutter watched offshore',
  ]
  const lookalikes = [
    'Gauges at Ostrand logged 1520 millimeters of rain',
    'Veldmoor spent millions',
  ]

  function indexOf(quotes: string[]): ClaimSearchIndex {
    const document = {
      key: 'doc-1',
      path: 'wire/kessel-harbour.txt',
      id: 'a'.repeat(64),
      metadata: { title: 'Night barges at the lagoon', outlet: 'Lagoon Courier' },
    } as DocumentSummary
    const index = new ClaimSearchIndex([document], DEFAULT_LABELS)
    index.update(
      quotes.map((quote, i) =>
        claimWith({
          id: `claim-${i}`,
          document: { id: document.id, path: document.path },
          target: {
            position: { start: 0, end: quote.length },
            quote: { exact: quote, prefix: '', suffix: '' },
          },
          label: 'event',
        }),
      ),
    )
    return index
  }

  const quotes = (hits: ClaimSearchHit[]) => hits.map((hit) => hit.quote)

  it('ranks claims holding the words as typed above prefix and typo lookalikes', () => {
    const index = indexOf([...lookalikes, ...literal])
    for (const query of ['152-millimeter', '152mm', '152 millimeter shells', 'Millimeter']) {
      const found = quotes(index.search(query, 10))
      expect(new Set(found.slice(0, literal.length)), query).toEqual(new Set(literal))
      expect(found.slice(literal.length), query).toEqual([lookalikes[0]])
    }
  })

  it('ranks claims with more of the words as typed first', () => {
    const index = indexOf([...lookalikes, ...literal])
    const found = quotes(index.search('152-millimeter shells', 10))
    // Both words and the figure: the two claims about shells, then those about other rounds.
    expect(new Set(found.slice(0, 2))).toEqual(new Set([literal[0], literal[3]]))
    expect(found.at(-1)).toBe(lookalikes[0])
  })

  it('still finds words with a typo, and unfinished ones, when nothing matches as typed', () => {
    const index = indexOf([...lookalikes, ...literal])
    expect(new Set(quotes(index.search('milimeter', 10)))).toEqual(
      new Set([...literal, lookalikes[0]]),
    )
    expect(quotes(index.search('casing', 10))).toEqual([literal[4]])
  })
})
