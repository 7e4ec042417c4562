/**
 * corroborate.json changed by someone else (a `git pull`, a colleague, a sync tool): read again
 * and shown, and never clobbered by a write made from what was shown before. Real files, the
 * real store; the workbench-level path (watcher to event) is in watch/workbench-watching.test.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectSettingsStore } from '../../../../src/backend/annotations/project-settings-store'
import {
  defaultProjectSettings,
  mergeListById,
  type Label,
  type ProjectSettingsFile,
} from '../../../../src/core/model'
import { tempDir } from '../helpers'

const label = (id: string, key: Label['key'], name = id): Label => ({
  id,
  name,
  color: '#1f77b4',
  key,
  description: '',
})

async function project() {
  const dir = await tempDir()
  const path = join(dir, 'corroborate.json')
  await writeFile(path, JSON.stringify(defaultProjectSettings(), null, 2))
  const store = await ProjectSettingsStore.open(path, 'corroborate.json')
  /** A colleague's edit of the file, as git or a sync tool leaves it. */
  const theirs = async (change: (file: ProjectSettingsFile) => ProjectSettingsFile) => {
    const file = JSON.parse(await readFile(path, 'utf8')) as ProjectSettingsFile
    await writeFile(path, JSON.stringify(change(file), null, 2))
  }
  const onDisk = async () => JSON.parse(await readFile(path, 'utf8')) as ProjectSettingsFile
  return { path, store, theirs, onDisk }
}

describe('corroborate.json changed on disk', () => {
  it('is read again: new labels, relation types and corrections, each said to differ', async () => {
    const { store, theirs } = await project()
    expect(await store.reload()).toEqual({ sets: false, documents: [], problem: false })
    await theirs((file) => ({ ...file, labels: [...file.labels, label('quote', '7')] }))
    expect(await store.reload()).toEqual({ sets: true, documents: [], problem: false })
    expect(store.hasLabel('quote')).toBe(true)
    await theirs((file) => ({
      ...file,
      relations: file.relations!.map((r) => (r.id === 'same' ? { ...r, name: 'Identical' } : r)),
    }))
    expect((await store.reload()).sets).toBe(true)
    expect(store.relation('same')?.name).toBe('Identical')
    await theirs((file) => ({ ...file, documents: { ['a'.repeat(64)]: { outlet: 'Wire' } } }))
    expect(await store.reload()).toEqual({
      sets: false,
      documents: ['a'.repeat(64)],
      problem: false,
    })
    expect(store.documentCorrection('a'.repeat(64))).toEqual({ outlet: 'Wire' })
  })

  it('a file that turns unreadable is never written; fixed, it is read again', async () => {
    const { path, store } = await project()
    await writeFile(path, '{"format": "corroborate/project", "version": 1, "labels": [')
    expect(await store.reload()).toEqual({ sets: false, documents: [], problem: true })
    expect(store.readOnlyReason).toContain('corroborate.json')
    expect(store.hasLabel('claim')).toBe(true) // What was shown stays shown.
    await expect(store.saveLabels([label('claim', '1')])).rejects.toThrow(/corroborate\.json/)
    expect(await readFile(path, 'utf8')).toContain('"labels": [') // Untouched.
    await writeFile(
      path,
      JSON.stringify({ ...defaultProjectSettings(), labels: [label('x', '1')] }),
    )
    expect(await store.reload()).toEqual({ sets: true, documents: [], problem: true })
    expect(store.readOnlyReason).toBeNull()
    expect(store.hasLabel('x')).toBe(true)
  })

  it('a file removed (a checkout) keeps what was shown, and is written again when needed', async () => {
    const { path, store } = await project()
    await rm(path)
    expect(await store.reload()).toEqual({ sets: false, documents: [], problem: false })
    expect(store.hasLabel('claim')).toBe(true)
    await store.ensureSaved()
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({
      labels: defaultProjectSettings().labels,
    })
  })
})

describe('a write made from what was shown never clobbers what it has not seen', () => {
  it('a label added by a colleague meanwhile stays when the analyst edits another', async () => {
    const { store, theirs, onDisk } = await project()
    const shown = store.labels
    await theirs((file) => ({ ...file, labels: [...file.labels, label('quote', '7')] }))
    // The analyst renames Claim, from the labels shown (which lack the colleague's).
    const renamed = shown.map((l) => (l.id === 'claim' ? { ...l, name: 'Statement' } : l))
    await store.saveLabels(renamed, shown)
    const labels = (await onDisk()).labels
    expect(labels.find((l) => l.id === 'claim')?.name).toBe('Statement')
    expect(labels.find((l) => l.id === 'quote')).toEqual(label('quote', '7'))
    expect(store.hasLabel('quote')).toBe(true)
  })

  it('relation types, and fields of the file the change does not touch, are kept', async () => {
    const { store, theirs, onDisk } = await project()
    const shown = store.relations
    await theirs((file) => ({
      ...file,
      labels: file.labels.filter((l) => l.id !== 'denial'),
      relations: file.relations!.filter((r) => r.id !== 'updates'),
      futureField: { kept: true },
    }))
    const recoloured = shown.map((r) => (r.id === 'supports' ? { ...r, color: '#000000' } : r))
    await store.saveRelations(recoloured, shown)
    const file = (await onDisk()) as ProjectSettingsFile & { futureField?: unknown }
    expect(file.relations!.map((r) => r.id)).toEqual(['same', 'supports', 'contradicts', 'cites'])
    expect(file.relations!.find((r) => r.id === 'supports')?.color).toBe('#000000')
    expect(file.labels.some((l) => l.id === 'denial')).toBe(false)
    expect(file.futureField).toEqual({ kept: true })
  })

  it('two people giving one key to two labels: refused, their file shown, nothing written', async () => {
    const { store, theirs, onDisk } = await project()
    const shown = store.labels
    await theirs((file) => ({ ...file, labels: [...file.labels, label('quote', '7')] }))
    const before = await onDisk()
    await expect(store.saveLabels([...shown, label('source', '7')], shown)).rejects.toMatchObject({
      code: 'settings-conflict',
    })
    expect(await onDisk()).toEqual(before)
    expect(store.hasLabel('quote')).toBe(true)
    expect(store.hasLabel('source')).toBe(false)
  })
})

describe('mergeListById', () => {
  const a = label('a', '1')
  const b = label('b', '2')
  const c = label('c', '3')
  it('takes each side’s change where only it changed, ours where both did', () => {
    const a2 = { ...a, name: 'A ours' }
    const b2 = { ...b, name: 'B theirs' }
    expect(mergeListById([a, b], [a2, b], [a, b2, c])).toEqual([a2, b2, c])
    // Removed by us, edited by them: ours (the later write) wins; removed by them only: gone.
    expect(mergeListById([a, b], [b], [{ ...a, name: 'A theirs' }, b])).toEqual([b])
    expect(mergeListById([a, b], [a, b], [b])).toEqual([b])
    // Both changed one item: ours.
    expect(mergeListById([a], [{ ...a, key: '9' }], [{ ...a, key: '8' }])).toEqual([
      { ...a, key: '9' },
    ])
  })
})
