/**
 * Krippendorff's alpha against published worked examples: Krippendorff (1980, 2004), Hayes and
 * Krippendorff (2007), the English Wikipedia example, and Fleiss' data (where alpha is a different
 * coefficient from kappa).
 */
import { describe, expect, it } from 'vitest'
import { krippendorffAlpha, type CodedValue } from '../../../../../src/core/review/agreement'
import { byUnit, example } from './published-examples'

type Units = { units: CodedValue[][] }

describe("Krippendorff's alpha for coded units", () => {
  it('matches the Wikipedia example: 3 coders, 15 units, missing values, four metrics', () => {
    const { reliability_data: rows, recomputed } = example<{
      reliability_data: CodedValue[][]
      recomputed: Record<string, { alpha: number; Do: number; De: number }>
    }>('wikipedia_3coders_15units')
    const units = byUnit(rows)
    for (const metric of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const result = krippendorffAlpha(units, metric)
      expect(result.alpha, metric).toBeCloseTo(recomputed[metric]!.alpha, 9)
      expect(result.observed, metric).toBeCloseTo(recomputed[metric]!.Do, 9)
      expect(result.expected, metric).toBeCloseTo(recomputed[metric]!.De, 9)
    }
    // The published figures, to the digits given: nominal 0.691, interval 0.811.
    expect(krippendorffAlpha(units, 'nominal').alpha).toBeCloseTo(0.691358, 6)
    expect(krippendorffAlpha(units, 'interval').alpha).toBeCloseTo(0.810845, 6)
    // Units 1, 2 and 14 have fewer than two values: not pairable.
    expect(krippendorffAlpha(units, 'nominal').pairableUnits).toBe(12)
  })

  it('matches Krippendorff (2004, p. 224): two coders, binary, alpha 0.095', () => {
    const { units } = example<Units>('krippendorff2004_p224_binary')
    const result = krippendorffAlpha(units, 'nominal')
    expect(result.observed).toBeCloseTo(0.4, 3)
    expect(result.expected).toBeCloseTo(0.442, 3)
    expect(result.alpha).toBeCloseTo(0.095, 3)
  })

  it('matches Krippendorff (2004, p. 227): three categories', () => {
    const { units, recomputed } = example<Units & { recomputed: { nominal: { alpha: number } } }>(
      'krippendorff2004_p227_3cats',
    )
    expect(krippendorffAlpha(units, 'nominal').alpha).toBeCloseTo(recomputed.nominal.alpha, 9)
  })

  it('matches Krippendorff (1980, p. 139): three coders, nominal 0.642, interval 0.547, ratio 0.483', () => {
    const { units } = example<Units>('krippendorff1980_p139_3coders')
    expect(krippendorffAlpha(units, 'nominal').alpha).toBeCloseTo(0.642, 3)
    expect(krippendorffAlpha(units, 'interval').alpha).toBeCloseTo(0.547, 3)
    expect(krippendorffAlpha(units, 'ratio').alpha).toBeCloseTo(0.483, 3)
  })

  it('matches Hayes and Krippendorff (2007): 40 units, 5 coders, ordinal alpha 0.7598', () => {
    const { units, recomputed } = example<
      Units & { recomputed: Record<string, { alpha: number }> }
    >('hayes_krippendorff2007_40units_5coders')
    expect(krippendorffAlpha(units, 'ordinal').alpha).toBeCloseTo(0.7598, 4)
    for (const metric of ['nominal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha(units, metric).alpha, metric).toBeCloseTo(
        recomputed[metric]!.alpha,
        9,
      )
    }
  })

  it("gives Fleiss' data its own alpha (0.4334), not Fleiss' kappa", () => {
    const { units } = example<Units>('fleiss1971_diagnoses')
    expect(krippendorffAlpha(units, 'nominal').alpha).toBeCloseTo(0.43340982828202845, 9)
  })

  it('is 1 for perfect agreement, NaN with nothing pairable or no variation, and refuses text for interval', () => {
    expect(
      krippendorffAlpha(
        [
          ['a', 'a'],
          ['b', 'b', null],
        ],
        'nominal',
      ).alpha,
    ).toBe(1)
    expect(
      krippendorffAlpha(
        [
          ['a', null],
          [null, 'b'],
        ],
        'nominal',
      ).alpha,
    ).toBeNaN()
    expect(
      krippendorffAlpha(
        [
          ['a', 'a'],
          ['a', 'a'],
        ],
        'nominal',
      ).alpha,
    ).toBeNaN()
    expect(() => krippendorffAlpha([['a', 'b']], 'interval')).toThrow(/numbers/)
  })
})
