import { describe, expect, it } from 'vitest'
import {
  alignClaims,
  conflictsOf,
  matchesFilter,
  reviewQueue,
  type QueueClaim,
} from '../../../../src/core/review'

let next = 0
function claim(annotator: string, start: number, end: number, fields: Partial<QueueClaim> = {}) {
  return {
    id: `c${next++}`,
    annotator,
    start,
    end,
    label: 'figure',
    status: 'asserted',
    certainty: null,
    attribution: '',
    ...fields,
  } satisfies QueueClaim
}

const ANNOTATORS = ['ana', 'ben']

function queueOf(documents: Record<string, QueueClaim[]>) {
  return reviewQueue(
    Object.entries(documents).map(([path, claims]) => ({
      path,
      units: alignClaims(claims, ANNOTATORS),
    })),
    ANNOTATORS,
  )
}

describe('conflictsOf', () => {
  it('names every field the versions disagree on, in queue order', () => {
    const [unit] = alignClaims(
      [
        claim('ana', 0, 10, { attribution: 'Reuters', certainty: 'high' }),
        claim('ben', 0, 12, { label: 'claim', status: 'alleged', attribution: ' Reuters ' }),
      ],
      ANNOTATORS,
    )
    // Attribution differs only in spaces around it: not a conflict.
    expect(conflictsOf(unit!, ANNOTATORS)).toEqual(['label', 'status', 'certainty', 'boundaries'])
  })

  it('counts an annotator without a version as missing', () => {
    const [unit] = alignClaims([claim('ana', 0, 10)], ANNOTATORS)
    expect(conflictsOf(unit!, ANNOTATORS)).toEqual(['missing'])
    expect(conflictsOf(unit!, ['ana'])).toEqual([])
  })
})

describe('reviewQueue', () => {
  it('orders by first conflict, then document order, then place in the text', () => {
    const queue = queueOf({
      'a.txt': [
        claim('ana', 50, 60),
        claim('ben', 50, 60),
        claim('ana', 30, 40),
        claim('ben', 30, 42),
        claim('ana', 0, 5, { label: 'claim' }),
      ],
      'b.txt': [claim('ana', 0, 10, { label: 'claim' }), claim('ben', 0, 10)],
    })
    expect(queue.map((entry) => [entry.documentPath, entry.conflicts])).toEqual([
      ['b.txt', ['label']],
      ['a.txt', ['boundaries']],
      ['a.txt', ['missing']],
      ['a.txt', []],
    ])
  })
})

describe('matchesFilter', () => {
  const queue = queueOf({
    'a.txt': [
      claim('ana', 0, 10, { label: 'claim' }),
      claim('ben', 0, 10),
      claim('ana', 20, 30, { label: 'event' }),
      claim('ben', 20, 30, { label: 'event' }),
    ],
    'b.txt': [claim('ben', 5, 9)],
  })

  it('narrows by document, label and field', () => {
    expect(queue.filter((e) => matchesFilter(e, { document: 'b.txt' }))).toHaveLength(1)
    expect(queue.filter((e) => matchesFilter(e, { label: 'claim' }))).toHaveLength(1)
    expect(queue.filter((e) => matchesFilter(e, { label: 'figure' }))).toHaveLength(2)
    expect(queue.filter((e) => matchesFilter(e, { field: 'label' }))).toHaveLength(1)
    expect(queue.filter((e) => matchesFilter(e, { field: 'agreed' }))).toHaveLength(1)
    expect(queue.filter((e) => matchesFilter(e, { field: 'missing', document: 'a.txt' }))).toEqual(
      [],
    )
  })

  it('by pair: units the two marked differently, or only one of them marked', () => {
    const pair = ['ana', 'ben'] as const
    expect(
      queue.filter((e) => matchesFilter(e, { pair })).map((e) => [e.documentPath, e.conflicts]),
    ).toEqual([
      ['a.txt', ['label']],
      ['b.txt', ['missing']],
    ])
    // Neither of the pair marked it: not theirs to compare.
    expect(queue.filter((e) => matchesFilter(e, { pair: ['ana', 'cy'] }))).toHaveLength(2)
  })
})
