/**
 * `corroborate export` writes the corroboration matrix as matrix.csv and matrix.svg beside the
 * other tables (a real process through bin/corroborate.js), on sample articles annotated by the
 * real Workbench; the files are the ones the app's Export gives.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import Papa from 'papaparse'
import { describe, expect, it, vi } from 'vitest'
import { MATRIX_CSV_FIXED_COLUMNS } from '../../../src/core/export'
import { tempDir } from '../backend/helpers'
import { LANTERN, LEDGER, NORTHSTAR, sampleProject } from '../backend/annotations/sample-project'
import { runCli } from './run-cli'

// Each case starts Node processes that load tsx, the parsers and a parser worker thread.
vi.setConfig({ testTimeout: 90_000 })

async function annotatedProject() {
  const project = await sampleProject([NORTHSTAR, LEDGER, LANTERN])
  const alice = await project.as('alice')
  const ledger = await alice.claim(
    LEDGER,
    'more than 13 thousand containers of munitions',
    'figure',
  )
  const lantern = await alice.claim(LANTERN, 'at about 13,000', 'figure')
  const february = await alice.claim(NORTHSTAR, 'roughly 6,700 shipping containers', 'figure')
  await alice.workbench.createLink({
    from: ledger.id,
    to: { kind: 'claim', claimId: lantern.id },
    relation: 'same',
  })
  await alice.workbench.createLink({
    from: february.id,
    to: { kind: 'claim', claimId: ledger.id },
    relation: 'contradicts',
  })
  await alice.workbench.flush()
  return { ...project, alice }
}

describe('corroborate export: the matrix', () => {
  it('writes matrix.csv and matrix.svg beside claims.csv, links.csv and clusters.csv', async () => {
    const { root, alice } = await annotatedProject()
    const out = join(await tempDir(), 'out')
    const result = await runCli(['export', root, '--out', out, '--bom'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect((await readdir(out)).sort()).toEqual([
      'claims.csv',
      'clusters.csv',
      'links.csv',
      'matrix.csv',
      'matrix.svg',
    ])
    expect(result.stdout).toContain(join(out, 'matrix.csv'))
    expect(result.stdout).toContain(join(out, 'matrix.svg'))
    expect(result.stdout).toContain('2 cluster(s)')

    // The same bytes as the app's Export of the same project.
    const csv = await readFile(join(out, 'matrix.csv'), 'utf8')
    const fromApp = await alice.workbench.exportTable({
      table: 'matrix',
      scope: 'project',
      bom: true,
    })
    expect(csv).toBe(fromApp!.text)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual([
      ...MATRIX_CSV_FIXED_COLUMNS,
      'Northstar Monitor',
      'The Evening Ledger',
      'The Lantern Review',
    ])
    expect(parsed.data.map((row) => [row['Northstar Monitor'], row['The Evening Ledger']])).toEqual(
      [
        ['contradicts', 'mention'],
        ['mention', 'contradicts'],
      ],
    )

    // No byte order mark in front of the XML declaration: --bom is for spreadsheets.
    const svg = await readFile(join(out, 'matrix.svg'), 'utf8')
    expect(svg.startsWith('<?xml')).toBe(true)
    const { window } = new JSDOM('')
    const document = new window.DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(document.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(document.querySelectorAll('rect.cell')).toHaveLength(2 * 3)
  })
})
