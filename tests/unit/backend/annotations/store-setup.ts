/**
 * A store opened on a real file, and numbered claims, for the tests of the store's durability
 * and journals, and for the child processes that write at the same time (crash-writer.ts,
 * instance-writer.ts).
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

/**
 * A writer process's store on `path`: its problems on stderr, and exit code 3 when it opens
 * read-only (the test then says why).
 */
export async function openWriterStore(path: string, coalesceMs: number): Promise<AnnotationStore> {
  const store = await AnnotationStore.open({
    path,
    displayName: path,
    annotator: 'alice',
    log: (message) => process.stderr.write(`${message}\n`),
    coalesceMs,
  })
  if (store.readOnlyReason !== null) {
    process.stderr.write(`${store.readOnlyReason}\n`)
    process.exit(3)
  }
  return store
}

/** A writer's claim: `note` given, made `created` (now when not given). */
export function writerClaim(claimId: string, note: string, created?: string): Claim {
  const now = new Date().toISOString()
  return claimWith({ id: claimId, note, created: created ?? now, updated: now })
}
