/**
 * The annotator file's conflict list in the app: a file the app wrote, merged three-way as the
 * git merge driver merges it (core/model/three-way.ts) with two edits of the same fields, then
 * opened again; each entry is listed with its claim placed, and settled through the session's
 * commit (journalled, undoable, one event).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  mergeAnnotationFiles3,
  nextTimestamp,
  type AnnotationFile,
  type Claim,
} from '../../../../src/core/model'
import type { ChangeSummary } from '../../../../src/shared/api'
import { ARTICLE, keyOf, openProject, rangeOf, readAnnotations } from './project-setup'

const FIGURE = '13,000 containers of munitions'
const DENIAL = 'Moscow denied the allegations'

/** `file` with one claim changed as `change` says, dated later. */
function edit(
  file: AnnotationFile,
  id: string,
  change: Partial<Claim>,
  after?: string,
): AnnotationFile {
  return {
    ...file,
    claims: file.claims.map((claim) =>
      claim.id === id
        ? { ...claim, ...change, updated: nextTimestamp(after ?? claim.updated) }
        : claim,
    ),
  }
}

async function projectWithConflicts() {
  const setup = await openProject()
  const key = await keyOf(setup.workbench, 'story.txt')
  const figure = await setup.workbench.createClaim({
    documentKey: key,
    ...rangeOf(ARTICLE, FIGURE),
    label: 'figure',
  })
  const denial = await setup.workbench.createClaim({
    documentKey: key,
    ...rangeOf(ARTICLE, DENIAL),
    label: 'denial',
  })
  await setup.workbench.close()
  const base = await readAnnotations(setup.root)
  // Ours: the figure's label and the denial's note; theirs (later): the same, differently, and
  // then theirs deletes the denial after ours edited it.
  const ours = edit(edit(base, figure.id, { label: 'claim' }), denial.id, { note: 'ours' })
  const theirs = edit(base, figure.id, { label: 'event' }, ours.claims[0]!.updated)
  theirs.claims = theirs.claims.filter((claim) => claim.id !== denial.id)
  theirs.deleted = [{ id: denial.id, deleted: nextTimestamp(ours.claims[1]!.updated) }]
  const merged = mergeAnnotationFiles3(base, ours, theirs, new Date().toISOString())
  expect(merged.conflicts).toHaveLength(2)
  await writeFile(join(setup.root, 'annotations', 'alice.json'), JSON.stringify(merged.file))
  const workbench = await setup.another()
  await workbench.setAnnotator('alice')
  return { ...setup, workbench, key, figure, denial }
}

describe('the conflict list', () => {
  it('lists each entry with its claim placed, and keeping the current value only drops the entry', async () => {
    const { workbench, key, figure, denial, root } = await projectWithConflicts()
    const entries = await workbench.listMergeConflicts()
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'claim',
        id: figure.id,
        field: 'label',
        kept: 'event',
        other: 'claim',
        subject: {
          exists: true,
          documentKey: key,
          documentPath: 'story.txt',
          range: rangeOf(ARTICLE, FIGURE),
          text: FIGURE,
        },
      }),
      expect.objectContaining({
        kind: 'claim',
        id: denial.id,
        field: null,
        kept: null,
        subject: expect.objectContaining({
          exists: false,
          documentPath: 'story.txt',
          text: DENIAL,
        }),
      }),
    ])
    const remaining = await workbench.settleMergeConflict({ key: entries[0]!.key, take: 'kept' })
    expect(remaining.map((entry) => entry.id)).toEqual([denial.id])
    const listing = await workbench.listClaims(key)
    expect(listing.claims.map((placed) => placed.claim.label)).toEqual(['event'])
    // Settled twice: the entry is gone, and the caller is told to list again.
    await expect(
      workbench.settleMergeConflict({ key: entries[0]!.key, take: 'other' }),
    ).rejects.toMatchObject({ code: 'unknown-conflict' })
    await workbench.flush()
    expect((await readAnnotations(root)).conflicts?.map((entry) => entry.id)).toEqual([denial.id])
  })

  it('taking the edit a deletion set aside puts the claim back; undo deletes it again', async () => {
    const { workbench, key, denial } = await projectWithConflicts()
    const entry = (await workbench.listMergeConflicts()).find((c) => c.id === denial.id)!
    const changes: ChangeSummary[] = []
    workbench.onEvent((event) => {
      if (event.type === 'changed') changes.push(event.change)
    })
    await workbench.settleMergeConflict({ key: entry.key, take: 'other' })
    // One commit, announced once, naming what was done for the undo menu.
    expect(changes).toEqual([
      expect.objectContaining({
        cause: 'command',
        description: 'Take other version of claim',
        claimPaths: ['story.txt'],
        conflicts: true,
      }),
    ])
    const quotes = async () =>
      (await workbench.listClaims(key)).claims.map((placed) => placed.claim.quote)
    expect(await quotes()).toEqual([FIGURE, DENIAL])
    const restored = (await workbench.listClaims(key)).claims[1]!.claim
    expect(restored.note).toBe('ours')
    await workbench.undo()
    expect(await quotes()).toEqual([FIGURE])
    expect((await workbench.listMergeConflicts()).map((c) => c.id)).toContain(denial.id)
  })

  it('a colleague settling an entry in the file (another instance) settles it here too', async () => {
    const { workbench, root } = await projectWithConflicts()
    const [first] = await workbench.listMergeConflicts()
    const onDisk = await readAnnotations(root)
    onDisk.conflicts = onDisk.conflicts!.filter((entry) => entry.id !== first!.id)
    await writeFile(join(root, 'annotations', 'alice.json'), JSON.stringify(onDisk))
    expect((await workbench.listMergeConflicts()).map((entry) => entry.id)).not.toContain(first!.id)
  })
})
