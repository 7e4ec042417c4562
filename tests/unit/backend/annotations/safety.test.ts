/**
 * The store's safety guarantees on real files: coalesced writes, files it cannot understand
 * left byte for byte and the project read-only, and changes made by someone else merged rather
 * than written over.
 */
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  AnnotationFileAdapter,
  AnnotationStore,
  COALESCE_MS,
  serializeAnnotationFile,
  type StoreSaveState,
} from '../../../../src/backend/annotations'
import { emptyAnnotationFile, type AnnotationFile, type Claim } from '../../../../src/core/model'
import { sha256, tempDir, writeFiles } from '../helpers'
import { claimWith } from '../../core/model/claim-builder'
import { ARTICLE, keyOf, openProject, rangeOf, readAnnotations } from './project-setup'

function claimFixture(id: string, note = ''): Claim {
  const now = new Date().toISOString()
  return claimWith({
    id,
    document: { id: sha256('text'), path: 'a.txt' },
    note,
    created: now,
    updated: now,
  })
}

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`

/** A real adapter whose writes are counted (the test's only instrument). */
class CountingAdapter extends AnnotationFileAdapter {
  writes = 0
  override async write(data: AnnotationFile): Promise<void> {
    this.writes++
    await super.write(data)
  }
}

describe('coalesced writes', () => {
  it('writes a burst of edits once, within the coalescing window, without a flush', async () => {
    const dir = await tempDir()
    const path = join(dir, 'annotations', 'alice.json')
    const adapter = new CountingAdapter(path, 'annotations/alice.json')
    const states: StoreSaveState['status'][] = []
    let saved: () => void = () => {}
    const savedOnce = new Promise<void>((resolve) => (saved = resolve))
    const store = await AnnotationStore.open({
      path,
      displayName: 'annotations/alice.json',
      annotator: 'alice',
      log: () => {},
      adapter,
      onSaveState: (state) => {
        states.push(state.status)
        if (state.status === 'saved') saved()
      },
    })
    const started = performance.now()
    for (let n = 0; n < 50; n++) store.put(claimFixture(id(n % 10), `edit ${n}`))
    await savedOnce
    const elapsed = performance.now() - started
    expect(adapter.writes).toBe(1)
    expect(states).toEqual(['saving', 'saved'])
    expect(elapsed).toBeGreaterThanOrEqual(COALESCE_MS - 5)
    expect(elapsed).toBeLessThan(COALESCE_MS + 1000)
    const file = JSON.parse(await readFile(path, 'utf8')) as AnnotationFile
    expect(file.claims).toHaveLength(10)
    expect(file.claims[9].note).toBe('edit 49')
    // Nothing pending: a flush does not write again.
    await store.flush()
    expect(adapter.writes).toBe(1)
  })

  it('flush writes at once and leaves no temp files behind', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const adapter = new CountingAdapter(path, 'alice.json')
    const store = await AnnotationStore.open({
      path,
      displayName: 'alice.json',
      annotator: 'alice',
      log: () => {},
      adapter,
      coalesceMs: 60_000,
    })
    store.put(claimFixture(id(1)))
    expect((await store.flush()).status).toBe('saved')
    expect(adapter.writes).toBe(1)
    expect(await readdir(dir)).toEqual(['alice.json'])
  })
})

describe('writing a large file in pieces', () => {
  it('writes exactly the file text, and knows the bytes as its own when the file is touched', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const adapter = new AnnotationFileAdapter(path, 'alice.json')
    const claims = Array.from({ length: 4_500 }, (_, n) => claimFixture(id(n), `note ${n} é`))
    const data: AnnotationFile = { ...emptyAnnotationFile('alice'), claims }
    await adapter.write(data) // more than two pieces of 2,000 lines, with non-ASCII text
    expect(await readFile(path, 'utf8')).toBe(serializeAnnotationFile(data))
    // The hash made piece by piece is the file's: a touch (new mtime, same bytes) is no change.
    expect(await adapter.changedOnDisk()).toBe(false)
    const later = new Date(Date.now() + 5_000)
    await utimes(path, later, later)
    expect(await adapter.changedOnDisk()).toBe(false)
    await writeFile(path, serializeAnnotationFile({ ...data, claims: claims.slice(1) }))
    expect(await adapter.changedOnDisk()).toBe(true)
  })
})

describe('files that cannot be understood', () => {
  const newer = JSON.stringify({
    format: 'corroborate/annotations',
    version: 3,
    annotator: 'alice',
    claims: [],
    links: [],
  })
  const cases: [string, string, RegExp][] = [
    [
      'corrupt JSON',
      '{"format": "corroborate/annotations", "version": 1, "claims": [',
      /not valid JSON/,
    ],
    [
      'schema-invalid',
      JSON.stringify({ ...emptyAnnotationFile('alice'), claims: [{ id: 'nope' }] }),
      /does not match/,
    ],
    ['newer version', newer, /newer Corroborate \(format version 3/],
    ['another kind of file', '{"hello": "world"}', /not a Corroborate annotation file/],
  ]

  for (const [name, content, message] of cases) {
    it(`${name}: left byte for byte, the project read-only with a message naming the file`, async () => {
      const { workbench, root } = await openProject({
        'story.txt': ARTICLE,
        'annotations/alice.json': content,
      })
      const status = await workbench.getAnnotationStatus()
      expect(status.save.status).toBe('read-only')
      expect(status.save.message).toMatch(message)
      expect(status.save.message).toContain('annotations/alice.json')
      const key = await keyOf(workbench, 'story.txt')
      const error = await workbench
        .createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' })
        .catch((caught: unknown) => caught)
      expect(error).toMatchObject({ code: 'read-only', file: 'annotations/alice.json' })
      expect((error as Error).message).toMatch(message)
      await expect(workbench.undo()).resolves.toMatchObject({ applied: null })
      expect(await workbench.listClaims(key)).toMatchObject({ claims: [], orphans: [] })
      await expect(workbench.exportTable({ scope: 'project' })).rejects.toMatchObject({
        code: 'annotation-file-problem',
      })
      await workbench.close()
      expect(await readFile(join(root, 'annotations', 'alice.json'), 'utf8')).toBe(content)
    })
  }

  it('becomes writable again once the file is fixed and the project refreshed', async () => {
    const { workbench, root } = await openProject({
      'story.txt': ARTICLE,
      'annotations/alice.json': '{',
    })
    await writeFile(
      join(root, 'annotations', 'alice.json'),
      JSON.stringify(emptyAnnotationFile('alice')),
    )
    await workbench.refresh()
    expect((await workbench.getAnnotationStatus()).save.status).toBe('saved')
    const key = await keyOf(workbench, 'story.txt')
    await workbench.createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' })
    await workbench.flush()
    expect((await readAnnotations(root)).claims).toHaveLength(1)
  })

  it('a broken corroborate.json: left untouched, defaults shown, the project read-only', async () => {
    const broken = '{"format": "corroborate/project", "version": 1, "labels": [{"id": "x"}]}'
    const { workbench, root } = await openProject({
      'story.txt': ARTICLE,
      'corroborate.json': broken,
    })
    const settings = await workbench.getProjectSettings()
    expect(settings.readOnly).toContain('corroborate.json')
    expect(settings.labels).toHaveLength(5)
    expect((await workbench.getAnnotationStatus()).save).toMatchObject({
      status: 'read-only',
      file: 'corroborate.json',
    })
    const key = await keyOf(workbench, 'story.txt')
    await expect(
      workbench.createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' }),
    ).rejects.toMatchObject({ code: 'read-only' })
    await expect(workbench.updateLabels(settings.labels)).rejects.toMatchObject({
      code: 'read-only',
    })
    await workbench.close()
    expect(await readFile(join(root, 'corroborate.json'), 'utf8')).toBe(broken)
  })

  it('a file that goes bad under unsaved changes: not written, the changes kept beside it', async () => {
    const { workbench, root } = await openProject(undefined, {
      extra: { annotationStore: { coalesceMs: 60_000 } },
    })
    const key = await keyOf(workbench, 'story.txt')
    await workbench.createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' })
    await workbench.flush()
    await workbench.createClaim({ documentKey: key, start: 6, end: 10, label: 'event' })
    const garbage = '<<<<<<< HEAD\n{}\n=======\n'
    await writeFile(join(root, 'annotations', 'alice.json'), garbage)
    await workbench.flush()
    const status = await workbench.getAnnotationStatus()
    expect(status.save.status).toBe('read-only')
    expect(status.save.message).toMatch(/unsaved changes were written to .*alice\.json\.unsaved-/)
    expect(await readFile(join(root, 'annotations', 'alice.json'), 'utf8')).toBe(garbage)
    const aside = (await readdir(join(root, 'annotations'))).find((name) =>
      name.includes('.unsaved-'),
    )!
    const kept = JSON.parse(
      await readFile(join(root, 'annotations', aside), 'utf8'),
    ) as AnnotationFile
    expect(kept.claims).toHaveLength(2)
  })
})

describe("someone else's changes", () => {
  it('merges by claim id instead of writing over (two windows, one annotator)', async () => {
    const setup = await openProject()
    const a = setup.workbench
    const b = await setup.another()
    await b.setAnnotator('alice')
    const keyA = await keyOf(a, 'story.txt')
    const keyB = await keyOf(b, 'story.txt')
    const first = await a.createClaim({
      documentKey: keyA,
      ...rangeOf(ARTICLE, 'North Korea'),
      label: 'claim',
    })
    await a.flush()
    const second = await b.createClaim({
      documentKey: keyB,
      ...rangeOf(ARTICLE, 'Moscow'),
      label: 'claim',
    })
    await b.flush()
    expect((await readAnnotations(setup.root)).claims.map((c) => c.id)).toEqual([
      first.id,
      second.id,
    ])

    // A edits its claim, unaware of B's: the write merges B's claim in.
    await a.updateClaim(first.id, { note: 'edited in A' })
    await a.flush()
    let onDisk = await readAnnotations(setup.root)
    expect(onDisk.claims.map((c) => [c.id, c.note])).toEqual([
      [first.id, 'edited in A'],
      [second.id, ''],
    ])
    // B deletes A's claim; A sees the deletion when it lists, and tells the UI.
    await b.listClaims(keyB)
    await b.deleteClaim(first.id)
    await b.flush()
    setup.events.length = 0
    const listing = await a.listClaims(keyA)
    expect(listing.claims.map((placed) => placed.claim.id)).toEqual([second.id])
    expect(setup.events).toContainEqual({
      type: 'changed',
      change: expect.objectContaining({ cause: 'disk', claimPaths: ['story.txt'] }),
    })
    // A's next write keeps the deletion (the tombstone) instead of reviving the claim.
    await a.updateClaim(second.id, { status: 'denied' })
    await a.flush()
    onDisk = await readAnnotations(setup.root)
    expect(onDisk.claims.map((c) => [c.id, c.status])).toEqual([[second.id, 'denied']])
    expect(onDisk.deleted.map((t) => t.id)).toEqual([first.id])
  })

  it('the newer edit of the same claim wins, whichever side made it', async () => {
    // No timer: the edit below stays in memory until the flush, which must merge.
    const setup = await openProject(undefined, {
      extra: { annotationStore: { coalesceMs: 60_000 } },
    })
    const a = setup.workbench
    const key = await keyOf(a, 'story.txt')
    const claim = await a.createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' })
    await a.flush()
    // Someone edits the file by hand later than A's own edit: theirs is newer.
    await a.updateClaim(claim.id, { note: 'mine, older' })
    const file = await readAnnotations(setup.root)
    const later = new Date(Date.now() + 60_000).toISOString()
    file.claims[0] = { ...file.claims[0], note: 'theirs, newer', updated: later }
    await writeFile(join(setup.root, 'annotations', 'alice.json'), JSON.stringify(file))
    await a.flush()
    expect((await readAnnotations(setup.root)).claims[0].note).toBe('theirs, newer')
  })

  it('an older copy put back on disk (git checkout) is merged, not taken as the truth', async () => {
    const setup = await openProject()
    const a = setup.workbench
    const key = await keyOf(a, 'story.txt')
    await a.createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' })
    await a.flush()
    const path = join(setup.root, 'annotations', 'alice.json')
    const old = await readFile(path, 'utf8')
    const second = await a.createClaim({ documentKey: key, start: 6, end: 10, label: 'claim' })
    await a.flush()
    await writeFile(path, old)
    // Same size and mtime cannot hide it: the content hash decides.
    await utimes(path, new Date(), new Date())
    await a.listClaims(key)
    await a.flush()
    expect((await readAnnotations(setup.root)).claims.map((c) => c.id)).toContain(second.id)
  })

  it('notices a rewrite with the same bytes and does not merge', async () => {
    const dir = await tempDir()
    await writeFiles(dir, { 'alice.json': JSON.stringify(emptyAnnotationFile('alice')) })
    const adapter = new AnnotationFileAdapter(join(dir, 'alice.json'), 'alice.json')
    await adapter.read()
    expect(await adapter.changedOnDisk()).toBe(false)
    await writeFile(join(dir, 'alice.json'), JSON.stringify(emptyAnnotationFile('alice')))
    await utimes(join(dir, 'alice.json'), new Date(2001, 1, 1), new Date(2001, 1, 1))
    expect(await adapter.changedOnDisk()).toBe(false)
    await writeFile(
      join(dir, 'alice.json'),
      JSON.stringify({ ...emptyAnnotationFile('alice'), extra: 1 }),
    )
    expect(await adapter.changedOnDisk()).toBe(true)
  })
})
