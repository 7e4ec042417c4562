/**
 * Adjudication through the real Workbench: three analysts' files on one article, a reviewer's
 * decisions in review/rita.decisions.json, and the gold file built, re-built and edited by hand.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Workbench } from '../../../../src/backend'
import type { Claim } from '../../../../src/core/model'
import { readDecisionsText } from '../../../../src/core/review/gold'
import { WorkbenchError, type ReviewUnitView } from '../../../../src/shared/api'
import {
  keyOf,
  openProject,
  rangeOf,
  readAnnotations,
  type Setup,
} from '../annotations/project-setup'

vi.setConfig({ testTimeout: 30_000 })

/** Who marked what: [passage, label]. alice and bob agree on two, carol differs. */
const WORK: Record<string, [string, string][]> = {
  alice: [
    ['more than 13,000 containers', 'figure'],
    ['Moscow denied the allegations', 'denial'],
    ['officials said', 'attribution'],
  ],
  bob: [
    ['more than 13,000 containers', 'figure'],
    ['Moscow denied the allegations on Tuesday', 'denial'],
  ],
  carol: [
    ['more than 13,000 containers', 'figure'],
    ['Moscow denied', 'claim'],
  ],
}

async function annotate(setup: Setup): Promise<Map<string, Claim[]>> {
  const { workbench } = setup
  const key = await keyOf(workbench, 'story.txt')
  const { text } = await workbench.openDocument(key)
  const claims = new Map<string, Claim[]>()
  for (const [annotator, passages] of Object.entries(WORK)) {
    await workbench.setAnnotator(annotator)
    const made: Claim[] = []
    for (const [passage, label] of passages) {
      made.push(await workbench.createClaim({ documentKey: key, ...rangeOf(text, passage), label }))
    }
    claims.set(annotator, made)
  }
  // alice and bob both link the figure to the denial, in opposite directions, as contradicting.
  await workbench.setAnnotator('alice')
  await workbench.createLink({
    from: claims.get('alice')![0]!.id,
    to: { kind: 'claim', claimId: claims.get('alice')![1]!.id },
    relation: 'same',
  })
  await workbench.setAnnotator('bob')
  await workbench.createLink({
    from: claims.get('bob')![1]!.id,
    to: { kind: 'claim', claimId: claims.get('bob')![0]!.id },
    relation: 'same',
  })
  await workbench.setAnnotator('rita')
  await workbench.flush()
  return claims
}

function unitWith(units: ReviewUnitView[], quote: string): ReviewUnitView {
  const unit = units.find((u) => u.versions.some((v) => v.claim.target.quote.exact === quote))
  if (!unit) throw new Error(`no unit with "${quote}"`)
  return unit
}

async function errorOf(promise: Promise<unknown>): Promise<WorkbenchError> {
  try {
    await promise
  } catch (error) {
    return error as WorkbenchError
  }
  throw new Error('expected an error')
}

async function listUnits(workbench: Workbench) {
  return workbench.listReviewUnits({ reviewer: 'rita' })
}

describe('decisions and the gold file', () => {
  it('lists units with their state, records decisions and finds them stale after an edit', async () => {
    const setup = await openProject()
    const claims = await annotate(setup)
    const { workbench, root } = setup
    const listed = await listUnits(workbench)
    expect(listed.annotators).toEqual(['alice', 'bob', 'carol'])
    expect(listed.counts).toEqual({ units: 3, decided: 0, open: 3, stale: 0 })
    const denial = unitWith(listed.units, 'Moscow denied the allegations')
    expect(denial.versions.map((v) => v.annotator)).toEqual(['alice', 'bob', 'carol'])
    expect(denial.key).toBe(
      denial.versions
        .map((v) => v.claim.id)
        .sort()
        .join('+'),
    )

    const decision = await workbench.recordDecision({
      reviewer: 'rita',
      unit: denial.key,
      action: { kind: 'take', annotator: 'bob' },
      reason: 'annotator-error',
      note: 'the day belongs to it',
      guidelines: true,
    })
    expect(decision.fingerprints).toEqual(denial.fingerprints)
    const file = await readFile(join(root, 'review', 'rita.decisions.json'), 'utf8')
    expect(file.trim().split('\n')).toHaveLength(1)
    const read = readDecisionsText(file, 'rita.decisions.json')
    expect(read.ok && read.decisions.get(denial.key)?.action).toEqual({
      kind: 'take',
      annotator: 'bob',
    })
    expect((await listUnits(workbench)).counts).toMatchObject({ decided: 1, open: 2 })

    // A version the unit lacks, and a unit that is not there, are refused.
    expect(
      (
        await errorOf(
          workbench.recordDecision({
            reviewer: 'rita',
            unit: unitWith(listed.units, 'officials said').key,
            action: { kind: 'take', annotator: 'bob' },
            reason: null,
          }),
        )
      ).code,
    ).toBe('invalid-decision')
    expect(
      (
        await errorOf(
          workbench.recordDecision({
            reviewer: 'rita',
            unit: 'nothing',
            action: { kind: 'reject' },
            reason: null,
          }),
        )
      ).code,
    ).toBe('unknown-unit')

    // carol edits her claim: the decision made on the earlier version is stale.
    await workbench.setAnnotator('carol')
    await workbench.updateClaim(claims.get('carol')![1]!.id, { label: 'denial' })
    await workbench.setAnnotator('rita')
    const after = await listUnits(workbench)
    const stale = unitWith(after.units, 'Moscow denied the allegations')
    expect(stale.state).toBe('stale')
    expect(stale.staleBecause).toBe('changed')
    expect(after.counts).toMatchObject({ decided: 0, stale: 1 })

    const status = await workbench.getReviewStatus({})
    expect(status.reviewers).toEqual([
      { reviewer: 'rita', decided: 0, open: 2, stale: 1, unmatched: 0, guidelines: 0 },
    ])
  })

  it('merges unanimous units and decisions into gold, keeps hand edits and undoes automatic ones', async () => {
    const setup = await openProject()
    await annotate(setup)
    const { workbench, root } = setup
    const units = (await listUnits(workbench)).units
    const figure = unitWith(units, 'more than 13,000 containers')
    const denial = unitWith(units, 'Moscow denied the allegations')
    await workbench.recordDecision({
      reviewer: 'rita',
      unit: denial.key,
      action: { kind: 'pick', span: 'bob', fields: { label: 'alice' } },
      reason: 'ambiguous-text',
    })
    await workbench.recordDecision({
      reviewer: 'rita',
      unit: unitWith(units, 'officials said').key,
      action: { kind: 'reject' },
      reason: 'guideline-gap',
    })

    const first = await workbench.mergeGold({ strategy: { kind: 'unanimous' } })
    expect(first.file).toBe('annotations/gold.json')
    expect(first.claims).toMatchObject({ added: 2, removed: 0 })
    expect(first.units).toEqual({ total: 3, decided: 2, open: 1, stale: 0 })
    const gold = await readAnnotations(root, 'gold')
    const byQuote = (quote: string) => gold.claims.find((c) => c.target.quote.exact === quote)!
    expect(byQuote('more than 13,000 containers').provenance).toMatchObject({
      how: 'unanimous',
      unit: figure.key,
    })
    expect(
      byQuote('more than 13,000 containers').provenance!.sources.map((s) => s.annotator),
    ).toEqual(['alice', 'bob', 'carol'])
    const adjudicated = byQuote('Moscow denied the allegations on Tuesday')
    expect(adjudicated.label).toBe('denial')
    expect(adjudicated.provenance).toMatchObject({
      how: 'adjudicated',
      reason: 'ambiguous-text',
      reviewer: 'rita',
    })
    expect(gold.claims.some((c) => c.target.quote.exact === 'officials said')).toBe(false)
    // alice's and bob's "same" links, drawn either way round, are one gold link between gold claims.
    expect(gold.links).toHaveLength(1)
    expect(gold.links[0]!.provenance!.sources.map((s) => s.annotator).sort()).toEqual([
      'alice',
      'bob',
    ])
    const goldIds = new Set(gold.claims.map((c) => c.id))
    expect(goldIds.has(gold.links[0]!.from)).toBe(true)

    // Re-running changes nothing.
    const again = await workbench.mergeGold({ strategy: { kind: 'unanimous' } })
    expect(again.claims).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2 })
    expect(again.links).toMatchObject({ added: 0, unchanged: 1 })

    // The gold file is an ordinary annotator file: edit its claim by hand in the app.
    await workbench.setAnnotator('gold')
    await workbench.updateClaim(byQuote('more than 13,000 containers').id, { note: 'checked' })
    await workbench.setAnnotator('rita')
    const undone = await workbench.mergeGold({ strategy: { kind: 'none' }, undoAutomatic: true })
    expect(undone.claims).toMatchObject({ removed: 0, handEdited: 1 })
    const kept = await readAnnotations(root, 'gold')
    expect(
      kept.claims.find((c) => c.target.quote.exact === 'more than 13,000 containers')!.note,
    ).toBe('checked')
    expect(kept.claims).toHaveLength(2)

    const status = await workbench.getReviewStatus({})
    expect(status.goldClaims).toEqual({ unanimous: 0, automatic: 0, adjudicated: 1, manual: 1 })
  })

  it('undoes an automatic merge and brings it back, but not a claim deleted by hand', async () => {
    const setup = await openProject()
    await annotate(setup)
    const { workbench, root } = setup
    const merged = await workbench.mergeGold({ strategy: { kind: 'silent-others' } })
    // The figure (all three agree) and "officials said" (alice alone, others silent).
    expect(merged.claims.added).toBe(2)
    let gold = await readAnnotations(root, 'gold')
    expect(gold.claims.map((c) => c.provenance!.how).sort()).toEqual(['automatic', 'unanimous'])

    const undone = await workbench.mergeGold({ strategy: { kind: 'none' }, undoAutomatic: true })
    expect(undone.claims.removed).toBe(2)
    expect((await readAnnotations(root, 'gold')).claims).toHaveLength(0)
    const redone = await workbench.mergeGold({ strategy: { kind: 'silent-others' } })
    expect(redone.claims.added).toBe(2)

    // Deleted by hand in the gold file: a later merge does not bring it back.
    gold = await readAnnotations(root, 'gold')
    await workbench.setAnnotator('gold')
    await workbench.deleteClaim(gold.claims.find((c) => c.provenance!.how === 'automatic')!.id)
    await workbench.setAnnotator('rita')
    const later = await workbench.mergeGold({ strategy: { kind: 'silent-others' } })
    expect(later.claims.added).toBe(0)
    expect((await readAnnotations(root, 'gold')).claims).toHaveLength(1)
  })

  it('takes back an automatic claim when the annotators stop agreeing', async () => {
    const setup = await openProject()
    const claims = await annotate(setup)
    const { workbench, root } = setup
    expect((await workbench.mergeGold({ strategy: { kind: 'unanimous' } })).claims.added).toBe(1)
    await workbench.setAnnotator('bob')
    await workbench.updateClaim(claims.get('bob')![0]!.id, { label: 'claim' })
    await workbench.setAnnotator('rita')
    const again = await workbench.mergeGold({ strategy: { kind: 'unanimous' } })
    expect(again.claims).toMatchObject({ added: 0, removed: 1 })
    expect((await readAnnotations(root, 'gold')).claims).toEqual([])
  })

  it('never writes over a corrupt or newer decisions file, nor merges with one', async () => {
    const setup = await openProject()
    await annotate(setup)
    const { workbench, root } = setup
    const unit = (await listUnits(workbench)).units[0]!
    const path = join(root, 'review', 'rita.decisions.json')
    const corrupt = '{"version":1,"unit":"x"}\nnot json\n'
    await mkdir(join(root, 'review'))
    await writeFile(path, corrupt)
    const error = await errorOf(
      workbench.recordDecision({
        reviewer: 'rita',
        unit: unit.key,
        action: { kind: 'reject' },
        reason: null,
      }),
    )
    expect(error.code).toBe('annotation-file-problem')
    expect(error.message).toContain('review/rita.decisions.json, line 1')
    expect(await readFile(path, 'utf8')).toBe(corrupt)
    const merge = await errorOf(workbench.mergeGold({ strategy: { kind: 'unanimous' } }))
    expect(merge.message).toContain('review/rita.decisions.json')

    const newer = '{"version":2,"unit":"x"}\n'
    await writeFile(path, newer)
    const listed = await listUnits(workbench)
    expect(listed.problems[0]!.message).toContain('newer Corroborate')
    await errorOf(workbench.removeDecision({ reviewer: 'rita', unit: unit.key }))
    expect(await readFile(path, 'utf8')).toBe(newer)
  })

  it("merges a colleague's change to the decisions file instead of clobbering it", async () => {
    const setup = await openProject()
    await annotate(setup)
    const { workbench, root } = setup
    const [first, second] = (await listUnits(workbench)).units
    await workbench.recordDecision({
      reviewer: 'rita',
      unit: first!.key,
      action: { kind: 'reject' },
      reason: null,
    })
    // The same reviewer's file changed elsewhere (a second machine, a sync tool).
    const other = await setup.another()
    await other.setAnnotator('rita')
    await other.recordDecision({
      reviewer: 'rita',
      unit: second!.key,
      action: { kind: 'take', annotator: second!.versions[0]!.annotator },
      reason: 'other',
    })
    await workbench.removeDecision({ reviewer: 'rita', unit: first!.key })
    const read = readDecisionsText(
      await readFile(join(root, 'review', 'rita.decisions.json'), 'utf8'),
      'x',
    )
    if (!read.ok) throw new Error(read.message)
    expect(read.decisions.get(first!.key)!.action.kind).toBe('withdrawn')
    expect(read.decisions.get(second!.key)!.action.kind).toBe('take')
  })

  it("compares an annotator's own file with gold: what the reviewer changed, per document", async () => {
    const setup = await openProject()
    await annotate(setup)
    const { workbench } = setup
    await workbench.setAnnotator('alice')
    const before = await workbench.compareWithGold({})
    expect(before.problem).toBe('There is no annotations/gold.json yet: merge into gold first.')

    await workbench.setAnnotator('rita')
    const listed = await listUnits(workbench)
    await workbench.recordDecision({
      reviewer: 'rita',
      unit: unitWith(listed.units, 'Moscow denied the allegations').key,
      action: { kind: 'take', annotator: 'bob' },
      reason: 'annotator-error',
    })
    await workbench.mergeGold({ strategy: { kind: 'unanimous' } })
    await workbench.setAnnotator('alice')
    // alice's latest edit counts, saved or not: her note on the figure is hers alone.
    const figure = (await workbench.listClaims(await keyOf(workbench, 'story.txt'))).claims[0]!
    await workbench.updateClaim(figure.claim.id, { note: 'mine' })
    const comparison = await workbench.compareWithGold({})
    expect(comparison).toMatchObject({ annotator: 'alice', gold: 'gold', problem: null })
    expect(comparison.documentKeys['story.txt']).toBe(await keyOf(workbench, 'story.txt'))
    const [document, ...others] = comparison.diff.documents
    expect(others).toEqual([])
    expect(document).toMatchObject({ path: 'story.txt', placement: 'current', units: 3 })
    const summary = document!.differences.map((unit) => ({
      kind: unit.kind,
      quote: (unit.a ?? unit.b)!.quote,
      fields: unit.fields,
    }))
    expect(summary).toEqual(
      expect.arrayContaining([
        { kind: 'changed', quote: 'more than 13,000 containers', fields: ['note'] },
        { kind: 'changed', quote: 'Moscow denied the allegations', fields: ['boundaries'] },
        // Not unanimous and not decided: only alice has it.
        { kind: 'only-a', quote: 'officials said', fields: [] },
      ]),
    )
    expect(summary).toHaveLength(3)
    const denial = document!.differences.find((unit) => unit.fields.includes('boundaries'))!
    expect(denial.boundaries?.end).toEqual({ added: ' on Tuesday', removed: '' })
    // Links: alice's "same" link and gold's (merged from alice's and bob's) are one.
    expect(comparison.diff.links.compared).toBeGreaterThan(0)
  })

  it('merges cluster wordings whose claims map to the same gold claims, and keeps a hand edit', async () => {
    const setup = await openProject()
    await annotate(setup)
    const { workbench, root } = setup
    // alice and bob word their "same" cluster (the figure and the denial) alike; carol has none.
    const word = async (annotator: string, text: string) => {
      await workbench.setAnnotator(annotator)
      const cluster = (await workbench.getClusters()).find((c) => c.memberClaimIds.length === 2)!
      await workbench.setClusterWording(cluster.id, text)
    }
    await word('alice', 'Thirteen thousand containers, denied')
    await word('bob', 'Thirteen thousand containers, denied')
    await workbench.setAnnotator('rita')
    const units = (await listUnits(workbench)).units
    await workbench.recordDecision({
      reviewer: 'rita',
      unit: unitWith(units, 'Moscow denied the allegations').key,
      action: { kind: 'take', annotator: 'alice' },
      reason: 'other',
    })
    const first = await workbench.mergeGold({ strategy: { kind: 'unanimous' } })
    expect(first.clusters).toMatchObject({ added: 1, updated: 0, removed: 0 })
    const gold = await readAnnotations(root, 'gold')
    expect(gold.clusters).toHaveLength(1)
    const wording = gold.clusters[0]!
    expect(wording.canonicalWording).toBe('Thirteen thousand containers, denied')
    expect(wording.claimIds).toEqual(gold.claims.map((claim) => claim.id).sort())
    expect(wording.provenance).toMatchObject({ how: 'automatic' })
    expect(wording.provenance!.sources.map((source) => source.annotator)).toEqual(['alice', 'bob'])
    // An ordinary annotator file: the gold cluster shows the merged wording.
    await workbench.setAnnotator('gold')
    const [goldCluster] = (await workbench.getClusters()).filter((c) => c.customWording)
    expect(goldCluster!.canonicalWording).toBe('Thirteen thousand containers, denied')
    expect(await workbench.mergeGold({ strategy: { kind: 'unanimous' } })).toMatchObject({
      clusters: { added: 0, updated: 0, unchanged: 1 },
    })

    // The reviewer rewords it in gold by hand; alice rewords hers; the next merge keeps the hand edit.
    await workbench.setClusterWording(goldCluster!.id, 'Containers shipped, Moscow denies')
    await word('alice', 'Alice has second thoughts')
    await workbench.setAnnotator('rita')
    const again = await workbench.mergeGold({ strategy: { kind: 'unanimous' } })
    expect(again.clusters).toMatchObject({ added: 0, updated: 0, handEdited: 1 })
    await workbench.setAnnotator('gold')
    expect((await workbench.getClusters()).find((c) => c.customWording)!.canonicalWording).toBe(
      'Containers shipped, Moscow denies',
    )
  })
})
