/**
 * Claims as the annotation file stores them, for tests and benchmarks that write a project's
 * annotation file directly (faster than creating thousands of claims through the API, and the
 * file format is what is under test). The quote and its context come from core/anchoring, as
 * the backend's own createClaim takes them.
 */
import { describeRange } from '../../src/core/anchoring'
import { newClaimId, type Claim } from '../../src/core/model'

export interface ClaimPlace {
  /** The document's canonical text and id, and its project-relative path. */
  text: string
  documentId: string
  path: string
  start: number
  end: number
}

export function storedClaim(
  place: ClaimPlace,
  annotator: string,
  fields: Partial<Omit<Claim, 'id' | 'document' | 'target' | 'annotator'>> = {},
): Claim {
  const range = describeRange(place.text, place.start, place.end)
  const now = new Date().toISOString()
  return {
    id: newClaimId(),
    document: { id: place.documentId, path: place.path },
    target: {
      position: { start: range.position.start, end: range.position.end },
      quote: { exact: range.quote.exact, prefix: range.quote.prefix, suffix: range.quote.suffix },
    },
    label: 'figure',
    attributedTo: '',
    status: 'asserted',
    certainty: null,
    note: '',
    tags: [],
    annotator,
    created: now,
    updated: now,
    ...fields,
  }
}
