/**
 * `corroborate export` writes links.csv and clusters.csv beside claims.csv (real processes
 * through bin/corroborate.js), on a project whose files the real Workbench wrote; read back with
 * papaparse, every cell comes back as written (formulas neutralised).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it, vi } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import { CLUSTER_CSV_COLUMNS, LINK_CSV_COLUMNS } from '../../../src/core/export'
import { tempDir, writeFiles } from '../backend/helpers'
import { runCli } from './run-cli'

// Each case starts Node processes that load tsx, the parsers and a parser worker thread.
vi.setConfig({ testTimeout: 90_000 })

const FEBRUARY =
  'Title: February count\nOutlet: Wire A\nDate: 2026-02-26\n\nSeoul said 6,700 containers were sent.\n'
const AUGUST =
  'Title: August count\nOutlet: Wire B\nDate: 2026-08-12\n\nThe DIA said 13,000 containers were sent, "roughly", it added.\n'

async function linkedProject() {
  const root = await tempDir()
  await writeFiles(root, { 'feb.txt': FEBRUARY, 'aug.txt': AUGUST })
  const workbench = createWorkbench({
    settingsDir: await tempDir(),
    samplesDir: await tempDir(),
    log: () => {},
  })
  await workbench.setAnnotator('alice')
  const state = await workbench.openProject(root)
  const claimOn = async (path: string, passage: string) => {
    const key = state.documents.find((document) => document.path === path)!.key
    const { text } = await workbench.openDocument(key)
    const start = text.indexOf(passage)
    return workbench.createClaim({
      documentKey: key,
      start,
      end: start + passage.length,
      label: 'figure',
    })
  }
  const feb = await claimOn('feb.txt', '6,700 containers were sent')
  const aug = await claimOn('aug.txt', '13,000 containers were sent')
  const roughly = await claimOn('aug.txt', '"roughly"')
  const updates = await workbench.createLink({
    from: feb.id,
    to: { kind: 'claim', claimId: aug.id },
    relation: 'updates',
    note: '=HYPERLINK("x")\nsecond line',
    confidence: 'high',
  })
  const same = await workbench.createLink({
    from: roughly.id,
    to: { kind: 'claim', claimId: aug.id },
    relation: 'same',
  })
  const cites = await workbench.createLink({
    from: aug.id,
    to: {
      kind: 'outside',
      url: 'https://example.org/dia?a=1,b=2',
      title: 'DIA assessment, "annual"',
      publisher: 'DIA',
      date: '2026-08',
      quote: '-13K',
    },
    relation: 'cites',
  })
  await workbench.setClusterWording(aug.id, '13,000 containers (DIA)')
  await workbench.close()
  return { root, feb, aug, roughly, updates, same, cites }
}

function parse(text: string) {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
}

describe('corroborate export: links.csv and clusters.csv', () => {
  it('writes every link with both ends, and every cluster, round-tripping through papaparse', async () => {
    const { root, feb, aug, roughly, updates, same, cites } = await linkedProject()
    const out = join(await tempDir(), 'out')
    const result = await runCli(['export', root, '--out', out])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(join(out, 'links.csv'))
    expect(result.stdout).toContain('3 link(s)')

    const links = parse(await readFile(join(out, 'links.csv'), 'utf8'))
    expect(links.errors).toEqual([])
    expect(links.meta.fields).toEqual([...LINK_CSV_COLUMNS])
    expect(links.data.map((row) => row.link_id)).toEqual([updates.id, same.id, cites.id])
    const [updatesRow, , citesRow] = links.data
    expect(updatesRow).toMatchObject({
      relation: 'updates',
      from_claim_id: feb.id,
      from_document_id: feb.document.id,
      from_document_path: 'feb.txt',
      from_quote: '6,700 containers were sent',
      to_claim_id: aug.id,
      to_document_path: 'aug.txt',
      to_quote: '13,000 containers were sent',
      to_url: '',
      note: `'=HYPERLINK("x")\nsecond line`,
      confidence: 'high',
      annotator: 'alice',
      created: updates.created,
    })
    expect(citesRow).toMatchObject({
      relation: 'cites',
      from_claim_id: aug.id,
      to_claim_id: '',
      to_document_path: '',
      to_quote: "'-13K",
      to_url: 'https://example.org/dia?a=1,b=2',
      to_title: 'DIA assessment, "annual"',
      to_publisher: 'DIA',
      to_date: '2026-08',
      confidence: '',
    })

    const clusters = parse(await readFile(join(out, 'clusters.csv'), 'utf8'))
    expect(clusters.errors).toEqual([])
    expect(clusters.meta.fields).toEqual([...CLUSTER_CSV_COLUMNS])
    // February's claim stands alone ('updates' does not join clusters); August's two are one.
    expect(clusters.data).toEqual([
      {
        cluster_id: feb.id,
        canonical_wording: '6,700 containers were sent',
        member_claim_ids: feb.id,
        document_ids: feb.document.id,
        document_paths: 'feb.txt',
        first_appearance_document: 'feb.txt',
        first_appearance_date: '2026-02-26',
        annotator: 'alice',
      },
      {
        cluster_id: aug.id,
        canonical_wording: '13,000 containers (DIA)',
        member_claim_ids: `${aug.id};${roughly.id}`,
        document_ids: aug.document.id,
        document_paths: 'aug.txt',
        first_appearance_document: 'aug.txt',
        first_appearance_date: '2026-08-12',
        annotator: 'alice',
      },
    ])
  })

  it('--bom starts all three files with a byte order mark', async () => {
    const { root } = await linkedProject()
    const out = await tempDir()
    expect((await runCli(['export', root, '--out', out, '--bom'])).code).toBe(0)
    for (const name of ['claims.csv', 'links.csv', 'clusters.csv']) {
      const bytes = await readFile(join(out, name))
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf])
    }
  })
})
