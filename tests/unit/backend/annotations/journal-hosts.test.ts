/**
 * Journals of other hosts, as they arrive in a shared or synced folder: real files named after a
 * made-up host, their age set with fs.utimes. Their records are always merged (harmless: the
 * merge is idempotent); the file is deleted only once its lease has expired. And a live store
 * renews its own lease, and copes with its journal being deleted by another host.
 */
import { readdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { serializeAnnotationFile } from '../../../../src/backend/annotations'
import {
  JOURNAL_LEASE_MS,
  encodeRecord,
} from '../../../../src/backend/annotations/annotation-journal'
import { emptyAnnotationFile, type AnnotationFile } from '../../../../src/core/model'
import { tempDir } from '../helpers'
import { claimWith } from '../../core/model/claim-builder'
import { claim, id, openStore } from './store-setup'

async function readClaims(path: string): Promise<string[]> {
  const file = JSON.parse(await readFile(path, 'utf8')) as AnnotationFile
  return file.claims.map((c) => c.id)
}

/** A folder with alice.json holding claim 1, and another host's journal holding claims 2-3. */
async function folderWithForeignJournal(ageMs: number) {
  const dir = await tempDir()
  const path = join(dir, 'alice.json')
  await writeFile(
    path,
    serializeAnnotationFile({ ...emptyAnnotationFile('alice'), claims: [claim(1)] }),
  )
  const journal = join(dir, '.alice.json.laptop-of-bob~4242.a1b2c3.journal')
  await writeFile(
    journal,
    encodeRecord([{ claim: claim(2) }]) + encodeRecord([{ claim: claim(3) }]),
  )
  const when = new Date(Date.now() - ageMs)
  await utimes(journal, when, when)
  return { dir, path, journal }
}

describe("another host's journal", () => {
  it('with a live lease: its records are merged into the file, the journal is left alone', async () => {
    const { dir, path, journal } = await folderWithForeignJournal(5 * 60_000)
    const store = await openStore(path)
    expect([...store.all()].map((c) => c.id).sort()).toEqual([id(1), id(2), id(3)])
    expect((await readClaims(path)).sort()).toEqual([id(1), id(2), id(3)])
    expect(store.saveState.status).toBe('saved')
    await store.close()
    expect((await readdir(dir)).sort()).toEqual([
      '.alice.json.laptop-of-bob~4242.a1b2c3.journal',
      'alice.json',
    ])
    // Opening again merges the same records: nothing changes, nothing is written.
    const before = await stat(path)
    const again = await openStore(path)
    expect(again.size).toBe(3)
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs)
    await again.close()
    expect(await readFile(journal, 'utf8')).toContain(id(3))
  })

  it('with an expired lease: replayed into the file, then deleted', async () => {
    const { dir, path } = await folderWithForeignJournal(JOURNAL_LEASE_MS + 60_000)
    const store = await openStore(path)
    expect((await readClaims(path)).sort()).toEqual([id(1), id(2), id(3)])
    expect(store.saveState.status).toBe('saved')
    expect(await readdir(dir)).toEqual(['alice.json'])
    await store.close()
  })

  it('a newer version in the file wins over an older record of another host', async () => {
    const { dir, path } = await folderWithForeignJournal(JOURNAL_LEASE_MS + 60_000)
    const newer = claimWith({
      id: id(2),
      note: 'edited later here',
      updated: new Date(Date.now() + 60_000).toISOString(),
    })
    await writeFile(
      path,
      serializeAnnotationFile({ ...emptyAnnotationFile('alice'), claims: [claim(1), newer] }),
    )
    const store = await openStore(path)
    expect(store.get(id(2))?.note).toBe('edited later here')
    expect(store.size).toBe(3)
    await store.close()
    expect(await readdir(dir)).toEqual(['alice.json'])
  })

  it('a modification time in the future (clocks that disagree) is a live lease', async () => {
    const { dir, path, journal } = await folderWithForeignJournal(-10 * 60_000)
    const store = await openStore(path)
    expect(store.size).toBe(3)
    await store.close()
    expect(await readdir(dir)).toContain(journal.slice(dir.length + 1))
  })

  it('a torn last line of another host is ignored, its earlier records kept', async () => {
    const { dir, path, journal } = await folderWithForeignJournal(JOURNAL_LEASE_MS + 60_000)
    const torn = encodeRecord([{ claim: claim(4) }])
    await writeFile(journal, (await readFile(journal, 'utf8')) + torn.slice(0, -7))
    await utimes(journal, new Date(0), new Date(0))
    const store = await openStore(path)
    expect((await readClaims(path)).sort()).toEqual([id(1), id(2), id(3)])
    await store.close()
    expect(await readdir(dir)).toEqual(['alice.json'])
  })
})

describe("a live store's lease", () => {
  it('is renewed: the journal is touched while the store is open', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const store = await openStore(path, { journalHeartbeatMs: 20 })
    store.put(claim(1))
    await store.persist()
    const journal = join(
      dir,
      (await readdir(dir)).find((name) => name.endsWith('.journal'))!,
    )
    const old = new Date(Date.now() - JOURNAL_LEASE_MS * 2)
    await utimes(journal, old, old)
    await vi.waitFor(
      async () => expect(Date.now() - (await stat(journal)).mtimeMs).toBeLessThan(JOURNAL_LEASE_MS),
      { timeout: 10_000, interval: 20 },
    )
    await store.close()
  })

  it('deleted by another host: the store writes the file at once and journals anew', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const store = await openStore(path, { journalHeartbeatMs: 20 })
    store.put(claim(1))
    await store.persist() // Acknowledged: in the journal only (compaction is a minute away).
    const first = (await readdir(dir)).find((name) => name.endsWith('.journal'))!
    await unlink(join(dir, first)) // Another host took the lease for expired.
    await vi.waitFor(async () => expect(await readClaims(path)).toEqual([id(1)]), {
      timeout: 10_000,
      interval: 20,
    })
    store.put(claim(2))
    await store.persist()
    const journals = (await readdir(dir)).filter((name) => name.endsWith('.journal'))
    expect(journals).toHaveLength(1)
    expect(journals[0]).not.toBe(first)
    expect(await readFile(join(dir, journals[0]), 'utf8')).toContain(id(2))
    await store.close()
    expect((await readClaims(path)).sort()).toEqual([id(1), id(2)])
  })
})
