/**
 * The link: one claim bearing on another claim, or on a source outside the project's articles
 * (a report, a statement, a web page nobody saved), with the relation an analyst chose.
 *
 *   from      a claim id of the same annotator's file
 *   to        { kind: 'claim', claimId } (a claim of the same file), or
 *             { kind: 'outside', url, title, publisher, date, quote }
 *   relation  a relation type id from the project's corroborate.json
 *
 * Why own claims only: a link lives in its annotator's file, and a link to a colleague's claim
 * would dangle whenever they delete or rewrite it, with nothing in this file to notice. An
 * analyst who wants to link to a colleague's passage claims it themselves first (one step with
 * acceptSuggestion). Cross-annotator links can come later with review and merge.
 *
 * Links are immutable objects like claims (an edit replaces the object, `updated` orders edits
 * when files are merged) and deletions leave tombstones in `deletedLinks`.
 */
import { z } from 'zod'
import {
  CERTAINTIES,
  MAX_NOTE_LENGTH,
  claimIdSchema,
  timestampSchema,
  type Certainty,
} from './claim'
import { OUTSIDE_DATE_FORM, OUTSIDE_URL_FORM } from './outside-forms'
import { provenanceSchema } from './provenance'
import { relationIdSchema } from './relations'

export const MAX_OUTSIDE_URL_LENGTH = 2048
export const MAX_OUTSIDE_TEXT_LENGTH = 500
export const MAX_OUTSIDE_QUOTE_LENGTH = 20_000
export const MAX_CLUSTER_WORDING_LENGTH = 2_000
export const MAX_CLUSTER_MEMBERS = 100_000

/** See outside-forms.ts: http(s) or empty. */
export const outsideUrlSchema = z
  .string()
  .max(MAX_OUTSIDE_URL_LENGTH)
  .regex(OUTSIDE_URL_FORM, 'must be empty or an http(s) address')

/** See outside-forms.ts: YYYY, YYYY-MM or YYYY-MM-DD, or empty. */
export const outsideDateSchema = z
  .string()
  .regex(OUTSIDE_DATE_FORM, 'must be YYYY, YYYY-MM or YYYY-MM-DD')

export const claimEndSchema = z.looseObject({
  kind: z.literal('claim'),
  claimId: claimIdSchema,
})

export const outsideEndSchema = z.looseObject({
  kind: z.literal('outside'),
  url: outsideUrlSchema,
  title: z.string().max(MAX_OUTSIDE_TEXT_LENGTH),
  publisher: z.string().max(MAX_OUTSIDE_TEXT_LENGTH),
  date: outsideDateSchema,
  /** The passage of the outside source, when the analyst copied it. */
  quote: z.string().max(MAX_OUTSIDE_QUOTE_LENGTH),
})

export const linkEndSchema = z.discriminatedUnion('kind', [claimEndSchema, outsideEndSchema])

/** What describes an outside source (the link end without its `kind`). */
export interface OutsideSource {
  url: string
  title: string
  publisher: string
  date: string
  quote: string
}

export type ClaimEnd = z.infer<typeof claimEndSchema>
export type OutsideEnd = z.infer<typeof outsideEndSchema>
export type LinkEnd = z.infer<typeof linkEndSchema>

export const linkSchema = z.looseObject({
  id: claimIdSchema,
  relation: relationIdSchema,
  from: claimIdSchema,
  to: linkEndSchema,
  note: z.string().max(MAX_NOTE_LENGTH),
  /** The analyst's confidence in the link itself, in the words claims use; null: not assessed. */
  confidence: z.enum(CERTAINTIES).nullable(),
  annotator: z.string().min(1).max(64),
  created: timestampSchema,
  updated: timestampSchema,
  /** In a merged (gold) file: where the link came from (provenance.ts). */
  provenance: provenanceSchema.optional(),
})

export type Link = z.infer<typeof linkSchema>
export type LinkConfidence = Certainty

/**
 * The wording an analyst chose for a cluster of 'same' claims. `id` is the cluster's id when it
 * was set, `claimIds` its members then. Cluster ids are their smallest member id, so they change
 * when that claim is deleted or two clusters join; the wording then follows its claims: it
 * applies to the cluster holding any of them (the most recently set wins).
 * `canonicalWording` null: back to the automatic wording (the earliest mention).
 */
export const clusterWordingSchema = z.looseObject({
  id: claimIdSchema,
  canonicalWording: z.string().trim().min(1).max(MAX_CLUSTER_WORDING_LENGTH).nullable(),
  claimIds: z.array(claimIdSchema).max(MAX_CLUSTER_MEMBERS),
  updated: timestampSchema,
  /** In a merged (gold) file: the annotators' wordings it came from (provenance.ts). */
  provenance: provenanceSchema.optional(),
})

export type ClusterWording = z.infer<typeof clusterWordingSchema>

/** An outside source needs something to find it by: a title or an address. */
export function describesOutsideSource(end: Pick<OutsideEnd, 'title' | 'url'>): boolean {
  return end.title.trim() !== '' || end.url !== ''
}

/** The claim ids a link touches (one or two). */
export function linkedClaimIds(link: Pick<Link, 'from' | 'to'>): string[] {
  return link.to.kind === 'claim' ? [link.from, link.to.claimId] : [link.from]
}
