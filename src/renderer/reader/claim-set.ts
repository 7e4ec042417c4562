/**
 * The decorations of the drawn claims, kept up to date incrementally.
 *
 * Building the decorations of 5,000 claims from scratch, and having ProseMirror compare them
 * with the previous set, is what made every change of the listing (one new claim, one label
 * changed) cost tens of milliseconds. Here each claim remembers the decorations it was drawn
 * with and what they showed; a new listing only replaces the decorations of the
 * blocks where some claim appeared, went away or changed. The untouched parts of the set keep
 * their identity, so ProseMirror skips them without looking inside.
 *
 * Within a touched block, all decorations are taken out and put back in listing order. That
 * keeps the result identical to a set built from scratch, down to the order of decorations
 * with the same range (which decides how their spans nest), and the unit tests check exactly
 * that. A claim is drawn as one inline decoration per block it covers (ProseMirror would cut it
 * the same way when drawing), plus its link badge, a widget after its last character.
 *
 * A long document's claims are drawn only in the sections the reader shows (`drawnSections`,
 * see section-window.ts), so opening 1 MB with 5,000 claims draws the claims of its first screen
 * only. Each claim knows its blocks at once; its decorations are made when a drawn section first
 * needs them.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { claimDepths, freeDepth } from '../claims/layers'
import {
  blockAtOffset,
  blockAtPos,
  blockPieces,
  offsetsToRange,
  sectionOf,
  type PositionMap,
} from './positions'

/** What the reader needs to draw a claim. */
export interface DrawnClaim {
  id: string
  label: string
  start: number
  end: number
  /** The claim's links: a badge after its passage with the count and a dot per relation. */
  badge?: { count: number; relations: readonly string[] }
}

/** Marks a link badge element with the claim it belongs to (not data-claim-id: see claimIdsAt). */
export const BADGE_CLAIM_ATTRIBUTE = 'data-badge-claim'

/** Underlines are stacked up to this depth; deeper claims share the last one. */
export const MAX_DRAWN_DEPTH = 3

export const PENDING_CLAIM_ID = 'pending'

/** What every claim decoration carries in its spec: FindHighlights and clicks read it back. */
export interface ClaimSpec {
  claimId: string
  label: string
  /** The claim's nesting depth among overlapping claims (not capped, unlike data-depth). */
  depth: number
}

/** One decoration of a claim and the block it lies in. */
interface Placed {
  block: number
  decoration: Decoration
}

/** What one claim contributed to the set, and what it looked like then. */
interface Entry {
  /** What its decorations show: the claim as drawn, and its depth. */
  claim: DrawnClaim
  depth: number
  /**
   * The first and last block its decorations lie in (cheap to know for every claim: two
   * binary searches). A block between them may hold none of them (an empty paragraph).
   */
  firstBlock: number
  lastBlock: number
  /**
   * Its decorations, made the first time a drawn section needs them: a long document draws
   * only the sections near the view, so most claims are never placed at all.
   */
  placed(): readonly Placed[]
}

/** The drawn claims: their decoration set, and each claim's share of it. */
export interface ClaimLayer {
  readonly set: DecorationSet
  /** By claim id, in listing order. */
  readonly entries: ReadonlyMap<string, Entry>
  /** Claims drawn before the backend has them, until the next listing. */
  readonly pending: readonly Entry[]
  /** The sections whose claims are in the set; null: every section. */
  readonly drawnSections: ReadonlySet<number> | null
}

export const EMPTY_LAYER: ClaimLayer = {
  set: DecorationSet.empty,
  entries: new Map(),
  pending: [],
  drawnSections: null,
}

/**
 * Past this share of touched blocks, building the set from scratch is cheaper than patching it
 * (both give the same set; the tests patch whatever the share).
 */
const REBUILD_SHARE = 0.25

/** The layer for `claims`, built from nothing, drawn in `sections` only (null: all of them). */
export function buildClaimLayer(
  doc: ProseMirrorNode,
  map: PositionMap,
  claims: readonly DrawnClaim[],
  sections: Iterable<number> | null = null,
): ClaimLayer {
  const drawnSections = sections === null ? null : new Set(sections)
  return updateClaimLayer({ ...EMPTY_LAYER, drawnSections }, doc, map, claims)
}

/** The layer with the claims of `sections` drawn as well. */
export function drawSections(
  layer: ClaimLayer,
  doc: ProseMirrorNode,
  sections: Iterable<number>,
): ClaimLayer {
  const drawn = layer.drawnSections
  if (drawn === null) return layer
  const added = [...sections].filter((section) => !drawn.has(section))
  if (added.length === 0) return layer
  const adding = new Set(added)
  const drawnSections = new Set([...drawn, ...added])
  const decorations = decorationsIn(layer.entries.values(), (block) => adding.has(sectionOf(block)))
  const set = decorations.length > 0 ? layer.set.add(doc, decorations) : layer.set
  return { ...layer, set, drawnSections }
}

/** The sections a claim's passage lies in (empty when it is not listed). */
export function sectionsOfClaim(layer: ClaimLayer, id: string): number[] {
  const entry = layer.entries.get(id)
  if (!entry) return []
  const sections: number[] = []
  for (
    let section = sectionOf(entry.firstBlock);
    section <= sectionOf(entry.lastBlock);
    section++
  ) {
    sections.push(section)
  }
  return sections
}

/**
 * The layer for `claims`, reusing what `layer` drew for claims that did not change. Claims
 * with an empty range are not drawn. Pending claims in `layer` go away (the listing that
 * follows a new claim includes it).
 */
export function updateClaimLayer(
  layer: ClaimLayer,
  doc: ProseMirrorNode,
  map: PositionMap,
  claims: readonly DrawnClaim[],
  rebuildShare = REBUILD_SHARE,
): ClaimLayer {
  const depths = claimDepths(claims)
  const { drawnSections } = layer
  const isDrawn = (block: number) => drawnSections === null || drawnSections.has(sectionOf(block))
  /** The first drawing (a document opened): the set is made, not patched. */
  const drawing = layer.entries.size === 0 && layer.pending.length === 0
  const entries = new Map<string, Entry>()
  const touched = new Set<number>()
  for (const claim of claims) {
    if (claim.start >= claim.end) continue
    const depth = depths.get(claim.id) ?? 0
    const key = uniqueKey(entries, claim.id)
    const before = layer.entries.get(key)
    if (before && drawnAlike(before, claim, depth)) {
      entries.set(key, before)
      continue
    }
    const entry = claimEntry(map, claim, depth)
    entries.set(key, entry)
    if (drawing) continue // nothing to patch: every claim is new
    touch(touched, entry)
    if (before) touch(touched, before)
  }
  if (drawing) {
    const set = DecorationSet.create(doc, decorationsIn(entries.values(), isDrawn))
    return { entries, pending: [], drawnSections, set }
  }
  for (const [key, before] of layer.entries) if (!entries.has(key)) touch(touched, before)
  for (const before of layer.pending) touch(touched, before)

  const next = { entries, pending: [], drawnSections }
  if (touched.size === 0) return { ...next, set: layer.set }
  if (layer.set === DecorationSet.empty || touched.size > map.contentStarts.length * rebuildShare) {
    return { ...next, set: DecorationSet.create(doc, decorationsIn(entries.values(), isDrawn)) }
  }
  const redrawn = (block: number) => touched.has(block) && isDrawn(block)
  // Pending claims were drawn wherever they are, drawn sections or not.
  const removed = [
    ...decorationsIn(layer.entries.values(), redrawn),
    ...decorationsIn(layer.pending),
  ]
  const added = decorationsIn(entries.values(), redrawn)
  return { ...next, set: layer.set.remove(removed).add(doc, added) }
}

/**
 * Draws a claim the backend does not have yet on top of the layer, at the first depth free
 * among the claims it overlaps. The next `updateClaimLayer` takes it away again.
 */
export function addPendingClaim(
  layer: ClaimLayer,
  doc: ProseMirrorNode,
  map: PositionMap,
  claim: DrawnClaim,
): ClaimLayer {
  if (claim.start >= claim.end) return layer
  const { from, to } = offsetsToRange(map, claim.start, claim.end)
  const taken = layer.set
    .find(from, to)
    .map((decoration) => (decoration.spec as Partial<ClaimSpec>).depth)
    .filter((depth) => typeof depth === 'number')
  const depth = freeDepth(taken)
  const entry = claimEntry(map, claim, depth)
  const set = layer.set.add(
    doc,
    entry.placed().map((placed) => placed.decoration),
  )
  return { ...layer, set, pending: [...layer.pending, entry] }
}

/** `id`, or `id` with a counter when the map has it already (the same claim listed twice). */
function uniqueKey(entries: ReadonlyMap<string, unknown>, id: string): string {
  if (!entries.has(id)) return id
  let n = 1
  while (entries.has(`${id}\u0000${n}`)) n++
  return `${id}\u0000${n}`
}

/** Whether a claim's decorations would look as those an entry was drawn with. */
function drawnAlike(entry: Entry, claim: DrawnClaim, depth: number): boolean {
  const was = entry.claim
  return (
    entry.depth === depth &&
    was.start === claim.start &&
    was.end === claim.end &&
    was.label === claim.label &&
    badgeKey(was) === badgeKey(claim)
  )
}

function badgeKey(claim: DrawnClaim): string {
  const badge = claim.badge
  return badge && badge.count > 0 ? `${badge.count}:${badge.relations.join(',')}` : ''
}

function touch(touched: Set<number>, entry: Entry) {
  for (let block = entry.firstBlock; block <= entry.lastBlock; block++) touched.add(block)
}

/** The decorations of `entries` in order, only those in the blocks `wanted` accepts when given. */
function decorationsIn(
  entries: Iterable<Entry>,
  wanted?: (block: number) => boolean,
): Decoration[] {
  const decorations: Decoration[] = []
  for (const entry of entries) {
    if (wanted && !someBlock(entry, wanted)) continue
    for (const { block, decoration } of entry.placed()) {
      if (!wanted || wanted(block)) decorations.push(decoration)
    }
  }
  return decorations
}

/** A claim's entry: its blocks now, its decorations when first asked for. */
function claimEntry(map: PositionMap, claim: DrawnClaim, depth: number): Entry {
  // Its link badge, after its last character, lies in its last block.
  let placed: readonly Placed[] | null = null
  return {
    claim,
    depth,
    firstBlock: blockAtOffset(map, claim.start),
    lastBlock: blockAtOffset(map, claim.end),
    placed: () => (placed ??= placeClaim(map, claim, depth)),
  }
}

/** A claim's decorations: its passage, cut at block edges, then its link badge. */
function placeClaim(map: PositionMap, claim: DrawnClaim, depth: number): Placed[] {
  const attrs = claimAttributes(claim, depth)
  const spec: ClaimSpec = { claimId: claim.id, label: claim.label, depth }
  const placed: Placed[] = blockPieces(map, claim.start, claim.end).map(({ block, from, to }) => ({
    block,
    decoration: Decoration.inline(from, to, attrs, spec),
  }))
  const badge = badgeDecoration(map, claim)
  if (badge) placed.push({ block: blockAtPos(map, badge.from), decoration: badge })
  return placed
}

/**
 * The attributes of a claim's <span>. nodeName makes ProseMirror nest one element per
 * decoration instead of merging their attributes, so overlapping claims stay distinct
 * elements: each carries its id, label and nesting depth, and styles.css stacks their
 * underlines by depth.
 */
function claimAttributes(claim: DrawnClaim, depth: number): Record<string, string> {
  return {
    nodeName: 'span',
    class: claim.id === PENDING_CLAIM_ID ? 'claim pending' : 'claim',
    'data-testid': 'claim-highlight',
    'data-claim-id': claim.id,
    'data-label': claim.label,
    'data-depth': String(Math.min(depth, MAX_DRAWN_DEPTH)),
  }
}

/**
 * The link badge after a claim: a widget, so it is not part of the text (not selectable, not
 * copied, no offset). Its key carries what it shows, so ProseMirror keeps the element while
 * nothing about it changed.
 */
function badgeDecoration(map: PositionMap, claim: DrawnClaim): Decoration | null {
  const badge = claim.badge
  if (!badge || badge.count === 0) return null
  const { to } = offsetsToRange(map, claim.start, claim.end)
  const toDOM = (view: EditorView) => {
    const document = view.dom.ownerDocument
    const element = document.createElement('span')
    element.className = 'link-badge'
    element.contentEditable = 'false'
    element.setAttribute(BADGE_CLAIM_ATTRIBUTE, claim.id)
    element.setAttribute('data-testid', 'link-badge')
    element.setAttribute('role', 'button')
    // Reachable by Tab; Enter or Space opens the card of its links (ReaderView).
    element.tabIndex = 0
    element.setAttribute(
      'aria-label',
      `${badge.count} ${badge.count === 1 ? 'link' : 'links'}: ${badge.relations.join(', ')}`,
    )
    for (const relation of badge.relations) {
      const dot = document.createElement('span')
      dot.className = 'link-dot'
      dot.setAttribute('data-relation', relation)
      element.append(dot)
    }
    const count = document.createElement('span')
    count.className = 'link-count'
    count.textContent = String(badge.count)
    element.append(count)
    return element
  }
  return Decoration.widget(to, toDOM, {
    side: 1,
    ignoreSelection: true,
    key: `badge:${claim.id}:${badge.count}:${badge.relations.join(',')}`,
  })
}

function someBlock(entry: Entry, wanted: (block: number) => boolean): boolean {
  for (let block = entry.firstBlock; block <= entry.lastBlock; block++)
    if (wanted(block)) return true
  return false
}
