/**
 * The three-way merge of annotation files (what the git merge driver runs): object by object,
 * field by field, with the documented rule for fields both sides changed.
 */
import { describe, expect, it } from 'vitest'
import {
  emptyAnnotationFile,
  mergeAnnotationFiles3,
  readAnnotationFileText,
  type AnnotationFile,
  type Claim,
  type Link,
} from '../../../../src/core/model'

const DOC = 'a'.repeat(64)
const NOW = '2026-12-04T12:00:00.000Z'

function claim(id: string, updated: string, fields: Partial<Claim> = {}): Claim {
  return {
    id,
    document: { id: DOC, path: 'story.txt' },
    target: { position: { start: 0, end: 5 }, quote: { exact: 'North', prefix: '', suffix: ' K' } },
    label: 'claim',
    attributedTo: '',
    status: 'asserted',
    certainty: null,
    note: '',
    tags: [],
    annotator: 'alice',
    created: '2026-12-01T00:00:00.000Z',
    updated,
    ...fields,
  }
}

function link(id: string, from: string, to: string, updated: string): Link {
  return {
    id,
    relation: 'same',
    from,
    to: { kind: 'claim', claimId: to },
    note: '',
    confidence: null,
    annotator: 'alice',
    created: updated,
    updated,
  }
}

function file(claims: Claim[], extra: Partial<AnnotationFile> = {}): AnnotationFile {
  return { ...emptyAnnotationFile('alice'), claims, ...extra }
}

const A = '01900000-0000-7000-8000-00000000000a'
const B = '01900000-0000-7000-8000-00000000000b'
const C = '01900000-0000-7000-8000-00000000000c'
const L = '01900000-0000-7000-8000-0000000000f1'
const T1 = '2026-12-02T00:00:00.000Z'
const T2 = '2026-12-03T00:00:00.000Z'
const T3 = '2026-12-03T10:00:00.000Z'

describe('mergeAnnotationFiles3', () => {
  it('takes each side’s changes to different fields and objects', () => {
    const base = file([claim(A, T1), claim(B, T1)])
    const ours = file([claim(A, T2, { note: 'ours' }), claim(B, T1), claim(C, T2)])
    const theirs = file([claim(A, T3, { status: 'alleged' })])
    const { file: merged, conflicts } = mergeAnnotationFiles3(base, ours, theirs, NOW)
    expect(conflicts).toEqual([])
    // B: deleted on their side (absent), unchanged on ours: deleted, with a tombstone.
    expect(merged.claims.map((c) => c.id)).toEqual([A, C])
    expect(merged.deleted.map((t) => t.id)).toEqual([B])
    expect(merged.claims[0]).toMatchObject({ note: 'ours', status: 'alleged', updated: T3 })
    expect(merged.conflicts).toBeUndefined()
  })

  it('keeps the later value of a field both changed and records the other', () => {
    const base = file([claim(A, T1)])
    const ours = file([claim(A, T3, { label: 'figure' })])
    const theirs = file([claim(A, T2, { label: 'denial' })])
    const { file: merged } = mergeAnnotationFiles3(base, ours, theirs, NOW)
    expect(merged.claims[0]!.label).toBe('figure')
    expect(merged.conflicts).toEqual([
      {
        kind: 'claim',
        id: A,
        field: 'label',
        kept: 'figure',
        other: 'denial',
        otherTime: T2,
        recorded: NOW,
      },
    ])
    // The result is a valid file, and the conflict list survives a second merge with a copy
    // that still has it; a copy that dropped it (settled in the app) settles it in the merge.
    const text = JSON.stringify(merged)
    expect(readAnnotationFileText(text, 'x').ok).toBe(true)
    const stillListed = {
      ...file([claim(A, T3, { label: 'figure' })]),
      conflicts: merged.conflicts,
    }
    const again = mergeAnnotationFiles3(merged, merged, stillListed, NOW)
    expect(again.file.conflicts).toHaveLength(1)
    const settled = mergeAnnotationFiles3(merged, stillListed, file([claim(A, T3)]), NOW)
    expect(settled.file.conflicts).toBeUndefined()
  })

  it('on equal times keeps ours', () => {
    const base = file([claim(A, T1)])
    const { file: merged } = mergeAnnotationFiles3(
      base,
      file([claim(A, T2, { note: 'ours' })]),
      file([claim(A, T2, { note: 'theirs' })]),
      NOW,
    )
    expect(merged.claims[0]!.note).toBe('ours')
    expect(merged.conflicts![0]!.other).toBe('theirs')
  })

  it('an edit after a deletion wins and the deletion is recorded; otherwise the deletion', () => {
    const base = file([claim(A, T1), claim(B, T1)], { links: [link(L, A, B, T1)] })
    const ours = file([claim(A, T3, { note: 'edited late' })], {
      deleted: [{ id: B, deleted: T2 }],
    })
    const theirs = file([claim(B, T3, { note: 'edited after' })], {
      deleted: [{ id: A, deleted: T2 }],
      links: [link(L, A, B, T1)],
    })
    const { file: merged, conflicts } = mergeAnnotationFiles3(base, ours, theirs, NOW)
    expect(merged.claims.map((c) => c.id)).toEqual([A, B])
    expect(conflicts.map((c) => [c.id, c.field, c.kept === null])).toEqual([
      [A, null, false],
      [B, null, false],
    ])
    const late = mergeAnnotationFiles3(
      base,
      file([claim(A, T1)], { deleted: [{ id: B, deleted: T3 }] }),
      file([claim(A, T1), claim(B, T2, { note: 'earlier edit' })], { links: [link(L, A, B, T1)] }),
      NOW,
    )
    expect(late.file.claims.map((c) => c.id)).toEqual([A])
    expect(late.conflicts[0]).toMatchObject({ id: B, field: null, kept: null })
    // The link to the deleted claim goes too: no link dangles.
    expect(late.file.links).toEqual([])
    expect(late.file.deletedLinks.map((t) => t.id)).toEqual([L])
  })

  it('merges two files added on both sides (no ancestor) by id', () => {
    const { file: merged, conflicts } = mergeAnnotationFiles3(
      null,
      file([claim(A, T1)]),
      file([claim(B, T1)]),
      NOW,
    )
    expect(merged.claims.map((c) => c.id)).toEqual([A, B])
    expect(conflicts).toEqual([])
  })
})
