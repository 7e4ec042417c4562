/**
 * The folder watcher on real temp folders: another program writing an annotator file atomically
 * or in place, articles arriving, renamed and removed, the stores' own journals and temp files
 * not reported, bursts batched, and every handle closed again.
 */
import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  classifyPath,
  ProjectWatcher,
  type FolderChanges,
} from '../../../../src/backend/watch/project-watcher'
import { tempDir, writeFiles } from '../helpers'
import { OWNER_TAG } from '../../../../src/backend/atomic-write'

const watchers: ProjectWatcher[] = []

afterEach(async () => {
  await Promise.all(watchers.splice(0).map((watcher) => watcher.close()))
})

interface Watched {
  root: string
  batches: FolderChanges[]
  errors: string[]
  watcher: ProjectWatcher
}

async function watchProject(files: Record<string, string> = {}): Promise<Watched> {
  const root = await realpath(await tempDir())
  await writeFiles(root, { 'story.txt': 'A story', ...files })
  const batches: FolderChanges[] = []
  const errors: string[] = []
  const watcher = new ProjectWatcher({
    projectRoot: root,
    dataRoot: root,
    onChanges: (changes) => batches.push(changes),
    onError: (message) => errors.push(message),
    quietMs: 50,
  })
  watchers.push(watcher)
  await watcher.ready
  return { root, batches, errors, watcher }
}

/** Waits until some batch satisfies `test`, and returns it. */
async function batchWhere(
  watched: Watched,
  test: (batch: FolderChanges) => boolean,
): Promise<FolderChanges> {
  return vi.waitFor(
    () => {
      const found = watched.batches.find(test)
      if (!found) throw new Error(`no such batch yet: ${JSON.stringify(summary(watched))}`)
      return found
    },
    { timeout: 15_000, interval: 20 },
  )
}

function summary(watched: Watched) {
  return watched.batches.map((batch) => ({
    ...batch,
    annotators: [...batch.annotators],
    review: [...batch.review],
  }))
}

describe('what a changed path means', () => {
  const roots = { projectRoot: '/p', dataRoot: '/p' }

  it('sorts articles, annotator files, review files and settings, and ignores the rest', () => {
    expect(classifyPath('/p/news/a.txt', roots)).toEqual({ kind: 'documents' })
    expect(classifyPath('/p/news', roots, true)).toEqual({ kind: 'documents' })
    expect(classifyPath('/p/annotations/bob.json', roots)).toEqual({
      kind: 'annotator',
      name: 'bob',
    })
    expect(classifyPath('/p/review/carol.decisions.json', roots)).toEqual({
      kind: 'review',
      path: 'review/carol.decisions.json',
    })
    expect(classifyPath('/p/corroborate.json', roots)).toEqual({ kind: 'settings' })
    // Another process's journal of an annotator's file (names may hold dots); never our own.
    expect(classifyPath('/p/annotations/.alice.json.host~1.ab.journal', roots)).toEqual({
      kind: 'journal',
      name: 'alice',
    })
    expect(classifyPath('/p/annotations/.j.r. smith.json.laptop~77.c3.journal', roots)).toEqual({
      kind: 'journal',
      name: 'j.r. smith',
    })
    for (const ignored of [
      `/p/annotations/.alice.json.${OWNER_TAG}.ab.journal`,
      '/p/annotations/.alice.json.host~1.ab.tmp',
      '/p/annotations/alice.json.unsaved-2026',
      '/p/.git/index',
      '/p/node_modules/x/a.txt',
      '/p/notes.pdfx',
      '/elsewhere/a.txt',
    ]) {
      expect(classifyPath(ignored, roots), ignored).toEqual({ kind: 'ignore' })
    }
  })

  it('watches the data of a project kept elsewhere (the sample project)', () => {
    const apart = { projectRoot: '/samples', dataRoot: '/settings/sample-project' }
    expect(classifyPath('/settings/sample-project/annotations/bob.json', apart)).toEqual({
      kind: 'annotator',
      name: 'bob',
    })
    expect(classifyPath('/samples/a.md', apart)).toEqual({ kind: 'documents' })
  })
})

describe('watching a project folder', { timeout: 30_000 }, () => {
  it('reports a colleague file written atomically by another program (temp file, rename)', async () => {
    const watched = await watchProject({ 'annotations/alice.json': '{}' })
    const temp = join(watched.root, 'annotations', '.bob.json.sync-tmp')
    await writeFile(temp, '{"format": "corroborate/annotations"}')
    await rename(temp, join(watched.root, 'annotations', 'bob.json'))
    const batch = await batchWhere(watched, (b) => b.annotators.has('bob'))
    expect(batch.documents).toBe(false)
    expect(
      watched.batches.some((b) => [...b.annotators].some((name) => name.startsWith('.'))),
    ).toBe(false)
  })

  it('reports a colleague file rewritten in place', async () => {
    const watched = await watchProject({ 'annotations/bob.json': '{}' })
    await writeFile(join(watched.root, 'annotations', 'bob.json'), '{"changed": true}')
    await batchWhere(watched, (b) => b.annotators.has('bob'))
  })

  it('reports a new article, a renamed one and a removed one as a listing change', async () => {
    const watched = await watchProject()
    await writeFile(join(watched.root, 'new.md'), '# New')
    await batchWhere(watched, (b) => b.documents)
    watched.batches.length = 0
    await rename(join(watched.root, 'new.md'), join(watched.root, 'renamed.md'))
    await batchWhere(watched, (b) => b.documents)
    watched.batches.length = 0
    await rm(join(watched.root, 'story.txt'))
    await batchWhere(watched, (b) => b.documents)
  })

  it('does not report the stores’ journals and temp files, nor files that are no articles', async () => {
    const watched = await watchProject({ 'annotations/alice.json': '{}' })
    const annotations = join(watched.root, 'annotations')
    await writeFile(join(annotations, '.alice.json.host~1.x.journal'), 'abc {}\n')
    await writeFile(join(annotations, '.alice.json.host~1.x.tmp'), '{}')
    await rm(join(annotations, '.alice.json.host~1.x.tmp'))
    await writeFile(join(watched.root, 'notes.bin'), 'x')
    await mkdir(join(watched.root, '.git'))
    await writeFile(join(watched.root, '.git', 'index'), 'x')
    // A marker written last: once its batch is in, everything before it has been seen.
    await writeFile(join(annotations, 'marker.json'), '{}')
    await batchWhere(watched, (b) => b.annotators.has('marker'))
    for (const batch of watched.batches) {
      expect([...batch.annotators]).toEqual(['marker'])
      expect(batch.documents).toBe(false)
    }
  })

  it('reports the annotations folder arriving (a clone), whose files it may not see', async () => {
    const watched = await watchProject()
    await writeFiles(watched.root, { 'annotations/bob.json': '{}' })
    await batchWhere(watched, (b) => b.annotationsFolder)
  })

  it('reports review files, and the review folder arriving', async () => {
    const watched = await watchProject()
    await mkdir(join(watched.root, 'review'))
    await batchWhere(watched, (b) => b.review.has('review'))
    await writeFile(join(watched.root, 'review', 'carol.decisions.json'), '{}')
    await batchWhere(watched, (b) => b.review.has('review/carol.decisions.json'))
  })

  it('gathers a burst (a checkout touching many files) into few batches', async () => {
    const watched = await watchProject()
    const files: Record<string, string> = {}
    for (let i = 0; i < 60; i++) files[`burst/article-${i}.txt`] = `Article ${i}`
    for (let i = 0; i < 10; i++) files[`annotations/colleague-${i}.json`] = '{}'
    await writeFiles(watched.root, files)
    await vi.waitFor(
      () => {
        const seen = new Set(watched.batches.flatMap((b) => [...b.annotators]))
        expect(seen.size).toBe(10)
      },
      { timeout: 15_000, interval: 20 },
    )
    expect(watched.batches.some((b) => b.documents)).toBe(true)
    // Seventy files, one batch each quiet period: a handful, not seventy.
    expect(watched.batches.length).toBeLessThanOrEqual(10)
  })

  it('survives its project folder being removed, and closes every handle', async () => {
    const handles = () => process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap').length
    // Handles of watchers closed by earlier tests go once their close callbacks have run.
    await vi.waitFor(() => expect(handles()).toBe(0), { timeout: 5_000 })
    const watched = await watchProject({ 'sub/a.txt': 'A' })
    expect(handles()).toBeGreaterThan(0)
    await rm(watched.root, { recursive: true, force: true })
    await batchWhere(watched, (b) => b.documents)
    await watched.watcher.close()
    watchers.splice(watchers.indexOf(watched.watcher), 1)
    await vi.waitFor(() => expect(handles()).toBe(0), { timeout: 5_000 })
  })
})
