/**
 * Relation types: how one claim bears on another, kept in the project settings file beside the
 * labels so that everyone on a project links with the same ids. A link stores the relation's
 * `id`; its name, colour, key and description can change without touching any link.
 *
 * The five default ids are the ones core/linking understands: 'same' builds clusters,
 * 'supports' and 'contradicts' fill the corroboration matrix, and suggestions propose them and
 * 'updates'. A project may add its own relation types; their links are listed and exported but
 * take no part in clusters or the matrix (nothing can know what they mean).
 */
import { z } from 'zod'
import { labelIdSchema } from './labels'

/** Relation ids follow label ids: lower-case, safe in CSV cells, CSS classes and file names. */
export const relationIdSchema = labelIdSchema

/**
 * One lower-case letter: relations are chosen in link mode, where the digits of the label keys
 * stay free for labelling.
 */
export const relationKeySchema = z.string().regex(/^[a-z]$/, 'must be one lower-case letter')

export const relationTypeSchema = z.object({
  id: relationIdSchema,
  name: z.string().trim().min(1).max(64),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f77b4'),
  key: relationKeySchema.nullable(),
  /** False when A-relation-B says the same as B-relation-A (same claim); true otherwise. */
  directed: z.boolean(),
  description: z.string().max(500),
})

export type RelationType = z.infer<typeof relationTypeSchema>

export const MAX_RELATION_TYPES = 20

/** A set of relation types: 1-20, ids and keys each unique. */
export const relationSetSchema = z
  .array(relationTypeSchema)
  .min(1, 'a project needs at least one relation type')
  .max(MAX_RELATION_TYPES)
  .superRefine((relations, context) => {
    const seenIds = new Set<string>()
    const seenKeys = new Set<string>()
    relations.forEach((relation, index) => {
      if (seenIds.has(relation.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `relation id "${relation.id}" is used twice`,
        })
      }
      seenIds.add(relation.id)
      if (relation.key === null) return
      if (seenKeys.has(relation.key)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `key ${relation.key} is given to two relation types`,
        })
      }
      seenKeys.add(relation.key)
    })
  })

/**
 * The relation types a new project starts with. Directions read from the link's `from` claim to
 * its `to` claim: "from supports to", "from cites to", "to updates from" (a newer figure).
 */
export const DEFAULT_RELATION_TYPES: readonly RelationType[] = Object.freeze([
  {
    id: 'same',
    name: 'Same claim',
    color: '#2ca02c',
    key: 's',
    directed: false,
    description: 'Both passages state the same thing. Claims joined this way form one cluster.',
  },
  {
    id: 'supports',
    name: 'Supports',
    color: '#1f77b4',
    key: 'p',
    directed: true,
    description: 'The first claim gives evidence for the second without stating the same thing.',
  },
  {
    id: 'contradicts',
    name: 'Contradicts',
    color: '#d62728',
    key: 'x',
    directed: true,
    description: 'The two claims cannot both be true.',
  },
  {
    id: 'cites',
    name: 'Cites (attributed to)',
    color: '#9467bd',
    key: 'c',
    directed: true,
    description:
      'The first claim names the second, or a source outside the project, as where it comes from.',
  },
  {
    id: 'updates',
    name: 'Updates (a newer figure)',
    color: '#ff7f0e',
    key: 'u',
    directed: true,
    description:
      'The second claim revises the first with newer information, such as a figure that has since changed.',
  },
])

/** Validates a set of relation types from the UI; the message lists what is wrong, for people. */
export function validateRelationTypes(
  relations: unknown,
): { ok: true; relations: RelationType[] } | { ok: false; message: string } {
  const parsed = relationSetSchema.safeParse(relations)
  // Keys the app's own commands take are refused by the backend (src/shared/commands.ts).
  if (parsed.success) return { ok: true, relations: parsed.data }
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') + ': ' : ''}${issue.message}`)
    .join('; ')
  return { ok: false, message: `The relation types are not valid: ${issues}.` }
}
