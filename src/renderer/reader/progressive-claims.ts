/**
 * A long document's claims are drawn section by section (see claim-set.ts): the first sections
 * with the text (or with the first listing, when the text came first), the others a few per task
 * afterwards, nearest the part in view first. Each task is short, so a key pressed meanwhile is
 * handled at once, and each redraws only the sections it adds (the rest of the set keeps its
 * identity, so ProseMirror does not look inside it).
 */
import type { EditorView } from 'prosemirror-view'
import { claimDecorationsKey, drawSectionsMeta } from './claim-decorations'
import { sectionsOfClaim, undrawnSections } from './claim-set'
import { sectionCount, type PositionMap } from './positions'
import { timed } from './timing'
import { firstVisibleChild } from './viewport'

/** Documents up to this many sections have their claims drawn whole with the text. */
const DRAWN_WHOLE_UP_TO = 4
/** The sections drawn with the text of a longer document: more than a screen of it. */
const FIRST_SECTIONS = 2
/** Sections added per task afterwards (about 100 blocks: a few milliseconds of work). */
const SECTIONS_PER_TASK = 3

/** The sections to draw with the text, or null for all of them. */
export function firstSections(map: PositionMap): number[] | null {
  return sectionCount(map) <= DRAWN_WHOLE_UP_TO
    ? null
    : Array.from({ length: FIRST_SECTIONS }, (_, section) => section)
}

export interface SectionDrawing {
  /** Goes on drawing the missing sections, if it is not already (after claims were listed). */
  resume(): void
  stop(): void
}

/** Draws the sections still missing, a few per task, while there are claims to draw. */
export function drawRemainingSections(view: EditorView, map: PositionMap): SectionDrawing {
  let timer: ReturnType<typeof setTimeout> | null = null
  const step = () => {
    timer = null
    const layer = claimDecorationsKey.getState(view.state)?.claims
    // No claims listed yet: a section drawn now would be marked drawn with nothing in it, and
    // the listing would then be drawn everywhere at once.
    if (!layer || layer.entries.size === 0) return
    const missing = undrawnSections(layer, sectionCount(map))
    if (missing.length === 0) return
    const seen = firstVisibleChild(view.dom)
    const nearest = missing
      .sort((a, b) => Math.abs(a - seen) - Math.abs(b - seen) || a - b)
      .slice(0, SECTIONS_PER_TASK)
    timed('draw sections', () =>
      view.dispatch(view.state.tr.setMeta(claimDecorationsKey, drawSectionsMeta(nearest))),
    )
    timer = setTimeout(step, 0)
  }
  const resume = () => {
    if (timer === null) timer = setTimeout(step, 0)
  }
  resume()
  return {
    resume,
    stop: () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
  }
}

/** Draws the sections of a claim now, if they are not yet (before scrolling to it). */
export function drawSectionsOfClaim(view: EditorView, id: string): void {
  const layer = claimDecorationsKey.getState(view.state)?.claims
  if (!layer) return
  const drawn = layer.drawnSections
  const sections = sectionsOfClaim(layer, id).filter((section) => drawn && !drawn.has(section))
  if (sections.length === 0) return
  view.dispatch(view.state.tr.setMeta(claimDecorationsKey, drawSectionsMeta(sections)))
}
