/**
 * MUC, B-cubed, CEAF-e and BLANC against the test cases of the CoNLL reference coreference
 * scorer (tests/fixtures/external/coreference), to the five decimals it asserts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  bcubedScore,
  blancScore,
  ceafeScore,
  coreferenceScores,
  mucScore,
  type Partition,
  type Score,
} from '../../../../../src/core/review/agreement'

interface TestCase {
  id: string
  key: string[][]
  response: string[][]
  expected: Partial<Record<'muc' | 'bcub' | 'ceafe' | 'blanc', [number, number, number]>>
}

const file = join(
  import.meta.dirname,
  '../../../../fixtures/external/coreference/conll-scorer-test-cases.json',
)
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: TestCase[] }).cases

const measures: [keyof TestCase['expected'], (key: Partition, response: Partition) => Score][] = [
  ['muc', mucScore],
  ['bcub', bcubedScore],
  ['ceafe', ceafeScore],
  ['blanc', blancScore],
]

describe('coreference scores of clusters', () => {
  it('has the reference test cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20)
  })

  for (const testCase of cases) {
    for (const [name, measure] of measures) {
      const expected = testCase.expected[name]
      if (!expected) continue
      it(`${name} of case ${testCase.id}`, () => {
        const { recall, precision, f1 } = measure(testCase.key, testCase.response)
        expect(Math.abs(recall - expected[0])).toBeLessThan(1e-4)
        expect(Math.abs(precision - expected[1])).toBeLessThan(1e-4)
        expect(Math.abs(f1 - expected[2])).toBeLessThan(1e-4)
      })
    }
  }

  it('averages the four F1 scores, and gives 1 for identical clusters', () => {
    const clusters = [['a'], ['b', 'c'], ['d', 'e', 'f']]
    const same = coreferenceScores(clusters, clusters)
    expect(same.averageF1).toBe(1)
    const other = coreferenceScores(clusters, [['a', 'b'], ['c'], ['d', 'e', 'f']])
    const mean = (other.muc.f1 + other.bcubed.f1 + other.ceafe.f1 + other.blanc.f1) / 4
    expect(other.averageF1).toBeCloseTo(mean, 12)
    expect(other.averageF1).toBeLessThan(1)
  })
})
