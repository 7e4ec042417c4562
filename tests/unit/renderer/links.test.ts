/**
 * The pure parts of the linking UI: which links each claim shows (a link counts once for each
 * of its two claims, backlinks included), its badge, the rows of the L dialog, the outside
 * source form's checks, the relation stylesheet, and the reader's claims with badges.
 */
import { describe, expect, it } from 'vitest'
import type {
  ClaimListing,
  ClaimSearchHit,
  LinkListing,
  LinkSuggestion,
  RelationType,
  ResolvedClaimEnd,
  ResolvedLink,
} from '../../../src/shared/api'
import { drawnClaims } from '../../../src/renderer/claims/drawn-claims'
import { relationStyleRules } from '../../../src/renderer/claims/label-styles'
import { outsideSourceProblem } from '../../../src/renderer/components/OutsideSourceDialog'
import {
  linkBadge,
  linksByClaim,
  otherEndText,
  relationPhrase,
} from '../../../src/renderer/links/claim-links'
import { activeRow } from '../../../src/renderer/effects/link-search'
import { freeRow, linkTargets, matchesQuery } from '../../../src/renderer/links/link-targets'
import { deriveBadges, INITIAL } from '../../../src/renderer/links/badges'

const RELATIONS: RelationType[] = [
  { id: 'same', name: 'Same claim', color: '#2ca02c', key: 's', directed: false, description: '' },
  {
    id: 'contradicts',
    name: 'Contradicts',
    color: '#d62728',
    key: 'x',
    directed: true,
    description: '',
  },
  { id: 'cites', name: 'Cites', color: '#9467bd', key: 'c', directed: true, description: '' },
]

function end(claimId: string, documentKey = `doc-of-${claimId}`): ResolvedClaimEnd {
  return {
    kind: 'claim',
    claimId,
    documentKey,
    documentId: `id-${documentKey}`,
    path: `${documentKey}.txt`,
    quote: `quote of ${claimId}`,
    label: 'figure',
  }
}

function resolved(id: string, from: string, to: string, relation = 'same'): ResolvedLink {
  return {
    link: {
      id,
      relation,
      from,
      to: { kind: 'claim', claimId: to },
      note: '',
      confidence: null,
      annotator: 'alice',
      created: '2026-12-01T00:00:00.000Z',
      updated: '2026-12-01T00:00:00.000Z',
    },
    from: end(from),
    to: end(to),
    relation: RELATIONS.find((candidate) => candidate.id === relation) ?? null,
  }
}

function listing(documentKey: string, links: ResolvedLink[], backlinks: ResolvedLink[] = []) {
  return { documentKey, links, backlinks } satisfies LinkListing
}

describe('linksByClaim', () => {
  it('lists a link under both of its claims, once, even when two listings carry it', () => {
    const ab = resolved('l1', 'a', 'b')
    const ac = resolved('l2', 'a', 'c', 'contradicts')
    const byClaim = linksByClaim([listing('A', [ab, ac]), listing('B', [], [ab])])
    expect(byClaim.get('a')!.map((entry) => [entry.resolved.link.id, entry.direction])).toEqual([
      ['l1', 'out'],
      ['l2', 'out'],
    ])
    expect(byClaim.get('b')!.map((entry) => [entry.resolved.link.id, entry.direction])).toEqual([
      ['l1', 'in'],
    ])
    expect(byClaim.get('b')![0]!.other).toMatchObject({ claimId: 'a' })
    expect(byClaim.get('c')).toHaveLength(1)
  })

  it('keeps an outside source under its claim only', () => {
    const outside: ResolvedLink = {
      ...resolved('l3', 'a', 'x', 'cites'),
      to: {
        kind: 'outside',
        url: 'https://example.org/report',
        title: 'Agency report',
        publisher: 'Agency',
        date: '2026-08',
        quote: '',
      },
    }
    const byClaim = linksByClaim([listing('A', [outside])])
    expect([...byClaim.keys()]).toEqual(['a'])
    expect(otherEndText(byClaim.get('a')![0]!.other)).toBe('Agency report, Agency, 2026-08')
  })
})

describe('linkBadge', () => {
  it('counts links and shows each relation once, in the order of the settings', () => {
    const byClaim = linksByClaim([
      listing('A', [
        resolved('l1', 'a', 'b', 'contradicts'),
        resolved('l2', 'a', 'c', 'same'),
        resolved('l3', 'a', 'd', 'same'),
      ]),
    ])
    expect(linkBadge(byClaim.get('a'), RELATIONS)).toEqual({
      count: 3,
      relations: ['same', 'contradicts'],
    })
    expect(linkBadge(undefined, RELATIONS)).toBeUndefined()
  })

  it('still shows a relation the settings no longer have', () => {
    const byClaim = linksByClaim([listing('A', [resolved('l1', 'a', 'b', 'retracted')])])
    expect(linkBadge(byClaim.get('a'), RELATIONS)?.relations).toEqual(['retracted'])
  })
})

describe('relationPhrase', () => {
  it('marks a backlink of a directed relation, not of an undirected one', () => {
    const byClaim = linksByClaim([
      listing('A', [resolved('l1', 'a', 'b', 'contradicts'), resolved('l2', 'a', 'c')]),
    ])
    const [contradicts] = byClaim.get('b')!
    const [same] = byClaim.get('c')!
    expect(relationPhrase(contradicts!, RELATIONS[1]!)).toBe('Contradicts (backlink)')
    expect(relationPhrase(same!, RELATIONS[0]!)).toBe('Same claim')
  })
})

function suggestion(
  claimId: string | null,
  quote: string,
  start = 0,
  linked: string | null = null,
): LinkSuggestion {
  return {
    linked,
    target: {
      kind: claimId === null ? 'sentence' : 'claim',
      claimId,
      documentKey: 'B',
      documentId: 'id-B',
      path: 'outlet-b.md',
      start,
      end: start + quote.length,
      quote,
    },
    score: 0.8,
    relation: 'same',
    linkFrom: 'source',
    reasons: ['same figure 13,000'],
    signals: { figures: 1, names: 0, wording: 0.3 },
  }
}

function hit(claimId: string, quote: string): ClaimSearchHit {
  return { claimId, documentKey: 'C', path: 'outlet-c.txt', quote, label: 'figure', score: 1 }
}

describe('linkTargets', () => {
  const suggestions = [
    suggestion('b1', 'about 13K containers since mid-2022'),
    suggestion(null, 'Moscow denied the allegations', 100),
  ]

  it('opens on the suggestions, best first', () => {
    expect(linkTargets('a', suggestions, [], '').map((row) => row.key)).toEqual([
      's:B:0:35',
      's:B:100:129',
    ])
  })

  it('lists search hits after the suggestions that still match, never the source claim twice', () => {
    const rows = linkTargets(
      'a',
      suggestions,
      [
        hit('a', 'the source claim'),
        hit('b1', 'about 13K containers'),
        hit('c9', '13,000 containers'),
      ],
      'contain',
    )
    expect(rows.map((row) => row.key)).toEqual(['s:B:0:35', 'c:c9'])
  })

  it('marks targets linked already, suggestions and search hits alike', () => {
    const rows = linkTargets(
      'a',
      [
        suggestion('b1', 'about 13K containers', 0, 'same'),
        suggestion('b2', '13,000 containers', 40),
      ],
      [hit('c9', '13,000 containers shipped')],
      'contain',
      new Map([['c9', 'supports']]),
    )
    expect(rows.map((row) => [row.key, row.linked])).toEqual([
      ['s:B:0:20', 'same'],
      ['s:B:40:57', null],
      ['c:c9', 'supports'],
    ])
  })

  it('steps over linked rows: Enter takes the first free one, arrows skip the others', () => {
    const rows = [{ linked: 'same' }, { linked: null }, { linked: 'same' }, { linked: null }]
    expect(freeRow(rows, -1, 1)).toBe(1)
    expect(freeRow(rows, 1, 1)).toBe(3)
    expect(freeRow(rows, 3, 1)).toBe(1)
    expect(freeRow(rows, 1, -1)).toBe(3)
    expect(activeRow(rows, 0)).toBe(1)
    expect(activeRow(rows, 3)).toBe(3)
    expect(freeRow([{ linked: 'same' }], -1, 1)).toBe(-1)
  })

  it('matches words by prefix, and figures with or without separators', () => {
    expect(matchesQuery('13,000 containers since mid-2022', '13000 contain')).toBe(true)
    expect(matchesQuery('Moscow denied the allegations', 'mosc deni')).toBe(true)
    expect(matchesQuery('Moscow denied the allegations', 'kremlin')).toBe(false)
  })
})

describe('outsideSourceProblem', () => {
  const source = { url: '', title: '', publisher: '', date: '', quote: '' }
  it('asks for a title or an address, an http(s) address and a well-formed date', () => {
    expect(outsideSourceProblem(source)).toMatch(/title or an address/)
    expect(outsideSourceProblem({ ...source, url: 'javascript:alert(1)' })).toMatch(/http/)
    expect(outsideSourceProblem({ ...source, title: 'Report', date: '08/2026' })).toMatch(/YYYY/)
    expect(outsideSourceProblem({ ...source, title: 'Report', date: '2026-08' })).toBeNull()
    expect(outsideSourceProblem({ ...source, url: 'https://example.org/r' })).toBeNull()
  })
})

describe('relationStyleRules', () => {
  it('writes one rule per relation and drops colours that could inject CSS', () => {
    expect(
      relationStyleRules([
        { id: 'same', color: '#2CA02C' },
        { id: 'bad', color: 'red; } * { display: none' },
      ]),
    ).toBe('[data-relation="same"] { --relation-color: #2ca02c; }')
  })
})

describe('drawnClaims', () => {
  const claimListing = {
    documentKey: 'A',
    documentId: 'id-A',
    claims: [
      { claim: { id: 'a', label: 'figure' }, start: 0, end: 5, placement: 'exact' },
      { claim: { id: 'b', label: 'claim' }, start: 6, end: 9, placement: 'exact' },
    ],
    orphans: [],
  } as unknown as ClaimListing

  it('gives linked claims their badge and keeps the same array while nothing changed', () => {
    const badges = new Map([['a', { count: 2, relations: ['same'] }]])
    const drawn = drawnClaims(claimListing, badges)
    expect(drawn.map((claim) => claim.badge)).toEqual([
      { count: 2, relations: ['same'] },
      undefined,
    ])
    expect(drawnClaims(claimListing, badges)).toBe(drawn)
    expect(drawnClaims(claimListing, new Map())).not.toBe(drawn)
  })
})

describe('deriveBadges', () => {
  const claimListing = (key: string, ids: string[]) =>
    ({
      documentKey: key,
      documentId: `id-${key}`,
      claims: ids.map((id, i) => ({
        claim: { id, label: 'figure' },
        start: i * 10,
        end: i * 10 + 5,
        placement: 'exact',
      })),
      orphans: [],
    }) as unknown as ClaimListing

  it("keeps a document's badges (and each badge) when a link elsewhere changes", () => {
    const listings = { A: claimListing('A', ['a', 'b']), C: claimListing('C', ['c', 'd']) }
    const first = deriveBadges(
      INITIAL,
      listings,
      linksByClaim([listing('A', [resolved('l1', 'a', 'b')])]),
      RELATIONS,
    )
    expect(first.result.A!.get('a')).toEqual({ count: 1, relations: ['same'] })
    expect(first.result.C!.size).toBe(0)
    // A new link between the claims of document C.
    const second = deriveBadges(
      first,
      listings,
      linksByClaim([
        listing('A', [resolved('l1', 'a', 'b')]),
        listing('C', [resolved('l2', 'c', 'd', 'contradicts')]),
      ]),
      RELATIONS,
    )
    expect(second.result.A).toBe(first.result.A)
    expect(second.result.C).not.toBe(first.result.C)
    expect(second.result.C!.get('d')).toEqual({ count: 1, relations: ['contradicts'] })
  })
})
