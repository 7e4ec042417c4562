import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  annotatorNameSchema,
  emptyAnnotationFile,
  mergeClaimSets,
  MIGRATIONS,
  newClaimId,
  nextTimestamp,
  readAnnotationFileText,
  validateLabels,
  DEFAULT_LABELS,
  type Claim,
  type Tombstone,
} from '../../../../src/core/model'
import { claimWith } from './claim-builder'

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute)).toISOString()

function claim(id: string, updated: string, note = ''): Claim {
  return claimWith({
    id,
    target: { position: { start: 0, end: 1 }, quote: { exact: 'x', prefix: '', suffix: '' } },
    note,
    created: at(0),
    updated,
  })
}

const set = (claims: Claim[], deleted: Tombstone[] = []) => ({
  claims: new Map(claims.map((c) => [c.id, c])),
  deleted: new Map(deleted.map((t) => [t.id, t])),
})

describe('reading annotation files through the migrations', () => {
  const v1 = JSON.stringify({
    format: 'corroborate/annotations',
    version: 1,
    annotator: 'alice',
    claims: [],
    deleted: [],
  })
  const v2 = JSON.stringify(emptyAnnotationFile('alice'))

  it('reads the current version as is', () => {
    expect(readAnnotationFileText(v2, 'a.json')).toMatchObject({ ok: true, migratedFrom: null })
  })

  it('refuses a newer version with a message naming the file', () => {
    const result = readAnnotationFileText(
      JSON.stringify({ ...JSON.parse(v2), version: 3 }),
      'annotations/alice.json',
    )
    expect(result).toMatchObject({ ok: false, code: 'newer-version' })
    expect(!result.ok && result.message).toMatch(
      /^annotations\/alice\.json was written by a newer Corroborate \(format version 3; this one reads up to 2\)/,
    )
  })

  it('migrates version 1 to 2: empty links, link tombstones and cluster wordings, the rest kept', () => {
    const claimV1 = { ...claim(newClaimId(), at(1)), reviewed: true }
    const file = { ...JSON.parse(v1), sourceTool: 'x', claims: [claimV1] }
    const result = readAnnotationFileText(JSON.stringify(file), 'a.json')
    expect(result).toEqual({
      ok: true,
      migratedFrom: 1,
      file: {
        ...file,
        version: 2,
        links: [],
        deletedLinks: [],
        clusters: [],
      },
    })
  })

  it('applies migrations step by step, and names a missing step', () => {
    const v3Schema = z.looseObject({
      format: z.literal('corroborate/annotations'),
      version: z.literal(3),
      annotator: z.string(),
      claims: z.array(z.unknown()),
      deleted: z.array(z.unknown()),
      links: z.array(z.unknown()),
      extra: z.literal(true),
    })
    const migrations = {
      ...MIGRATIONS,
      2: (file: Record<string, unknown>) => ({ ...file, version: 3, extra: true }),
    }
    const result = readAnnotationFileText(v1, 'a.json', migrations, 3, v3Schema as never)
    expect(result).toMatchObject({
      ok: true,
      migratedFrom: 1,
      file: { version: 3, links: [], extra: true },
    })
    expect(readAnnotationFileText(v1, 'a.json', {}, 2, v3Schema as never)).toMatchObject({
      ok: false,
      code: 'unknown-version',
    })
  })

  it('names what is wrong in invalid files', () => {
    expect(readAnnotationFileText('{', 'x.json')).toMatchObject({ ok: false, code: 'invalid-json' })
    expect(readAnnotationFileText('[]', 'x.json')).toMatchObject({
      ok: false,
      code: 'not-an-annotation-file',
    })
    const bad = {
      ...JSON.parse(v1),
      claims: [{ ...claim(newClaimId(), at(1)), status: 'rumoured' }],
    }
    const result = readAnnotationFileText(JSON.stringify(bad), 'x.json')
    expect(result).toMatchObject({ ok: false, code: 'invalid-content' })
    expect(!result.ok && result.message).toContain('claims.0.status')
  })

  it('keeps fields it does not know', () => {
    const extra = {
      ...JSON.parse(v1),
      sourceTool: 'x',
      claims: [{ ...claim(newClaimId(), at(1)), reviewed: true }],
    }
    const result = readAnnotationFileText(JSON.stringify(extra), 'x.json')
    expect(result.ok && result.file).toMatchObject({
      sourceTool: 'x',
      claims: [{ reviewed: true }],
    })
  })
})

describe('merging two copies of a file', () => {
  const id1 = '0190a000-0000-7000-8000-000000000001'
  const id2 = '0190a000-0000-7000-8000-000000000002'

  it('takes the union, the later version of each claim, and reports what came from theirs', () => {
    const ours = set([claim(id1, at(5), 'ours newer')])
    const theirs = set([claim(id1, at(3), 'theirs older'), claim(id2, at(4))])
    const merged = mergeClaimSets(ours, theirs)
    expect(merged.claims.get(id1)?.note).toBe('ours newer')
    expect(merged.claims.has(id2)).toBe(true)
    expect(merged.changedByTheirs).toEqual([id2])
    expect(merged.differsFromTheirs).toBe(true)
  })

  it('a later deletion wins over an earlier edit and the other way round', () => {
    const deletedLater = mergeClaimSets(
      set([claim(id1, at(5))]),
      set([], [{ id: id1, deleted: at(6) }]),
    )
    expect(deletedLater.claims.has(id1)).toBe(false)
    expect(deletedLater.deleted.get(id1)?.deleted).toBe(at(6))
    const editedLater = mergeClaimSets(
      set([claim(id1, at(7))]),
      set([], [{ id: id1, deleted: at(6) }]),
    )
    expect(editedLater.claims.has(id1)).toBe(true)
  })

  it('identical copies merge to themselves with nothing to save', () => {
    const copy = () => set([claim(id1, at(1))], [{ id: id2, deleted: at(2) }])
    const merged = mergeClaimSets(copy(), copy())
    expect(merged.changedByTheirs).toEqual([])
    expect(merged.differsFromTheirs).toBe(false)
  })
})

describe('timestamps and ids', () => {
  it('never goes backwards, even when the clock does', () => {
    const previous = '2026-11-30T09:00:00.500Z'
    expect(nextTimestamp(previous, Date.parse('2026-11-30T08:00:00.000Z'))).toBe(
      '2026-11-30T09:00:00.501Z',
    )
    expect(nextTimestamp(null, Date.parse(previous))).toBe(previous)
  })

  it('makes time-ordered UUIDv7 ids', () => {
    const ids = Array.from({ length: 100 }, () => newClaimId())
    expect(new Set(ids).size).toBe(100)
    expect([...ids].sort()).toEqual(ids)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/)
  })
})

describe('annotator names and labels', () => {
  it('accepts names that are safe file names, NFC-normalised', () => {
    expect(annotatorNameSchema.parse('Zoe\u0301')).toBe('Zoé')
    for (const ok of ['alice', 'Bob Smith', 'j.doe-2', 'Пётр', '李雷'])
      expect(annotatorNameSchema.safeParse(ok).success, ok).toBe(true)
    for (const bad of ['', '..', 'a/b', 'a\\b', 'nul', 'LPT1', 'x.', 'a:b', 'x'.repeat(65), '-x']) {
      expect(annotatorNameSchema.safeParse(bad).success, bad).toBe(false)
    }
  })

  it('the default label set is valid and has distinct keys 1-5', () => {
    const result = validateLabels(DEFAULT_LABELS)
    expect(result.ok).toBe(true)
    expect(DEFAULT_LABELS.map((label) => label.key)).toEqual(['1', '2', '3', '4', '5'])
    expect(
      validateLabels([...DEFAULT_LABELS, { ...DEFAULT_LABELS[0], id: 'other' }]),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('key 1 is given to two labels'),
    })
  })
})
