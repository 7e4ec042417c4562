/**
 * Teams sharing a project through git (Debian's git, real repositories in a temp folder, no
 * network): two clones edit the same annotator's file, the gold file and a reviewer's decisions
 * file, then pull with the merge driver that `corroborate git-setup` registered, and push. The
 * merged files validate, nothing either side did is lost, and a field both changed lands in the
 * file's conflict list.
 */
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { createWorkbench, type Workbench } from '../../../src/backend'
import { readAnnotationFileText, type AnnotationFile } from '../../../src/core/model'
import { readDecisionsText } from '../../../src/core/review/gold'
import { fakeParser, tempDir, writeFiles } from '../backend/helpers'
import { ARTICLE, rangeOf } from '../backend/annotations/project-setup'
import { runCli } from './run-cli'

vi.setConfig({ testTimeout: 120_000 })

const run = promisify(execFile)

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' },
  })
  return stdout
}

async function clone(origin: string, into: string, name: string): Promise<void> {
  await git(join(into, '..'), 'clone', '--quiet', origin, into)
  await git(into, 'config', 'user.name', name)
  await git(into, 'config', 'user.email', `${name.toLowerCase()}@example.org`)
  await git(into, 'config', 'pull.rebase', 'false')
  const setup = await runCli(['git-setup', into])
  expect(setup.stderr).toBe('')
  expect(setup.code).toBe(0)
}

/** Runs `use` with a Workbench on the clone, as `annotator`; closed (and flushed) afterwards. */
async function withProject<T>(
  root: string,
  annotator: string,
  use: (workbench: Workbench, key: string, text: string) => Promise<T>,
): Promise<T> {
  const workbench = createWorkbench({
    settingsDir: null,
    samplesDir: join(root, '.no-samples'),
    parse: fakeParser().parse,
    log: () => {},
  })
  try {
    await workbench.setAnnotator(annotator)
    const state = await workbench.openProject(root)
    const key = state.documents.find((document) => document.path === 'story.txt')!.key
    const { text } = await workbench.openDocument(key)
    return await use(workbench, key, text)
  } finally {
    await workbench.close()
  }
}

async function readFileOf(root: string, name: string): Promise<AnnotationFile> {
  const text = await readFile(join(root, 'annotations', `${name}.json`), 'utf8')
  expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m)
  const result = readAnnotationFileText(text, `${name}.json`)
  if (!result.ok) throw new Error(result.message)
  return result.file
}

async function commitAll(root: string, message: string): Promise<void> {
  await git(root, 'add', '-A')
  await git(root, 'commit', '--quiet', '-m', message)
}

describe('git: two clones, one project', () => {
  it('pulls, merges by object id and pushes; nothing is lost, a conflicting field is recorded', async () => {
    const dir = await tempDir('corroborate-git-')
    const origin = join(dir, 'origin.git')
    await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', origin])
    const first = join(dir, 'first')
    const second = join(dir, 'second')

    // The first analyst starts the project: articles, alice's claims, bob's, and a gold file.
    await git(dir, 'init', '--quiet', '--initial-branch=main', first)
    await git(first, 'config', 'user.name', 'First')
    await git(first, 'config', 'user.email', 'first@example.org')
    await writeFiles(first, {
      'story.txt': ARTICLE,
      '.gitignore': 'annotations/.*.journal\nannotations/.*.tmp\n',
    })
    const ids = await withProject(first, 'alice', async (workbench, key, text) => {
      const claim = (passage: string, label: string) =>
        workbench.createClaim({ documentKey: key, ...rangeOf(text, passage), label })
      const figure = await claim('more than 13,000 containers', 'figure')
      const denial = await claim('Moscow denied the allegations', 'denial')
      const officials = await claim('officials said', 'attribution')
      await workbench.setAnnotator('bob')
      await claim('more than 13,000 containers', 'figure')
      await workbench.setAnnotator('alice')
      await workbench.mergeGold({ strategy: { kind: 'silent-others' } })
      return { figure: figure.id, denial: denial.id, officials: officials.id }
    })
    await commitAll(first, 'Project, alice, bob and gold')
    await git(first, 'remote', 'add', 'origin', origin)
    await git(first, 'push', '--quiet', '-u', 'origin', 'HEAD:main')
    await git(first, 'branch', '--quiet', '--set-upstream-to=origin/main')
    // git-setup is idempotent: a second run changes nothing.
    for (let i = 0; i < 2; i++) expect((await runCli(['git-setup', first])).code).toBe(0)
    const attributes = await readFile(join(first, '.gitattributes'), 'utf8')
    expect(attributes).toBe(
      'annotations/*.json merge=corroborate\nreview/*.decisions.json merge=corroborate\n',
    )
    expect(await git(first, 'config', '--get-all', 'merge.corroborate.driver')).toContain(
      'merge-driver %O %A %B %P',
    )
    await commitAll(first, 'Merge driver')
    await git(first, 'push', '--quiet')
    await clone(origin, second, 'Second')
    const goldIds = (await readFileOf(first, 'gold')).claims.map((claim) => claim.id)
    expect(goldIds).toHaveLength(3)
    const units = await withProject(first, 'rita', async (workbench) =>
      (await workbench.listReviewUnits({ reviewer: 'rita' })).units.map((unit) => unit.key),
    )

    // First clone: alice's note on the figure, a new claim; gold: a label; rita decides unit 0.
    const added = await withProject(first, 'alice', async (workbench, key, text) => {
      await workbench.updateClaim(ids.figure, { note: 'from the first clone' })
      const claim = await workbench.createClaim({
        documentKey: key,
        ...rangeOf(text, 'on Tuesday'),
        label: 'event',
      })
      await workbench.setAnnotator('gold')
      await workbench.updateClaim(goldIds[0]!, { label: 'claim' })
      await workbench.recordDecision({
        reviewer: 'rita',
        unit: units[0]!,
        action: { kind: 'reject' },
        reason: 'other',
      })
      return claim.id
    })
    await commitAll(first, 'First: note, new claim, gold label, a decision')
    await git(first, 'push', '--quiet')

    // Second clone, later: another note on the same claim (a conflict), its status (no
    // conflict), deletes a claim; gold: a note; rita decides another unit.
    await withProject(second, 'alice', async (workbench) => {
      await workbench.updateClaim(ids.figure, { note: 'from the second clone', status: 'alleged' })
      await workbench.deleteClaim(ids.officials)
      await workbench.setAnnotator('gold')
      await workbench.updateClaim(goldIds[0]!, { note: 'checked by the second clone' })
      await workbench.recordDecision({
        reviewer: 'rita',
        unit: units[2]!, // The denial (units[1], "officials said", is deleted above).
        action: { kind: 'take', annotator: 'alice' },
        reason: 'annotator-error',
      })
    })
    await commitAll(second, 'Second: note and status, deletion, gold note, a decision')

    await git(second, 'pull', '--quiet', '--no-edit')
    expect(await git(second, 'status', '--porcelain')).toBe('')
    await git(second, 'push', '--quiet')

    const alice = await readFileOf(second, 'alice')
    const figure = alice.claims.find((claim) => claim.id === ids.figure)!
    expect(figure.status).toBe('alleged')
    expect(figure.note).toBe('from the second clone')
    expect(alice.claims.some((claim) => claim.id === added)).toBe(true)
    expect(alice.claims.some((claim) => claim.id === ids.officials)).toBe(false)
    expect(alice.deleted.some((tombstone) => tombstone.id === ids.officials)).toBe(true)
    expect(alice.conflicts).toEqual([
      expect.objectContaining({
        kind: 'claim',
        id: ids.figure,
        field: 'note',
        kept: 'from the second clone',
        other: 'from the first clone',
      }),
    ])
    const gold = await readFileOf(second, 'gold')
    const goldClaim = gold.claims.find((claim) => claim.id === goldIds[0])!
    expect(goldClaim.label).toBe('claim')
    expect(goldClaim.note).toBe('checked by the second clone')
    expect(gold.conflicts).toBeUndefined()
    const decisions = readDecisionsText(
      await readFile(join(second, 'review', 'rita.decisions.json'), 'utf8'),
      'rita',
    )
    if (!decisions.ok) throw new Error(decisions.message)
    expect([...decisions.decisions.keys()].sort()).toEqual([units[0]!, units[2]!].sort())

    // The first clone pulls the merge (a fast-forward) and sees the same files.
    await git(first, 'pull', '--quiet', '--no-edit')
    expect(await readFile(join(first, 'annotations', 'alice.json'), 'utf8')).toBe(
      await readFile(join(second, 'annotations', 'alice.json'), 'utf8'),
    )
    // The app reads the merged project: of rita's two decisions, the one on the figure is
    // stale, since the second clone changed alice's figure after the first decided it.
    const status = await withProject(first, 'rita', (workbench) => workbench.getReviewStatus({}))
    expect(status.goldConflicts).toBe(0)
    expect(status.reviewers[0]).toMatchObject({ reviewer: 'rita', decided: 1, stale: 1 })
  })

  it('the conflict list a merge wrote is settled in the app, undoably, and stays settled through the next merge', async () => {
    const dir = await tempDir('corroborate-git-conflicts-')
    const origin = join(dir, 'origin.git')
    await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', origin])
    const first = join(dir, 'first')
    const second = join(dir, 'second')
    await git(dir, 'init', '--quiet', '--initial-branch=main', first)
    await git(first, 'config', 'user.name', 'First')
    await git(first, 'config', 'user.email', 'first@example.org')
    await git(first, 'config', 'pull.rebase', 'false')
    await writeFiles(first, {
      'story.txt': ARTICLE,
      '.gitignore': 'annotations/.*.journal\nannotations/.*.tmp\n',
    })
    const figure = await withProject(first, 'alice', async (workbench, key, text) => {
      const claim = await workbench.createClaim({
        documentKey: key,
        ...rangeOf(text, 'more than 13,000 containers'),
        label: 'figure',
      })
      return claim.id
    })
    expect((await runCli(['git-setup', first])).code).toBe(0)
    await commitAll(first, 'Project and alice')
    await git(first, 'remote', 'add', 'origin', origin)
    await git(first, 'push', '--quiet', '-u', 'origin', 'HEAD:main')
    await clone(origin, second, 'Second')

    // Both clones change the figure's label; the second's is later, so it is kept on merging.
    await withProject(first, 'alice', (workbench) =>
      workbench.updateClaim(figure, { label: 'claim' }),
    )
    await commitAll(first, 'First: claim')
    await git(first, 'push', '--quiet')
    await withProject(second, 'alice', (workbench) =>
      workbench.updateClaim(figure, { label: 'event' }),
    )
    await commitAll(second, 'Second: event')
    await git(second, 'pull', '--quiet', '--no-edit')
    await git(second, 'push', '--quiet')
    expect((await readFileOf(second, 'alice')).conflicts).toHaveLength(1)
    // The first clone gets the merge, conflict list and all, and goes on working.
    await git(first, 'pull', '--quiet', '--no-edit')
    await withProject(first, 'alice', async (workbench, key, text) => {
      await workbench.createClaim({
        documentKey: key,
        ...rangeOf(text, 'officials said'),
        label: 'attribution',
      })
    })
    await commitAll(first, 'First: attribution')

    // The second analyst settles the conflict in the app: takes the other (first) label.
    await withProject(second, 'alice', async (workbench, key, text) => {
      const [entry, ...none] = await workbench.listMergeConflicts()
      expect(none).toEqual([])
      expect(entry).toMatchObject({
        kind: 'claim',
        id: figure,
        field: 'label',
        kept: 'event',
        other: 'claim',
        subject: {
          exists: true,
          documentKey: key,
          documentPath: 'story.txt',
          range: rangeOf(text, 'more than 13,000 containers'),
          text: 'more than 13,000 containers',
        },
      })
      expect(await workbench.settleMergeConflict({ key: entry!.key, take: 'other' })).toEqual([])
      const label = async () =>
        (await workbench.listClaims(key)).claims.find((placed) => placed.claim.id === figure)?.claim
          .label
      expect(await label()).toBe('claim')
      // One step of the history: undo puts the label and the entry back, redo settles again.
      expect(await workbench.undo()).toMatchObject({ applied: 'Take other label' })
      expect(await label()).toBe('event')
      expect((await workbench.listMergeConflicts()).map((c) => c.key)).toEqual([entry!.key])
      await workbench.redo()
      expect(await label()).toBe('claim')
      expect(await workbench.listMergeConflicts()).toEqual([])
    })
    const settled = await readFileOf(second, 'alice')
    expect(settled.conflicts).toBeUndefined()
    expect(settled.claims.find((claim) => claim.id === figure)?.label).toBe('claim')
    await commitAll(second, 'Second: settled')
    await git(second, 'push', '--quiet')

    // The first clone still has the entry; merging, it stays settled (dropped on one side).
    await git(first, 'pull', '--quiet', '--no-edit')
    expect(await git(first, 'status', '--porcelain')).toBe('')
    const merged = await readFileOf(first, 'alice')
    expect(merged.conflicts).toBeUndefined()
    expect(merged.claims.map((claim) => claim.label).sort()).toEqual(['attribution', 'claim'])
  })

  it('exits non-zero and leaves the working copy as git left it when a version cannot be read', async () => {
    const dir = await tempDir('corroborate-driver-')
    const good = JSON.stringify({
      format: 'corroborate/annotations',
      version: 2,
      annotator: 'alice',
      claims: [],
      deleted: [],
      links: [],
      deletedLinks: [],
      clusters: [],
    })
    const files = {
      base: good,
      ours: good.replace('"claims":[]', '"claims":[] '),
      corrupt: '{"format": "corroborate/annotations", "version": 2, "claims": [',
      newer: good.replace('"version":2', '"version":3'),
    }
    await writeFiles(dir, files)
    for (const bad of ['corrupt', 'newer']) {
      const result = await runCli([
        'merge-driver',
        join(dir, 'base'),
        join(dir, 'ours'),
        join(dir, bad),
        'annotations/alice.json',
      ])
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('annotations/alice.json (theirs)')
      expect(result.stderr).toContain('left as git left it')
      expect(await readFile(join(dir, 'ours'), 'utf8')).toBe(files.ours)
    }
    // A corrupt decisions file likewise, named with its line.
    await writeFile(join(dir, 'lines'), '{"version":1}\n')
    const decisions = await runCli([
      'merge-driver',
      join(dir, 'base'),
      join(dir, 'lines'),
      join(dir, 'lines'),
      'review/rita.decisions.json',
    ])
    expect(decisions.code).toBe(1)
    expect(decisions.stderr).toContain('line 1')
  })
})
