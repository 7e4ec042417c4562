/**
 * `corroborate diff` as users run it (a real process through bin/corroborate.js): two analysts'
 * files written by the real Workbench in a project whose article then changed, compared in the
 * project (claims placed in the current text) and as loose copies (where the files store them).
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import type { AnnotationDiff } from '../../../src/core/review'
import { tempDir, writeFiles } from '../backend/helpers'
import { runCli } from './run-cli'

vi.setConfig({ testTimeout: 90_000 })

const WIRE =
  'Title: Shipments continue\nOutlet: Test Wire\n\nNorth Korea has sent about 13,000 containers to Russia since mid-2022, citing a Defense Intelligence Agency report. Moscow denied the allegations.\n'
const BLOG =
  'Title: Counting containers\nOutlet: Salvo Blog\n\nThe report counts 13K containers. The Kremlin called it baseless.\n'
/** Added to the wire story after both analysts annotated it: every stored offset is stale. */
const UPDATE = 'Updated with a correction from the agency.\n\n'

interface Passage {
  path: string
  passage: string
  label: string
  fields?: { status?: 'alleged' | 'confirmed'; certainty?: 'high'; note?: string; tags?: string[] }
}

/** alice and bob: one label and boundaries apart, a status apart, one claim each alone. */
const WORK: Record<string, Passage[]> = {
  alice: [
    { path: 'wire.txt', passage: 'about 13,000 containers to Russia', label: 'figure' },
    { path: 'wire.txt', passage: 'Moscow denied the allegations', label: 'denial' },
    { path: 'blog.txt', passage: '13K containers', label: 'figure', fields: { tags: ['dia'] } },
  ],
  bob: [
    { path: 'wire.txt', passage: '13,000 containers', label: 'claim' },
    {
      path: 'wire.txt',
      passage: 'Moscow denied the allegations',
      label: 'denial',
      fields: { status: 'alleged' },
    },
    { path: 'blog.txt', passage: '13K containers', label: 'figure', fields: { tags: ['dia'] } },
    { path: 'blog.txt', passage: 'The Kremlin called it baseless', label: 'denial' },
  ],
}

let root: string
let loose: string
let files: { alice: string; bob: string }
let before: { alice: string; bob: string }

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-diff-'))
  await writeFiles(root, { 'wire.txt': WIRE, 'blog.txt': BLOG })
  for (const [annotator, passages] of Object.entries(WORK)) {
    const workbench = createWorkbench({
      settingsDir: await tempDir(),
      samplesDir: await tempDir(),
      log: () => {},
    })
    await workbench.setAnnotator(annotator)
    const state = await workbench.openProject(root)
    const ids: string[] = []
    for (const { path, passage, label, fields } of passages) {
      const key = state.documents.find((document) => document.path === path)!.key
      const { text } = await workbench.openDocument(key)
      const start = text.indexOf(passage)
      const claim = await workbench.createClaim({
        documentKey: key,
        start,
        end: start + passage.length,
        label,
      })
      if (fields) await workbench.updateClaim(claim.id, fields)
      ids.push(claim.id)
    }
    // Both link the two "13,000" claims as the same claim, bob the other way round; alice
    // also says the denial contradicts the figure.
    const link = (from: number, to: number, relation: string) =>
      workbench.createLink({ from: ids[from]!, to: { kind: 'claim', claimId: ids[to]! }, relation })
    if (annotator === 'alice') {
      await link(0, 2, 'same')
      await link(1, 0, 'contradicts')
    } else {
      await link(2, 0, 'same')
    }
    await workbench.close()
  }
  await writeFile(join(root, 'wire.txt'), WIRE.replace('\n\n', `\n\n${UPDATE}`))
  files = {
    alice: join(root, 'annotations', 'alice.json'),
    bob: join(root, 'annotations', 'bob.json'),
  }
  before = {
    alice: await readFile(files.alice, 'utf8'),
    bob: await readFile(files.bob, 'utf8'),
  }
  // Loose copies, outside any project (one in a folder named annotations/ of another place).
  loose = await mkdtemp(join(tmpdir(), 'corroborate-diff-loose-'))
  await mkdir(join(loose, 'annotations'))
  await copyFile(files.alice, join(loose, 'alice.json'))
  // bob's copy also has a claim on an article the project does not have.
  const bobFile = JSON.parse(before.bob) as { claims: Record<string, unknown>[] }
  bobFile.claims.push({
    ...bobFile.claims[0],
    id: '0190a000-0000-7000-8000-000000000999',
    document: { id: 'f'.repeat(64), path: 'gone.txt' },
    target: { position: { start: 0, end: 4 }, quote: { exact: 'Gone', prefix: '', suffix: '' } },
  })
  await writeFile(join(loose, 'annotations', 'bob.json'), JSON.stringify(bobFile))
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
  if (loose) await rm(loose, { recursive: true, force: true })
})

describe('corroborate diff', () => {
  it("shows each differing unit of a project's files, placed in the current text", async () => {
    const result = await runCli(['diff', files.alice, files.bob])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    const out = result.stdout
    expect(out).toContain(`--- a: ${files.alice} (alice)`)
    expect(out).toContain(`+++ b: ${files.bob} (bob)`)
    expect(out).toContain(`Claims placed in the current texts of the project ${root}.`)
    // Offsets are in the article as it is now, after the inserted paragraph.
    const text = (await readFile(join(root, 'wire.txt'), 'utf8')).replace(/^.*\n.*\n\n/, '')
    const figure = text.indexOf('about 13,000')
    expect(figure).toBeGreaterThan(UPDATE.length - 1)
    expect(out).toContain(
      `      a  figure  "about 13,000 containers to Russia"  [${figure}, ${figure + 33})`,
    )
    expect(out).toContain(`      b  claim   "13,000 containers"  [${figure + 6}, ${figure + 23})`)
    expect(out).toContain('  ~ label, boundaries\n')
    expect(out).toContain('      label: figure → claim\n')
    expect(out).toContain('      start: - "about "\n')
    expect(out).toContain('      end: - " to Russia"\n')
    expect(out).toContain('      status: asserted → alleged\n')
    expect(out).toContain('  + only in b: denial  "The Kremlin called it baseless"')
    // The "same" links match though drawn the other way round; alice's contradiction is hers.
    expect(out).toContain(
      '  - only in a: "Moscow denied the allegations" (wire.txt) --contradicts--> "about 13,000 containers to Russia" (wire.txt)',
    )
    expect(out).not.toContain('--same-->')
    expect(out).toContain('3 of 4 unit(s) differ in 2 of 2 document(s); 1 of 3 link(s) differ.')
    // Read-only: neither file was touched.
    expect(await readFile(files.alice, 'utf8')).toBe(before.alice)
    expect(await readFile(files.bob, 'utf8')).toBe(before.bob)
  })

  it('gives the documented JSON, for one document with --doc', async () => {
    const result = await runCli(['diff', files.alice, files.bob, '--doc', 'blog.txt', '--json'])
    expect(result.code).toBe(1)
    const diff = JSON.parse(result.stdout) as AnnotationDiff & {
      project: string
      annotators: { a: string; b: string }
    }
    expect(diff.project).toBe(root)
    expect(diff.annotators).toEqual({ a: 'alice', b: 'bob' })
    expect(diff.identical).toBe(false)
    expect(diff.documents).toHaveLength(1)
    const [blog] = diff.documents
    expect(blog).toMatchObject({ path: 'blog.txt', placement: 'current', textsDiffer: false })
    expect(blog!.units).toBe(2)
    expect(blog!.differences).toHaveLength(1)
    expect(blog!.differences[0]).toMatchObject({
      kind: 'only-b',
      a: null,
      b: { label: 'denial', quote: 'The Kremlin called it baseless', status: 'asserted' },
      fields: [],
    })
    // The links with an end on blog.txt: both "same" links, which match.
    expect(diff.links).toEqual({ compared: 2, differences: [] })
  })

  it('compares loose files where they store them, and exits 0 when they agree', async () => {
    const aliceCopy = join(loose, 'alice.json')
    const bobCopy = join(loose, 'annotations', 'bob.json')
    const result = await runCli(['diff', aliceCopy, bobCopy, '--json'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    const diff = JSON.parse(result.stdout) as AnnotationDiff & { project: null }
    expect(diff.project).toBeNull()
    expect(diff.documents.map((d) => [d.path, d.placement])).toEqual([
      ['blog.txt', 'stored'],
      ['gone.txt', 'stored'],
      ['wire.txt', 'stored'],
    ])
    // Stored offsets: the wire story as it was when annotated.
    const unit = diff.documents[2]!.differences[0]!
    expect(unit.a!.start).toBe(WIRE.replace(/^.*\n.*\n\n/, '').indexOf('about 13,000'))
    expect(unit.boundaries!.start).toEqual({ added: '', removed: 'about ' })

    const same = await runCli(['diff', aliceCopy, files.alice])
    expect(same.code).toBe(0)
    expect(same.stdout).toContain('Claims compared where the files store them (no project).')
    expect(same.stdout).toContain('The files agree.')
  })

  it('places loose files in a project named with --project', async () => {
    const result = await runCli([
      'diff',
      join(loose, 'alice.json'),
      join(loose, 'annotations', 'bob.json'),
      '--project',
      root,
      '--json',
    ])
    expect(result.code).toBe(1)
    // The claim on an article outside the project is compared as stored, and said so.
    expect(result.stderr).toContain(
      'bob.json on gone.txt: not in the project; compared where the file stores them.',
    )
    const diff = JSON.parse(result.stdout) as AnnotationDiff
    expect(diff.documents.map((d) => [d.path, d.placement])).toEqual([
      ['blog.txt', 'current'],
      ['gone.txt', 'stored'],
      ['wire.txt', 'current'],
    ])
    const text = (await readFile(join(root, 'wire.txt'), 'utf8')).replace(/^.*\n.*\n\n/, '')
    const unit = diff.documents.find((d) => d.path === 'wire.txt')!.differences[0]!
    expect(unit.a!.start).toBe(text.indexOf('about 13,000'))
  })

  it('names a corrupt file and a newer-version file with their problems, and exits 2', async () => {
    const folder = await tempDir()
    const corrupt = join(folder, 'corrupt.json')
    const newer = join(folder, 'newer.json')
    await writeFile(corrupt, '{"format": "corroborate/annotations", "claims": [')
    await writeFile(
      newer,
      JSON.stringify({ format: 'corroborate/annotations', version: 9, annotator: 'zoe' }),
    )
    const result = await runCli(['diff', corrupt, newer])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`${corrupt} is not valid JSON`)
    expect(result.stderr).toContain(`${newer} was written by a newer Corroborate (format version 9`)
    expect(await readFile(corrupt, 'utf8')).toBe(
      '{"format": "corroborate/annotations", "claims": [',
    )

    const missing = await runCli(['diff', join(folder, 'nobody.json'), files.alice])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(`${join(folder, 'nobody.json')} cannot be read (no such file)`)
  })

  it('exits 2 on a --doc neither file has, and on a wrong number of files', async () => {
    const unknown = await runCli([
      'diff',
      join(loose, 'alice.json'),
      join(loose, 'annotations', 'bob.json'),
      '--doc',
      'elsewhere.txt',
    ])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('has claims on elsewhere.txt')
    const usage = await runCli(['diff', files.alice])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('diff takes exactly two annotator files.')
  })
})
