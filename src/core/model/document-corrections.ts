/**
 * The analyst's corrections of a document: its metadata (title, outlet, author, date, URL) and
 * which blocks are page furniture. Kept in the project settings (corroborate.json, `documents`,
 * keyed by document id), never in the article file: they win over what the parser detected and
 * never change the text or the id, so every offset stays valid.
 *
 * A field set to a string replaces the detected value; null says "unknown" (a wrong detected
 * date removed); a missing field keeps the detection. `furniture` maps a block's start offset to
 * true (furniture) or false (article).
 */
import { z } from 'zod'

const MAX_FIELD_LENGTH = 500

const field = z.string().trim().min(1).max(MAX_FIELD_LENGTH).nullable().optional()

export const documentCorrectionSchema = z.strictObject({
  title: field,
  outlet: field,
  author: field,
  /** ISO 8601: a date, or a date and time with an optional zone offset. */
  published: z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?$/,
      'a date as YYYY-MM-DD, optionally with a time (THH:MM) and zone',
    )
    .refine(isRealDate, 'not a real date')
    .nullable()
    .optional(),
  url: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/\S+$/i, 'an http(s) address')
    .nullable()
    .optional(),
  furniture: z
    .record(z.string().regex(/^\d{1,9}$/, 'a block start offset'), z.boolean())
    .optional(),
})

export type DocumentCorrection = z.infer<typeof documentCorrectionSchema>

export const documentCorrectionsSchema = z.record(
  z.string().regex(/^[0-9a-f]{64}$/, 'a document id'),
  documentCorrectionSchema,
)

/** "2026-02-30" matches the pattern but is no day of the calendar. */
function isRealDate(value: string): boolean {
  const day = value.slice(0, 10)
  const parsed = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day
}

const FIELDS = ['title', 'outlet', 'author', 'published', 'url'] as const

interface Correctable {
  metadata: { title?: string; outlet?: string; author?: string; published?: string; url?: string }
  blocks?: { start: number; boilerplate?: boolean }[]
}

/** A copy of `document` with the correction applied; the text and the id are untouched. */
export function applyCorrection<T extends Correctable>(
  document: T,
  correction: DocumentCorrection | undefined,
): T {
  if (correction === undefined) return document
  const metadata = { ...document.metadata }
  for (const name of FIELDS) {
    const value = correction[name]
    if (value === null) delete metadata[name]
    else if (value !== undefined) metadata[name] = value
  }
  const corrected = { ...document, metadata }
  const furniture = correction.furniture
  if (furniture !== undefined && document.blocks !== undefined) {
    corrected.blocks = document.blocks.map((block) => {
      const flip = furniture[String(block.start)]
      if (flip === undefined) return block
      const rest = { ...block }
      delete rest.boilerplate
      return flip ? { ...rest, boilerplate: true } : rest
    })
  }
  return corrected
}

/** Merges a new correction into the stored one: fields given replace, furniture flips add up. */
export function mergeCorrection(
  stored: DocumentCorrection | undefined,
  change: DocumentCorrection,
): DocumentCorrection {
  const merged: DocumentCorrection = { ...stored, ...change }
  if (stored?.furniture !== undefined || change.furniture !== undefined) {
    merged.furniture = { ...stored?.furniture, ...change.furniture }
  }
  return merged
}
