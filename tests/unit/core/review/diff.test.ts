/**
 * The diff of two annotator files: units aligned per document, compared field by field and on
 * their boundaries, units only one file has, and links compared through the units.
 */
import { describe, expect, it } from 'vitest'
import type { Claim, Link } from '../../../../src/core/model'
import { diffAnnotations, type DiffInputClaim, type DiffSide } from '../../../../src/core/review'
import { claimOn, linkBetween, parsed, WIRE_SOURCE, DAILY_SOURCE } from '../export/dataset-fixture'

const wire = parsed(WIRE_SOURCE, 'news/wire.txt')
const daily = parsed(DAILY_SOURCE, 'daily.txt')
const UNDIRECTED = new Set(['same'])

/** A file as stored: every claim where its selectors say. */
function side(name: string, claims: Claim[], links: Link[] = []): DiffSide {
  return { name, claims: claims.map((claim) => ({ claim, placed: null })), links }
}

/** Another version of a claim: same id, some fields changed (as a colleague's edit of a copy). */
function edited(claim: Claim, fields: Partial<Claim>): Claim {
  return { ...claim, ...fields, updated: '2026-12-01T10:00:00.000Z' }
}

/** The claim moved to `passage` of `document` (its selectors rewritten as the app would). */
function movedTo(claim: Claim, document: typeof wire, passage: string): Claim {
  const moved = claimOn(document, passage)
  return { ...claim, document: moved.document, target: moved.target }
}

describe('diffAnnotations', () => {
  it('finds nothing between a file and itself, and counts the units it compared', () => {
    const claims = [
      claimOn(wire, '13,000 containers arrived', { label: 'figure' }),
      claimOn(wire, 'denied that 152 mm shells', { label: 'denial' }),
      claimOn(daily, '13,000 containers reached Rajin'),
    ]
    const links = [linkBetween(claims[0]!, claims[2]!, 'same')]
    const diff = diffAnnotations(side('a.json', claims, links), side('b.json', claims, links), {
      undirected: UNDIRECTED,
    })
    expect(diff.identical).toBe(true)
    expect(diff.documents.map((d) => [d.path, d.units, d.differences.length])).toEqual([
      ['daily.txt', 1, 0],
      ['news/wire.txt', 2, 0],
    ])
    expect(diff.links).toEqual({ compared: 2, differences: [] })
  })

  it('names each field that differs, tags compared as a set', () => {
    const original = claimOn(wire, '13,000 containers arrived', {
      label: 'figure',
      tags: ['port', 'rajin'],
      attributedTo: 'Park',
    })
    const same = claimOn(wire, 'denied that 152 mm shells', { tags: ['a', 'b'] })
    const changed = edited(original, {
      label: 'claim',
      status: 'confirmed',
      certainty: 'high',
      attributedTo: 'Ta\u0331ha Park',
      note: 'checked',
      tags: ['rajin', 'shipping'],
    })
    const diff = diffAnnotations(
      side('a', [original, same]),
      side('b', [changed, edited(same, { tags: ['b', 'a'] })]),
      { undirected: UNDIRECTED },
    )
    expect(diff.identical).toBe(false)
    const [unit, ...rest] = diff.documents[0]!.differences
    expect(rest).toEqual([])
    expect(unit!.kind).toBe('changed')
    expect(unit!.fields).toEqual(['label', 'status', 'certainty', 'attributedTo', 'note', 'tags'])
    expect(unit!.boundaries).toBeNull()
    expect(unit!.a!.label).toBe('figure')
    expect(unit!.b!.label).toBe('claim')
    expect(unit!.b!.quote).toBe('13,000 containers arrived')
  })

  it('shows the characters added and removed at each end of a passage', () => {
    const original = claimOn(wire, 'as 13,000 containers arrived')
    // b starts later (drops "as ") and ends later (adds ", Ta̱ha").
    const moved = movedTo(original, wire, '13,000 containers arrived, Ta\u0331ha')
    const diff = diffAnnotations(side('a', [original]), side('b', [moved]), {
      undirected: UNDIRECTED,
    })
    const unit = diff.documents[0]!.differences[0]!
    expect(unit.fields).toEqual(['boundaries'])
    expect(unit.boundaries!.start).toEqual({ added: '', removed: 'as ' })
    expect(unit.boundaries!.end).toEqual({ added: ', Ta\u0331ha', removed: '' })
    // The character diff turns a's quote into b's.
    const { quote } = unit.boundaries!
    expect(
      quote
        .filter((p) => p.change !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('as 13,000 containers arrived')
    expect(
      quote
        .filter((p) => p.change !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe('13,000 containers arrived, Ta\u0331ha')

    // The other way round: b starts earlier and ends earlier.
    const back = diffAnnotations(side('a', [moved]), side('b', [original]), {
      undirected: UNDIRECTED,
    }).documents[0]!.differences[0]!
    expect(back.boundaries!.start).toEqual({ added: 'as ', removed: '' })
    expect(back.boundaries!.end).toEqual({ added: '', removed: ', Ta\u0331ha' })
  })

  it('lists units only one file has, in text order', () => {
    const shared = claimOn(wire, '13,000 containers arrived')
    const onlyA = claimOn(wire, 'Crowds')
    const onlyB = claimOn(wire, 'denied that 152 mm shells')
    const diff = diffAnnotations(side('a', [onlyA, shared]), side('b', [shared, onlyB]), {
      undirected: UNDIRECTED,
    })
    const differences = diff.documents[0]!.differences
    expect(differences.map((d) => [d.kind, (d.a ?? d.b)!.quote])).toEqual([
      ['only-a', 'Crowds'],
      ['only-b', 'denied that 152 mm shells'],
    ])
    expect(diff.documents[0]!.units).toBe(3)
  })

  it('compares two versions of one file whose claim moved away (same ids on both sides)', () => {
    const figure = claimOn(wire, '13,000 containers arrived')
    const denial = claimOn(wire, 'denied that 152 mm shells')
    const link = linkBetween(denial, figure, 'contradicts')
    const movedFigure = movedTo(figure, wire, 'Crowds')
    const diff = diffAnnotations(
      side('old', [figure, denial], [link]),
      side('new', [movedFigure, denial], [link]),
      { undirected: UNDIRECTED },
    )
    expect(diff.documents[0]!.differences.map((d) => d.kind)).toEqual(['only-b', 'only-a'])
    // The link now ends at another unit: a different link, though its id is the same.
    expect(diff.links.differences.map((d) => d.kind)).toEqual(['only-a', 'only-b'])
    expect(diff.links.differences[1]!.b!.to).toEqual({
      kind: 'claim',
      path: 'news/wire.txt',
      quote: 'Crowds',
    })
  })

  it('matches links through units: "same" either way round, a directed relation not', () => {
    const a1 = claimOn(wire, '13,000 containers arrived')
    const a2 = claimOn(daily, '13,000 containers reached Rajin')
    const a3 = claimOn(wire, 'denied that 152 mm shells')
    // b's claims are its own (other ids), on passages that overlap a's.
    const b1 = claimOn(wire, '13,000 containers')
    const b2 = claimOn(daily, '13,000 containers reached Rajin')
    const b3 = claimOn(wire, 'denied that 152 mm shells were aboard')
    const outside = (url: string): Link['to'] => ({
      kind: 'outside',
      url,
      title: 'DIA report',
      publisher: '',
      date: '',
      quote: '',
    })
    const diff = diffAnnotations(
      side(
        'a',
        [a1, a2, a3],
        [
          linkBetween(a1, a2, 'same'),
          linkBetween(a3, a1, 'contradicts'),
          linkBetween(a1, outside('https://www.dia.mil/report/'), 'cites'),
          linkBetween(a2, outside('https://dia.mil/other'), 'cites', { confidence: 'low' }),
        ],
      ),
      side(
        'b',
        [b1, b2, b3],
        [
          linkBetween(b2, b1, 'same'),
          linkBetween(b1, b3, 'contradicts'),
          linkBetween(b1, outside('http://dia.mil/report?utm_source=x'), 'cites'),
          linkBetween(b2, outside('https://dia.mil/other'), 'cites', {
            confidence: 'high',
            note: 'read it',
          }),
        ],
      ),
      { undirected: UNDIRECTED },
    )
    expect(diff.links.compared).toBe(8)
    const shown = diff.links.differences.map((d) => [d.kind, (d.a ?? d.b)!.relation, d.fields])
    expect(shown).toEqual([
      ['only-a', 'contradicts', []],
      ['changed', 'cites', ['note', 'confidence']],
      ['only-b', 'contradicts', []],
    ])
    const changed = diff.links.differences[1]!
    expect(changed.a!.to).toEqual({
      kind: 'outside',
      url: 'https://dia.mil/other',
      title: 'DIA report',
    })
    expect(changed.b!.confidence).toBe('high')
  })

  it('keeps placed claims and claims compared as stored apart, per document', () => {
    const claim = claimOn(wire, '13,000 containers arrived')
    const placedAt: DiffInputClaim = {
      claim,
      // As if the text had changed: the claim now sits 10 characters later.
      placed: {
        path: 'news/wire.txt',
        start: claim.target.position.start + 10,
        end: claim.target.position.end + 10,
        quote: '13,000 containers arrived',
      },
    }
    const diff = diffAnnotations(
      { name: 'a', claims: [placedAt], links: [] },
      {
        name: 'b',
        claims: [placedAt, { claim: claimOn(wire, 'Crowds'), placed: null }],
        links: [],
      },
      { undirected: UNDIRECTED },
    )
    expect(diff.documents.map((d) => [d.path, d.placement, d.differences.length])).toEqual([
      ['news/wire.txt', 'current', 0],
      ['news/wire.txt', 'stored', 1],
    ])
    expect(diff.documents[0]!.units).toBe(1)
  })

  it('says when stored offsets come from different texts, and compares passages by quote', () => {
    const original = claimOn(wire, 'as 13,000 containers arrived')
    // The same passage in a later version of the article: four characters earlier in the text.
    const later = parsed(WIRE_SOURCE.replace('Crowds 🎉🎉 ', 'Crowd '), 'news/wire.txt')
    const same = { ...claimOn(later, 'as 13,000 containers arrived'), id: original.id }
    const wider = { ...claimOn(later, 'Rajin 🚢 as 13,000 containers arrived'), id: original.id }
    const unchanged = diffAnnotations(side('a', [original]), side('b', [same]), {
      undirected: UNDIRECTED,
    })
    expect(unchanged.documents[0]!.textsDiffer).toBe(true)
    expect(unchanged.identical).toBe(true)

    const diff = diffAnnotations(side('a', [original]), side('b', [wider]), {
      undirected: UNDIRECTED,
    })
    const unit = diff.documents[0]!.differences[0]!
    expect(unit.fields).toEqual(['boundaries'])
    expect(unit.boundaries!.start).toEqual({ added: 'Rajin 🚢 ', removed: '' })
    expect(unit.boundaries!.end).toBeNull()
  })

  it('looks only at the documents asked for, and the links with an end on them', () => {
    const w = claimOn(wire, '13,000 containers arrived')
    const d = claimOn(daily, '13,000 containers reached Rajin')
    const d2 = claimOn(daily, 'A second')
    const diff = diffAnnotations(
      side('a', [w, d], [linkBetween(w, d, 'same')]),
      side('b', [d, d2], [linkBetween(d, d2, 'supports')]),
      { undirected: UNDIRECTED, documents: ['news/wire.txt'] },
    )
    expect(diff.documents.map((document) => document.path)).toEqual(['news/wire.txt'])
    expect(diff.documents[0]!.differences.map((u) => u.kind)).toEqual(['only-a'])
    // The supports link lies wholly in daily.txt: not looked at.
    expect(diff.links.compared).toBe(1)
    expect(diff.links.differences.map((l) => l.kind)).toEqual(['only-a'])
  })
})
