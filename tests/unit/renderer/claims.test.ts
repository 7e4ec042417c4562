/**
 * The pure parts of the claims UI: nesting depths of overlapping claims, the label stylesheet
 * (nothing but #rrggbb colours and well-formed ids reaches CSS), and the panel's filters,
 * completion values and J/K navigation.
 */
import { describe, expect, it } from 'vitest'
import type { PlacedClaim } from '../../../src/shared/api'
import {
  attributionSuggestions,
  filterClaims,
  neighbourClaim,
  NO_FILTER,
  parseTags,
  shortQuote,
} from '../../../src/renderer/claims/claim-text'
import { claimDepths, freeDepth } from '../../../src/renderer/claims/layers'
import { labelStyleRules } from '../../../src/renderer/claims/label-styles'
import { listedClaimWith } from '../core/model/claim-builder'

describe('claimDepths', () => {
  it('gives overlapping claims different depths and reuses a depth once it is free', () => {
    const depths = claimDepths([
      { id: 'outer', start: 0, end: 100 },
      { id: 'inner', start: 10, end: 20 },
      { id: 'innermost', start: 12, end: 15 },
      { id: 'later-inner', start: 30, end: 40 },
      { id: 'after', start: 100, end: 120 },
    ])
    expect(Object.fromEntries(depths)).toEqual({
      outer: 0,
      inner: 1,
      innermost: 2,
      'later-inner': 1,
      after: 0,
    })
  })

  it('finds the smallest free depth among those taken', () => {
    expect(freeDepth([])).toBe(0)
    expect(freeDepth([0, 2])).toBe(1)
    expect(freeDepth([1, 0, 2])).toBe(3)
  })
})

describe('labelStyleRules', () => {
  it('writes one custom-property rule per label', () => {
    expect(
      labelStyleRules([
        { id: 'figure', color: '#FF7F0E' },
        { id: 'claim', color: '#1f77b4' },
      ]),
    ).toBe(
      '[data-label="figure"] { --claim-color: #ff7f0e; }\n[data-label="claim"] { --claim-color: #1f77b4; }',
    )
  })

  it('leaves out labels whose colour or id could inject CSS', () => {
    expect(
      labelStyleRules([
        { id: 'figure', color: 'red; } body { display: none' },
        { id: 'a"] , * { color: red } [x="', color: '#000000' },
        { id: 'claim', color: '#12345' },
        { id: 'event', color: 'url(https://tracker.example/x)' },
      ]),
    ).toBe('')
  })
})

function placed(id: string, fields: Partial<PlacedClaim['claim']>): PlacedClaim {
  return {
    claim: listedClaimWith({ id, quote: 'a passage', ...fields }),
    start: 0,
    end: 1,
    placement: 'exact',
  }
}

const claims = [
  placed('1', { label: 'figure', quote: '13,000 containers', attributedTo: 'DIA' }),
  placed('2', { label: 'denial', quote: 'Moscow denied', status: 'denied', tags: ['kremlin'] }),
  placed('3', {
    label: 'figure',
    quote: '6,700 containers',
    attributedTo: 'DIA',
    note: 'February',
  }),
  placed('4', { quote: 'shells failed', attributedTo: 'Officials in Seoul' }),
]
const ids = (list: PlacedClaim[]) => list.map(({ claim }) => claim.id)

describe('claim filters and helpers', () => {
  it('filters by label, status and text (quote, attribution, note, tags), case-insensitively', () => {
    expect(ids(filterClaims(claims, NO_FILTER))).toEqual(['1', '2', '3', '4'])
    expect(ids(filterClaims(claims, { ...NO_FILTER, labels: new Set(['figure']) }))).toEqual([
      '1',
      '3',
    ])
    expect(ids(filterClaims(claims, { ...NO_FILTER, status: 'denied' }))).toEqual(['2'])
    expect(ids(filterClaims(claims, { ...NO_FILTER, text: 'KREMLIN' }))).toEqual(['2'])
    expect(ids(filterClaims(claims, { ...NO_FILTER, text: 'february' }))).toEqual(['3'])
    expect(ids(filterClaims(claims, { ...NO_FILTER, text: 'seoul' }))).toEqual(['4'])
  })

  it('suggests earlier attributions, most used first', () => {
    expect(attributionSuggestions(claims)).toEqual(['DIA', 'Officials in Seoul'])
  })

  it('moves to the next and previous claim, wrapping, starting at an end when none is selected', () => {
    expect(neighbourClaim(claims, null, 1)?.claim.id).toBe('1')
    expect(neighbourClaim(claims, null, -1)?.claim.id).toBe('4')
    expect(neighbourClaim(claims, '2', 1)?.claim.id).toBe('3')
    expect(neighbourClaim(claims, '4', 1)?.claim.id).toBe('1')
    expect(neighbourClaim(claims, '1', -1)?.claim.id).toBe('4')
    expect(neighbourClaim([], null, 1)).toBeNull()
  })

  it('splits typed tags on commas, trimming and dropping ";"', () => {
    expect(parseTags(' shells, rail ;cars ,, ')).toEqual(['shells', 'rail cars'])
  })

  it('shortens long quotes in the middle', () => {
    const long = 'word '.repeat(60)
    const short = shortQuote(long, 41)
    expect(short.length).toBeLessThanOrEqual(41)
    expect(short).toContain('…')
    expect(shortQuote('  a\n short   quote ')).toBe('a short quote')
  })
})
