/**
 * `corroborate export` as users run it (a real process through bin/corroborate.js), on a project
 * whose annotation files were written by the real Workbench.
 */
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it, vi } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import { CLAIM_CSV_COLUMNS } from '../../../src/core/export'
import { tempDir, writeFiles } from '../backend/helpers'
import { runCli } from './run-cli'

// Each case starts Node processes that load tsx, the parsers and a parser worker thread.
vi.setConfig({ testTimeout: 90_000 })

const STORY =
  'Title: Shipments continue\nOutlet: Test Wire\n\nThe ministry said 🎉 that 13,000 containers were sent.\n'

/** A project with claims by alice and bob, saved by the real workbench and parser. */
async function annotatedProject(): Promise<string> {
  const root = await tempDir()
  await writeFiles(root, { 'news/story.txt': STORY })
  for (const [annotator, passage] of [
    ['alice', '13,000 containers'],
    ['bob', '=ministry'],
  ] as const) {
    const workbench = createWorkbench({
      settingsDir: await tempDir(),
      samplesDir: await tempDir(),
      log: () => {},
    })
    await workbench.setAnnotator(annotator)
    const state = await workbench.openProject(root)
    const key = state.documents[0].key
    const { text } = await workbench.openDocument(key)
    const target = passage === '=ministry' ? 'ministry' : passage
    const start = text.indexOf(target)
    const claim = await workbench.createClaim({
      documentKey: key,
      start,
      end: start + target.length,
      label: 'figure',
    })
    await workbench.updateClaim(claim.id, {
      note: `by ${annotator}\nsecond line`,
      attributedTo: passage,
    })
    await workbench.close()
  }
  return root
}

describe('corroborate export', () => {
  it('writes claims.csv with every annotator file, offsets in code points', async () => {
    const root = await annotatedProject()
    const out = join(await tempDir(), 'out')
    const result = await runCli(['export', root, '--out', out])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('annotations/alice.json, annotations/bob.json')
    expect(result.stdout).toContain(join(out, 'claims.csv'))
    const parsed = Papa.parse<Record<string, string>>(
      await readFile(join(out, 'claims.csv'), 'utf8'),
      {
        header: true,
        skipEmptyLines: true,
      },
    )
    expect(parsed.meta.fields).toEqual([...CLAIM_CSV_COLUMNS])
    expect(parsed.data.map((row) => row.annotator).sort()).toEqual(['alice', 'bob'])
    const alice = parsed.data.find((row) => row.annotator === 'alice')!
    expect(alice).toMatchObject({
      document_path: 'news/story.txt',
      title: 'Shipments continue',
      outlet: 'Test Wire',
      quote: '13,000 containers',
      note: 'by alice\nsecond line',
      label: 'figure',
    })
    const bob = parsed.data.find((row) => row.annotator === 'bob')!
    expect(bob.attributed_to).toBe("'=ministry")
  })

  it('--annotator exports one file, --bom starts with a BOM', async () => {
    const root = await annotatedProject()
    const out = await tempDir()
    const result = await runCli(['export', root, '--out', out, '--annotator', 'bob', '--bom'])
    expect(result.code).toBe(0)
    const bytes = await readFile(join(out, 'claims.csv'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(rows.map((row) => row.annotator)).toEqual(['bob'])
    const missing = await runCli(['export', root, '--out', out, '--annotator', 'carol'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('annotations/carol.json')
  })

  it('exits 1 naming a broken annotation file, and writes nothing', async () => {
    const root = await annotatedProject()
    await writeFiles(root, {
      'annotations/carol.json': '{"format": "corroborate/annotations", "version": 9}',
    })
    const out = await tempDir()
    const result = await runCli(['export', root, '--out', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('annotations/carol.json')
    expect(result.stderr).toContain('newer Corroborate')
    await expect(access(join(out, 'claims.csv'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('exits 2 with usage for wrong usage, 1 for a missing folder', async () => {
    for (const args of [['export'], ['export', 'a', 'b', '--out', 'x'], ['export', 'folder']]) {
      const result = await runCli(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toContain('Usage: corroborate')
    }
    const missing = await runCli(['export', '/no/such/folder', '--out', await tempDir()])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('/no/such/folder')
  })
})
