/**
 * Alignment of several annotators' claims on one document into units: identical spans first,
 * then the best one-to-one overlaps, n-way units, and what is left over as single units.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { alignClaims, matchScore, type AlignedClaim } from '../../../../src/core/review'

let next = 0
function claim(annotator: string, start: number, end: number, label = 'claim'): AlignedClaim {
  return { id: `${annotator}-${next++}`, annotator, start, end, label }
}

/** Each unit as annotator:start-end entries, for readable expectations. */
function shape(units: ReturnType<typeof alignClaims>): string[][] {
  return units.map((unit) =>
    [...unit.versions].map(([who, c]) => `${who}:${c.start}-${c.end}`).sort(),
  )
}

describe('alignClaims', () => {
  it('matches identical spans, then overlaps, and leaves the rest as single units', () => {
    const claims = [
      claim('alice', 0, 20), // "13,000 containers since mid-2022"
      claim('alice', 30, 60),
      claim('alice', 80, 90),
      claim('bob', 0, 20),
      claim('bob', 35, 62),
      claim('bob', 100, 120),
    ]
    const units = alignClaims(claims, ['alice', 'bob'])
    expect(shape(units)).toEqual([
      ['alice:0-20', 'bob:0-20'],
      ['alice:30-60', 'bob:35-62'],
      ['alice:80-90'],
      ['bob:100-120'],
    ])
    expect(units.map((unit) => unit.kind)).toEqual(['identical', 'overlapping', 'single', 'single'])
  })

  it('prefers the identical span over a larger overlap', () => {
    const claims = [
      claim('alice', 10, 30, 'figure'),
      claim('bob', 10, 30, 'attribution'), // identical span, another label
      claim('bob', 9, 31, 'figure'), // overlaps almost as much, same label
    ]
    const units = alignClaims(claims, ['alice', 'bob'])
    const first = units.find((unit) => unit.versions.get('alice'))!
    expect(first.versions.get('bob')!.label).toBe('attribution')
    expect(first.kind).toBe('identical')
    expect(units).toHaveLength(2)
  })

  it('prefers the same label between two equal overlaps', () => {
    const claims = [
      claim('alice', 10, 30, 'figure'),
      claim('carol', 0, 20, 'event'), // 10 of 30 characters in common
      claim('carol', 20, 40, 'figure'), // 10 of 30 as well, and the same label
    ]
    const units = alignClaims(claims, ['alice', 'carol'])
    const first = units.find((unit) => unit.versions.get('alice'))!
    expect(first.versions.get('carol')!.label).toBe('figure')
    expect(units).toHaveLength(2)
  })

  it('builds n-way units with at most one claim per annotator', () => {
    const claims = [
      claim('alice', 0, 10),
      claim('bob', 0, 10),
      claim('carol', 2, 10),
      claim('dan', 0, 9),
      claim('dan', 1, 8),
    ]
    const units = alignClaims(claims, ['alice', 'bob', 'carol', 'dan'])
    expect(units).toHaveLength(2)
    expect([...units[0]!.versions.keys()].sort()).toEqual(['alice', 'bob', 'carol', 'dan'])
    expect(units[1]!.kind).toBe('single')
  })

  it('never matches claims that do not overlap, and leaves out annotators not reviewed', () => {
    const claims = [claim('alice', 0, 10), claim('bob', 10, 20), claim('eve', 0, 10)]
    const units = alignClaims(claims, ['alice', 'bob'])
    expect(shape(units)).toEqual([['alice:0-10'], ['bob:10-20']])
    expect(matchScore(claims[0]!, claims[1]!)).toBe(0)
  })

  it('puts every claim in exactly one unit, each unit holding one claim per annotator at most', () => {
    const anyClaim = fc
      .record({
        annotator: fc.constantFrom('a', 'b', 'c'),
        start: fc.nat({ max: 60 }),
        length: fc.integer({ min: 1, max: 25 }),
        label: fc.constantFrom('claim', 'figure'),
      })
      .map(({ annotator, start, length, label }) => claim(annotator, start, start + length, label))
    fc.assert(
      fc.property(fc.array(anyClaim, { maxLength: 25 }), (claims) => {
        const units = alignClaims(claims, ['a', 'b', 'c'])
        const placed = units.flatMap((unit) => [...unit.versions.values()].map((c) => c.id))
        expect(placed.sort()).toEqual(claims.map((c) => c.id).sort())
        for (const unit of units) {
          for (const [annotator, version] of unit.versions)
            expect(version.annotator).toBe(annotator)
          const versions = [...unit.versions.values()]
          // Every version overlaps some other version of its unit.
          if (versions.length > 1) {
            for (const v of versions) {
              expect(versions.some((w) => w !== v && matchScore(v, w) > 0)).toBe(true)
            }
          }
        }
      }),
    )
  })
})
