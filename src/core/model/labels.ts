/**
 * Label sets: the kinds of claim an analyst marks, kept in the project settings file so that
 * everyone on a project labels with the same ids. A label's `id` is what claims store; its name,
 * colour, key and description can change without touching any claim.
 */
import { z } from 'zod'

export const LABEL_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

/** Lower-case, starts with a letter or digit: safe in CSV cells, CSS classes and file names. */
export const labelIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'must be 1-32 lower-case letters, digits, "-" or "_"')

export const labelSchema = z.object({
  id: labelIdSchema,
  name: z.string().trim().min(1).max(64),
  /** `#rrggbb`: the one colour form every consumer (CSS, Excel, other tools) reads alike. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f77b4'),
  /** The keyboard shortcut that applies the label; null when the label has none. */
  key: z.enum(LABEL_KEYS).nullable(),
  description: z.string().max(500),
})

export type Label = z.infer<typeof labelSchema>

export const MAX_LABELS = 50

/** A label set: 1-50 labels, ids and keys each unique. */
export const labelSetSchema = z
  .array(labelSchema)
  .min(1, 'a project needs at least one label')
  .max(MAX_LABELS)
  .superRefine((labels, context) => {
    const seenIds = new Set<string>()
    const seenKeys = new Set<string>()
    labels.forEach((label, index) => {
      if (seenIds.has(label.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `label id "${label.id}" is used twice`,
        })
      }
      seenIds.add(label.id)
      if (label.key !== null) {
        if (seenKeys.has(label.key)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'key'],
            message: `key ${label.key} is given to two labels`,
          })
        }
        seenKeys.add(label.key)
      }
    })
  })

/**
 * The label set a new project starts with, made for claims in news: what is stated, the figures
 * in it, who it is attributed to, the events it reports and the denials it meets. Colours are
 * distinct for the common colour-vision deficiencies (blue, orange, purple, teal, red).
 */
export const DEFAULT_LABELS: readonly Label[] = Object.freeze([
  {
    id: 'claim',
    name: 'Claim',
    color: '#1f77b4',
    key: '1',
    description: 'A statement of fact the article makes or reports, that can be checked.',
  },
  {
    id: 'figure',
    name: 'Figure',
    color: '#ff7f0e',
    key: '2',
    description:
      'A number, quantity, date or statistic: the exact figure to compare across outlets.',
  },
  {
    id: 'attribution',
    name: 'Attribution',
    color: '#9467bd',
    key: '3',
    description:
      'Who a statement is credited to: a named person, an anonymous official, a document, an agency.',
  },
  {
    id: 'event',
    name: 'Event',
    color: '#17becf',
    key: '4',
    description:
      'Something reported as having happened (or as planned): an action, incident or announcement.',
  },
  {
    id: 'denial',
    name: 'Denial',
    color: '#d62728',
    key: '5',
    description: 'A party rejecting, disputing or calling false a statement made by others.',
  },
])
