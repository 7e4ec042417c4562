import { rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import { fakeParser, tempDir, writeFiles } from './helpers'

async function setup(files: Record<string, string> = { 'a.txt': 'A title\n\nBody.' }) {
  const root = await tempDir()
  await writeFiles(root, files)
  const samplesDir = await tempDir()
  await writeFiles(samplesDir, { 'sample.txt': 'Sample article' })
  const workbench = createWorkbench({
    settingsDir: await tempDir(),
    samplesDir,
    parse: fakeParser().parse,
    log: () => {},
  })
  return { root, samplesDir, workbench }
}

describe('openDocument', () => {
  it('opens a listed document, re-reading the file', async () => {
    const { root, workbench } = await setup()
    const [summary] = (await workbench.openProject(root)).documents
    const first = await workbench.openDocument(summary.key)
    expect(first).toMatchObject({
      key: summary.key,
      path: 'a.txt',
      text: 'A title\n\nBody.',
      id: summary.id,
    })
    expect(first.blocks).toHaveLength(2)

    await writeFile(join(root, 'a.txt'), 'Changed on disk')
    expect((await workbench.openDocument(summary.key)).text).toBe('Changed on disk')
  })

  it('refuses keys it did not hand out, including path-like ones', async () => {
    const { root, workbench } = await setup()
    const [summary] = (await workbench.openProject(root)).documents
    const forged = [
      'a.txt',
      join(root, 'a.txt'),
      '/etc/passwd',
      '../../../../etc/passwd',
      summary.key + '/../../../etc/passwd',
      summary.key.replace('a.txt', '../a.txt'),
      '__proto__',
      'constructor',
    ]
    for (const key of forged) {
      await expect(workbench.openDocument(key), key).rejects.toMatchObject({
        code: 'unknown-document',
      })
    }
  })

  it('refuses keys of a previously open project', async () => {
    const { root, workbench } = await setup()
    const other = await tempDir()
    await writeFiles(other, { 'a.txt': 'Same name, other project' })
    const [old] = (await workbench.openProject(root)).documents
    const [current] = (await workbench.openProject(other)).documents
    await expect(workbench.openDocument(old.key)).rejects.toMatchObject({
      code: 'unknown-document',
    })
    expect((await workbench.openDocument(current.key)).text).toBe('Same name, other project')
  })

  it('reports a file removed since listing, naming it', async () => {
    const { root, workbench } = await setup()
    const [summary] = (await workbench.openProject(root)).documents
    await rm(join(root, 'a.txt'))
    await expect(workbench.openDocument(summary.key)).rejects.toMatchObject({
      code: 'unreadable',
      file: 'a.txt',
      message: expect.stringContaining('a.txt'),
    })
  })

  it('refuses a listed file that was replaced by a link out of the project', async () => {
    const { root, workbench } = await setup()
    const outside = await tempDir()
    await writeFiles(outside, { 'secret.txt': 'Secret' })
    const [summary] = (await workbench.openProject(root)).documents
    await rm(join(root, 'a.txt'))
    await symlink(join(outside, 'secret.txt'), join(root, 'a.txt'))
    await expect(workbench.openDocument(summary.key)).rejects.toMatchObject({
      message: expect.stringContaining('outside the project'),
    })
  })
})

describe('single files and the sample project', () => {
  it('opens single files after the project documents, named by file name', async () => {
    const { root, workbench } = await setup()
    const loose = await tempDir()
    await writeFiles(loose, { 'z-loose.md': 'Loose article', 'empty.txt': '' })
    await workbench.openProject(root)
    const state = await workbench.chooseFiles([join(loose, 'z-loose.md'), join(loose, 'empty.txt')])
    expect(state?.documents.map((document) => document.path)).toEqual(['a.txt', 'z-loose.md'])
    expect(state?.problems).toEqual([expect.objectContaining({ path: 'empty.txt', code: 'empty' })])
    const loneKey = state?.documents[1].key as string
    expect((await workbench.openDocument(loneKey)).text).toBe('Loose article')

    // Opening the same file again does not list it twice.
    const again = await workbench.openFiles([join(loose, 'z-loose.md')])
    expect(again.documents).toHaveLength(2)
  })

  it('refuses missing, folder and unsupported single files, naming them, and adds none', async () => {
    const { root, workbench } = await setup({ 'a.txt': 'A', 'notes.odt': 'PK' })
    await expect(
      workbench.openFiles([join(root, 'a.txt'), join(root, 'gone.txt')]),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('gone.txt'),
    })
    await expect(workbench.openFiles([root])).rejects.toMatchObject({ code: 'not-a-file' })
    await expect(workbench.openFiles([join(root, 'notes.odt')])).rejects.toMatchObject({
      code: 'unsupported-type',
      message: expect.stringContaining('notes.odt'),
    })
    expect((await workbench.getState()).documents).toEqual([])
  })

  it('treats a missing typed path as cancel', async () => {
    const { workbench } = await setup()
    expect(await workbench.chooseProject()).toBeNull()
    expect(await workbench.chooseFiles()).toBeNull()
    expect(await workbench.chooseFiles([])).toBeNull()
  })

  it('opens the sample folder in place, marked as the sample', async () => {
    const { samplesDir, workbench } = await setup()
    const state = await workbench.openSampleProject()
    expect(state.project).toMatchObject({ root: samplesDir, isSample: true })
    expect(state.documents.map((document) => document.path)).toEqual(['sample.txt'])
  })
})

describe('opening a document twice', () => {
  it('parses an unchanged file once, and a changed file again', async () => {
    const root = await tempDir()
    await writeFiles(root, { 'a.txt': 'A title\n\nBody.' })
    const parser = fakeParser()
    const workbench = createWorkbench({
      settingsDir: await tempDir(),
      samplesDir: await tempDir(),
      parse: parser.parse,
      log: () => {},
    })
    const [summary] = (await workbench.openProject(root)).documents
    const parsesAfterListing = parser.calls.length
    await workbench.openDocument(summary.key)
    await workbench.openDocument(summary.key)
    await workbench.listClaims(summary.key)
    expect(parser.calls.length - parsesAfterListing).toBe(1)

    await writeFile(join(root, 'a.txt'), 'A title\n\nBody, changed on disk.')
    expect((await workbench.openDocument(summary.key)).text).toBe(
      'A title\n\nBody, changed on disk.',
    )
    expect(parser.calls.length - parsesAfterListing).toBe(2)
  })
})
