/**
 * The review module: lanes turned on and off, what goes stale when someone's files may have
 * changed, blind names, the lanes a reader draws, and the position in the filtered queue.
 */
import { describe, expect, it } from 'vitest'
import type {
  AnnotatorLanes,
  AnnotatorSummary,
  ReviewQueueResult,
} from '../../../../src/shared/api'
import type { Action } from '../../../../src/renderer/store/actions'
import { displayName } from '../../../../src/renderer/store/review'
import {
  filteredQueueOf,
  lanesOf,
  queuePositionOf,
} from '../../../../src/renderer/store/review-selectors'
import type { AppState } from '../../../../src/renderer/store/state'
import { change, readingState, reduce } from './fixtures'

function summary(name: string, current = false): AnnotatorSummary {
  return {
    name,
    file: `annotations/${name}.json`,
    current,
    claims: 1,
    links: 0,
    byDocument: {},
    problem: null,
  }
}

let request = 1000
function arrive<K extends 'annotators' | 'lanes' | 'queue'>(
  what: K,
  key: string,
  value: K extends 'annotators'
    ? AnnotatorSummary[]
    : K extends 'lanes'
      ? AnnotatorLanes
      : ReviewQueueResult,
): Action[] {
  const id = ++request
  return [
    { type: 'load/started', what, key, request: id } as Action,
    { type: 'load/arrived', what, key, request: id, value } as Action,
  ]
}

const LANES: AnnotatorLanes = {
  documentKey: 'b',
  lanes: [
    {
      annotator: 'ben',
      orphans: 0,
      claims: [
        {
          id: 'c1',
          start: 0,
          end: 11,
          label: 'figure',
          status: 'alleged',
          certainty: null,
          attributedTo: '',
          links: ['same', 'contradicts', 'same'],
        },
      ],
    },
  ],
  problems: [],
}

function withLanes(): AppState {
  return reduce(
    readingState(),
    ...arrive('annotators', '', [summary('alice', true), summary('ana'), summary('ben')]),
    { type: 'review/show', annotator: 'ben', shown: true },
    ...arrive('lanes', 'b', LANES),
  )
}

describe('lanes', () => {
  it('are drawn for the colleagues turned on, named and coloured by their place', () => {
    const state = withLanes()
    expect(state.review.shown).toEqual(['ben'])
    const lanes = lanesOf(state, 'b')
    expect(lanes?.lanes).toEqual([{ name: 'ben', colour: '#009E73' }])
    expect(lanes?.spans).toEqual([
      {
        lane: 0,
        start: 0,
        end: 11,
        title: 'ben: Figure (alleged) · 3 links: Same claim, Contradicts',
        links: 3,
      },
    ])
    // The same object while nothing changed: the reader does not redraw.
    expect(lanesOf(reduce(state, { type: 'notice/dismiss', id: 0 }), 'b')).toBe(lanes)
  })

  it('show letters in blind mode', () => {
    const state = reduce(withLanes(), { type: 'review/blind', blind: true })
    expect(lanesOf(state, 'b')?.lanes[0]?.name).toBe('C')
    expect(lanesOf(state, 'b')?.spans[0]?.title).toMatch(/^C: Figure \(alleged\) · 3 links/)
  })

  it('go when no colleague is shown, and are listed again for another set', () => {
    const state = withLanes()
    const more = reduce(state, { type: 'review/show', annotator: 'ana', shown: true })
    expect(more.review.shown).toEqual(['ben', 'ana'])
    expect(more.review.listings.b?.stale).toBe(true)
    const none = reduce(
      more,
      { type: 'review/show', annotator: 'ben', shown: false },
      { type: 'review/show', annotator: 'ana', shown: false },
    )
    expect(lanesOf(none, 'b')).toBeNull()
  })

  it('are read again after a merge from disk, not after the analyst’s own edit', () => {
    const state = withLanes()
    const own = reduce(state, { type: 'backend/changed', change: change() })
    expect(own.review.listings.b?.stale).toBe(false)
    expect(own.review.annotators.stale).toBe(true)
    const disk = reduce(state, { type: 'backend/changed', change: change({ cause: 'disk' }) })
    expect(disk.review.listings.b?.stale).toBe(true)
    expect(disk.review.version).toBeGreaterThan(state.review.version)
  })
})

describe('displayName', () => {
  it('names by place in blind mode: A to Z, then AA', () => {
    const names = Array.from({ length: 28 }, (_, i) => `n${i}`)
    expect(displayName('n0', names, true)).toBe('A')
    expect(displayName('n25', names, true)).toBe('Z')
    expect(displayName('n27', names, true)).toBe('AB')
    expect(displayName('n27', names, false)).toBe('n27')
  })
})

describe('the queue position', () => {
  const unit = (id: string, conflicts: ReviewQueueResult['units'][number]['conflicts']) => ({
    id,
    key: id,
    state: 'open' as const,
    decision: null,
    documentKey: 'a',
    documentPath: 'a.txt',
    documentTitle: 'A',
    start: 0,
    end: 5,
    text: 'North',
    before: '',
    after: '',
    versions: [],
    missing: [],
    conflicts,
  })
  const queue: ReviewQueueResult = {
    annotators: ['ana', 'ben'],
    units: [unit('u1', ['label']), unit('u2', ['boundaries']), unit('u3', ['label', 'status'])],
    problems: [],
    leftOut: [],
  }

  it('follows the unit chosen through a filter, and starts at the first', () => {
    let state = reduce(readingState(), ...arrive('queue', '', queue))
    expect(queuePositionOf(state)).toBe(0)
    state = reduce(state, { type: 'review/unit', unit: { id: 'u3', documentKey: 'a' } })
    expect(queuePositionOf(state)).toBe(2)
    state = reduce(state, { type: 'review/filter', filter: { field: 'label' } })
    expect(filteredQueueOf(state).map((u) => u.id)).toEqual(['u1', 'u3'])
    // A new filter starts at its first unit.
    expect(queuePositionOf(state)).toBe(0)
  })
})
