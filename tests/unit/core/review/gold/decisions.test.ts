/** Decisions files: reading (file and line in messages), merging by unit, states of units. */
import { describe, expect, it } from 'vitest'
import {
  DecisionIndex,
  derivedId,
  mergeDecisions,
  mergeDecisions3,
  readDecisionsText,
  serializeDecisions,
  unitKey,
  type Decision,
} from '../../../../../src/core/review/gold'

const A = '01900000-0000-7000-8000-00000000000a'
const B = '01900000-0000-7000-8000-00000000000b'
const C = '01900000-0000-7000-8000-00000000000c'

function decision(unit: string, decided: string, fields: Partial<Decision> = {}): Decision {
  return {
    version: 1,
    unit,
    document: 'story.txt',
    fingerprints: Object.fromEntries(unit.split('+').map((id) => [id, '2026-12-01T00:00:00.000Z'])),
    action: { kind: 'reject' },
    reason: 'other',
    note: '',
    guidelines: false,
    reviewer: 'rita',
    decided,
    ...fields,
  }
}

describe('decisions', () => {
  it('keys units by their sorted claim ids and derives stable UUIDs', () => {
    expect(unitKey([B, A])).toBe(`${A}+${B}`)
    expect(derivedId('gold', unitKey([A]))).toBe(derivedId('gold', unitKey([A])))
    expect(derivedId('gold', unitKey([A]))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })

  it('round-trips one line per unit, sorted, and names file and line of a bad line', () => {
    const set = new Map([
      [unitKey([B]), decision(unitKey([B]), '2026-12-02T00:00:00.000Z')],
      [unitKey([A]), decision(unitKey([A]), '2026-12-02T00:00:00.000Z')],
    ])
    const text = serializeDecisions(set)
    expect(text.split('\n')[0]).toContain(A)
    const read = readDecisionsText(text, 'review/rita.decisions.json')
    expect(read.ok && [...read.decisions.values()]).toEqual([...set.values()].reverse())
    const bad = readDecisionsText(`${text}{"version":1,"unit":1}\n`, 'review/rita.decisions.json')
    expect(bad).toMatchObject({ ok: false, code: 'invalid-line', line: 3 })
    expect(!bad.ok && bad.message).toMatch(/^review\/rita\.decisions\.json, line 3: /)
    const newer = readDecisionsText('{"version":2}\n', 'f')
    expect(newer).toMatchObject({ ok: false, code: 'newer-version', line: 1 })
  })

  it('merges by unit: the later decision wins, two-way and three-way', () => {
    const early = decision(A, '2026-12-02T00:00:00.000Z')
    const late = decision(A, '2026-12-03T00:00:00.000Z', {
      action: { kind: 'take', annotator: 'bob' },
    })
    const other = decision(B, '2026-12-02T00:00:00.000Z')
    expect(
      mergeDecisions(
        new Map([[A, early]]),
        new Map([
          [A, late],
          [B, other],
        ]),
      ),
    ).toEqual(
      new Map([
        [A, late],
        [B, other],
      ]),
    )
    const base = new Map([[A, early]])
    // Changed on one side only: that change, even if older than the other side's line.
    expect(mergeDecisions3(base, new Map([[A, early]]), new Map([[A, late]])).get(A)).toBe(late)
    // A line removed on one side that the other did not change goes.
    expect(mergeDecisions3(base, new Map(), new Map([[A, early]])).has(A)).toBe(false)
  })

  it('tells decided, stale (changed or realigned) and open units', () => {
    const key = unitKey([A, B])
    const made = decision(key, '2026-12-02T00:00:00.000Z')
    const index = new DecisionIndex(new Map([[key, made]]))
    expect(index.stateOf(key, made.fingerprints).state).toBe('decided')
    expect(
      index.stateOf(key, { ...made.fingerprints, [A]: '2026-12-05T00:00:00.000Z' }),
    ).toMatchObject({
      state: 'stale',
      staleBecause: 'changed',
    })
    // B left the unit: the decision shows, stale, on the unit now holding A.
    expect(index.stateOf(unitKey([C]), { [C]: 'x' })).toMatchObject({ state: 'open' })
    expect(index.stateOf(unitKey([A]), { [A]: 'x' })).toMatchObject({
      state: 'stale',
      staleBecause: 'realigned',
    })
    const withdrawn = new DecisionIndex(
      new Map([[key, { ...made, action: { kind: 'withdrawn' as const } }]]),
    )
    expect(withdrawn.stateOf(key, made.fingerprints).state).toBe('open')
  })
})
