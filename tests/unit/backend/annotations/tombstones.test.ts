/**
 * Tombstone compaction (annotations/README.md, "Tombstones"): deletions older than the retention
 * period are forgotten when the file is written, and a merge with an older copy of the file
 * afterwards still keeps every claim deleted within the period deleted. Beyond it, the older
 * copy's claim comes back as it was: nothing is lost. Real files in a temp folder.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AnnotationStore, serializeAnnotationFile } from '../../../../src/backend/annotations'
import {
  compactTombstones,
  emptyAnnotationFile,
  TOMBSTONE_RETENTION_DAYS,
  type AnnotationFile,
  type Link,
} from '../../../../src/core/model'
import { claimWith } from '../../core/model/claim-builder'
import { tempDir } from '../helpers'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.now()
const ago = (days: number) => new Date(NOW - days * DAY).toISOString()
const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`

const LIVE = id(1)
const RECENT = id(2) // deleted 10 days ago: within the retention
const OLD = id(3) // deleted 100 days ago: past it
const LINK_RECENT = id(12)
const LINK_OLD = id(13)

function link(linkId: string, updated: string): Link {
  return {
    id: linkId,
    relation: 'same',
    from: LIVE,
    to: { kind: 'claim', claimId: LIVE },
    note: '',
    confidence: null,
    annotator: 'alice',
    created: updated,
    updated,
  }
}

/** The copy everyone had 101 days ago: the three claims and both links alive. */
function olderCopy(): AnnotationFile {
  return {
    ...emptyAnnotationFile('alice'),
    claims: [
      claimWith({ id: LIVE, created: ago(120), updated: ago(120) }),
      claimWith({ id: RECENT, created: ago(120), updated: ago(11) }),
      claimWith({ id: OLD, created: ago(120), updated: ago(101) }),
    ],
    links: [link(LINK_RECENT, ago(11)), link(LINK_OLD, ago(101))],
  }
}

/** The file now: RECENT and OLD deleted (10 and 100 days ago), their links too. */
function currentFile(): AnnotationFile {
  return {
    ...emptyAnnotationFile('alice'),
    claims: [claimWith({ id: LIVE, created: ago(120), updated: ago(120) })],
    deleted: [
      { id: RECENT, deleted: ago(10) },
      { id: OLD, deleted: ago(100) },
    ],
    deletedLinks: [
      { id: LINK_RECENT, deleted: ago(10) },
      { id: LINK_OLD, deleted: ago(100) },
    ],
  }
}

async function putBack(path: string, file: AnnotationFile): Promise<void> {
  await writeFile(`${path}.restoring`, serializeAnnotationFile(file))
  await rename(`${path}.restoring`, path)
}

async function onDisk(path: string): Promise<AnnotationFile> {
  return JSON.parse(await readFile(path, 'utf8')) as AnnotationFile
}

describe('tombstone compaction', () => {
  it('forgets deletions past the retention period when the file is written, keeps the rest', async () => {
    const path = join(await tempDir(), 'alice.json')
    await writeFile(path, serializeAnnotationFile(currentFile()))
    const store = await AnnotationStore.open({
      path,
      displayName: 'annotations/alice.json',
      annotator: 'alice',
      log: () => {},
      coalesceMs: 60_000,
    })
    // Opening writes nothing: the old tombstone is still there until a change is saved.
    expect((await onDisk(path)).deleted.map((t) => t.id)).toEqual([RECENT, OLD])
    store.put(claimWith({ id: id(4), created: ago(0), updated: ago(0) }))
    await store.persist()
    await store.close()
    const file = await onDisk(path)
    expect(file.deleted.map((t) => t.id)).toEqual([RECENT])
    expect(file.deletedLinks.map((t) => t.id)).toEqual([LINK_RECENT])
    expect(file.claims.map((c) => c.id)).toEqual([LIVE, id(4)])
  })

  it('keeps claims deleted within the period deleted when an older copy is merged after compaction', async () => {
    const path = join(await tempDir(), 'alice.json')
    await writeFile(path, serializeAnnotationFile(currentFile()))
    const store = await AnnotationStore.open({
      path,
      displayName: 'annotations/alice.json',
      annotator: 'alice',
      log: () => {},
      coalesceMs: 60_000,
    })
    store.put(claimWith({ id: id(4), created: ago(0), updated: ago(0) }))
    await store.persist()
    await store.flush() // Compacted: OLD's tombstone is gone from the file and from memory.
    expect(store.tombstone(OLD)).toBeUndefined()

    // The copy of 101 days ago comes back (a stale branch merged, a backup restored).
    await putBack(path, olderCopy())
    await store.syncFromDisk()
    // Deleted 10 days ago, after the copy's version: stays deleted, with its link.
    expect(store.get(RECENT)).toBeUndefined()
    expect(store.tombstone(RECENT)?.deleted).toBe(currentFile().deleted[0].deleted)
    expect(store.getLink(LINK_RECENT)).toBeUndefined()
    // Deleted 100 days ago: forgotten, so the copy's version comes back as it was. Nothing lost.
    expect(store.get(OLD)?.updated).toBe(olderCopy().claims[2].updated)
    expect(store.getLink(LINK_OLD)).toBeDefined()
    // The claim made today, which the old copy lacks, is written back.
    await store.close()
    const file = await onDisk(path)
    expect(file.claims.map((c) => c.id)).toEqual([LIVE, OLD, id(4)])
    expect(file.deleted.map((t) => t.id)).toEqual([RECENT])
  })

  it('is a pure rule over times: older than the period goes, the rest and unreadable times stay', () => {
    const deleted = new Map([
      ['a', { id: 'a', deleted: ago(TOMBSTONE_RETENTION_DAYS + 1) }],
      ['b', { id: 'b', deleted: ago(TOMBSTONE_RETENTION_DAYS - 1) }],
      ['c', { id: 'c', deleted: 'not a time' }],
    ])
    expect(compactTombstones(deleted, Date.now())).toBe(1)
    expect([...deleted.keys()]).toEqual(['b', 'c'])
  })
})
