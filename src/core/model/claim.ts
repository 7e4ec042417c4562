/**
 * The claim: one passage of one article that an analyst marked, with what they think of it.
 *
 * Where it is. `target.position` is a W3C TextPositionSelector and `target.quote` a
 * TextQuoteSelector over the canonical text of the document whose content hash is `document.id`.
 * Offsets count UTF-16 code units (JavaScript string indices), like everywhere in the app; the
 * CSV export converts them to Unicode code points. When the article's text changes, the quote
 * (with its prefix and suffix) re-places the claim (core/anchoring).
 *
 * Certainty is a word, not a number: analysts grade sourcing as low / medium / high confidence
 * (the scale intelligence and fact-checking desks use), and a 0.73 would suggest a precision
 * nobody has. null means "not assessed yet".
 */
import { z } from 'zod'
import type { RangeSelectors } from '../anchoring/selectors'
import { labelIdSchema } from './labels'
import { provenanceSchema } from './provenance'

export const CLAIM_STATUSES = ['asserted', 'alleged', 'denied', 'confirmed'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const CERTAINTIES = ['low', 'medium', 'high'] as const
export type Certainty = (typeof CERTAINTIES)[number]

/** ISO 8601 with a time zone; the app writes `Date.prototype.toISOString()` (UTC, ms). */
export const timestampSchema = z.iso.datetime({ offset: true })

/** Any RFC 9562 UUID is read; the app writes version 7 (time-ordered). */
export const claimIdSchema = z.uuid()

/** SHA-256 of the canonical text, lower-case hex (see core/document). */
export const documentIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest')

export const MAX_NOTE_LENGTH = 20_000
export const MAX_TAGS = 50
export const MAX_TAG_LENGTH = 64
export const MAX_ATTRIBUTION_LENGTH = 500

/** A tag: a short keyword. No ";" nor line breaks, so a CSV cell can list tags joined by "; ". */
export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TAG_LENGTH)
  .regex(/^[^;\r\n]*$/, 'a tag cannot contain ";" or a line break')

export const claimSchema = z.looseObject({
  id: claimIdSchema,
  document: z.looseObject({
    id: documentIdSchema,
    /** Relative to the project folder, "/" separated. */
    path: z.string().min(1).max(4096),
  }),
  target: z.looseObject({
    /** Half-open `[start, end)` in UTF-16 code units of the canonical text. */
    position: z
      .object({ start: z.int().min(0), end: z.int().min(0) })
      .refine((position) => position.start < position.end, 'end must be after start'),
    quote: z.object({ exact: z.string().min(1), prefix: z.string(), suffix: z.string() }),
  }),
  label: labelIdSchema,
  attributedTo: z.string().max(MAX_ATTRIBUTION_LENGTH),
  status: z.enum(CLAIM_STATUSES),
  certainty: z.enum(CERTAINTIES).nullable(),
  note: z.string().max(MAX_NOTE_LENGTH),
  tags: z.array(tagSchema).max(MAX_TAGS),
  annotator: z.string().min(1).max(64),
  created: timestampSchema,
  updated: timestampSchema,
  /** In a merged (gold) file: where the claim came from (provenance.ts). */
  provenance: provenanceSchema.optional(),
})

export type Claim = z.infer<typeof claimSchema>

/** What an analyst may change on a claim directly (the range goes through the backend). */
export const claimFieldsPatchSchema = z.strictObject({
  label: labelIdSchema.optional(),
  attributedTo: z.string().max(MAX_ATTRIBUTION_LENGTH).optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  certainty: z.enum(CERTAINTIES).nullable().optional(),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  tags: z.array(tagSchema).max(MAX_TAGS).optional(),
})

export type ClaimFieldsPatch = z.infer<typeof claimFieldsPatchSchema>

/** A deletion remembered in the file, so that merging with an older copy does not revive it. */
export const tombstoneSchema = z.object({ id: claimIdSchema, deleted: timestampSchema })
export type Tombstone = z.infer<typeof tombstoneSchema>

/** The claim's target as the W3C selectors core/anchoring works with. */
export function claimSelectors(claim: Claim): RangeSelectors {
  const { position, quote } = claim.target
  return {
    position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    quote: { type: 'TextQuoteSelector', ...quote },
  }
}
