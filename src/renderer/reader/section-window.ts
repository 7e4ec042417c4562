/**
 * The reader draws only the part of a long document near the view. Sections (SECTION_SIZE
 * blocks, see schema.ts) are "shown" (their blocks are in the DOM) or "hidden" (an empty box of
 * about their height, so the scroll bar and scroll positions stay right). A document of a few
 * sections is shown whole; a longer one starts with its first sections, and a section is shown
 * once it comes within AHEAD of the view (an IntersectionObserver on the hidden boxes), or when
 * something needs it drawn: a jump to a claim, a find match. A shown section stays shown.
 *
 * Why: opening 1 MB made ProseMirror build the DOM of every block (thousands of elements and
 * text nodes) and draw every claim's decorations, and every later update made the browser
 * style and lay out that whole tree again when ProseMirror read the selection. The window keeps
 * the DOM, and each of those costs, to what is near the view, whatever the length.
 *
 * Hidden sections are marked by node decorations (spec `hiddenSection`), so ProseMirror hands
 * the mark to the section's node view, and removing it makes ProseMirror draw the section anew
 * with its blocks. Other plugins' decorations inside a hidden section are simply not drawn
 * until it is shown; the claims plugin draws a section's claims in the transaction that shows
 * it (`sectionsShownBy`).
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model'
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView, type NodeView } from 'prosemirror-view'
import { afterNextPaint } from './after-next-paint'
import { sectionCount, type PositionMap } from './positions'
import { SECTION_SIZE } from './schema'
import { scrollParent } from './viewport'

/** Documents up to this many sections are shown whole. */
const SHOWN_WHOLE_UP_TO = 4
/** The sections a longer document opens with: more than a screen of text. */
const FIRST_SECTIONS = 2
/** Hidden sections are shown when they come this close to the view (a share of its height). */
const AHEAD = '150%'

/** Until the first section is measured: pixels per character and per block of a text column. */
const DEFAULT_METRICS: SectionMetrics = { perCharacter: 0.2, perBlock: 40 }

/** The metrics last measured (the reader's style is the same for every document). */
let lastMetrics = DEFAULT_METRICS

interface SectionMetrics {
  perCharacter: number
  perBlock: number
}

interface HiddenSpec {
  hiddenSection: number
  /** Characters and blocks of the section, which its estimated height is made of. */
  characters: number
  blocks: number
}

interface WindowState {
  /** The sections in the DOM; null: all of them. */
  shown: ReadonlySet<number> | null
  /** A node decoration on every hidden section. */
  hidden: DecorationSet
}

type WindowMeta = { show: readonly number[] }

export const sectionWindowKey = new PluginKey<WindowState>('section-window')

/** The sections a document opens with, or null when it is shown whole. */
export function initialSections(map: PositionMap): number[] | null {
  const count = sectionCount(map)
  if (count <= SHOWN_WHOLE_UP_TO) return null
  return Array.from({ length: FIRST_SECTIONS }, (_, section) => section)
}

/** The window's plugin: the hidden sections' marks, their node views, and the observer. */
export function sectionWindowPlugin(
  map: PositionMap,
  initial: readonly number[] | null,
): Plugin<WindowState> {
  return new Plugin<WindowState>({
    key: sectionWindowKey,
    state: {
      init: (_config, state) => windowState(state.doc, map, initial && new Set(initial)),
      apply(tr, current) {
        const added = sectionsShownBy(tr)
        if (added.length === 0 || current.shown === null) return current
        if (added.every((section) => current.shown!.has(section))) return current
        return windowState(tr.doc, map, new Set([...current.shown, ...added]))
      },
    },
    props: {
      decorations: (state) => sectionWindowKey.getState(state)?.hidden,
      nodeViews: { section: sectionView },
    },
    view: (view) => new SectionWatcher(view),
  })
}

/**
 * Starts the window of a view made off the page, once it is in the page (the boxes' heights
 * come from the first section as laid out).
 */
export function startSectionWindow(view: EditorView): void {
  watchers.get(view)?.start()
}

/** The sections a transaction shows (none for most transactions). */
export function sectionsShownBy(tr: Transaction): readonly number[] {
  return (tr.getMeta(sectionWindowKey) as WindowMeta | undefined)?.show ?? []
}

/** Shows `sections` now if any is hidden (before scrolling to something in them). */
export function showSections(view: EditorView, sections: readonly number[]): void {
  const shown = sectionWindowKey.getState(view.state)?.shown
  if (!shown) return
  const hidden = sections.filter((section) => !shown.has(section))
  if (hidden.length > 0) view.dispatch(view.state.tr.setMeta(sectionWindowKey, { show: hidden }))
}

/**
 * The hidden section's box a DOM point lies in, if any. A selection that reaches into one covers
 * that whole section (the box stands for all of its text), whatever point the browser put it at.
 */
export function hiddenSectionAt(node: Node, root: HTMLElement): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement
  const box = element?.closest<HTMLElement>('.rd-section-hidden')
  return box && root.contains(box) ? box : null
}

function windowState(
  doc: ProseMirrorNode,
  map: PositionMap,
  shown: ReadonlySet<number> | null,
): WindowState {
  if (shown === null) return { shown, hidden: DecorationSet.empty }
  const marks: Decoration[] = []
  doc.forEach((section, offset, index) => {
    if (shown.has(index)) return
    const spec: HiddenSpec = { hiddenSection: index, ...sectionSize(map, index) }
    marks.push(Decoration.node(offset, offset + section.nodeSize, {}, spec))
  })
  return { shown, hidden: DecorationSet.create(doc, marks) }
}

function sectionSize(map: PositionMap, section: number): { characters: number; blocks: number } {
  const first = section * SECTION_SIZE
  const last = Math.min(first + SECTION_SIZE, map.blockStarts.length)
  let characters = 0
  for (let block = first; block < last; block++) {
    characters += map.blockEnds[block]! - map.blockStarts[block]!
  }
  return { characters, blocks: last - first }
}

function hiddenSpec(decorations: readonly Decoration[]): HiddenSpec | null {
  for (const decoration of decorations) {
    const spec = decoration.spec as Partial<HiddenSpec>
    if (typeof spec.hiddenSection === 'number') return spec as HiddenSpec
  }
  return null
}

/** The estimated height in pixels of a hidden section of this size. */
function estimatedHeight(
  { characters, blocks }: { characters: number; blocks: number },
  metrics: SectionMetrics,
): number {
  return Math.round(characters * metrics.perCharacter + blocks * metrics.perBlock)
}

/**
 * A section's node view: the section with its blocks, or, hidden, an empty box of its estimated
 * height that ProseMirror does not look into. Showing or hiding makes ProseMirror replace it.
 */
function sectionView(
  node: ProseMirrorNode,
  view: EditorView,
  _getPos: unknown,
  decorations: readonly Decoration[],
): NodeView {
  const dom = view.dom.ownerDocument.createElement('div')
  dom.className = 'rd-section'
  const spec = hiddenSpec(decorations)
  if (spec === null) {
    return {
      dom,
      contentDOM: dom,
      update: (next, nextDecorations) =>
        next.type === node.type && hiddenSpec(nextDecorations) === null,
    }
  }
  dom.classList.add('rd-section-hidden')
  dom.setAttribute('data-section', String(spec.hiddenSection))
  dom.setAttribute('aria-busy', 'true')
  dom.dataset.characters = String(spec.characters)
  dom.dataset.blocks = String(spec.blocks)
  // Inline style through the CSSOM: the CSP forbids style attributes in markup, not this.
  dom.style.height = `${estimatedHeight(spec, watchers.get(view)?.metrics ?? lastMetrics)}px`
  watchers.get(view)?.observe(dom)
  return {
    dom,
    update: (next, nextDecorations) => next === node && hiddenSpec(nextDecorations) !== null,
    ignoreMutation: () => true,
    destroy: () => watchers.get(view)?.unobserve(dom),
  }
}

const watchers = new WeakMap<EditorView, SectionWatcher>()

/**
 * Watches the hidden sections and shows those that come near the view. It also measures the
 * first shown section, to estimate the hidden ones' heights from their characters and blocks.
 */
class SectionWatcher {
  metrics: SectionMetrics = lastMetrics
  private observer: IntersectionObserver | null = null
  private started = false
  private destroyed = false

  constructor(private view: EditorView) {
    watchers.set(view, this)
    if (view.dom.isConnected) this.start()
  }

  /**
   * Starts watching the boxes, once the view is in the page, after its first paint. Until then
   * their heights are estimated with the last metrics known; then they are corrected from the
   * first section as laid out. Measuring it, or finding the scrolling parent, before the paint
   * would force a style and layout of a page still being built, which the frame then does again
   * (about 40 ms for a long document). A correction above the view does not move what the
   * analyst reads: the browser's scroll anchoring holds it in place.
   */
  start() {
    if (this.started || !sectionWindowKey.getState(this.view.state)?.shown) return
    this.started = true
    void afterNextPaint().then(() => {
      if (!this.destroyed) this.watch()
    })
  }

  private watch() {
    const measured = measureMetrics(this.view.dom)
    if (measured) {
      this.metrics = lastMetrics = measured
      for (const box of this.hiddenBoxes()) box.style.height = `${this.estimate(box)}px`
    }
    this.observer = new IntersectionObserver((entries) => this.showIntersecting(entries), {
      root: scrollParent(this.view.dom),
      rootMargin: `${AHEAD} 0px`,
    })
    for (const box of this.hiddenBoxes()) this.observer.observe(box)
  }

  private hiddenBoxes() {
    return this.view.dom.querySelectorAll<HTMLElement>(':scope > .rd-section-hidden')
  }

  observe(box: HTMLElement) {
    this.observer?.observe(box)
  }

  unobserve(box: HTMLElement) {
    this.observer?.unobserve(box)
  }

  destroy() {
    this.destroyed = true
    this.observer?.disconnect()
    this.observer = null
    watchers.delete(this.view)
  }

  private estimate(box: HTMLElement): number {
    const size = { characters: Number(box.dataset.characters), blocks: Number(box.dataset.blocks) }
    return estimatedHeight(size, this.metrics)
  }

  private showIntersecting(entries: IntersectionObserverEntry[]) {
    const sections = entries
      .filter((entry) => entry.isIntersecting)
      .map((entry) => Number((entry.target as HTMLElement).getAttribute('data-section')))
      .filter((section) => Number.isInteger(section))
    if (sections.length > 0) showSections(this.view, sections)
  }
}

/**
 * Pixels per character and per block, from the first section as laid out: a block costs its
 * margins and about half a line it does not fill; the rest is spread over the characters.
 */
function measureMetrics(root: HTMLElement): SectionMetrics | null {
  const first = root.querySelector<HTMLElement>(':scope > .rd-section:not(.rd-section-hidden)')
  const block = first?.firstElementChild
  if (!first || !block) return null
  const height = first.getBoundingClientRect().height
  const characters = first.textContent?.length ?? 0
  const blocks = first.childElementCount
  const style = getComputedStyle(block)
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5 || 24
  const margins = Math.max(parseFloat(style.marginTop) || 0, parseFloat(style.marginBottom) || 0)
  const perBlock = margins + lineHeight / 2
  if (height <= 0 || characters === 0) return null
  const perCharacter = Math.max(0.01, (height - blocks * perBlock) / characters)
  return { perCharacter, perBlock }
}
