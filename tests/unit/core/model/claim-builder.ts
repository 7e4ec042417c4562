import type { Claim } from '../../../../src/core/model'

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
