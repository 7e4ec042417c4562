/**
 * Where an object of the gold file came from, and the file's list of merge conflicts. Both are
 * optional additions to version 2 of the annotation file: older files stay valid, and a build
 * that does not know them keeps them anyway (objects are loose).
 *
 * Provenance (on claims and links of a merged file, e.g. annotations/gold.json):
 *   unit      the review unit the object was built from (core/review/unit-key.ts)
 *   sources   the annotators' objects it derives from, each with the `updated` it was read at
 *   how       'unanimous' (every annotator agreed), 'automatic' (a pre-merge strategy: others
 *             silent, or enough votes) or 'adjudicated' (a reviewer's decision)
 *   reason    the decision's reason, when adjudicated
 *   reviewer  who decided, when adjudicated
 *   merged    the `updated` the merge gave the object: when the object's `updated` differs, it
 *             was edited by hand afterwards, and later merges leave it alone
 *
 * Conflicts (top level): when the git merge driver meets the same field of the same object
 * changed differently on both sides, it keeps one value (the rule is in three-way.ts) and
 * records the other here for the analyst to settle.
 */
import { z } from 'zod'

// The same forms as claim.ts's (which imports this module, hence not imported from there).
const claimIdSchema = z.uuid()
const timestampSchema = z.iso.datetime({ offset: true })

export const PROVENANCE_HOWS = ['unanimous', 'automatic', 'adjudicated'] as const
export type ProvenanceHow = (typeof PROVENANCE_HOWS)[number]

export const DECISION_REASONS = [
  'ambiguous-text',
  'guideline-gap',
  'annotator-error',
  'other',
] as const
export type DecisionReason = (typeof DECISION_REASONS)[number]

export const provenanceSchema = z.looseObject({
  unit: z.string().min(1).max(100_000),
  sources: z
    .array(
      z.looseObject({
        annotator: z.string().min(1).max(64),
        id: claimIdSchema,
        updated: timestampSchema,
      }),
    )
    .max(1_000),
  how: z.enum(PROVENANCE_HOWS),
  reason: z.enum(DECISION_REASONS).nullable().optional(),
  reviewer: z.string().min(1).max(64).nullable().optional(),
  merged: timestampSchema,
})

export type Provenance = z.infer<typeof provenanceSchema>

export const CONFLICT_KINDS = ['claim', 'link', 'cluster'] as const

export const mergeConflictSchema = z.looseObject({
  kind: z.enum(CONFLICT_KINDS),
  /** The object's id. */
  id: claimIdSchema,
  /** The field both sides changed; null: one side deleted the object, the other edited it. */
  field: z.string().max(64).nullable(),
  /** The value kept in the file (null for a deletion kept). */
  kept: z.unknown(),
  /** The value set aside (null for a deletion set aside). */
  other: z.unknown(),
  /** The `updated` (or deletion time) of the version set aside. */
  otherTime: timestampSchema,
  /** When the merge recorded it. */
  recorded: timestampSchema,
})

export type MergeConflict = z.infer<typeof mergeConflictSchema>

/**
 * What identifies one entry of the conflict list: the object, the field and the two times. Used
 * to settle an entry (the app drops it) and to merge two copies of the list three-way (an entry
 * settled on one side stays settled).
 */
export function conflictKey(conflict: MergeConflict): string {
  return `${conflict.kind}:${conflict.id}:${conflict.field ?? ''}:${conflict.otherTime}:${conflict.recorded}`
}
