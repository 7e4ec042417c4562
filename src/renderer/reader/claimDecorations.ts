/**
 * Claims drawn as ProseMirror decorations. Each claim is its own <span> (nodeName makes
 * ProseMirror nest one element per decoration instead of merging their attributes), so
 * overlapping claims stay distinct elements: each carries its id, label and nesting depth,
 * and styles.css stacks their underlines by depth.
 *
 * The set is built once per claims change and never rebuilt on other transactions (the
 * document is read-only, so it never needs mapping either). A claim the analyst just made is
 * added to the existing set at once ("pending"), before the backend confirms it; the next
 * listing replaces the whole set.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { claimDepths, freeDepth } from '../claims/layers'
import { offsetsToRange, type OffsetRange, type PositionMap } from './positions'

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

type ClaimDecorationsMeta =
  | { type: 'claims'; claims: readonly DrawnClaim[] }
  | { type: 'pending'; claim: DrawnClaim }
  | { type: 'selected'; range: OffsetRange | null }

interface ClaimDecorationsState {
  claims: DecorationSet
  selected: DecorationSet
}

export const claimDecorationsKey = new PluginKey<ClaimDecorationsState>('claim-decorations')

function claimDecoration(map: PositionMap, claim: DrawnClaim, depth: number): Decoration {
  const { from, to } = offsetsToRange(map, claim.start, claim.end)
  return Decoration.inline(
    from,
    to,
    {
      nodeName: 'span',
      class: claim.id === PENDING_CLAIM_ID ? 'claim pending' : 'claim',
      'data-testid': 'claim-highlight',
      'data-claim-id': claim.id,
      'data-label': claim.label,
      'data-depth': String(Math.min(depth, MAX_DRAWN_DEPTH)),
    },
    { claimId: claim.id, depth },
  )
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

export function claimDecorationsPlugin(map: PositionMap): Plugin<ClaimDecorationsState> {
  return new Plugin<ClaimDecorationsState>({
    key: claimDecorationsKey,
    state: {
      init: () => ({ claims: DecorationSet.empty, selected: DecorationSet.empty }),
      apply(tr, current) {
        const meta = tr.getMeta(claimDecorationsKey) as ClaimDecorationsMeta | undefined
        if (meta === undefined) return current
        switch (meta.type) {
          case 'claims': {
            const depths = claimDepths(meta.claims)
            const decorations: Decoration[] = []
            for (const claim of meta.claims) {
              if (claim.start >= claim.end) continue
              decorations.push(claimDecoration(map, claim, depths.get(claim.id) ?? 0))
              const badge = badgeDecoration(map, claim)
              if (badge) decorations.push(badge)
            }
            return { ...current, claims: DecorationSet.create(tr.doc, decorations) }
          }
          case 'pending': {
            const { from, to } = offsetsToRange(map, meta.claim.start, meta.claim.end)
            const overlapping = current.claims
              .find(from, to)
              .filter((d) => typeof d.spec.depth === 'number')
              .map((d) => d.spec.depth as number)
            const decoration = claimDecoration(map, meta.claim, freeDepth(overlapping))
            return { ...current, claims: current.claims.add(tr.doc, [decoration]) }
          }
          case 'selected': {
            if (meta.range === null) return { ...current, selected: DecorationSet.empty }
            const { from, to } = offsetsToRange(map, meta.range.start, meta.range.end)
            const outline = Decoration.inline(from, to, {
              nodeName: 'span',
              class: 'claim-selected',
            })
            return { ...current, selected: DecorationSet.create(tr.doc, [outline]) }
          }
        }
      },
    },
    props: {
      decorations: (state: EditorState) => claimDecorationsKey.getState(state)?.claims,
    },
  })
}

/** Draws the selected claim's outline, from the same state (a second decoration source). */
export function selectedClaimPlugin(): Plugin {
  return new Plugin({
    props: {
      decorations: (state: EditorState) => claimDecorationsKey.getState(state)?.selected,
    },
  })
}

export function setClaimsMeta(claims: readonly DrawnClaim[]): ClaimDecorationsMeta {
  return { type: 'claims', claims }
}
export function pendingClaimMeta(claim: DrawnClaim): ClaimDecorationsMeta {
  return { type: 'pending', claim }
}
export function selectedRangeMeta(range: OffsetRange | null): ClaimDecorationsMeta {
  return { type: 'selected', range }
}

/** Ids of the claims under a DOM node, innermost first. */
export function claimIdsAt(target: EventTarget | null, root: HTMLElement): string[] {
  const ids: string[] = []
  for (
    let element = target instanceof Element ? target : null;
    element && element !== root;
    element = element.parentElement
  ) {
    const id = element.getAttribute('data-claim-id')
    if (id !== null && id !== PENDING_CLAIM_ID && !ids.includes(id)) ids.push(id)
  }
  return ids
}
