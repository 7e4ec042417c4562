/**
 * The analyst's corrections of a document's metadata and furniture: kept in corroborate.json,
 * winning over detection in the listing, the opened document, the clusters and the matrix, and
 * never changing the text or the id; undone and redone like every other edit.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src/backend/dispatch'
import { parseDocument } from '../../../../src/core/document/parse'
import type { WorkbenchEvent } from '../../../../src/shared/api'
import { tempDir } from '../helpers'
import { keyOf, openProject, rangeOf } from './project-setup'

const FILES = {
  // A pasted page: no date the detector could trust, furniture around the article.
  'pasted.txt':
    'Home\nWorld\nSport\nBakers protest new flour tax\n' +
    'Hundreds of bakers marched on Monday against a new tax on flour, the union said.\n' +
    'Read also: Flour prices at a ten-year high\n© 2026 The Morning Loaf\n',
  'wire.txt':
    'Title: Flour tax protest\nOutlet: Early Wire\nPublished: 2026-03-05\n\n' +
    'Bakers marched on Monday against a new tax on flour.\n',
}

async function project() {
  const setup = await openProject(FILES, { extra: { parse: parseDocument } })
  const { workbench } = setup
  const claim = async (path: keyof typeof FILES, passage: string) => {
    const key = await keyOf(workbench, path)
    const text = (await workbench.openDocument(key)).text
    return workbench.createClaim({ documentKey: key, ...rangeOf(text, passage), label: 'figure' })
  }
  const pasted = await claim('pasted.txt', 'Hundreds of bakers marched on Monday')
  const wire = await claim('wire.txt', 'Bakers marched on Monday')
  await workbench.createLink({
    from: pasted.id,
    to: { kind: 'claim', claimId: wire.id },
    relation: 'same',
  })
  return { ...setup, pasted, wire }
}

describe('document corrections', () => {
  it('win over detection in the listing, the clusters and the matrix, and are kept in the project', async () => {
    const { workbench, root, pasted, another } = await project()
    const key = await keyOf(workbench, 'pasted.txt')
    const before = await workbench.openDocument(key)
    expect(before.metadata.outlet).toBe('The Morning Loaf')
    expect(before.metadata.published).toBeUndefined()
    let cluster = (await workbench.getClusters())[0]!
    // Only one mention has a date: the undated one cannot be placed before it.
    expect(cluster.firstAppearance.published).toBe('2026-03-05')

    const state = await workbench.correctDocument(key, {
      outlet: 'Morning Loaf (print edition)',
      published: '2026-03-02T08:00:00+01:00',
      author: null,
    })
    const listed = state.documents.find((document) => document.path === 'pasted.txt')!
    expect(listed.metadata).toMatchObject({
      title: 'Bakers protest new flour tax',
      outlet: 'Morning Loaf (print edition)',
      published: '2026-03-02T08:00:00+01:00',
    })
    expect(listed.id).toBe(before.id)

    cluster = (await workbench.getClusters())[0]!
    expect(cluster.firstAppearance).toMatchObject({
      claimId: pasted.id,
      published: '2026-03-02T08:00:00+01:00',
    })
    const matrix = await workbench.getMatrix()
    expect(matrix.columns.map((column) => column.path)).toEqual(['pasted.txt', 'wire.txt'])

    const saved = JSON.parse(await readFile(join(root, 'corroborate.json'), 'utf8'))
    expect(saved.documents[before.id]).toEqual({
      outlet: 'Morning Loaf (print edition)',
      published: '2026-03-02T08:00:00+01:00',
      author: null,
    })
    // A colleague opening the project sees the same.
    const colleague = await another()
    const theirs = (await colleague.getState()).documents.find((d) => d.path === 'pasted.txt')!
    expect(theirs.metadata.outlet).toBe('Morning Loaf (print edition)')
  })

  it('flip blocks between article and furniture without touching the text', async () => {
    const { workbench } = await project()
    const key = await keyOf(workbench, 'pasted.txt')
    const before = await workbench.openDocument(key)
    const home = before.blocks[0]!
    const readAlso = before.blocks.find((block) =>
      before.text.slice(block.start, block.end).startsWith('Read also'),
    )!
    expect(home.boilerplate).toBe(true)
    expect(readAlso.boilerplate).toBe(true)
    await workbench.correctDocument(key, { furniture: { [home.start]: false } })
    await workbench.correctDocument(key, { furniture: { [before.blocks[4]!.start]: true } })
    const after = await workbench.openDocument(key)
    expect(after.text).toBe(before.text)
    expect(after.id).toBe(before.id)
    expect(after.blocks[0]!.boilerplate).toBeUndefined()
    expect(after.blocks[4]!.boilerplate).toBe(true)
    expect(after.blocks.find((block) => block.start === readAlso.start)!.boilerplate).toBe(true)
  })

  it('flow into every export: claims.csv, the matrix, JSONL and ClaimReview; undo takes them back', async () => {
    const { workbench } = await project()
    const key = await keyOf(workbench, 'pasted.txt')
    const exports = async () => {
      const claims = (await workbench.exportTable({ scope: 'project' }))!.text!
      const matrix = (await workbench.exportTable({ scope: 'project', table: 'matrix' }))!.text!
      const folder = await tempDir()
      await workbench.exportDataset({ format: 'jsonl', folder })
      await workbench.exportDataset({ format: 'claimreview', folder })
      const documents = (await readFile(join(folder, 'documents.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { path: string; outlet: string | null })
      const review = await readFile(join(folder, 'claimreview.jsonld'), 'utf8')
      return { claims, matrix, documents, review }
    }
    await workbench.correctDocument(key, {
      outlet: 'Morning Loaf (print edition)',
      published: '2026-03-02',
    })
    let out = await exports()
    expect(out.claims).toContain('Morning Loaf (print edition)')
    expect(out.claims).toContain('2026-03-02')
    expect(out.matrix.split('\n')[0]).toContain('Morning Loaf (print edition)')
    expect(out.documents.find((document) => document.path === 'pasted.txt')!.outlet).toBe(
      'Morning Loaf (print edition)',
    )
    expect(out.review).toContain('Morning Loaf (print edition)')

    await workbench.undo()
    out = await exports()
    for (const text of [out.claims, out.matrix, out.review]) {
      expect(text).not.toContain('print edition')
    }
    expect(out.documents.find((document) => document.path === 'pasted.txt')!.outlet).toBe(
      'The Morning Loaf',
    )
  })

  it('are validated at the door: a date that is not ISO 8601 or an unknown field is refused', async () => {
    const { workbench } = await project()
    const key = await keyOf(workbench, 'pasted.txt')
    for (const correction of [
      { published: '5 March' },
      { published: '2026-02-30' },
      { url: 'javascript:alert(1)' },
      { publisher: 'X' },
      { furniture: { first: true } },
    ]) {
      const result = await dispatch(workbench, 'correctDocument', [key, correction])
      expect(result.ok, JSON.stringify(correction)).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('invalid-arguments')
    }
  })
})

/** The events a correction makes (the store's save states come and go on their own time). */
const listingAndChanges = (events: WorkbenchEvent[]) =>
  events.filter((event) => event.type === 'state-changed' || event.type === 'changed')

describe('undoing corrections', () => {
  const settingsFile = async (root: string) =>
    JSON.parse(await readFile(join(root, 'corroborate.json'), 'utf8')) as {
      documents?: Record<string, unknown>
      labels: unknown[]
    }

  it('takes back a furniture flip with undo and puts it back with redo, in one event each', async () => {
    const { workbench, root, events } = await project()
    const key = await keyOf(workbench, 'pasted.txt')
    const before = await workbench.openDocument(key)
    const body = before.blocks.findIndex((block) =>
      before.text.slice(block.start, block.end).startsWith('Hundreds of bakers'),
    )
    const start = before.blocks[body]!.start
    expect(before.blocks[body]!.boilerplate).toBeUndefined()
    // The claim on it counts while it is article text.
    expect((await workbench.getClaimCounts()).byDocument[key]).toBe(1)

    events.length = 0
    await workbench.correctDocument(key, { furniture: { [start]: true } })
    expect((await workbench.openDocument(key)).blocks[body]!.boilerplate).toBe(true)
    expect((await workbench.getClaimCounts()).byDocument[key]).toBeUndefined()
    expect((await workbench.getAnnotationStatus()).history).toMatchObject({
      canUndo: true,
      undoLabel: 'Mark as page furniture',
    })
    // The listing with the correction first, then the one change event naming the document.
    expect(listingAndChanges(events).map((event) => event.type)).toEqual([
      'state-changed',
      'changed',
    ])
    expect(listingAndChanges(events)[1]).toMatchObject({
      change: { cause: 'command', correctedPaths: ['pasted.txt'], claimPaths: [] },
    })

    events.length = 0
    expect(await workbench.undo()).toMatchObject({ applied: 'Mark as page furniture' })
    expect((await workbench.openDocument(key)).blocks[body]!.boilerplate).toBeUndefined()
    expect((await workbench.getClaimCounts()).byDocument[key]).toBe(1)
    expect((await settingsFile(root)).documents ?? {}).toEqual({})
    expect(listingAndChanges(events).map((event) => event.type)).toEqual([
      'state-changed',
      'changed',
    ])
    expect(listingAndChanges(events)[1]).toMatchObject({
      change: { cause: 'undo', correctedPaths: ['pasted.txt'] },
    })

    expect(await workbench.redo()).toMatchObject({ applied: 'Mark as page furniture' })
    expect((await workbench.openDocument(key)).blocks[body]!.boilerplate).toBe(true)
    expect((await settingsFile(root)).documents).toEqual({
      [before.id]: { furniture: { [start]: true } },
    })
  })

  it('takes back metadata corrections one step at a time, between claim edits', async () => {
    const { workbench, root, pasted } = await project()
    const key = await keyOf(workbench, 'pasted.txt')
    const listed = async () =>
      (await workbench.getState()).documents.find((document) => document.path === 'pasted.txt')!
    await workbench.correctDocument(key, { outlet: 'Morning Loaf (print)' })
    await workbench.updateClaim(pasted.id, { note: 'checked' })
    await workbench.correctDocument(key, { published: '2026-03-02', outlet: 'Loaf' })
    expect((await listed()).metadata).toMatchObject({ outlet: 'Loaf', published: '2026-03-02' })
    expect((await workbench.getClusters())[0]!.firstAppearance.claimId).toBe(pasted.id)

    expect(await workbench.undo()).toMatchObject({ applied: 'Correct document details' })
    expect((await listed()).metadata.outlet).toBe('Morning Loaf (print)')
    expect((await listed()).metadata.published).toBeUndefined()
    expect((await workbench.getClusters())[0]!.firstAppearance.published).toBe('2026-03-05')
    expect(await workbench.undo()).toMatchObject({ applied: 'Edit claim' })
    expect(await workbench.undo()).toMatchObject({ applied: 'Correct document details' })
    expect((await listed()).metadata.outlet).toBe('The Morning Loaf')
    expect((await settingsFile(root)).documents ?? {}).toEqual({})
  })

  it("works without an annotator, and keeps a colleague's correction of another document", async () => {
    const setup = await openProject(FILES, { annotator: null, extra: { parse: parseDocument } })
    const { workbench, root } = setup
    const key = await keyOf(workbench, 'pasted.txt')
    const pasted = await workbench.openDocument(key)
    await workbench.correctDocument(key, { furniture: { [pasted.blocks[0]!.start]: false } })
    // Meanwhile a colleague corrects the other document.
    const colleague = await setup.another()
    const wire = await workbench.openDocument(await keyOf(workbench, 'wire.txt'))
    await colleague.correctDocument(await keyOf(colleague, 'wire.txt'), { author: 'Ana Ruiz' })

    await workbench.undo()
    expect((await settingsFile(root)).documents).toEqual({ [wire.id]: { author: 'Ana Ruiz' } })
    expect((await workbench.openDocument(key)).blocks[0]!.boilerplate).toBe(true)
  })

  it('records nothing for a correction that changes nothing', async () => {
    const { workbench } = await project()
    const key = await keyOf(workbench, 'pasted.txt')
    await workbench.correctDocument(key, { outlet: 'Loaf' })
    await workbench.undo()
    await workbench.correctDocument(key, { outlet: 'Loaf' })
    await workbench.correctDocument(key, { outlet: 'Loaf' })
    await workbench.correctDocument(await keyOf(workbench, 'wire.txt'), {})
    expect(await workbench.undo()).toMatchObject({ applied: 'Correct document details' })
    expect((await workbench.getAnnotationStatus()).history.canUndo).toBe(true) // The claims.
    expect((await workbench.getAnnotationStatus()).history.undoLabel).toBe('Create link')
  })

  it('never writes over a corroborate.json it cannot read', async () => {
    const { workbench, root } = await project()
    const key = await keyOf(workbench, 'pasted.txt')
    await workbench.correctDocument(key, { outlet: 'Loaf' })
    await writeFile(join(root, 'corroborate.json'), '{ "labels": [ broken')
    const undone = await dispatch(workbench, 'undo', [])
    expect(undone.ok).toBe(false)
    if (!undone.ok) expect(undone.error.message).toContain('corroborate.json')
    expect(await readFile(join(root, 'corroborate.json'), 'utf8')).toBe('{ "labels": [ broken')
    // The step stays to undo once the file is fixed.
    expect((await workbench.getAnnotationStatus()).history.undoLabel).toBe(
      'Correct document details',
    )
  })
})
