/**
 * Suggestions through the Workbench on a copy of the sample project (real parser): claims made
 * of labelled quotes from resources/samples/expected-links.json find their counterparts among
 * the first five; accepting a suggestion on an unclaimed sentence claims it and links it in one
 * undoable step; the index is rebuilt when the claims change.
 */
import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWorkbench, type Workbench } from '../../../../src/backend'
import { locateQuote } from '../../../../src/core/anchoring'
import type { Claim, LinkSuggestion } from '../../../../src/shared/api'
import { tempDir } from '../helpers'

vi.setConfig({ testTimeout: 30_000 })

const samplesDir = join(import.meta.dirname, '../../../../resources/samples')

interface Side {
  file: string
  quote: string
}
interface Pair {
  relation: string
  a: Side
  b: Side
}

const pairs = JSON.parse(await readFile(join(samplesDir, 'expected-links.json'), 'utf8')) as Pair[]

const opened: Workbench[] = []

// Registered after helpers.ts's hook, so it runs first: writes end before temp folders go.
afterEach(async () => {
  await Promise.all(opened.splice(0).map((workbench) => workbench.close()))
})

async function sampleProject() {
  const root = await tempDir()
  await cp(samplesDir, root, { recursive: true })
  const workbench = createWorkbench({
    settingsDir: await tempDir(),
    samplesDir: await tempDir(),
    log: () => {},
    annotationStore: { coalesceMs: 20 },
  })
  opened.push(workbench)
  await workbench.setAnnotator('alice')
  const state = await workbench.openProject(root)
  const keyOf = (file: string) => state.documents.find((document) => document.path === file)!.key
  const texts = new Map<string, string>()
  const textOf = async (file: string) => {
    if (!texts.has(file)) texts.set(file, (await workbench.openDocument(keyOf(file))).text)
    return texts.get(file)!
  }
  const rangeOf = async (side: Side) => {
    const range = locateQuote(await textOf(side.file), side.quote)
    if (!range) throw new Error(`not found in ${side.file}: ${side.quote}`)
    return range
  }
  const claim = async (side: Side): Promise<Claim> =>
    workbench.createClaim({
      documentKey: keyOf(side.file),
      ...(await rangeOf(side)),
      label: 'claim',
    })
  return { root, workbench, keyOf, rangeOf, claim }
}

function rankOf(
  suggestions: LinkSuggestion[],
  file: string,
  range: { start: number; end: number },
): number {
  return suggestions.findIndex(
    ({ target }) => target.path === file && target.start < range.end && target.end > range.start,
  )
}

describe('link suggestions on the sample project', () => {
  it('ranks the labelled counterpart of a claim among the first five, with reasons', async () => {
    const { workbench, claim, rangeOf } = await sampleProject()
    // The first pairs: two 'same' (a count, a capacity with calibres) and an 'updates'.
    for (const pair of pairs.slice(0, 3)) {
      const source = await claim(pair.a)
      const listing = await workbench.getSuggestions({ claimId: source.id }, 5)
      expect(listing.source).toMatchObject({ claimId: source.id, path: pair.a.file })
      expect(listing.suggestions.length).toBeGreaterThan(0)
      const rank = rankOf(listing.suggestions, pair.b.file, await rangeOf(pair.b))
      expect(rank, `${pair.a.quote} -> ${pair.b.file}`).toBeGreaterThanOrEqual(0)
      expect(rank).toBeLessThan(5)
      const found = listing.suggestions[rank]!
      expect(found.reasons.length).toBeGreaterThan(0)
      expect(found.target.quote.length).toBeGreaterThan(0)
      for (const suggestion of listing.suggestions) {
        expect(suggestion.target.path).not.toBe(pair.a.file)
      }
    }
  })

  it('offers existing claims (index rebuilt after a new claim), and suggests for an unclaimed range', async () => {
    const { workbench, claim, rangeOf, keyOf } = await sampleProject()
    const pair = pairs[0]!
    const target = await claim(pair.b) // claimed first: the index must be rebuilt for it
    const range = await rangeOf(pair.a)
    const listing = await workbench.getSuggestions({ documentKey: keyOf(pair.a.file), ...range })
    expect(listing.source).toMatchObject({ claimId: null, path: pair.a.file, ...range })
    const rank = listing.suggestions.findIndex((s) => s.target.claimId === target.id)
    expect(rank).toBeGreaterThanOrEqual(0)
    expect(rank).toBeLessThan(5)
    expect(listing.suggestions[rank]!.target).toMatchObject({
      kind: 'claim',
      path: pair.b.file,
      quote: target.target.quote.exact,
    })
  })

  it('accepts a suggestion on an unclaimed sentence: claim and link in one undoable step', async () => {
    const { workbench, root, claim, rangeOf } = await sampleProject()
    const pair = pairs[0]!
    const source = await claim(pair.a)
    const { suggestions } = await workbench.getSuggestions({ claimId: source.id }, 5)
    const found = suggestions[rankOf(suggestions, pair.b.file, await rangeOf(pair.b))]!
    expect(found.target.kind).toBe('sentence')
    const accepted = await workbench.acceptSuggestion({
      source: { claimId: source.id },
      target: {
        documentKey: found.target.documentKey,
        start: found.target.start,
        end: found.target.end,
        label: 'claim',
      },
      relation: found.relation,
    })
    expect(accepted.createdClaims).toHaveLength(1)
    expect(accepted.createdClaims[0]!.target.quote.exact).toBe(found.target.quote)
    expect(accepted.link).toMatchObject({
      from: source.id,
      to: { kind: 'claim', claimId: accepted.createdClaims[0]!.id },
    })
    await workbench.flush()
    const file = JSON.parse(await readFile(join(root, 'annotations', 'alice.json'), 'utf8'))
    expect(file.claims).toHaveLength(2)
    expect(file.links).toHaveLength(1)

    expect(await workbench.undo()).toMatchObject({ applied: 'Claim and link' })
    await workbench.flush()
    const undone = JSON.parse(await readFile(join(root, 'annotations', 'alice.json'), 'utf8'))
    expect(undone.claims.map((c: Claim) => c.id)).toEqual([source.id])
    expect(undone.links).toEqual([])

    // A refused link leaves no stray claim behind.
    await expect(
      workbench.acceptSuggestion({
        source: { claimId: source.id },
        target: { documentKey: found.target.documentKey, start: 0, end: 5, label: 'claim' },
        relation: 'no-such-relation',
      }),
    ).rejects.toMatchObject({ code: 'unknown-relation' })
    expect((await workbench.listLinks()).links).toEqual([])
    const counts = await workbench.getClaimCounts()
    expect(Object.values(counts.byDocument).reduce((sum, n) => sum + n, 0)).toBe(1)
    await workbench.close()
  })
})
