/**
 * `corroborate agree` as users run it (a real process through bin/corroborate.js), on a project
 * whose annotation files were written by the real Workbench: three analysts on two articles.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import type { AgreementResult } from '../../../src/shared/api'
import { tempDir, writeFiles } from '../backend/helpers'
import { runCli } from './run-cli'

vi.setConfig({ testTimeout: 60_000 })

const WIRE =
  'Title: Shipments continue\nOutlet: Test Wire\n\nNorth Korea has sent about 13,000 containers to Russia since mid-2022, citing a Defense Intelligence Agency report. Moscow denied the allegations.\n'
const BLOG =
  'Title: Counting containers\nOutlet: Salvo Blog\n\nThe report counts 13K containers. The Kremlin called it baseless.\n'

/** Passages each analyst marked: [article, passage, label]; alice and bob agree, carol not. */
const WORK: Record<string, [string, string, string][]> = {
  alice: [
    ['wire.txt', 'about 13,000 containers to Russia', 'figure'],
    ['wire.txt', 'Moscow denied the allegations', 'denial'],
    ['blog.txt', '13K containers', 'figure'],
  ],
  bob: [
    ['wire.txt', 'about 13,000 containers to Russia', 'figure'],
    ['wire.txt', 'Moscow denied the allegations', 'denial'],
    ['blog.txt', '13K containers', 'figure'],
  ],
  carol: [
    ['wire.txt', '13,000 containers', 'claim'],
    ['blog.txt', 'The Kremlin called it baseless', 'denial'],
  ],
}

let root: string

// The project lives for the whole file (tempDir's folders go after each test).
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'corroborate-agree-'))
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
    for (const [path, passage, label] of passages) {
      const key = state.documents.find((document) => document.path === path)!.key
      const { text } = await workbench.openDocument(key)
      const start = text.indexOf(passage)
      const claim = await workbench.createClaim({
        documentKey: key,
        start,
        end: start + passage.length,
        label,
      })
      ids.push(claim.id)
    }
    // alice and bob link the two "13,000" claims as the same claim (bob the other way round).
    if (annotator === 'alice') {
      await workbench.createLink({
        from: ids[0]!,
        to: { kind: 'claim', claimId: ids[2]! },
        relation: 'same',
      })
    }
    if (annotator === 'bob') {
      await workbench.createLink({
        from: ids[2]!,
        to: { kind: 'claim', claimId: ids[0]! },
        relation: 'same',
      })
    }
    await workbench.close()
  }
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('corroborate agree', () => {
  it('prints a Markdown report of every annotator, overall and per pair', async () => {
    const result = await runCli(['agree', root])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('# Agreement: alice, bob, carol')
    expect(result.stdout).toContain('2 document(s), 8 claim(s)')
    expect(result.stdout).toMatch(/\| alice\/bob \| span-f1-exact \| 1\.000 \| 6 \|/)
    expect(result.stdout).toMatch(/\| alice\/bob \| link-f1 \| 1\.000 \| 2 \|/)
  })

  it('gives the figures as JSON and CSV for pipelines', async () => {
    const json = await runCli(['agree', root, '--annotators', 'alice,carol', '--format', 'json'])
    expect(json.code).toBe(0)
    const parsed = JSON.parse(json.stdout) as AgreementResult
    expect(parsed.report.annotators).toEqual(['alice', 'carol'])
    expect(parsed.sources).toEqual(['annotations/alice.json', 'annotations/carol.json'])
    const [pair] = parsed.report.pairs
    expect(pair!.spans.overlapMatches).toBe(1)
    expect(pair!.spans.exactMatches).toBe(0)
    // No link of carol's: nothing to agree on.
    expect(pair!.links.f1).toBe(0)

    const csv = await runCli(['agree', root, '--format', 'csv'])
    const rows = Papa.parse<Record<string, string>>(csv.stdout, {
      header: true,
      skipEmptyLines: true,
    })
    expect(rows.meta.fields).toEqual(['scope', 'subject', 'measure', 'value', 'items'])
    const labelAlpha = rows.data.find(
      (row) => row.scope === 'overall' && row.measure === 'labels-alpha',
    )
    expect(Number(labelAlpha!.value)).toBeLessThan(1)
  })

  it('exits 3 when a figure is below its floor, 2 on an unknown measure', async () => {
    const gated = await runCli(['agree', root, '--fail-below', 'span-f1-exact=0.9'])
    expect(gated.code).toBe(3)
    expect(gated.stderr).toMatch(/span-f1-exact is 0\.\d+, below 0\.9/)
    const passing = await runCli([
      'agree',
      root,
      '--annotators',
      'alice,bob',
      '--fail-below',
      'span-f1-exact=0.9',
    ])
    expect(passing.code).toBe(0)
    const unknown = await runCli(['agree', root, '--fail-below', 'happiness=1'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown measure "happiness"')
  })

  it("reviews the others when a colleague's file is corrupt, and never writes to it", async () => {
    const broken = join(root, 'annotations', 'dan.json')
    await writeFile(broken, '{"format": "corroborate/annotations", "claims": [')
    try {
      const result = await runCli(['agree', root])
      expect(result.code).toBe(0)
      expect(result.stderr).toContain('annotations/dan.json')
      expect(result.stdout).toContain('# Agreement: alice, bob, carol')
      expect(result.stdout).toContain('## Files left out')
      expect(await readFile(broken, 'utf8')).toBe(
        '{"format": "corroborate/annotations", "claims": [',
      )
    } finally {
      await rm(broken)
    }
  })

  it('writes the pairwise matrix and the per-label bars as SVG pictures', async () => {
    const out = await tempDir()
    const [matrixFile, labelsFile] = [join(out, 'pairs.svg'), join(out, 'labels.svg')]
    const result = await runCli([
      'agree',
      root,
      '--format',
      'json',
      '--svg-matrix',
      matrixFile,
      '--svg-measure',
      'span-f1-exact',
      '--svg-labels',
      labelsFile,
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const { report } = JSON.parse(result.stdout) as AgreementResult
    const parse = (svg: string) => {
      const document = new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml')
      expect(document.getElementsByTagName('parsererror')).toHaveLength(0)
      return document
    }
    const matrix = parse(await readFile(matrixFile, 'utf8'))
    const aliceBob = matrix.querySelector('g.cell[data-first="alice"][data-second="bob"]')!
    expect(aliceBob.querySelector('text.figure')!.textContent).toBe('1.000')
    expect(aliceBob.querySelector('text.n')!.textContent).toBe('n = 6')
    expect(matrix.querySelector('svg > title')!.textContent).toBe(
      'Pairwise agreement of 3 annotators: span F1 (exact)',
    )
    const labels = parse(await readFile(labelsFile, 'utf8'))
    expect(
      [...labels.querySelectorAll('g.bar')].map((bar) => bar.getAttribute('data-label')),
    ).toEqual(report.perLabel.map((entry) => entry.label))

    const wrong = await runCli(['agree', root, '--svg-matrix', matrixFile, '--svg-measure', 'joy'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--svg-measure must be one of span-f1, span-f1-exact')
  })

  it('refuses an annotator without a file', async () => {
    const result = await runCli(['agree', root, '--annotators', 'alice,zoe'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('There is no annotations/zoe.json in this project.')
  })
})
