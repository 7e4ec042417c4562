/**
 * A fast yes/no check that a value is a valid claim exactly as `claimSchema` would accept it
 * unchanged, for loading large files: zod's parse builds a copy of every object and costs about
 * as much as JSON.parse itself. It only ever says "valid" when zod would accept the value and
 * return it equal (same regexes, same limits, tags already trimmed); anything else goes to
 * zod, which gives the error messages. A property test compares the two on mutated claims.
 */
import {
  CERTAINTIES,
  CLAIM_STATUSES,
  MAX_ATTRIBUTION_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  claimIdSchema,
  timestampSchema,
  type Claim,
  type Tombstone,
} from './claim'

/** The very patterns zod checks with (read from the schemas, so they cannot drift). */
const UUID = patternOf(claimIdSchema)
const TIMESTAMP = patternOf(timestampSchema)
const DOCUMENT_ID = /^[0-9a-f]{64}$/
const LABEL_ID = /^[a-z0-9][a-z0-9_-]{0,31}$/
const TAG_CHARACTERS = /^[^;\r\n]*$/
const STATUSES = new Set<unknown>(CLAIM_STATUSES)
const CERTAINTY_VALUES = new Set<unknown>([...CERTAINTIES, null])
const MAX_SAFE = Number.MAX_SAFE_INTEGER

/**
 * Fast accepts for the two costliest patterns, written by hand (a character loop is several
 * times faster than the regexes on 100,000 claims, a third of the whole check). Each accepts
 * only strings its regex accepts (a property test compares them); anything else goes to the
 * regex, which decides.
 */

const UUID_VARIANTS = new Set(['8', '9', 'a', 'b', 'A', 'B'])

/** Whether `text[from, to)` is hex digits: lower-case only, or either case. */
function isHexRun(text: string, from: number, to: number, upperToo: boolean): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) continue // 0-9
    if (code >= 97 && code <= 102) continue // a-f
    if (upperToo && code >= 65 && code <= 70) continue // A-F
    return false
  }
  return true
}

/** A document id: 64 lower-case hex digits, exactly what DOCUMENT_ID accepts. */
export function isDocumentIdFast(text: string): boolean {
  return text.length === 64 && isHexRun(text, 0, 64, false)
}

/**
 * The common case of the claim id pattern (its first alternative): 8-4-4-4-12 hex digits,
 * version 1-8, variant 8, 9, a or b. The nil and max UUIDs are left to the regex.
 */
export function isCommonUuidFast(id: string): boolean {
  if (id.length !== 36) return false
  if (id.charCodeAt(8) !== 45 || id.charCodeAt(13) !== 45) return false // '-'
  if (id.charCodeAt(18) !== 45 || id.charCodeAt(23) !== 45) return false
  const version = id.charCodeAt(14)
  if (version < 49 || version > 56) return false // '1'-'8'
  if (!UUID_VARIANTS.has(id[19])) return false
  return (
    isHexRun(id, 0, 8, true) &&
    isHexRun(id, 9, 13, true) &&
    isHexRun(id, 15, 18, true) &&
    isHexRun(id, 20, 23, true) &&
    isHexRun(id, 24, 36, true)
  )
}

function patternOf(schema: unknown): RegExp {
  const pattern = (schema as { _zod?: { def?: { pattern?: unknown } } })._zod?.def?.pattern
  if (!(pattern instanceof RegExp)) throw new Error('zod schema without a pattern')
  return pattern
}

type Loose = Record<string, unknown>

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const isOffset = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_SAFE

export function isPlainValidClaim(value: unknown): value is Claim {
  if (!isObject(value)) return false
  // Provenance (gold files only, far fewer claims) is left to zod.
  if ('provenance' in value) return false
  const { id, document, target, label, attributedTo, status, certainty, note, tags, annotator } =
    value
  if (!isString(id) || !(isCommonUuidFast(id) || UUID.test(id))) return false
  if (!isObject(document) || !isString(document.id)) return false
  if (!(isDocumentIdFast(document.id) || DOCUMENT_ID.test(document.id))) return false
  if (!isString(document.path) || document.path.length < 1 || document.path.length > 4096)
    return false
  if (!isObject(target) || !isObject(target.position) || !isObject(target.quote)) return false
  const { position, quote } = target
  // position and quote are strict-less plain objects in the schema: extra keys are stripped
  // by zod, so only exact key sets are "unchanged".
  if (Object.keys(position).length !== 2 || Object.keys(quote).length !== 3) return false
  if (!isOffset(position.start) || !isOffset(position.end) || !(position.start < position.end)) {
    return false
  }
  if (!isString(quote.exact) || quote.exact.length < 1) return false
  if (!isString(quote.prefix) || !isString(quote.suffix)) return false
  if (!isString(label) || !LABEL_ID.test(label)) return false
  if (!isString(attributedTo) || attributedTo.length > MAX_ATTRIBUTION_LENGTH) return false
  if (!STATUSES.has(status) || !CERTAINTY_VALUES.has(certainty)) return false
  if (!isString(note) || note.length > MAX_NOTE_LENGTH) return false
  if (!Array.isArray(tags) || tags.length > MAX_TAGS) return false
  for (const tag of tags) {
    if (!isString(tag) || tag !== tag.trim() || tag.length < 1 || tag.length > MAX_TAG_LENGTH) {
      return false
    }
    if (!TAG_CHARACTERS.test(tag)) return false
  }
  if (!isString(annotator) || annotator.length < 1 || annotator.length > 64) return false
  if (!isString(value.created) || !TIMESTAMP.test(value.created)) return false
  // Most claims were never edited: the same text needs no second test.
  if (!isString(value.updated)) return false
  if (value.updated !== value.created && !TIMESTAMP.test(value.updated)) return false
  return true
}

/** Tombstones are plain objects in the schema: exactly `id` and `deleted`. */
export function isPlainValidTombstone(value: unknown): value is Tombstone {
  if (!isObject(value) || Object.keys(value).length !== 2) return false
  return (
    isString(value.id) &&
    UUID.test(value.id) &&
    isString(value.deleted) &&
    TIMESTAMP.test(value.deleted)
  )
}
