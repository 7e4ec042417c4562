/**
 * A store opened on a real file, and numbered claims, for the tests of the store's durability
 * and journals.
 */
import { AnnotationStore, type AnnotationStoreOptions } from '../../../../src/backend/annotations'
import type { Claim } from '../../../../src/core/model'
import { claimWith } from '../../core/model/claim-builder'

/** The id of claim n: a valid UUIDv7 that sorts by n. */
export const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`

/** Claim n, made now. */
export function claim(n: number, note = `claim ${n}`): Claim {
  const now = new Date().toISOString()
  return claimWith({ id: id(n), note, created: now, updated: now })
}

/** alice's store on `path`, compacting only when the test flushes (or the store must write). */
export async function openStore(path: string, extra: Partial<AnnotationStoreOptions> = {}) {
  return AnnotationStore.open({
    path,
    displayName: 'annotations/alice.json',
    annotator: 'alice',
    log: () => {},
    coalesceMs: 60_000,
    ...extra,
  })
}
