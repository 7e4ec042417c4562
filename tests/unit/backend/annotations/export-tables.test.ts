/**
 * exportTable with every table (claims, links, clusters, the matrix as CSV and SVG) on a real
 * project: sample articles parsed by the real parser, claims and links saved by real
 * Workbenches in two annotators' files, read back with papaparse and a strict XML parser.
 */
import { JSDOM } from 'jsdom'
import Papa from 'papaparse'
import { describe, expect, it, vi } from 'vitest'
import { dispatch, type Workbench } from '../../../../src/backend'
import {
  CLAIM_CSV_COLUMNS,
  CLUSTER_CSV_COLUMNS,
  LINK_CSV_COLUMNS,
  MATRIX_CSV_FIXED_COLUMNS,
} from '../../../../src/core/export'
import type { ExportRequest } from '../../../../src/shared/api'
import { LANTERN, LEDGER, MERIDIAN, NORTHSTAR, sampleProject } from './sample-project'

vi.setConfig({ testTimeout: 30_000 })

const HOSTILE = '=HYPERLINK("http://x.example","<script>alert(1)</script>")'

/**
 * alice: the February figure (Northstar), Pyongyang's denial contradicting it (Meridian), the
 * August figure in two outlets joined by 'same' and updating February's. bob: one claim.
 */
async function annotatedProject() {
  const project = await sampleProject([NORTHSTAR, MERIDIAN, LEDGER, LANTERN])
  const alice = await project.as('alice')
  const february = await alice.claim(
    NORTHSTAR,
    'North Korea has sent roughly 6,700 shipping containers loaded with artillery ammunition',
    'figure',
  )
  const denial = await alice.claim(
    MERIDIAN,
    'North Korea on Tuesday rejected as a "fabrication"',
    'denial',
  )
  const ledger = await alice.claim(
    LEDGER,
    'North Korea has sent more than 13 thousand containers of munitions',
    'figure',
  )
  const lantern = await alice.claim(LANTERN, 'at about 13,000', 'figure')
  const { workbench } = alice
  const contradicts = await workbench.createLink({
    from: denial.id,
    to: { kind: 'claim', claimId: february.id },
    relation: 'contradicts',
  })
  const updates = await workbench.createLink({
    from: february.id,
    to: { kind: 'claim', claimId: ledger.id },
    relation: 'updates',
  })
  const same = await workbench.createLink({
    from: ledger.id,
    to: { kind: 'claim', claimId: lantern.id },
    relation: 'same',
  })
  await workbench.setClusterWording(ledger.id < lantern.id ? ledger.id : lantern.id, HOSTILE)
  const bob = await project.as('bob')
  const bobs = await bob.claim(NORTHSTAR, 'Tumangang', 'event')
  await bob.workbench.flush()
  return {
    ...project,
    workbench,
    alice,
    claims: { february, denial, ledger, lantern, bobs },
    links: { contradicts, updates, same },
  }
}

function rows(csv: string, columns?: readonly string[]): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  if (columns) expect(parsed.meta.fields).toEqual([...columns])
  return parsed.data
}

/** The export as browser mode gets it: the file's text, nothing saved. */
async function exported(workbench: Workbench, request: ExportRequest) {
  const result = (await workbench.exportTable(request))!
  expect(result.savedTo).toBeNull()
  return { ...result, text: result.text ?? '' }
}

describe('exportTable: every table', () => {
  it('claims: every annotator’s file, or one document’s claims', async () => {
    const { workbench, claims, alice } = await annotatedProject()
    const project = await exported(workbench, { scope: 'project' })
    expect(project).toMatchObject({ fileName: 'claims.csv', format: 'csv', rows: 5 })
    const all = rows(project.text, CLAIM_CSV_COLUMNS)
    expect(all.map((row) => row.annotator).sort()).toEqual([
      'alice',
      'alice',
      'alice',
      'alice',
      'bob',
    ])

    const one = await exported(workbench, {
      table: 'claims',
      scope: 'document',
      documentKey: await alice.keyOf(NORTHSTAR),
    })
    expect(one).toMatchObject({ fileName: 'claims-northstar-monitor-2026-02-26.csv', rows: 2 })
    expect(rows(one.text).map((row) => row.claim_id)).toEqual([claims.february.id, claims.bobs.id])
  })

  it('links: all of them, or those starting in one document', async () => {
    const { workbench, links, claims, alice } = await annotatedProject()
    const project = await exported(workbench, { table: 'links', scope: 'project', bom: true })
    expect(project).toMatchObject({ fileName: 'links.csv', rows: 3 })
    expect(project.text.startsWith('\uFEFF')).toBe(true)
    const all = rows(project.text.slice(1), LINK_CSV_COLUMNS)
    expect(all.map((row) => row.link_id)).toEqual([
      links.contradicts.id,
      links.updates.id,
      links.same.id,
    ])
    expect(all[0]).toMatchObject({
      relation: 'contradicts',
      from_claim_id: claims.denial.id,
      from_document_path: MERIDIAN,
      to_claim_id: claims.february.id,
      to_document_path: NORTHSTAR,
      to_quote: claims.february.target.quote.exact,
    })

    const one = await exported(workbench, {
      table: 'links',
      scope: 'document',
      documentKey: await alice.keyOf(NORTHSTAR),
    })
    // Only the link starting at Northstar's claim; the contradiction ends there, it starts at Meridian.
    expect(one).toMatchObject({ fileName: 'links-northstar-monitor-2026-02-26.csv', rows: 1 })
    expect(rows(one.text)).toMatchObject([
      { link_id: links.updates.id, to_document_path: LEDGER, to_claim_id: claims.ledger.id },
    ])
  })

  it('clusters: one row per cluster of each file, the chosen wording neutralised', async () => {
    const { workbench, claims } = await annotatedProject()
    const result = await exported(workbench, { table: 'clusters', scope: 'project' })
    expect(result).toMatchObject({ fileName: 'clusters.csv', rows: 4 })
    const clusters = rows(result.text, CLUSTER_CSV_COLUMNS)
    expect(clusters.map((row) => [row.annotator, row.member_claim_ids])).toEqual([
      ['alice', claims.february.id],
      ['alice', claims.denial.id],
      ['alice', `${claims.ledger.id};${claims.lantern.id}`],
      ['bob', claims.bobs.id],
    ])
    expect(clusters[2]!.canonical_wording).toBe(`'${HOSTILE}`)
  })

  it('matrix.csv: the rows getMatrix shows, one column per document named by its outlet', async () => {
    const { workbench, claims } = await annotatedProject()
    const result = await exported(workbench, { table: 'matrix', scope: 'project' })
    expect(result).toMatchObject({ fileName: 'matrix.csv', format: 'csv', rows: 4 })
    const outlets = [
      'Northstar Monitor',
      'Meridian Press Agency',
      'The Evening Ledger',
      'The Lantern Review',
    ]
    const matrix = rows(result.text, [...MATRIX_CSV_FIXED_COLUMNS, ...outlets])
    const shown = await workbench.getMatrix()
    const alices = matrix.filter((row) => row.annotator === 'alice')
    expect(alices.map((row) => row.cluster_id)).toEqual(shown.rows.map((row) => row.clusterId))
    for (const [i, row] of alices.entries()) {
      expect(outlets.map((outlet) => row[outlet])).toEqual(shown.rows[i]!.cells)
    }
    // Contradictions first: February's figure and the denial, then the August figure.
    expect(alices.map((row) => [row.sources, row.supports, row.contradicts])).toEqual([
      ['1', '0', '1'],
      ['1', '0', '1'],
      ['2', '0', '0'],
    ])
    expect(alices[0]).toMatchObject({
      cluster_id: claims.february.id,
      'Northstar Monitor': 'mention',
      'Meridian Press Agency': 'contradicts',
      'The Evening Ledger': 'absent',
    })
    expect(alices[2]).toMatchObject({
      canonical_wording: `'${HOSTILE}`,
      'The Evening Ledger': 'mention',
      'The Lantern Review': 'mention',
    })
    expect(matrix.at(-1)).toMatchObject({ annotator: 'bob', cluster_id: claims.bobs.id })

    const bySources = rows(
      (await exported(workbench, { table: 'matrix', scope: 'project', order: 'sources' })).text,
    )
    expect(bySources[0]!.sources).toBe('2')
  })

  it('matrix.svg: a picture of the same matrix that parses as XML', async () => {
    const { workbench } = await annotatedProject()
    const result = await exported(workbench, { table: 'matrix', scope: 'project', format: 'svg' })
    expect(result).toMatchObject({ fileName: 'matrix.svg', format: 'svg', rows: 4 })
    const { window } = new JSDOM('')
    const svg = new window.DOMParser().parseFromString(result.text, 'image/svg+xml')
    expect(svg.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(svg.querySelectorAll('rect.cell')).toHaveLength(4 * 4)
    expect(svg.querySelectorAll('script')).toHaveLength(0)
    expect(result.text).toContain('&lt;script&gt;')
    expect(result.text).toContain('Northstar Monitor')
  })

  it('refuses what makes no sense, at the door and in the backend', async () => {
    const { workbench, alice } = await annotatedProject()
    const documentKey = await alice.keyOf(NORTHSTAR)
    const refused: ExportRequest[] = [
      { table: 'clusters', scope: 'document', documentKey },
      { table: 'matrix', scope: 'document', documentKey },
      { table: 'claims', scope: 'project', format: 'svg' },
      { table: 'links', scope: 'project', order: 'sources' },
    ]
    for (const request of refused) {
      const result = await dispatch(workbench, 'exportTable', [request])
      expect(result, JSON.stringify(request)).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      })
      await expect(workbench.exportTable(request)).rejects.toMatchObject({
        code: 'invalid-arguments',
      })
    }
    const scoped = await dispatch(workbench, 'exportTable', [refused[0]])
    expect(scoped).toMatchObject({ error: { message: expect.stringContaining("scope 'project'") } })
    await expect(
      workbench.exportTable({ table: 'links', scope: 'document', documentKey: 'nope' }),
    ).rejects.toMatchObject({ code: 'not-in-project' })
  })
})
