/**
 * Claims made on page furniture (a "Read also" teaser, an appeal) stay the analyst's but count
 * nowhere: not in the claim counts, search, clusters, the matrix or as suggestion candidates.
 * Flipping the block back to article brings them back at once.
 */
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../../src/core/document/parse'
import { keyOf, openProject, rangeOf } from './project-setup'

const FILES = {
  'pasted.txt':
    'Home\nWorld\nSport\nBakers protest new flour tax\n' +
    'Hundreds of bakers marched on Monday against a new tax on flour, the union said.\n' +
    'Read also: Bakers march against the flour tax in three cities\n© 2026 The Morning Loaf\n',
  'wire.txt':
    'Title: Flour tax protest\nOutlet: Early Wire\nPublished: 2026-03-05\n\n' +
    'Bakers marched on Monday against a new tax on flour in three cities.\n',
}

describe('claims on page furniture', () => {
  it('count nowhere until the block is flipped back to article', async () => {
    const { workbench } = await openProject(FILES, { extra: { parse: parseDocument } })
    const pastedKey = await keyOf(workbench, 'pasted.txt')
    const wireKey = await keyOf(workbench, 'wire.txt')
    const pasted = await workbench.openDocument(pastedKey)
    const wireText = (await workbench.openDocument(wireKey)).text
    const teaser = pasted.blocks.find((block) =>
      pasted.text.slice(block.start, block.end).startsWith('Read also'),
    )!
    expect(teaser.boilerplate).toBe(true)

    const onTeaser = await workbench.createClaim({
      documentKey: pastedKey,
      ...rangeOf(pasted.text, 'Bakers march against the flour tax in three cities'),
      label: 'figure',
    })
    const inWire = await workbench.createClaim({
      documentKey: wireKey,
      ...rangeOf(wireText, 'Bakers marched on Monday against a new tax on flour in three cities'),
      label: 'figure',
    })
    await workbench.createLink({
      from: onTeaser.id,
      to: { kind: 'claim', claimId: inWire.id },
      relation: 'same',
    })

    const counts = await workbench.getClaimCounts()
    expect(counts.byDocument[pastedKey]).toBeUndefined()
    expect(counts.byDocument[wireKey]).toBe(1)
    expect(counts.byLabel['figure']).toBe(1)
    expect((await workbench.searchClaims('three cities')).map((hit) => hit.claimId)).toEqual([
      inWire.id,
    ])
    const matrix = await workbench.getMatrix()
    expect(matrix.rows.flatMap((row) => row.cellClaims)).not.toContain(onTeaser.id)
    const members = (await workbench.getClusters()).flatMap((cluster) => cluster.memberClaimIds)
    expect(members).not.toContain(onTeaser.id)
    const suggestions = await workbench.getSuggestions({ claimId: inWire.id })
    expect(suggestions.suggestions.map((s) => s.target.claimId)).not.toContain(onTeaser.id)
    for (const suggestion of suggestions.suggestions) {
      expect(isOn(pasted.blocks, suggestion.target)).not.toBe(teaser.start)
    }

    // The analyst says the teaser is article after all: it counts again.
    await workbench.correctDocument(pastedKey, { furniture: { [teaser.start]: false } })
    const again = await workbench.getClaimCounts()
    expect(again.byDocument[pastedKey]).toBe(1)
    expect(again.byLabel['figure']).toBe(2)
    expect((await workbench.searchClaims('three cities')).map((hit) => hit.claimId)).toContain(
      onTeaser.id,
    )
    const clusters = await workbench.getClusters()
    expect(clusters.flatMap((cluster) => cluster.memberClaimIds)).toContain(onTeaser.id)
    expect((await workbench.getMatrix()).rows.flatMap((row) => row.cellClaims)).toContain(
      onTeaser.id,
    )
    const now = await workbench.getSuggestions({ claimId: inWire.id })
    expect(now.suggestions.map((s) => s.target.claimId)).toContain(onTeaser.id)
  })
})

/** The start of the block a suggested range begins in. */
function isOn(blocks: { start: number; end: number }[], target: { start: number }): number {
  return blocks.find((block) => block.start <= target.start && target.start < block.end)!.start
}
