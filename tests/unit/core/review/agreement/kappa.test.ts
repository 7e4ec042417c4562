/** Cohen's and Fleiss' kappa against Cohen (1960), Fleiss (1971), scikit-learn, R irr and others. */
import { describe, expect, it } from 'vitest'
import { cohenKappa, contingencyTable, fleissKappa } from '../../../../../src/core/review/agreement'
import { example } from './published-examples'

type TableExample = { table: number[][]; recomputed: Record<string, number> }

describe("Cohen's kappa", () => {
  it('matches Cohen (1960, p. 37): Ao 0.29, Ae 0.35', () => {
    const { table, recomputed } = example<TableExample>('cohen1960_p37')
    const result = cohenKappa(table)
    expect(result.observed).toBeCloseTo(0.29, 9)
    expect(result.expected).toBeCloseTo(0.35, 9)
    expect(result.kappa).toBeCloseTo(recomputed.cohen_kappa!, 9)
    expect(result.items).toBe(100)
  })

  it.each(['cohen1960_p45', 'wikipedia_cohen_2x2', 'artstein_poesio2008_p558', 'sas_table10'])(
    'matches %s',
    (id) => {
      const { table, recomputed, expected } = example<
        TableExample & { expected: Record<string, number> }
      >(id)
      const wanted = recomputed.cohen_kappa ?? recomputed.kappa ?? expected.kappa
      expect(wanted).toBeTypeOf('number')
      expect(cohenKappa(table).kappa).toBeCloseTo(wanted!, 6)
    },
  )

  it('weights ordered categories as scikit-learn: unweighted 0.9315, linear 0.9412, quadratic 0.9541', () => {
    const { table } = example<TableExample>('sklearn_weighted_kappa')
    expect(cohenKappa(table).kappa).toBeCloseTo(0.9315, 4)
    expect(cohenKappa(table, 'linear').kappa).toBeCloseTo(0.9412, 4)
    expect(cohenKappa(table, 'quadratic').kappa).toBeCloseTo(0.9541, 4)
  })

  it("matches R irr kappa2 on the anxiety data, from the raters' own labels", () => {
    const { rater2, rater3, categories } = example<{
      rater2: number[]
      rater3: number[]
      categories: number[]
    }>('r_irr_anxiety_rater2_vs_rater3')
    const table = contingencyTable(rater2, rater3, categories)
    expect(cohenKappa(table).kappa).toBeCloseTo(-0.006289308, 8)
    expect(cohenKappa(table, 'linear').kappa).toBeCloseTo(0.1459075, 7)
    expect(cohenKappa(table, 'quadratic').kappa).toBeCloseTo(0.2520325, 7)
  })
})

describe("Fleiss' kappa", () => {
  it('matches Fleiss (1971): 30 subjects, 6 raters, kappa 0.4302', () => {
    const { counts } = example<{ counts: number[][] }>('fleiss1971_diagnoses')
    const result = fleissKappa(counts)
    expect(result.kappa).toBeCloseTo(0.4302445, 7)
    expect(result.observed).toBeCloseTo(0.5556, 4)
    expect(result.expected).toBeCloseTo(0.2199, 4)
    expect([result.items, result.raters]).toEqual([30, 6])
  })

  it('matches the Wikipedia example: 10 subjects, 14 raters, kappa 0.210', () => {
    const { counts } = example<{ counts: number[][] }>('wikipedia_fleiss_10x14')
    const result = fleissKappa(counts)
    expect(result.kappa).toBeCloseTo(0.20993070442195522, 9)
    expect(result.observed).toBeCloseTo(0.378, 3)
    expect(result.expected).toBeCloseTo(0.213, 3)
  })

  it('refuses items rated by different numbers of raters', () => {
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/same number/)
  })
})
