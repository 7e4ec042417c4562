/**
 * The shapes core/linking works with. They are structural on purpose: the annotation store
 * (core/model, backend) is being written alongside, and anything that has these fields can be
 * linked, clustered and matched, whatever else it carries.
 *
 * Offsets are half-open `[start, end)` UTF-16 code unit ranges over the canonical document
 * text, as everywhere in the app.
 */

/** A claim as linking needs it: where it is and what it says. */
export interface LinkableClaim {
  id: string
  documentId: string
  start: number
  end: number
  /** The exact text of the claim (the TextQuoteSelector's `exact`). */
  quote: string
  label?: string
}

export interface LinkableBlock {
  start: number
  end: number
  type: string
  /** Page furniture (core/document marks it, the analyst may flip it): never a suggestion. */
  boilerplate?: boolean
}

/** A canonical document as linking needs it (core/document's CanonicalDocument fits). */
export interface LinkableDocument {
  id: string
  text: string
  blocks: readonly LinkableBlock[]
  metadata: { outlet?: string; published?: string; title?: string }
}

/**
 * How one claim relates to another. The direction is from `Link.from` to `Link.to`:
 *   same         both say the same thing (clusters are built from these)
 *   supports     `from` gives evidence for `to`
 *   contradicts  they cannot both be true
 *   cites        `from` names `to` (or an outside source) as its source
 *   updates      `to` revises `from` with newer information (a figure that has since changed)
 */
export type LinkRelation = 'same' | 'supports' | 'contradicts' | 'cites' | 'updates'

export const LINK_RELATIONS: readonly LinkRelation[] = [
  'same',
  'supports',
  'contradicts',
  'cites',
  'updates',
]

/** A source outside the project (a report, a statement) that a claim cites. */
export interface OutsideSource {
  kind: 'outside'
  title?: string
  url?: string
}

export interface Link {
  id: string
  /** A claim id. */
  from: string
  /** A claim id, or a source outside the project's documents. */
  to: string | OutsideSource
  relation: LinkRelation
}
