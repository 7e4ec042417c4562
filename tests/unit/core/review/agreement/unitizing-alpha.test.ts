/** alpha_u against dkpro-statistics' example and Krippendorff's (1995) four examples. */
import { describe, expect, it } from 'vitest'
import {
  segmentDistance,
  unitizingAlpha,
  unitizingAlphaOverall,
  type UnitizingStudy,
} from '../../../../../src/core/review/agreement'
import { example } from './published-examples'

type UnitRow = [begin: number, length: number, annotator: number, category: string]

function study(
  continuum: { begin: number; length: number },
  rows: UnitRow[],
  stretch = 1,
): UnitizingStudy {
  const annotators = Math.max(...rows.map((row) => row[2])) + 1
  return {
    begin: continuum.begin * stretch,
    length: continuum.length * stretch,
    annotators,
    units: rows.map(([begin, length, annotator, category]) => ({
      begin: begin * stretch,
      length: length * stretch,
      annotator,
      category,
    })),
  }
}

describe('unitizing alpha', () => {
  it("measures dkpro-statistics' distances between overlapping units", () => {
    const unit = (begin: number, length: number) => ({ begin, length, isUnit: true })
    expect(segmentDistance(unit(1, 8), unit(2, 1))).toBe(37)
    expect(segmentDistance(unit(1, 8), unit(4, 1))).toBe(25)
    expect(segmentDistance(unit(1, 8), unit(6, 1))).toBe(29)
    // A unit inside the other's gap counts its squared length; two gaps nothing.
    expect(segmentDistance(unit(3, 2), { begin: 0, length: 10, isUnit: false })).toBe(4)
    expect(
      segmentDistance(
        { begin: 0, length: 3, isUnit: false },
        { begin: 0, length: 10, isUnit: false },
      ),
    ).toBe(0)
  })

  it("matches dkpro-statistics' example: one long unit against three short ones, alpha -0.7003", () => {
    const { continuum, units } = example<{
      continuum: { begin: number; length: number }
      units: UnitRow[]
    }>('dkpro_unitizing_example_negative')
    const result = unitizingAlpha(study(continuum, units), 'A')
    // dkpro-statistics asserts these to within 0.0001.
    expect(Math.abs(result.observed - 0.91)).toBeLessThanOrEqual(1e-4)
    expect(Math.abs(result.expected - 0.5351)).toBeLessThanOrEqual(1e-4)
    expect(Math.abs(result.alpha - -0.7003)).toBeLessThanOrEqual(1e-4)
  })

  it('matches Krippendorff (1995, p. 57) examples A to D on a fine continuum', () => {
    const { continuum, units, expected } = example<{
      continuum: { begin: number; length: number }
      units: UnitRow[]
      expected: { alpha: Record<string, number>; tolerance: number }
    }>('krippendorff1995_unitizing_A_to_D')
    // Krippendorff's figures treat the continuum as continuous: a fine resolution approaches them.
    for (const category of ['A', 'B', 'C', 'D']) {
      const rows = units.filter((row) => row[3] === category)
      const result = unitizingAlpha(study(continuum, rows, 1000), category)
      expect(Math.abs(result.alpha - expected.alpha[category]!), category).toBeLessThanOrEqual(
        expected.tolerance,
      )
    }
  })

  it('gives 1 for identical units, and NaN overall with no units at all', () => {
    const same = study({ begin: 0, length: 20 }, [
      [2, 5, 0, 'claim'],
      [2, 5, 1, 'claim'],
      [10, 3, 0, 'claim'],
      [10, 3, 1, 'claim'],
    ])
    expect(unitizingAlpha(same, 'claim').alpha).toBe(1)
    expect(
      unitizingAlphaOverall({ begin: 0, length: 10, annotators: 2, units: [] }).alpha,
    ).toBeNaN()
  })
})
