/**
 * The fast claim check used when loading large files must never accept what zod would refuse or
 * change: for arbitrary mutations of a valid claim, "fast says valid" implies "zod accepts it and
 * returns it equal".
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  claimSchema,
  readAnnotationFileText,
  emptyAnnotationFile,
  type Claim,
} from '../../../../src/core/model'
import {
  isCommonUuidFast,
  isDocumentIdFast,
  isPlainValidClaim,
  isPlainValidTombstone,
} from '../../../../src/core/model/claim-fast-check'
import { claimIdSchema, tombstoneSchema } from '../../../../src/core/model/claim'

const base: Claim = {
  id: '0190a000-0000-7000-8000-000000000001',
  document: { id: 'a'.repeat(64), path: 'a.txt' },
  target: { position: { start: 0, end: 4 }, quote: { exact: 'text', prefix: '', suffix: ' more' } },
  label: 'claim',
  attributedTo: '',
  status: 'asserted',
  certainty: null,
  note: '',
  tags: ['x'],
  annotator: 'alice',
  created: '2026-11-30T09:00:00.000Z',
  updated: '2026-11-30T09:00:00.000+01:00',
}

const oddValues = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    'x ',
    ' x',
    'a;b',
    'a\nb',
    'Claim',
    'claim',
    'low',
    'alleged',
    null,
    undefined,
    0,
    -1,
    1.5,
    4,
    2 ** 53,
    true,
    [],
    {},
    ['x'],
    [' x'],
    [''],
    ['a;b'],
    'x'.repeat(65),
    'x'.repeat(20_001),
    '2026-02-30T09:00:00Z',
    '2026-11-30T09:00:00Z',
    '2026-11-30 09:00:00Z',
    '2026-11-30T09:00:00',
    '0190a000-0000-7000-8000-00000000000g',
    '0190A000-0000-7000-8000-000000000001',
    'b'.repeat(64),
    'B'.repeat(64),
    'a.txt',
    'x'.repeat(4097),
  ),
  fc.string(),
  fc.integer(),
)

const paths = [
  ['id'],
  ['document'],
  ['document', 'id'],
  ['document', 'path'],
  ['document', 'extra'],
  ['target'],
  ['target', 'position'],
  ['target', 'position', 'start'],
  ['target', 'position', 'end'],
  ['target', 'position', 'extra'],
  ['target', 'quote', 'exact'],
  ['target', 'quote', 'prefix'],
  ['target', 'quote', 'extra'],
  ['label'],
  ['attributedTo'],
  ['status'],
  ['certainty'],
  ['note'],
  ['tags'],
  ['annotator'],
  ['created'],
  ['updated'],
  ['extra'],
]

function mutate(claim: Claim, path: string[], value: unknown): unknown {
  const copy = structuredClone(claim) as unknown as Record<string, unknown>
  let target = copy
  for (const key of path.slice(0, -1)) {
    const next = target[key]
    if (typeof next !== 'object' || next === null) return copy // An earlier mutation replaced it.
    target = next as Record<string, unknown>
  }
  const last = path[path.length - 1]
  if (value === undefined) delete target[last]
  else target[last] = value
  return copy
}

describe('fast claim check', () => {
  it('accepts the base claim, like zod', () => {
    expect(isPlainValidClaim(base)).toBe(true)
    expect(claimSchema.parse(base)).toEqual(base)
  })

  it('never accepts what zod refuses or would change', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), oddValues), { minLength: 1, maxLength: 3 }),
        (mutations) => {
          let value: unknown = base
          for (const [path, odd] of mutations) value = mutate(value as Claim, path, odd)
          if (isPlainValidClaim(value)) {
            const parsed = claimSchema.safeParse(value)
            expect(parsed.success).toBe(true)
            expect(parsed.data).toEqual(value)
          }
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('tombstones too', () => {
    for (const value of [
      { id: base.id, deleted: base.created },
      { id: base.id, deleted: base.created, extra: 1 },
      { id: base.id, deleted: '2026-02-30T00:00:00Z' },
      { id: 'x', deleted: base.created },
    ]) {
      if (isPlainValidTombstone(value)) expect(tombstoneSchema.parse(value)).toEqual(value)
      else
        expect(tombstoneSchema.safeParse(value).success && Object.keys(value).length === 2).toBe(
          false,
        )
    }
  })

  it('a file with one odd claim still gets zod’s message', () => {
    const file = { ...emptyAnnotationFile('alice'), claims: [base, { ...base, status: 'rumour' }] }
    const result = readAnnotationFileText(JSON.stringify(file), 'a.json')
    expect(result).toMatchObject({ ok: false, code: 'invalid-content' })
    expect(!result.ok && result.message).toContain('claims.1.status')
  })

  it('the hand-written id checks accept only what the schema’s patterns accept', () => {
    const hex = '0123456789abcdefABCDEFgG-'.split('')
    // UUID-shaped strings with any hex (or not) character anywhere, and odd lengths.
    const uuidLike = fc
      .array(fc.constantFrom(...hex, '8', '9', '1', '0', '\x18', '\x19'), {
        minLength: 34,
        maxLength: 38,
      })
      .map((chars) => chars.join(''))
    const dashed = fc
      .tuple(
        ...[8, 4, 4, 4, 12].map((n) =>
          fc.array(fc.constantFrom(...hex), { minLength: n, maxLength: n }),
        ),
      )
      .map((parts) => parts.map((part) => part.join('')).join('-'))
    const documentLike = fc
      .array(fc.constantFrom(...hex), { minLength: 63, maxLength: 65 })
      .map((chars) => chars.join(''))
    fc.assert(
      fc.property(fc.oneof(uuidLike, dashed, fc.uuid(), fc.string()), (text) => {
        if (isCommonUuidFast(text)) expect(claimIdSchema.safeParse(text).success).toBe(true)
      }),
      { numRuns: 5000 },
    )
    fc.assert(
      fc.property(fc.oneof(documentLike, fc.string()), (text) => {
        expect(isDocumentIdFast(text)).toBe(/^[0-9a-f]{64}$/.test(text))
      }),
      { numRuns: 3000 },
    )
    // And they do accept the ids the app makes (the fast path is taken).
    expect(isCommonUuidFast(base.id)).toBe(true)
    expect(isCommonUuidFast(base.id.toUpperCase())).toBe(true)
    expect(isDocumentIdFast('a'.repeat(64))).toBe(true)
  })
})
