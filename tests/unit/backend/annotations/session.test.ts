/**
 * Claims through the Workbench, on real files in temp folders: every change is on disk and
 * survives a new Workbench; undo and redo; the backend computes quotes itself and refuses bad
 * ranges; the sample project keeps its data in the settings folder.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createWorkbench, dispatch, type Workbench } from '../../../../src/backend'
import { CLAIM_CSV_COLUMNS } from '../../../../src/core/export'
import { fakeParser, tempDir, writeFiles } from '../helpers'
import { ARTICLE, keyOf, openProject, rangeOf, readAnnotations } from './project-setup'

const opened: Workbench[] = []

// Registered after helpers.ts's hook, so it runs first: writes end before temp folders go.
afterEach(async () => {
  await Promise.all(opened.splice(0).map((workbench) => workbench.close()))
})

async function reopened(root: string, settingsDir?: string): Promise<Workbench> {
  const workbench = createWorkbench({
    settingsDir: settingsDir ?? (await tempDir()),
    samplesDir: await tempDir(),
    parse: fakeParser().parse,
    log: () => {},
  })
  opened.push(workbench)
  await workbench.setAnnotator('alice')
  await workbench.openProject(root)
  return workbench
}

describe('claims through the workbench', () => {
  it('creates a claim with the quote, prefix and suffix taken from its own parse', async () => {
    const { workbench, root } = await openProject()
    const key = await keyOf(workbench, 'story.txt')
    const { start, end } = rangeOf(ARTICLE, '13,000 containers')
    const claim = await workbench.createClaim({ documentKey: key, start, end, label: 'figure' })
    expect(claim.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    expect(claim.target).toEqual({
      position: { start, end },
      quote: {
        exact: '13,000 containers',
        prefix: ARTICLE.slice(start - 32, start),
        suffix: ARTICLE.slice(end, end + 32),
      },
    })
    expect(claim).toMatchObject({
      document: { path: 'story.txt' },
      label: 'figure',
      status: 'asserted',
      certainty: null,
      annotator: 'alice',
    })
    await workbench.flush()
    expect((await readAnnotations(root)).claims).toEqual([claim])
    // The project got the label set it was using, for colleagues to share.
    const settings = JSON.parse(await readFile(join(root, 'corroborate.json'), 'utf8'))
    expect(settings.labels.map((label: { id: string }) => label.id)).toEqual([
      'claim',
      'figure',
      'attribution',
      'event',
      'denial',
    ])
  })

  it('persists create, update, delete, undo and redo, and reloads them in a new workbench', async () => {
    const { workbench, root } = await openProject()
    const key = await keyOf(workbench, 'story.txt')
    const a = await workbench.createClaim({
      documentKey: key,
      ...rangeOf(ARTICLE, 'North Korea'),
      label: 'claim',
    })
    const b = await workbench.createClaim({
      documentKey: key,
      ...rangeOf(ARTICLE, 'Moscow denied'),
      label: 'denial',
    })
    const edited = await workbench.updateClaim(a.id, {
      status: 'alleged',
      certainty: 'medium',
      attributedTo: 'officials',
      note: 'Two lines,\n"quoted"',
      tags: ['munitions', 'dprk'],
    })
    expect(edited.updated > a.updated).toBe(true)
    await workbench.deleteClaim(b.id)
    await workbench.flush()
    let onDisk = await readAnnotations(root)
    expect(onDisk.claims.map((claim) => claim.id)).toEqual([a.id])
    expect(onDisk.deleted.map((tombstone) => tombstone.id)).toEqual([b.id])

    expect((await workbench.undo()).applied).toBe('Delete claim')
    expect((await workbench.undo()).applied).toBe('Edit claim')
    await workbench.flush()
    onDisk = await readAnnotations(root)
    expect(onDisk.claims.map((claim) => [claim.id, claim.status])).toEqual([
      [a.id, 'asserted'],
      [b.id, 'asserted'],
    ])
    expect(onDisk.deleted).toEqual([])

    expect((await workbench.redo()).applied).toBe('Edit claim')
    await workbench.flush()

    const fresh = await reopened(root)
    const listing = await fresh.listClaims(await keyOf(fresh, 'story.txt'))
    expect(
      listing.claims.map(({ claim }) => [claim.id, claim.status, claim.note, claim.tags]),
    ).toEqual([
      [a.id, 'alleged', 'Two lines,\n"quoted"', ['munitions', 'dprk']],
      [b.id, 'asserted', '', []],
    ])
    expect(listing.orphans).toEqual([])
    // History belongs to the session: a new workbench has nothing to undo.
    expect(await fresh.undo()).toMatchObject({ applied: null, history: { canUndo: false } })
  })

  it('lists each claim with its fields, quote and place, not its stored target', async () => {
    const { workbench } = await openProject()
    const key = await keyOf(workbench, 'story.txt')
    const made = await workbench.createClaim({
      documentKey: key,
      ...rangeOf(ARTICLE, 'Moscow denied'),
      label: 'denial',
    })
    await workbench.updateClaim(made.id, { attributedTo: 'the Kremlin', tags: ['denial'] })
    const listing = await workbench.listClaims(key)
    // The document and the quote's prefix and suffix are the backend's business: the listing
    // names its document, and says where each claim is now.
    expect(listing.claims).toEqual([
      {
        claim: {
          id: made.id,
          label: 'denial',
          attributedTo: 'the Kremlin',
          status: 'asserted',
          certainty: null,
          note: '',
          tags: ['denial'],
          quote: 'Moscow denied',
        },
        ...rangeOf(ARTICLE, 'Moscow denied'),
        placement: 'exact',
      },
    ])
  })

  it('undoes a creation by deleting it, and redoes it', async () => {
    const { workbench, root } = await openProject()
    const key = await keyOf(workbench, 'story.txt')
    const claim = await workbench.createClaim({
      documentKey: key,
      ...rangeOf(ARTICLE, 'Moscow'),
      label: 'claim',
    })
    const status = await workbench.getAnnotationStatus()
    expect(status.history).toEqual({
      canUndo: true,
      canRedo: false,
      undoLabel: 'Create claim',
      redoLabel: null,
    })
    const undone = await workbench.undo()
    expect(undone).toMatchObject({
      applied: 'Create claim',
      paths: ['story.txt'],
      history: { canRedo: true },
    })
    expect((await workbench.listClaims(key)).claims).toEqual([])
    await workbench.redo()
    await workbench.flush()
    expect((await readAnnotations(root)).claims.map((c) => c.id)).toEqual([claim.id])
  })

  it('refuses ranges out of bounds, empty, or splitting a surrogate pair, and unknown labels', async () => {
    const text = 'Emoji story\n\nThe crowd 🎉 cheered.'
    const { workbench } = await openProject({ 'emoji.txt': text })
    const key = await keyOf(workbench, 'emoji.txt')
    const emoji = text.indexOf('🎉')
    const bad = [
      { start: 0, end: text.length + 1 },
      { start: 5, end: 5 },
      { start: 7, end: 3 },
      { start: emoji + 1, end: emoji + 4 },
      { start: emoji - 3, end: emoji + 1 },
    ]
    for (const range of bad) {
      await expect(
        workbench.createClaim({ documentKey: key, ...range, label: 'claim' }),
        JSON.stringify(range),
      ).rejects.toMatchObject({ code: 'invalid-range' })
    }
    await expect(
      workbench.createClaim({ documentKey: key, start: 0, end: 5, label: 'rumour' }),
    ).rejects.toMatchObject({ code: 'unknown-label' })
    const ok = await workbench.createClaim({
      documentKey: key,
      start: emoji,
      end: emoji + 2,
      label: 'event',
    })
    expect(ok.target.quote.exact).toBe('🎉')
  })

  it('asks for an annotator first, validates the name, and keeps it in the user settings', async () => {
    const { workbench, settingsDir } = await openProject(undefined, { annotator: null })
    expect((await workbench.getAnnotationStatus()).annotator).toBeNull()
    const key = await keyOf(workbench, 'story.txt')
    await expect(
      workbench.createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' }),
    ).rejects.toMatchObject({ code: 'no-annotator' })
    for (const name of ['', ' ', '../evil', 'a/b', 'x'.repeat(65), 'CON', 'dot.', '.hidden']) {
      await expect(workbench.setAnnotator(name), name).rejects.toMatchObject({
        code: 'invalid-annotator',
      })
    }
    expect((await workbench.setAnnotator('  Zoë Martín ')).annotator).toBe('Zoë Martín')
    await workbench.createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' })
    const settings = JSON.parse(await readFile(join(settingsDir, 'settings.json'), 'utf8'))
    expect(settings.annotator).toBe('Zoë Martín')
  })

  it('refuses claims on single files opened outside a project', async () => {
    const { workbench, root } = await openProject()
    const state = await workbench.openFiles([join(root, 'story.txt')])
    const single = state.documents.find((doc) => doc.key.startsWith('file-'))!
    await expect(
      workbench.createClaim({ documentKey: single.key, start: 0, end: 5, label: 'claim' }),
    ).rejects.toMatchObject({ code: 'not-in-project' })
    expect(await workbench.listClaims(single.key)).toMatchObject({ claims: [], orphans: [] })
  })

  it('keeps the sample project read-only: its claims and settings go to the settings folder', async () => {
    const { workbench, samplesDir, settingsDir } = await openProject()
    const before = await readdir(samplesDir, { recursive: true })
    await workbench.openSampleProject()
    const key = await keyOf(workbench, 'sample.txt')
    await workbench.createClaim({ documentKey: key, start: 0, end: 6, label: 'claim' })
    await workbench.updateLabels([
      ...(await workbench.getProjectSettings()).labels,
      { id: 'rumour', name: 'Rumour', color: '#888888', key: '9', description: '' },
    ])
    await workbench.flush()
    expect(await readdir(samplesDir, { recursive: true })).toEqual(before)
    const data = join(settingsDir, 'sample-project')
    expect((await readAnnotations(data)).claims).toHaveLength(1)
    expect(JSON.parse(await readFile(join(data, 'corroborate.json'), 'utf8')).labels).toHaveLength(
      6,
    )
    expect((await workbench.getProjectSettings()).file).toBe(join(data, 'corroborate.json'))
  })

  it('emits save-state (saving then saved) and one change event for the command', async () => {
    const { workbench, events } = await openProject()
    events.length = 0
    const key = await keyOf(workbench, 'story.txt')
    await workbench.createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' })
    await workbench.flush()
    const saves = events.flatMap((event) =>
      event.type === 'save-state' ? [event.save.status] : [],
    )
    expect(saves).toEqual(['saving', 'saved'])
    const changed = events.filter((event) => event.type === 'changed')
    expect(changed).toEqual([
      {
        type: 'changed',
        change: {
          cause: 'command',
          description: 'Create claim',
          claimPaths: ['story.txt'],
          linkPaths: [],
          links: false,
          settings: null,
          correctedPaths: [],
          history: { canUndo: true, canRedo: false, undoLabel: 'Create claim', redoLabel: null },
        },
      },
    ])
  })
})

describe('switching projects', () => {
  it("answers the status of the project being opened, never the closing one's", async () => {
    const { workbench } = await openProject()
    const key = await keyOf(workbench, 'story.txt')
    await workbench.createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' })
    expect((await workbench.getAnnotationStatus()).history.canUndo).toBe(true)
    const other = await tempDir()
    await writeFiles(other, { 'other.txt': ARTICLE })
    // Asked while the other project is still opening, as the UI does on its state event.
    const opening = workbench.openProject(other)
    const status = await workbench.getAnnotationStatus()
    await opening
    expect(status.history).toMatchObject({ canUndo: false, undoLabel: null })
  })
})

describe('labels', () => {
  it('starts with the default news label set and validates changes', async () => {
    const { workbench, root } = await openProject()
    const { labels, readOnly } = await workbench.getProjectSettings()
    expect(readOnly).toBeNull()
    expect(labels.map((label) => [label.name, label.key])).toEqual([
      ['Claim', '1'],
      ['Figure', '2'],
      ['Attribution', '3'],
      ['Event', '4'],
      ['Denial', '5'],
    ])
    const invalid = [
      [],
      [labels[0], { ...labels[1], key: '1' }],
      [labels[0], { ...labels[1], id: 'claim' }],
      [{ ...labels[0], color: 'red' }],
      [{ ...labels[0], color: '#12345' }],
      [{ ...labels[0], id: 'Has Space' }],
    ]
    for (const set of invalid) {
      await expect(
        workbench.updateLabels(set as typeof labels),
        JSON.stringify(set),
      ).rejects.toMatchObject({
        code: 'invalid-labels',
      })
    }
    const renamed = labels.map((label) =>
      label.id === 'claim' ? { ...label, name: 'Statement' } : label,
    )
    await workbench.updateLabels(renamed)
    const onDisk = JSON.parse(await readFile(join(root, 'corroborate.json'), 'utf8'))
    expect(onDisk).toMatchObject({ format: 'corroborate/project', version: 1 })
    expect(onDisk.labels[0].name).toBe('Statement')
    await workbench.undo()
    expect((await workbench.getProjectSettings()).labels[0].name).toBe('Claim')
  })

  it('refuses to remove a label that labels claims', async () => {
    const { workbench } = await openProject()
    const key = await keyOf(workbench, 'story.txt')
    await workbench.createClaim({ documentKey: key, start: 0, end: 5, label: 'denial' })
    const { labels } = await workbench.getProjectSettings()
    await expect(
      workbench.updateLabels(labels.filter((label) => label.id !== 'denial')),
    ).rejects.toMatchObject({ code: 'label-in-use' })
  })

  it('keeps settings fields it does not know when it rewrites the labels', async () => {
    const { workbench, root } = await openProject({
      'story.txt': ARTICLE,
      'corroborate.json': JSON.stringify({
        format: 'corroborate/project',
        version: 1,
        labels: [{ id: 'x', name: 'X', color: '#000000', key: null, description: '' }],
        relationTypes: ['supports'],
      }),
    })
    const { labels } = await workbench.getProjectSettings()
    expect(labels.map((label) => label.id)).toEqual(['x'])
    await workbench.updateLabels([
      ...labels,
      { id: 'y', name: 'Y', color: '#ffffff', key: '2', description: '' },
    ])
    const onDisk = JSON.parse(await readFile(join(root, 'corroborate.json'), 'utf8'))
    expect(onDisk.relationTypes).toEqual(['supports'])
    expect(onDisk.labels).toHaveLength(2)
  })
})

describe('re-anchoring on listClaims', () => {
  const original =
    'Munitions report\n\n' +
    'North Korea has sent more than 13,000 containers of munitions to Russia since mid-2022.\n\n' +
    'The Kremlin spokesman called the report baseless and refused further comment.'

  it('moves a claim when text is inserted before it, without writing, and orphans a deleted passage', async () => {
    const { workbench, root } = await openProject({ 'r.txt': original })
    const key = await keyOf(workbench, 'r.txt')
    const figure = await workbench.createClaim({
      documentKey: key,
      ...rangeOf(original, 'more than 13,000 containers of munitions'),
      label: 'figure',
    })
    const denial = await workbench.createClaim({
      documentKey: key,
      ...rangeOf(original, 'called the report baseless'),
      label: 'denial',
    })
    await workbench.flush()
    const { writeFile } = await import('node:fs/promises')
    const edited =
      'Munitions report\n\nAn editor’s note was added at the top of this story.\n\n' +
      'North Korea has sent more than 13,000 containers of munitions to Russia since mid-2022.'
    await writeFile(join(root, 'r.txt'), edited)
    await workbench.refresh()
    const newKey = await keyOf(workbench, 'r.txt')
    const before = await readFile(join(root, 'annotations', 'alice.json'), 'utf8')
    const listing = await workbench.listClaims(newKey)
    expect(listing.claims).toHaveLength(1)
    const [moved] = listing.claims
    expect(moved).toMatchObject({ placement: 'moved', claim: { id: figure.id } })
    expect(edited.slice(moved.start, moved.end)).toBe('more than 13,000 containers of munitions')
    expect(listing.orphans).toMatchObject([
      { claim: { id: denial.id }, reason: expect.any(String) },
    ])
    await workbench.flush()
    // Listing never writes: the analyst confirms a move (or re-places an orphan) explicitly.
    expect(await readFile(join(root, 'annotations', 'alice.json'), 'utf8')).toBe(before)

    const confirmed = await workbench.replaceOrphan(figure.id, moved.start, moved.end)
    expect(confirmed.target.position).toEqual({ start: moved.start, end: moved.end })
    expect(confirmed.document.id).toBe(listing.documentId)
    const replaced = await workbench.replaceOrphan(denial.id, 0, 9)
    expect(replaced.target.quote.exact).toBe('Munitions')
    const after = await workbench.listClaims(newKey)
    expect(after.orphans).toEqual([])
    expect(after.claims.map((c) => c.placement)).toEqual(['exact', 'exact'])
  })

  it('finds a claim by its content hash when its file was renamed', async () => {
    const { workbench, root } = await openProject({ 'old-name.txt': original })
    const claim = await workbench.createClaim({
      documentKey: await keyOf(workbench, 'old-name.txt'),
      ...rangeOf(original, 'baseless'),
      label: 'denial',
    })
    const { rename } = await import('node:fs/promises')
    await rename(join(root, 'old-name.txt'), join(root, 'new-name.txt'))
    await workbench.refresh()
    const listing = await workbench.listClaims(await keyOf(workbench, 'new-name.txt'))
    expect(listing.claims.map((placed) => placed.claim.id)).toEqual([claim.id])
  })
})

describe('exportTable and the contract', () => {
  it('returns claims.csv text for the project or one document (browser mode)', async () => {
    const { workbench } = await openProject({
      'story.txt': ARTICLE,
      'other.txt': 'Other story\n\nNothing here.',
    })
    const key = await keyOf(workbench, 'story.txt')
    await workbench.createClaim({
      documentKey: key,
      ...rangeOf(ARTICLE, 'Moscow denied'),
      label: 'denial',
    })
    await workbench.createClaim({
      documentKey: await keyOf(workbench, 'other.txt'),
      start: 0,
      end: 5,
      label: 'claim',
    })
    const project = await workbench.exportTable({ scope: 'project' })
    expect(project).toMatchObject({ fileName: 'claims.csv', rows: 2, savedTo: null })
    expect(project!.text!.split('\r\n')[0]).toBe(CLAIM_CSV_COLUMNS.join(','))
    const one = await workbench.exportTable({ scope: 'document', documentKey: key, bom: true })
    expect(one).toMatchObject({ fileName: 'claims-story.csv', rows: 1 })
    expect(one!.text!.startsWith('\uFEFF')).toBe(true)
    expect(one!.text).toContain('Moscow denied')
  })

  it('validates the new methods’ arguments at the door', async () => {
    const { workbench } = await openProject()
    const key = await keyOf(workbench, 'story.txt')
    const invalid: [string, unknown[]][] = [
      ['createClaim', [{ documentKey: key, start: -1, end: 4, label: 'claim' }]],
      ['createClaim', [{ documentKey: key, start: 0.5, end: 4, label: 'claim' }]],
      [
        'createClaim',
        [{ documentKey: key, start: 0, end: 4, label: 'claim', path: '/etc/passwd' }],
      ],
      ['updateClaim', ['x', { start: 3 }]],
      ['updateClaim', ['x', { status: 'rumoured' }]],
      ['updateClaim', ['x', { certainty: 0.7 }]],
      ['exportTable', [{ scope: 'document' }]],
      ['updateLabels', [[{ id: 'x' }]]],
      ['replaceOrphan', ['x', 1]],
    ]
    for (const [method, args] of invalid) {
      const result = await dispatch(workbench, method, args)
      expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      })
    }
    const ok = await dispatch(workbench, 'createClaim', [
      { documentKey: key, start: 0, end: 4, label: 'claim' },
    ])
    expect(ok).toMatchObject({ ok: true, value: { label: 'claim' } })
    const unknown = await dispatch(workbench, 'deleteClaim', [
      '0190a000-0000-7000-8000-000000000000',
    ])
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-claim' } })
  })
})
