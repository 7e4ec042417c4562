/**
 * What the clusters and matrix views receive from the backend, with the real parser (outlets and
 * dates come from the articles' headers): each cluster's mentions with quote, outlet and date,
 * earliest first, and each matrix cell's claim, so the UI can open the passage behind it.
 */
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../../src/core/document/parse'
import { keyOf, openProject, rangeOf } from './project-setup'

const header = (outlet: string, published: string) =>
  `Title: Shipments\nOutlet: ${outlet}\nPublished: ${published}\n\n`

// Listed by path in the reverse of their publication order, so order by date is visible.
const FILES = {
  'a-late.txt': `${header('Late Post', '2026-08-12')}Officials counted 13,000 containers.\n`,
  'b-early.txt': `${header('Early Wire', '2026-02-26')}About 6,700 containers went by rail.\n`,
  'c-middle.txt':
    `${header('Middle Times', '2026-03-03')}Some 6,700 containers were sent.\n\n` +
    'Pyongyang called the report a fabrication.\n',
}

async function project() {
  const setup = await openProject(FILES, { extra: { parse: parseDocument } })
  const { workbench } = setup
  const claim = async (path: keyof typeof FILES, passage: string) => {
    const text = (await workbench.openDocument(await keyOf(workbench, path))).text
    return workbench.createClaim({
      documentKey: await keyOf(workbench, path),
      ...rangeOf(text, passage),
      label: 'figure',
    })
  }
  const late = await claim('a-late.txt', 'Officials counted 13,000 containers.')
  const early = await claim('b-early.txt', 'About 6,700 containers went by rail.')
  const middle = await claim('c-middle.txt', 'Some 6,700 containers were sent.')
  const denial = await claim('c-middle.txt', 'Pyongyang called the report a fabrication.')
  const same = (from: string, to: string) =>
    workbench.createLink({ from, to: { kind: 'claim', claimId: to }, relation: 'same' })
  await same(late.id, middle.id)
  await same(middle.id, early.id)
  await workbench.createLink({
    from: denial.id,
    to: { kind: 'claim', claimId: early.id },
    relation: 'contradicts',
  })
  return { ...setup, late, early, middle, denial }
}

describe('clusters as the clusters view gets them', () => {
  it('lists each mention with its document, quote, outlet and date, earliest first', async () => {
    const { workbench, late, early, middle } = await project()
    const cluster = (await workbench.getClusters()).find((c) => c.memberClaimIds.length === 3)!
    expect(cluster.mentions).toEqual([
      {
        claimId: early.id,
        documentKey: await keyOf(workbench, 'b-early.txt'),
        path: 'b-early.txt',
        quote: 'About 6,700 containers went by rail.',
        outlet: 'Early Wire',
        published: '2026-02-26',
      },
      expect.objectContaining({ claimId: middle.id, path: 'c-middle.txt', outlet: 'Middle Times' }),
      expect.objectContaining({ claimId: late.id, path: 'a-late.txt', published: '2026-08-12' }),
    ])
    expect(cluster.mentions!.map((mention) => mention.claimId)).toEqual(cluster.memberClaimIds)
    expect(cluster.firstAppearance.claimId).toBe(early.id)
  })

  it('keeps the mentions in the cluster setClusterWording answers with', async () => {
    const { workbench, early } = await project()
    const cluster = (await workbench.getClusters()).find((c) => c.memberClaimIds.length === 3)!
    const worded = await workbench.setClusterWording(cluster.id, 'Containers sent by rail')
    expect(worded.mentions).toHaveLength(3)
    expect(worded.mentions![0]!.claimId).toBe(early.id)
  })
})

describe('the matrix as the matrix view gets it', () => {
  it('names the claim behind each cell', async () => {
    const { workbench, late, early, middle, denial } = await project()
    const matrix = await workbench.getMatrix()
    // Columns by publication: early, middle, late.
    expect(matrix.columns.map((column) => column.path)).toEqual([
      'b-early.txt',
      'c-middle.txt',
      'a-late.txt',
    ])
    const cluster = (await workbench.getClusters()).find((c) => c.memberClaimIds.length === 3)!
    const row = matrix.rows.find((r) => r.clusterId === cluster.id)!
    // The middle document both carries the claim and contradicts it: the contradiction shows,
    // and opens the contradicting claim.
    expect(row.cells).toEqual(['mention', 'contradicts', 'mention'])
    expect(row.cellClaims).toEqual([early.id, denial.id, late.id])
    expect(cluster.memberClaimIds).toContain(middle.id)
    const denialRow = matrix.rows.find((r) => r.clusterId === denial.id)!
    expect(denialRow.cells).toEqual(['contradicts', 'mention', 'absent'])
    expect(denialRow.cellClaims).toEqual([early.id, denial.id, null])
  })
})
