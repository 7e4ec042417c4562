/**
 * The claim decorations patched listing after listing must be exactly the decorations built
 * from scratch for the last listing: same ranges, same claims and depths, same badges, in the
 * same order (the order decides how spans of equal ranges nest).
 */
import fc from 'fast-check'
import type { Decoration } from 'prosemirror-view'
import { describe, expect, it } from 'vitest'
import { buildDoc } from '../../../../src/renderer/reader/build-doc'
import {
  addPendingClaim,
  buildClaimLayer,
  drawSections,
  PENDING_CLAIM_ID,
  sectionsOfClaim,
  updateClaimLayer,
  type ClaimLayer,
  type DrawnClaim,
} from '../../../../src/renderer/reader/claim-set'
import {
  buildPositionMap,
  sectionCount,
  sectionOf,
} from '../../../../src/renderer/reader/positions'
import { canonicalDocument, makeDocument } from '../documents'

/** Patch the set however much changed (the default rebuilds past a quarter of the blocks). */
const ALWAYS_PATCH = 1

const LABELS = ['claim', 'figure', 'event']
const RELATIONS = ['same', 'contradicts']

interface Setting {
  text: string
  blocks: ReturnType<typeof makeDocument>['blocks']
  listings: DrawnClaim[][]
}

/**
 * An offset into a text `length` long: often one of a few, so that claims often share a range
 * or an end (their spans and badges then tie, and only their order tells them apart).
 */
function offsetIn(length: number) {
  const few = [0, Math.floor(length / 3), Math.floor(length / 2), length]
  return fc.oneof(fc.nat({ max: length }), fc.constantFrom(...few))
}

/** A claim of a pool of five ids over any range of a text `length` long (empty ones too). */
function claimOf(length: number) {
  return fc
    .record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      label: fc.constantFrom(...LABELS),
      start: offsetIn(length),
      end: offsetIn(length),
      badge: fc.option(
        fc.record({
          count: fc.nat({ max: 3 }),
          relations: fc.subarray(RELATIONS),
        }),
        { nil: undefined },
      ),
    })
    .map(({ id, label, start, end, badge }): DrawnClaim => {
      const claim: DrawnClaim = {
        id,
        label,
        start: Math.min(start, end),
        end: Math.max(start, end),
      }
      return badge ? { ...claim, badge } : claim
    })
}

/** A listing as the backend sends it: unique ids, in text order. */
function listingOf(length: number) {
  return fc
    .uniqueArray(claimOf(length), { selector: (claim) => claim.id, maxLength: 5 })
    .map((claims) => [...claims].sort((x, y) => x.start - y.start || x.end - y.end))
}

type Edit = 'keep' | 'relabel' | 'rebadge' | 'drop'

/**
 * The next listing after `listing`: some claims kept, relabelled, with other links or gone,
 * and some new (or moved: a new range under an old id), as edits between two listings are.
 */
function nextListing(listing: readonly DrawnClaim[], length: number) {
  return fc
    .record({
      edits: fc.array(fc.constantFrom<Edit>('keep', 'relabel', 'rebadge', 'drop'), {
        minLength: listing.length,
        maxLength: listing.length,
      }),
      added: listingOf(length),
    })
    .map(({ edits, added }) => {
      const edited = listing.flatMap((claim, index): DrawnClaim[] => {
        switch (edits[index]!) {
          case 'keep':
            return [claim]
          case 'relabel':
            return [{ ...claim, label: LABELS[(LABELS.indexOf(claim.label) + 1) % LABELS.length]! }]
          case 'rebadge':
            return [
              { ...claim, badge: { count: (claim.badge?.count ?? 0) + 1, relations: ['same'] } },
            ]
          case 'drop':
            return []
        }
      })
      const ids = new Set(edited.map((claim) => claim.id))
      const fresh = added.filter((claim) => !ids.has(claim.id))
      return [...edited, ...fresh].sort((x, y) => x.start - y.start || x.end - y.end)
    })
}

/** A document and a few listings of claims over it, each an edit of the one before. */
const setting: fc.Arbitrary<Setting> = canonicalDocument.chain((document) => {
  const length = document.text.length
  const listings = (count: number, before: DrawnClaim[][]): fc.Arbitrary<DrawnClaim[][]> =>
    count === 0
      ? fc.constant(before)
      : nextListing(before.at(-1)!, length).chain((next) => listings(count - 1, [...before, next]))
  return fc
    .tuple(listingOf(length), fc.integer({ min: 1, max: 3 }))
    .chain(([first, edits]) => listings(edits, [first]))
    .map((all) => ({ ...document, listings: all }))
})

/** What a decoration draws: its range and spec (claim, label, depth; a badge's key). */
function described(decoration: Decoration) {
  return { from: decoration.from, to: decoration.to, spec: decoration.spec as unknown }
}

/** The block of a position (positions between blocks belong to the block before). */
function blockOfPos(map: ReturnType<typeof buildPositionMap>, pos: number): number {
  let block = 0
  while (block + 1 < map.contentStarts.length && map.contentStarts[block + 1]! <= pos) block++
  return block
}

function drawn(layer: ClaimLayer) {
  return layer.set.find().map(described)
}

describe('claim decorations patched incrementally', () => {
  it('equal the decorations built from scratch for the last listing', () => {
    fc.assert(
      fc.property(setting, fc.boolean(), ({ text, blocks, listings }, patchAlways) => {
        const doc = buildDoc({ text, blocks })
        const map = buildPositionMap(blocks)
        const share = patchAlways ? ALWAYS_PATCH : undefined
        let layer = buildClaimLayer(doc, map, listings[0]!)
        for (const listing of listings.slice(1)) {
          layer = updateClaimLayer(layer, doc, map, listing, share)
          expect(drawn(layer)).toEqual(drawn(buildClaimLayer(doc, map, listing)))
        }
      }),
    )
  })

  it('take a pending claim away with the next listing', () => {
    fc.assert(
      fc.property(setting, fc.nat(), fc.nat(), ({ text, blocks, listings }, a, b) => {
        const doc = buildDoc({ text, blocks })
        const map = buildPositionMap(blocks)
        const start = Math.min(a, b) % (text.length + 1)
        const end = Math.max(start, Math.max(a, b) % (text.length + 1))
        const pending = { id: PENDING_CLAIM_ID, label: 'claim', start, end }
        let layer = buildClaimLayer(doc, map, listings[0]!)
        layer = addPendingClaim(layer, doc, map, pending)
        layer = addPendingClaim(layer, doc, map, pending)
        layer = updateClaimLayer(layer, doc, map, listings[1]!, ALWAYS_PATCH)
        expect(drawn(layer)).toEqual(drawn(buildClaimLayer(doc, map, listings[1]!)))
      }),
    )
  })

  it('keep the very same set when nothing changed', () => {
    const document = makeDocument([
      { type: 'paragraph', text: 'Officials said twelve people died.' },
      { type: 'paragraph', text: 'The ministry denied it.' },
    ])
    const doc = buildDoc(document)
    const map = buildPositionMap(document.blocks)
    const claims: DrawnClaim[] = [
      { id: 'a', label: 'claim', start: 0, end: 20 },
      { id: 'b', label: 'figure', start: 15, end: 40 },
    ]
    const layer = buildClaimLayer(doc, map, claims)
    const again = updateClaimLayer(
      layer,
      doc,
      map,
      claims.map((claim) => ({ ...claim })),
    )
    expect(again.set).toBe(layer.set)
  })
})

describe('claim decorations drawn section by section', () => {
  /** Some of a document's sections (maybe none), and the order the others are drawn in. */
  const sectionPlan = fc.record({ firstMask: fc.nat(), order: fc.nat(), between: fc.nat() })

  function planOf(count: number, { firstMask, order }: { firstMask: number; order: number }) {
    const all = Array.from({ length: count }, (_, section) => section)
    const first = all.filter((section) => (firstMask >> section) & 1)
    const rest = all.filter((section) => !first.includes(section))
    // A rotation of the rest: drawn nearest-first from anywhere in the document.
    const turn = rest.length === 0 ? 0 : order % rest.length
    return { first, rest: [...rest.slice(turn), ...rest.slice(0, turn)] }
  }

  it('hold exactly the claims of the drawn sections, listing after listing, then all of them', () => {
    fc.assert(
      fc.property(setting, sectionPlan, ({ text, blocks, listings }, plan) => {
        const doc = buildDoc({ text, blocks })
        const map = buildPositionMap(blocks)
        const count = sectionCount(map)
        const { first, rest } = planOf(count, plan)
        let layer = buildClaimLayer(doc, map, listings[0]!, first)
        const drawnSoFar = [...first]
        const expectDrawn = (listing: readonly DrawnClaim[]) => {
          const full = drawn(buildClaimLayer(doc, map, listing))
          const inDrawn = full.filter((decoration) =>
            drawnSoFar.includes(sectionOf(blockOfPos(map, decoration.from))),
          )
          expect(drawn(layer)).toEqual(inDrawn)
        }
        expectDrawn(listings[0]!)
        // Sections are drawn one at a time; new listings arrive in between.
        let listingIndex = 0
        for (const [step, section] of rest.entries()) {
          layer = drawSections(layer, doc, [section])
          drawnSoFar.push(section)
          if ((plan.between + step) % 2 === 0 && listingIndex + 1 < listings.length) {
            listingIndex++
            layer = updateClaimLayer(layer, doc, map, listings[listingIndex]!, ALWAYS_PATCH)
          }
          expectDrawn(listings[listingIndex]!)
        }
        expect([...layer.drawnSections!].sort((a, b) => a - b)).toEqual(
          Array.from({ length: count }, (_, section) => section),
        )
        const last = listings.at(-1)!
        layer = updateClaimLayer(layer, doc, map, last)
        expect(drawn(layer)).toEqual(drawn(buildClaimLayer(doc, map, last)))
      }),
    )
  })

  it('draw a pending claim wherever it is, and take it away with the next listing', () => {
    fc.assert(
      fc.property(setting, fc.nat(), fc.nat(), ({ text, blocks, listings }, a, b) => {
        const doc = buildDoc({ text, blocks })
        const map = buildPositionMap(blocks)
        const start = Math.min(a, b) % (text.length + 1)
        const end = Math.max(start, Math.max(a, b) % (text.length + 1))
        const pending = { id: PENDING_CLAIM_ID, label: 'claim', start, end }
        let layer = buildClaimLayer(doc, map, listings[0]!, [])
        layer = addPendingClaim(layer, doc, map, pending)
        // Drawn as in a layer with every section drawn (nothing when the range lies between
        // blocks only).
        const everywhere = addPendingClaim(buildClaimLayer(doc, map, []), doc, map, pending)
        expect(drawn(layer)).toEqual(drawn(everywhere))
        layer = updateClaimLayer(layer, doc, map, listings[1] ?? listings[0]!, ALWAYS_PATCH)
        expect(drawn(layer)).toEqual([])
      }),
    )
  })

  it('name the sections a claim lies in', () => {
    const document = makeDocument(
      Array.from({ length: 70 }, (_, n) => ({ type: 'paragraph' as const, text: `Block ${n}.` })),
    )
    const doc = buildDoc(document)
    const map = buildPositionMap(document.blocks)
    const claim = {
      id: 'a',
      label: 'claim',
      start: document.blocks[30]!.start,
      end: document.blocks[33]!.end,
    }
    const layer = buildClaimLayer(doc, map, [claim], [0])
    expect(sectionsOfClaim(layer, 'a')).toEqual([0, 1])
    expect(sectionsOfClaim(layer, 'missing')).toEqual([])
    expect([...layer.drawnSections!]).toEqual([0])
    expect(sectionCount(map)).toBe(3)
    // Drawing section 1 draws the claim's pieces there; section 0's piece was drawn already.
    const both = drawSections(layer, doc, [1])
    expect(
      both.set.find().filter((d) => (d.spec as { claimId?: string }).claimId === 'a').length,
    ).toBe(4)
  })
})

describe('claim decorations drawn', () => {
  const document = makeDocument([
    { type: 'paragraph', text: 'Officials said twelve people died.' },
    { type: 'paragraph', text: 'The ministry denied it.' },
  ])
  const doc = buildDoc(document)
  const map = buildPositionMap(document.blocks)

  it('cut a claim over two blocks into one span per block, and put its badge after it', () => {
    const start = document.text.indexOf('died')
    const end = document.text.indexOf(' denied')
    const layer = buildClaimLayer(doc, map, [
      { id: 'a', label: 'figure', start, end, badge: { count: 2, relations: ['same'] } },
    ])
    const decorations = layer.set.find()
    const texts = decorations
      .filter((decoration) => decoration.from < decoration.to)
      .map((decoration) => doc.textBetween(decoration.from, decoration.to))
    expect(texts).toEqual(['died.', 'The ministry'])
    const badge = decorations.find((decoration) => decoration.from === decoration.to)
    expect(badge?.spec).toMatchObject({ key: 'badge:a:2:same', side: 1 })
    expect(doc.textBetween(0, badge!.from, '\n\n').endsWith('The ministry')).toBe(true)
  })

  it('give overlapping claims their own depths, and a pending claim the first free one', () => {
    const layer = buildClaimLayer(doc, map, [
      { id: 'a', label: 'claim', start: 0, end: 20 },
      { id: 'b', label: 'figure', start: 10, end: 30 },
      { id: 'c', label: 'event', start: 25, end: 34 },
    ])
    const depths = (target: ClaimLayer) =>
      Object.fromEntries(
        target.set.find().map((decoration) => {
          const spec = decoration.spec as { claimId: string; depth: number }
          return [spec.claimId, spec.depth]
        }),
      )
    expect(depths(layer)).toEqual({ a: 0, b: 1, c: 0 })
    const pending = addPendingClaim(layer, doc, map, {
      id: PENDING_CLAIM_ID,
      label: 'claim',
      start: 5,
      end: 26,
    })
    expect(depths(pending)).toMatchObject({ [PENDING_CLAIM_ID]: 2 })
  })

  it('leave out claims with an empty range', () => {
    const layer = buildClaimLayer(doc, map, [{ id: 'a', label: 'claim', start: 5, end: 5 }])
    expect(layer.set.find()).toEqual([])
  })
})
