/**
 * A watched project (the app and browser mode watch; the CLI does not): what other programs do
 * in the folders reaches the workbench's events without Refresh, and its own saves do not come
 * back as changes. Real workbench, real store, real files.
 */
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { serializeAnnotationFile } from '../../../../src/backend/annotations'
import { encodeRecord } from '../../../../src/backend/annotations/annotation-journal'
import {
  emptyAnnotationFile,
  newClaimId,
  readAnnotationFileText,
  type AnnotationFile,
  type Claim,
  type ProjectSettingsFile,
} from '../../../../src/core/model'
import type { ChangeSummary, WorkbenchEvent } from '../../../../src/shared/api'
import { ARTICLE, keyOf, openProject, rangeOf, type Setup } from '../annotations/project-setup'
import { sha256, writeFiles } from '../helpers'

const WAIT = { timeout: 20_000, interval: 25 }

function watchedProject(): Promise<Setup> {
  return openProject({ 'story.txt': ARTICLE }, { extra: { watch: { quietMs: 50 } } })
}

function changes(events: WorkbenchEvent[]): ChangeSummary[] {
  return events.flatMap((event) => (event.type === 'changed' ? [event.change] : []))
}

function claimOn(annotator: string, passage: string): Claim {
  const { start, end } = rangeOf(ARTICLE, passage)
  const now = new Date().toISOString()
  return {
    id: newClaimId(),
    document: { id: sha256(ARTICLE), path: 'story.txt' },
    target: {
      position: { start, end },
      quote: { exact: passage, prefix: ARTICLE.slice(0, start).slice(-32), suffix: '' },
    },
    label: 'claim',
    attributedTo: '',
    status: 'asserted',
    certainty: null,
    note: '',
    tags: [],
    annotator,
    created: now,
    updated: now,
  }
}

/** Writes an annotation file as a sync tool or git does: a temp file renamed over it. */
async function writeAtomically(root: string, file: AnnotationFile): Promise<void> {
  const path = join(root, 'annotations', `${file.annotator}.json`)
  const temp = join(root, 'annotations', `.${file.annotator}.json.other-program`)
  await writeFile(temp, serializeAnnotationFile(file))
  await rename(temp, path)
}

async function fileOnDisk(root: string, annotator: string): Promise<AnnotationFile> {
  const text = await readFile(join(root, 'annotations', `${annotator}.json`), 'utf8')
  const read = readAnnotationFileText(text, annotator)
  if (!read.ok) throw new Error(read.message)
  return read.file
}

/**
 * Makes a claim, which makes the app write the project's settings (the defaults) for
 * colleagues, and waits for corroborate.json to hold them.
 */
async function settingsWritten(
  root: string,
  workbench: Setup['workbench'],
): Promise<{ key: string; path: string }> {
  const key = await keyOf(workbench, 'story.txt')
  await workbench.createClaim({
    documentKey: key,
    ...rangeOf(ARTICLE, 'Moscow denied'),
    label: 'claim',
  })
  const path = join(root, 'corroborate.json')
  await vi.waitFor(async () => expect(await readFile(path, 'utf8')).toContain('"labels"'), WAIT)
  return { key, path }
}

describe('a watched project', { timeout: 60_000 }, () => {
  it('lists a new article, and forgets a removed one, without Refresh', async () => {
    const { root, workbench } = await watchedProject()
    await writeFiles(root, { 'news/second.txt': 'Second story\n\nMore containers were seen.' })
    await vi.waitFor(async () => {
      const paths = (await workbench.getState()).documents.map((doc) => doc.path)
      expect(paths).toEqual(['news/second.txt', 'story.txt'])
    }, WAIT)
    await rename(join(root, 'news/second.txt'), join(root, 'news/renamed.txt'))
    await vi.waitFor(async () => {
      const paths = (await workbench.getState()).documents.map((doc) => doc.path)
      expect(paths).toEqual(['news/renamed.txt', 'story.txt'])
    }, WAIT)
  })

  it('announces a colleague’s file arriving and changing, and lists it', async () => {
    const { root, workbench, events } = await watchedProject()
    const bob = emptyAnnotationFile('bob')
    bob.claims = [claimOn('bob', 'Moscow denied the allegations')]
    await writeFiles(root, { 'annotations/.keep': '' })
    await writeAtomically(root, bob)
    await vi.waitFor(() => {
      expect(changes(events).some((c) => c.files?.annotators.includes('bob'))).toBe(true)
    }, WAIT)
    expect(await workbench.listAnnotators()).toEqual([
      {
        name: 'alice',
        file: 'annotations/alice.json',
        current: true,
        claims: 0,
        links: 0,
        byDocument: {},
        problem: null,
      },
      {
        name: 'bob',
        file: 'annotations/bob.json',
        current: false,
        claims: 1,
        links: 0,
        byDocument: { 'story.txt': 1 },
        problem: null,
      },
    ])
    // Rewritten in place by a colleague's tool: counted again.
    events.length = 0
    bob.claims.push(claimOn('bob', 'North Korea has sent more than 13,000 containers'))
    await writeFile(join(root, 'annotations', 'bob.json'), serializeAnnotationFile(bob))
    await vi.waitFor(async () => {
      expect(changes(events).some((c) => c.files?.annotators.includes('bob'))).toBe(true)
      const listed = await workbench.listAnnotators()
      expect(listed.find((entry) => entry.name === 'bob')?.claims).toBe(2)
    }, WAIT)
  })

  it('merges the analyst’s own file changed by another program, and announces the claims', async () => {
    const { root, workbench, events } = await watchedProject()
    const key = await keyOf(workbench, 'story.txt')
    await workbench.createClaim({
      documentKey: key,
      ...rangeOf(ARTICLE, 'Moscow denied'),
      label: 'claim',
    })
    await workbench.flush()
    // A colleague working in alice's file on another machine, arriving through a sync tool.
    const theirs = await fileOnDisk(root, 'alice')
    theirs.claims = [...theirs.claims, claimOn('alice', 'officials said')]
    events.length = 0
    await writeAtomically(root, theirs)
    await vi.waitFor(() => {
      expect(
        changes(events).some((c) => c.cause === 'disk' && c.claimPaths.includes('story.txt')),
      ).toBe(true)
    }, WAIT)
    // Counted from memory (no listing read the file): the merge came from the watcher.
    expect((await workbench.getClaimCounts()).byDocument[key]).toBe(2)
  })

  it('shows what another machine journals in the analyst’s file before it is compacted', async () => {
    const { root, workbench, events } = await watchedProject()
    const key = await keyOf(workbench, 'story.txt')
    // The same annotator on a laptop, through a synced folder: its store journals each edit
    // and writes the JSON file only when idle.
    await mkdir(join(root, 'annotations'), { recursive: true })
    const journal = join(root, 'annotations', '.alice.json.laptop-of-alice~4242.a1b2c3.journal')
    const first = claimOn('alice', 'officials said')
    events.length = 0
    await writeFile(journal, encodeRecord([{ claim: first }]))
    await vi.waitFor(() => {
      expect(
        changes(events).some((c) => c.cause === 'disk' && c.claimPaths.includes('story.txt')),
      ).toBe(true)
    }, WAIT)
    expect((await workbench.getClaimCounts()).byDocument[key]).toBe(1)
    // The journal grows: the next record shows too, and a record already merged changes nothing.
    const second = claimOn('alice', 'Moscow denied')
    await appendFile(journal, encodeRecord([{ claim: second }]))
    await vi.waitFor(async () => {
      expect((await workbench.getClaimCounts()).byDocument[key]).toBe(2)
    }, WAIT)
    // Ours now too: written into the JSON file like any change the file lacks.
    await workbench.flush()
    expect((await fileOnDisk(root, 'alice')).claims.map((claim) => claim.id).sort()).toEqual(
      [first.id, second.id].sort(),
    )
  })

  it('does not echo its own saves', async () => {
    const { root, workbench, events } = await watchedProject()
    const key = await keyOf(workbench, 'story.txt')
    for (const passage of ['Moscow denied', 'officials said', 'Shipments continue']) {
      await workbench.createClaim({
        documentKey: key,
        ...rangeOf(ARTICLE, passage),
        label: 'claim',
      })
      await workbench.flush()
    }
    await vi.waitFor(async () => expect((await fileOnDisk(root, 'alice')).claims).toHaveLength(3))
    events.length = 0
    // A marker written last: once it is announced, the watcher has seen the saves before it.
    await writeAtomically(root, emptyAnnotationFile('marker'))
    await vi.waitFor(() => {
      expect(changes(events).some((c) => c.files?.annotators.includes('marker'))).toBe(true)
    }, WAIT)
    for (const change of changes(events)) {
      expect(change.claimPaths).toEqual([])
      expect(change.files?.annotators).toEqual(['marker'])
    }
    expect(events.filter((event) => event.type === 'state-changed')).toEqual([])
  })

  it('announces review files (the reviewers’ decisions)', async () => {
    const { root, events } = await watchedProject()
    await writeFiles(root, { 'review/carol.decisions.json': '{"decisions": []}' })
    await vi.waitFor(() => {
      const review = changes(events).flatMap((c) => c.files?.review ?? [])
      expect(review).toContain('review/carol.decisions.json')
    }, WAIT)
  })

  it('reads corroborate.json again when a colleague changes it, and announces the settings', async () => {
    const { root, workbench, events } = await watchedProject()
    const { key, path } = await settingsWritten(root, workbench)
    const file = JSON.parse(await readFile(path, 'utf8')) as ProjectSettingsFile
    events.length = 0
    // `git pull`: a colleague added a label and renamed a relation type; a document corrected.
    const pulled: ProjectSettingsFile = {
      ...file,
      labels: [
        ...file.labels,
        { id: 'quote', name: 'Quote', color: '#222222', key: '7', description: '' },
      ],
      relations: file.relations!.map((r) => (r.id === 'same' ? { ...r, name: 'Identical' } : r)),
      documents: { [sha256(ARTICLE)]: { outlet: 'Corrected Wire' } },
    }
    await writeFile(`${path}.pull`, JSON.stringify(pulled, null, 2))
    await rename(`${path}.pull`, path)
    await vi.waitFor(() => {
      const change = changes(events).find((c) => c.settings !== null)
      expect(change?.files?.settings).toBe(true)
      expect(change?.settings?.labels.map((l) => l.id)).toContain('quote')
      expect(change?.settings?.relations.find((r) => r.id === 'same')?.name).toBe('Identical')
    }, WAIT)
    expect((await workbench.getProjectSettings()).labels.map((l) => l.id)).toContain('quote')
    await vi.waitFor(async () => {
      const listed = (await workbench.getState()).documents.find((d) => d.path === 'story.txt')
      expect(listed?.metadata.outlet).toBe('Corrected Wire')
    }, WAIT)
    // The corrected document is named, for the app to read its text again (a flip of a block).
    expect(changes(events).some((c) => c.correctedPaths.includes('story.txt'))).toBe(true)
    // The new label works at once; and the analyst's next settings change keeps the colleague's.
    await workbench.createClaim({
      documentKey: key,
      ...rangeOf(ARTICLE, 'officials said'),
      label: 'quote',
    })
    const labels = (await workbench.getProjectSettings()).labels
    await workbench.updateLabels(
      labels.map((l) => (l.id === 'claim' ? { ...l, name: 'Statement' } : l)),
    )
    const after = JSON.parse(await readFile(path, 'utf8')) as ProjectSettingsFile
    expect(after.labels.map((l) => l.id)).toContain('quote')
    expect(after.labels.find((l) => l.id === 'claim')?.name).toBe('Statement')
    expect(after.relations!.find((r) => r.id === 'same')?.name).toBe('Identical')
    expect(after.documents).toEqual({ [sha256(ARTICLE)]: { outlet: 'Corrected Wire' } })
  })

  it('corroborate.json turning unreadable makes the annotations read-only; fixed, writable', async () => {
    const { root, workbench, events } = await watchedProject()
    const { key, path } = await settingsWritten(root, workbench)
    const good = await readFile(path, 'utf8')
    events.length = 0
    await writeFile(path, '{ "format": "corroborate/project", <<<<<<< HEAD')
    await vi.waitFor(async () => {
      expect((await workbench.getAnnotationStatus()).save.status).toBe('read-only')
    }, WAIT)
    expect(events.some((event) => event.type === 'session-opened')).toBe(true)
    expect(await readFile(path, 'utf8')).toContain('<<<<<<<') // Never written over.
    await writeFile(path, good)
    await vi.waitFor(async () => {
      expect((await workbench.getAnnotationStatus()).save.status).not.toBe('read-only')
    }, WAIT)
    await workbench.createClaim({
      documentKey: key,
      ...rangeOf(ARTICLE, 'officials said'),
      label: 'claim',
    })
  })

  it('keeps working when the project folder goes; Refresh answers; close releases the watcher', async () => {
    const handles = () => process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap').length
    const { root, workbench } = await watchedProject()
    expect(handles()).toBeGreaterThan(0)
    await rm(root, { recursive: true, force: true })
    await vi.waitFor(async () => {
      expect((await workbench.getState()).problems.map((p) => p.path)).toEqual(['./'])
    }, WAIT)
    const refreshed = await workbench.refresh()
    expect(refreshed.documents).toEqual([])
    await workbench.close()
    await vi.waitFor(() => expect(handles()).toBe(0), WAIT)
  })
})
