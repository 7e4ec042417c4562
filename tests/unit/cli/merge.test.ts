/**
 * `corroborate merge` and `corroborate review status` as users run them (real processes), on a
 * project two analysts annotated through the real Workbench.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import { readAnnotationFileText } from '../../../src/core/model'
import type { MergeGoldResult, ReviewStatus } from '../../../src/shared/api'
import { tempDir, writeFiles } from '../backend/helpers'
import { runCli } from './run-cli'

vi.setConfig({ testTimeout: 240_000 })

const WIRE =
  'Title: Shipments continue\nOutlet: Test Wire\n\nNorth Korea has sent about 13,000 containers to Russia. Moscow denied the allegations.\n'

async function project(): Promise<string> {
  const root = await tempDir('corroborate-merge-')
  await writeFiles(root, { 'wire.txt': WIRE })
  const workbench = createWorkbench({
    settingsDir: null,
    samplesDir: join(root, '.no-samples'),
    log: () => {},
  })
  try {
    const state = await workbench.openProject(root)
    const key = state.documents[0]!.key
    const { text } = await workbench.openDocument(key)
    const claim = (passage: string, label: string) => {
      const start = text.indexOf(passage)
      return workbench.createClaim({ documentKey: key, start, end: start + passage.length, label })
    }
    for (const annotator of ['alice', 'bob']) {
      await workbench.setAnnotator(annotator)
      await claim('about 13,000 containers', 'figure')
      await claim(
        annotator === 'alice' ? 'Moscow denied' : 'Moscow denied the allegations',
        'denial',
      )
    }
  } finally {
    await workbench.close()
  }
  return root
}

describe('corroborate merge and review status', () => {
  it('builds gold by a strategy, reports progress, and refuses bad input', async () => {
    const root = await project()
    const merged = await runCli([
      'merge',
      root,
      '--into',
      'gold',
      '--strategy',
      'unanimous',
      '--json',
    ])
    expect(merged.stderr).toBe('')
    expect(merged.code).toBe(0)
    const result = JSON.parse(merged.stdout) as MergeGoldResult
    expect(result.claims.added).toBe(1)
    expect(result.units).toEqual({ total: 2, decided: 0, open: 2, stale: 0 })
    const goldText = await readFile(join(root, 'annotations', 'gold.json'), 'utf8')
    const gold = readAnnotationFileText(goldText, 'gold.json')
    expect(
      gold.ok && gold.file.claims.map((c) => [c.target.quote.exact, c.provenance?.how]),
    ).toEqual([['about 13,000 containers', 'unanimous']])

    const status = await runCli(['review', 'status', root, '--json'])
    expect(status.code).toBe(0)
    const parsed = JSON.parse(status.stdout) as ReviewStatus
    expect(parsed).toMatchObject({ units: 2, annotators: ['alice', 'bob'], reviewers: [] })
    expect(parsed.goldClaims).toEqual({ unanimous: 1, automatic: 0, adjudicated: 0, manual: 0 })
    const table = await runCli(['review', 'status', root])
    expect(table.stdout).toContain('2 unit(s) from alice, bob')
    expect(table.stdout).toContain('annotations/gold.json: 1 unanimous')

    const usage = await runCli(['merge', root, '--strategy', 'most'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('--strategy must be')

    // A gold file that does not read is named and never written over.
    const corrupt = goldText.slice(0, 40)
    await writeFile(join(root, 'annotations', 'gold.json'), corrupt)
    const refused = await runCli(['merge', root, '--strategy', 'unanimous'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('annotations/gold.json')
    expect(await readFile(join(root, 'annotations', 'gold.json'), 'utf8')).toBe(corrupt)
  })
})
