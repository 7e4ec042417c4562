/** The strategies of the automatic pre-merge, on units built by hand (pure, no files). */
import { describe, expect, it } from 'vitest'
import type { Claim } from '../../../../../src/core/model'
import {
  buildGold,
  unitKey,
  type GoldInput,
  type GoldUnit,
  type MergeStrategy,
} from '../../../../../src/core/review/gold'

const TEXT = 'North Korea sent 13,000 containers to Russia.'
const NOW = '2026-12-04T12:00:00.000Z'
let next = 0

function version(annotator: string, start: number, end: number, label = 'figure') {
  const id = `01900000-0000-7000-8000-${String(++next).padStart(12, '0')}`
  const claim: Claim = {
    id,
    document: { id: 'a'.repeat(64), path: 'story.txt' },
    target: {
      position: { start, end },
      quote: { exact: TEXT.slice(start, end), prefix: '', suffix: '' },
    },
    label,
    attributedTo: '',
    status: 'asserted',
    certainty: null,
    note: '',
    tags: [],
    annotator,
    created: NOW,
    updated: NOW,
  }
  return { annotator, claim, start, end }
}

function unit(...versions: ReturnType<typeof version>[]): GoldUnit {
  return {
    key: unitKey(versions.map((v) => v.claim.id)),
    document: { id: 'a'.repeat(64), path: 'story.txt', text: TEXT },
    versions,
  }
}

function run(strategy: MergeStrategy, units: GoldUnit[]) {
  const input: GoldInput = {
    gold: 'gold',
    annotators: ['a', 'b', 'c'],
    units,
    decisionOf: () => ({ state: 'open', decision: null, staleBecause: null }),
    strategy,
    undoAutomatic: false,
    links: new Map(),
    undirected: new Set(),
    existing: null,
    now: NOW,
  }
  return buildGold(input)
}

describe('automatic pre-merge', () => {
  const all = unit(version('a', 17, 23), version('b', 17, 23), version('c', 17, 23))
  const two = unit(version('a', 0, 11), version('b', 0, 11))
  const split = unit(version('a', 24, 34), version('b', 24, 34, 'claim'), version('c', 24, 34))
  const alone = unit(version('c', 38, 44))

  it('unanimous: every annotator made the same claim', () => {
    const result = run({ kind: 'unanimous' }, [all, two, split, alone])
    expect(result.file.claims.map((c) => c.target.quote.exact)).toEqual(['13,000'])
    expect(result.file.claims[0]!.provenance!.how).toBe('unanimous')
  })

  it('silent-others: those who made one agree', () => {
    const result = run({ kind: 'silent-others' }, [all, two, split, alone])
    const hows = result.file.claims.map((c) => [c.target.quote.exact, c.provenance!.how]).sort()
    expect(hows).toEqual([
      ['13,000', 'unanimous'],
      ['North Korea', 'automatic'],
      ['Russia', 'automatic'],
    ])
  })

  it('min-votes=N: at least N identical versions and no tie', () => {
    const result = run({ kind: 'min-votes', votes: 2 }, [all, two, split, alone])
    expect(result.file.claims.map((c) => c.target.quote.exact).sort()).toEqual([
      '13,000',
      'North Korea',
      'containers',
    ])
    expect(result.file.claims.find((c) => c.target.quote.exact === 'containers')!.label).toBe(
      'figure',
    )
    const tie = unit(version('a', 24, 34), version('b', 24, 34, 'claim'))
    expect(run({ kind: 'min-votes', votes: 1 }, [tie]).file.claims).toEqual([])
  })
})
