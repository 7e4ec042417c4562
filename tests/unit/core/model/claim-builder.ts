import type { Claim } from '../../../../src/core/model'
import type { ListedClaim } from '../../../../src/shared/api'

/** A valid claim for tests: the fields a test cares about are given, the rest are plain defaults. */
export function claimWith(fields: Pick<Claim, 'id'> & Partial<Claim>): Claim {
  const time = '2026-11-30T09:00:00.000Z'
  return {
    document: { id: 'a'.repeat(64), path: 'a.txt' },
    target: { position: { start: 0, end: 4 }, quote: { exact: 'text', prefix: '', suffix: '' } },
    label: 'claim',
    attributedTo: '',
    status: 'asserted',
    certainty: null,
    note: '',
    tags: [],
    annotator: 'alice',
    created: time,
    updated: time,
    ...fields,
  }
}

/** The same default claim as a listing carries it to the renderer (ListedClaim). */
export function listedClaimWith(
  fields: Pick<ListedClaim, 'id'> & Partial<ListedClaim>,
): ListedClaim {
  const { label, attributedTo, status, certainty, note, tags, target } = claimWith(fields)
  return {
    label,
    attributedTo,
    status,
    certainty,
    note,
    tags,
    quote: target.quote.exact,
    ...fields,
  }
}
