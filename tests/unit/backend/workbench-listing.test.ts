import { execFileSync } from 'node:child_process'
import { chmod, rm, symlink, truncate, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import { MAX_DOCUMENT_BYTES } from '../../../src/core/document'
import type { WorkbenchEvent } from '../../../src/shared/api'
import { fakeParser, runningAsRoot, sha256, tempDir, writeFiles } from './helpers'

async function workbenchFor(files: Record<string, string | Uint8Array>) {
  const root = await tempDir()
  await writeFiles(root, files)
  const parser = fakeParser()
  const workbench = createWorkbench({
    settingsDir: await tempDir(),
    samplesDir: await tempDir(),
    parse: parser.parse,
    log: () => {},
  })
  return { root, parser, workbench }
}

describe('project listing', () => {
  it('lists supported files in sub-folders, sorted, and skips hidden, node_modules and annotations/', async () => {
    const { root, workbench } = await workbenchFor({
      'b.txt': 'B title\n\nBody.',
      'a.md': 'A title',
      'world/europe/c.html': 'C title',
      'world/readme.odt': 'not an article',
      'notes.doc': 'not an article',
      '.hidden/d.txt': 'hidden folder',
      '.e.txt': 'hidden file',
      'node_modules/pkg/f.txt': 'dependency',
      'world/node_modules/g.txt': 'nested dependency',
      'annotations/alice.txt': 'the project data folder',
      'world/annotations/h.txt': 'an ordinary sub-folder named annotations',
    })
    const state = await workbench.openProject(root)
    expect(state.project).toMatchObject({ root, isSample: false })
    expect(state.documents.map((document) => document.path)).toEqual([
      'a.md',
      'b.txt',
      'world/annotations/h.txt',
      'world/europe/c.html',
    ])
    expect(state.problems).toEqual([])
  })

  it('fills each summary from the parsed document', async () => {
    const { root, workbench } = await workbenchFor({ 'story.txt': 'Headline\n\nFirst paragraph.' })
    const [summary] = (await workbench.openProject(root)).documents
    expect(summary).toEqual({
      key: expect.any(String),
      path: 'story.txt',
      id: sha256('Headline\n\nFirst paragraph.'),
      format: 'text',
      metadata: { title: 'Headline' },
      size: Buffer.byteLength('Headline\n\nFirst paragraph.'),
      warnings: [],
    })
  })

  it('reports broken files as problems naming them, and still lists and opens the rest', async () => {
    const { root, workbench, parser } = await workbenchFor({
      'good.txt': 'Good article',
      'empty.txt': '',
      'binary.html': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      'huge.txt': '',
    })
    // Sparse: MAX + 1 bytes on paper, almost nothing on disk. Read, it would be NUL bytes.
    await truncate(join(root, 'huge.txt'), MAX_DOCUMENT_BYTES + 1)
    await symlink(join(root, 'missing-target.txt'), join(root, 'dangling.txt'))
    const fifoMade = tryMakeFifo(join(root, 'pipe.txt'))
    if (!runningAsRoot) {
      await writeFile(join(root, 'locked.txt'), 'secret')
      await chmod(join(root, 'locked.txt'), 0o000)
    }

    const state = await workbench.openProject(root)
    expect(state.documents.map((document) => document.path)).toEqual(['good.txt'])
    const byPath = Object.fromEntries(state.problems.map((problem) => [problem.path, problem]))
    expect(byPath['empty.txt']).toMatchObject({
      code: 'empty',
      message: expect.stringContaining('empty.txt'),
    })
    expect(byPath['binary.html']).toMatchObject({
      code: 'binary',
      message: expect.stringContaining('binary.html'),
    })
    expect(byPath['huge.txt']).toMatchObject({
      code: 'too-large',
      message: expect.stringContaining('huge.txt'),
    })
    expect(byPath['dangling.txt']).toMatchObject({
      code: 'unreadable',
      message: expect.stringContaining('dangling.txt'),
    })
    if (fifoMade) {
      expect(byPath['pipe.txt']).toMatchObject({
        code: 'unreadable',
        message: expect.stringContaining('not a regular file'),
      })
    }
    if (!runningAsRoot) {
      expect(byPath['locked.txt']).toMatchObject({
        code: 'unreadable',
        message: expect.stringContaining('permission denied'),
      })
    }
    // The size is refused from stat alone: the huge file never reached the parser.
    expect(parser.calls).not.toContain('huge.txt')

    const opened = await workbench.openDocument(state.documents[0].key)
    expect(opened.text).toBe('Good article')
  })

  it('does not follow links out of the project, but lists links to files inside it', async () => {
    const outside = await tempDir()
    await writeFiles(outside, { 'secret.txt': 'Outside the project' })
    const { root, workbench } = await workbenchFor({ 'inside.txt': 'Inside' })
    await symlink(join(outside, 'secret.txt'), join(root, 'escape.txt'))
    await symlink(outside, join(root, 'linked-folder'))
    await symlink(join(root, 'inside.txt'), join(root, 'alias.txt'))

    const state = await workbench.openProject(root)
    expect(state.documents.map((document) => document.path)).toEqual(['alias.txt', 'inside.txt'])
    expect(state.problems).toEqual([
      expect.objectContaining({
        path: 'escape.txt',
        code: 'outside-project',
        message: expect.stringContaining('escape.txt'),
      }),
    ])
  })

  it('refuses a project path that does not exist or is not a folder, naming it', async () => {
    const { root, workbench } = await workbenchFor({ 'a.txt': 'A' })
    const missing = join(root, 'no-such-folder')
    await expect(workbench.openProject(missing)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining(missing),
    })
    await expect(workbench.openProject(join(root, 'a.txt'))).rejects.toMatchObject({
      code: 'not-a-folder',
      message: expect.stringContaining('a.txt'),
    })
    expect((await workbench.getState()).project).toBeNull()
  })
})

describe('refresh', () => {
  it('parses only new and changed files, and drops removed ones', async () => {
    const { root, workbench, parser } = await workbenchFor({
      'a.txt': 'A',
      'b.txt': 'B',
      'c.txt': 'C',
    })
    await workbench.openProject(root)
    expect(parser.calls.sort()).toEqual(['a.txt', 'b.txt', 'c.txt'])

    parser.calls.length = 0
    await workbench.refresh()
    expect(parser.calls).toEqual([])

    await writeFile(join(root, 'a.txt'), 'A, rewritten')
    const later = new Date(Date.now() + 5000)
    await utimes(join(root, 'a.txt'), later, later)
    await rm(join(root, 'b.txt'))
    await writeFiles(root, { 'new/d.txt': 'D' })
    const state = await workbench.refresh()
    expect(parser.calls.sort()).toEqual(['a.txt', 'new/d.txt'])
    expect(state.documents.map((document) => [document.path, document.metadata.title])).toEqual([
      ['a.txt', 'A, rewritten'],
      ['c.txt', 'C'],
      ['new/d.txt', 'D'],
    ])
  })

  it('keeps keys stable across refreshes of the same project', async () => {
    const { root, workbench } = await workbenchFor({ 'a.txt': 'A' })
    const before = (await workbench.openProject(root)).documents[0].key
    const after = (await workbench.refresh()).documents[0].key
    expect(after).toBe(before)
  })

  it('emits state-changed after opening and refreshing, until unsubscribed', async () => {
    const { root, workbench } = await workbenchFor({ 'a.txt': 'A' })
    const events: WorkbenchEvent[] = []
    const unsubscribe = workbench.onEvent((event) => events.push(event))
    await workbench.openProject(root)
    await workbench.refresh()
    // Opening a project also reports its annotation save state and labels (other event types).
    const stateEvents = () =>
      events.filter(
        (event): event is Extract<WorkbenchEvent, { type: 'state-changed' }> =>
          event.type === 'state-changed',
      )
    expect(stateEvents()).toHaveLength(2)
    expect(stateEvents()[0].state.documents).toHaveLength(1)
    expect(stateEvents()[0].state.firstRun).toBe(false)
    unsubscribe()
    const seen = events.length
    await workbench.refresh()
    expect(events).toHaveLength(seen)
  })
})

function tryMakeFifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path])
    return true
  } catch {
    return false
  }
}
