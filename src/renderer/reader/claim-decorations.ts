/**
 * Claims drawn as ProseMirror decorations (built and patched in claimSet.ts), and the outline
 * of the selected claim.
 *
 * A new listing of claims patches the existing set: only the blocks where a claim appeared,
 * went away or changed are redrawn (the document is read-only, so the set never needs
 * mapping either). A claim the analyst just made is added to the set at once ("pending"),
 * before the backend confirms it; the next listing takes it away again.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import {
  addPendingClaim,
  buildClaimLayer,
  drawSections,
  PENDING_CLAIM_ID,
  updateClaimLayer,
  type ClaimLayer,
  type DrawnClaim,
} from './claim-set'
import { offsetsToRange, type OffsetRange, type PositionMap } from './positions'
import { sectionsShownBy } from './section-window'
import { timed } from './timing'

export {
  BADGE_CLAIM_ATTRIBUTE,
  MAX_DRAWN_DEPTH,
  PENDING_CLAIM_ID,
  type DrawnClaim,
} from './claim-set'

type ClaimDecorationsMeta =
  | { type: 'claims'; claims: readonly DrawnClaim[] }
  | { type: 'pending'; claim: DrawnClaim }
  | { type: 'selected'; range: OffsetRange | null }

interface ClaimDecorationsState {
  claims: ClaimLayer
  selected: DecorationSet
}

export const claimDecorationsKey = new PluginKey<ClaimDecorationsState>('claim-decorations')

/**
 * The claims' decorations. `initial` claims are drawn with the document's first render rather
 * than right after it, in the `sections` shown (null: everywhere; see section-window.ts). A
 * section's claims are drawn in the transaction that shows it.
 */
export function claimDecorationsPlugin(
  map: PositionMap,
  initial: readonly DrawnClaim[] = [],
  sections: readonly number[] | null = null,
): Plugin<ClaimDecorationsState> {
  return new Plugin<ClaimDecorationsState>({
    key: claimDecorationsKey,
    state: {
      init: (_config, state) => ({
        claims: buildClaimLayer(state.doc, map, initial, sections),
        selected: DecorationSet.empty,
      }),
      apply(tr, current) {
        const shown = sectionsShownBy(tr)
        if (shown.length > 0) {
          return { ...current, claims: drawSections(current.claims, tr.doc, shown) }
        }
        const meta = tr.getMeta(claimDecorationsKey) as ClaimDecorationsMeta | undefined
        if (meta === undefined) return current
        switch (meta.type) {
          case 'claims': {
            const claims = timed('claim decorations', () =>
              updateClaimLayer(current.claims, tr.doc, map, meta.claims),
            )
            return { ...current, claims }
          }
          case 'pending':
            return { ...current, claims: addPendingClaim(current.claims, tr.doc, map, meta.claim) }
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
      decorations: (state: EditorState) => claimDecorationsKey.getState(state)?.claims.set,
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
