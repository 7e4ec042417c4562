/**
 * The journal's record format and replay, on their own: a crash can cut the journal at any
 * byte, and replay must then yield exactly the records written in full before that byte.
 */
import { describe, expect, it } from 'vitest'
import {
  decodeRecords,
  encodeRecord,
  type JournalOp,
} from '../../../../src/backend/annotations/annotation-journal'
import { replayJournal } from '../../../../src/backend/annotations/journal-replay'
import { conflictKey } from '../../../../src/core/model'
import { claimWith } from '../../core/model/claim-builder'

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`

const records: JournalOp[][] = [
  [{ claim: claimWith({ id: id(1), note: 'first, with ünïcode and a\nline break' }) }],
  [
    { claim: claimWith({ id: id(2) }) },
    { deleted: { id: id(1), deleted: '2026-11-30T10:00:00.000Z' } },
  ],
  [
    {
      wording: {
        id: id(2),
        canonicalWording: 'w',
        claimIds: [id(2)],
        updated: '2026-11-30T10:00:00.000Z',
      },
    },
  ],
]

describe('journal records', () => {
  it('a journal cut at any byte gives back exactly the records written in full', () => {
    const lines = records.map(encodeRecord)
    const text = lines.join('')
    const bytes = Buffer.from(text, 'utf8')
    const ends = lines.map((_, n) => Buffer.byteLength(lines.slice(0, n + 1).join(''), 'utf8'))
    for (let cut = 0; cut <= bytes.length; cut++) {
      const whole = ends.filter((end) => end <= cut).length
      // A cut inside a multi-byte character decodes to U+FFFD: still detected as torn.
      expect(decodeRecords(bytes.subarray(0, cut).toString('utf8')), `cut at ${cut}`).toEqual(
        records.slice(0, whole),
      )
    }
  })

  it('stops at a record whose checksum does not match (and everything after it)', () => {
    const lines = records.map(encodeRecord)
    lines[1] = lines[1].replace('"deleted"', '"Deleted"')
    expect(decodeRecords(lines.join(''))).toEqual(records.slice(0, 1))
  })
})

describe('journal replay', () => {
  const empty = () => ({
    claims: new Map(),
    deleted: new Map(),
    links: new Map(),
    deletedLinks: new Map(),
    wordings: new Map(),
    conflicts: new Map(),
  })

  it('applies the records in order on top of the file', () => {
    const replayed = replayJournal(records, empty())
    expect([...replayed.claims.keys()]).toEqual([id(2)])
    expect([...replayed.deleted.keys()]).toEqual([id(1)])
    expect(replayed.wordings.get(id(2))?.canonicalWording).toBe('w')
  })

  it('does not undo a newer change the file already has (replaying twice changes nothing)', () => {
    const file = empty()
    const newer = claimWith({
      id: id(2),
      note: 'newer, from a colleague',
      updated: '2026-12-01T00:00:00.000Z',
    })
    file.claims.set(id(2), newer)
    const replayed = replayJournal(records, file)
    expect(replayed.claims.get(id(2))).toBe(newer)
    expect(replayed.changed).toBe(true) // The journal's deletion of claim 1 was news to the file.
    const { changed, ...again } = replayJournal(records, replayed)
    expect(changed).toBe(false)
    expect({ ...again, changed: true }).toEqual(replayed)
  })

  it('settles and puts back entries of the conflict list in the order journalled', () => {
    const entry = (field: string) => ({
      kind: 'claim' as const,
      id: id(3),
      field,
      kept: 'a',
      other: 'b',
      otherTime: '2026-11-30T09:00:00.000Z',
      recorded: '2026-11-30T09:30:00.000Z',
    })
    const file = empty()
    file.conflicts.set(conflictKey(entry('label')), entry('label'))
    file.conflicts.set(conflictKey(entry('note')), entry('note'))
    // Both settled, then the note's put back by an undo.
    const replayed = replayJournal(
      [
        [{ settledConflict: conflictKey(entry('label')) }],
        [{ settledConflict: conflictKey(entry('note')) }],
        [{ conflict: entry('note') }],
      ],
      file,
    )
    expect([...replayed.conflicts.values()]).toEqual([entry('note')])
  })
})
