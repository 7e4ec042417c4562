/** Span F1 and field agreement over aligned units, and link agreement through them. */
import { describe, expect, it } from 'vitest'
import {
  alignClaims,
  fieldAgreement,
  krippendorffAlpha,
  linkAgreement,
  normalisedAddress,
  spanAgreement,
  type AlignedClaim,
} from '../../../../src/core/review'

interface Version extends AlignedClaim {
  status: string
  certainty: 'low' | 'medium' | 'high' | null
}

function version(
  id: string,
  annotator: string,
  start: number,
  end: number,
  label: string,
  status = 'asserted',
  certainty: Version['certainty'] = null,
): Version {
  return { id, annotator, start, end, label, status, certainty }
}

// Two annotators on one article: three passages both marked (two identically), one each alone.
const claims = [
  version('a1', 'alice', 0, 30, 'figure', 'asserted', 'high'),
  version('a2', 'alice', 40, 70, 'attribution', 'alleged', 'medium'),
  version('a3', 'alice', 80, 100, 'denial', 'denied', 'low'),
  version('a4', 'alice', 120, 140, 'claim'),
  version('b1', 'bob', 0, 30, 'figure', 'asserted', 'high'),
  version('b2', 'bob', 40, 70, 'claim', 'alleged', 'high'),
  version('b3', 'bob', 78, 100, 'denial', 'asserted', 'low'),
  version('b4', 'bob', 150, 160, 'event'),
]
const units = alignClaims(claims, ['alice', 'bob'])

describe('span agreement', () => {
  it('counts exact and overlapping one-to-one matches', () => {
    expect(spanAgreement(units, 'alice', 'bob')).toEqual({
      first: 4,
      second: 4,
      exactMatches: 2,
      overlapMatches: 3,
      exactF1: 0.5,
      overlapF1: 0.75,
    })
  })
})

describe('field agreement', () => {
  it('measures labels over units, one annotator missing in single units', () => {
    const labels = fieldAgreement(units, ['alice', 'bob'], (claim) => claim.label)
    // Pairable units: the three both marked; the same alpha as from the values directly.
    expect(labels.units).toBe(3)
    const direct = krippendorffAlpha(
      [
        ['figure', 'figure'],
        ['attribution', 'claim'],
        ['denial', 'denial'],
        ['claim', null],
        [null, 'event'],
      ],
      'nominal',
    )
    expect(labels.alpha).toBeCloseTo(direct.alpha, 12)
    expect(labels.cohenKappa).toBeCloseTo(4 / 7, 12) // Ao 2/3, Ae 2/9
    expect(labels.fleissKappa).toBeNull() // not every annotator coded every unit
  })

  it('reads certainty as ordinal and leaves "not assessed" out', () => {
    const certainty = fieldAgreement(
      units,
      ['alice', 'bob'],
      (claim) =>
        claim.certainty === null ? null : ['low', 'medium', 'high'].indexOf(claim.certainty),
      'ordinal',
    )
    expect(certainty.metric).toBe('ordinal')
    expect(certainty.units).toBe(3)
    const status = fieldAgreement(units, ['alice', 'bob'], (claim) => claim.status)
    expect(status.units).toBe(3)
    expect(status.alpha).toBeLessThan(1)
  })

  it("gives Fleiss' kappa when every annotator coded every unit", () => {
    const full = alignClaims(
      [
        version('x1', 'alice', 0, 10, 'figure'),
        version('y1', 'bob', 0, 10, 'figure'),
        version('z1', 'carol', 0, 10, 'claim'),
        version('x2', 'alice', 20, 30, 'claim'),
        version('y2', 'bob', 20, 30, 'claim'),
        version('z2', 'carol', 21, 30, 'claim'),
      ],
      ['alice', 'bob', 'carol'],
    )
    const labels = fieldAgreement(full, ['alice', 'bob', 'carol'], (claim) => claim.label)
    expect(labels.fleissKappa).not.toBeNull()
    expect(labels.cohenKappa).toBeNull()
  })
})

describe('link agreement', () => {
  const claimEnd = (claimId: string) => ({ kind: 'claim' as const, claimId })
  const outside = (url: string) => ({
    kind: 'outside' as const,
    url,
    title: '',
    publisher: '',
    date: '',
    quote: '',
  })

  it('matches links through units: "same" either way round, directed ones only as drawn', () => {
    const result = linkAgreement(
      units,
      [
        { from: 'a1', to: claimEnd('a3'), relation: 'same' },
        { from: 'a2', to: claimEnd('a1'), relation: 'supports' },
        {
          from: 'a3',
          to: outside('https://www.example.org/report/?utm_source=x#top'),
          relation: 'cites',
        },
        { from: 'a1', to: claimEnd('a2'), relation: 'contradicts' },
      ],
      [
        { from: 'b3', to: claimEnd('b1'), relation: 'same' }, // reversed: still the same link
        { from: 'b1', to: claimEnd('b2'), relation: 'supports' }, // reversed: a directed relation
        { from: 'b3', to: outside('http://example.org/report'), relation: 'cites' },
        { from: 'b4', to: claimEnd('b1'), relation: 'same' }, // b4 is a unit alice did not mark
      ],
      new Set(['same']),
    )
    expect(result.matches).toBe(2) // "same" reversed, and the outside source
    expect(result.f1).toBeCloseTo((2 * 2) / 8, 12)
    // Pairs both linked: u1-u3 (same, same), u1-u2 (alice's first: supports from u2; bob's:
    // supports from u1, another direction), u3-outside (cites, cites).
    expect(result.sharedPairs).toBe(3)
    expect(result.sameRelation).toBe(2)
  })

  it('compares outside addresses by their normalised form', () => {
    expect(normalisedAddress('HTTPS://WWW.Example.org/a/b/?utm_medium=x&id=3#part')).toBe(
      'http://example.org/a/b?id=3',
    )
    expect(normalisedAddress('  not a url ')).toBe('not a url')
  })
})
