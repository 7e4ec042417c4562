/**
 * Which items of a long run of equal-sized items (the matrix's rows, and its document columns)
 * to draw: those in the viewport plus a few on either side (overscan), so scrolling a little
 * never shows blank space before React catches up. The same arithmetic serves both axes: for
 * rows the sticky header leads, for columns the sticky claim columns. Pure, so it is tested
 * without a browser.
 */

export interface ItemWindow {
  /** First item drawn (inclusive). */
  first: number
  /** Item after the last one drawn (exclusive); equals `first` when nothing is drawn. */
  end: number
}

export interface WindowInput {
  /** The scroll container's scroll offset along the axis (scrollTop or scrollLeft), in pixels. */
  scroll: number
  /** The scroll container's viewport along the axis (clientHeight or clientWidth), in pixels. */
  viewport: number
  /**
   * Size of the sticky part before the items (the header above the rows, the claim columns
   * left of the document columns): it covers the viewport's start, and the items start after it.
   */
  leading: number
  itemSize: number
  count: number
  /** Items drawn beyond each edge of the viewport. */
  overscan: number
}

/** The items to draw for a scroll offset. */
export function itemWindow(input: WindowInput): ItemWindow {
  const { scroll, viewport, leading, itemSize, count, overscan } = input
  if (count <= 0 || itemSize <= 0) return { first: 0, end: 0 }
  // The sticky part covers the viewport's start and the items start after it in the content,
  // so the first item just past the sticky part is the one at `scroll` in item coordinates.
  const start = Math.max(0, scroll)
  const visible = Math.max(0, viewport - leading)
  const firstVisible = Math.floor(start / itemSize)
  const endVisible = Math.ceil((start + visible) / itemSize)
  const first = clamp(firstVisible - overscan, 0, count)
  const end = clamp(Math.max(endVisible, firstVisible + 1) + overscan, first, count)
  return { first, end }
}

/** True when two windows draw the same items (to skip a render while scrolling within one). */
export function sameWindow(a: ItemWindow, b: ItemWindow): boolean {
  return a.first === b.first && a.end === b.end
}

/**
 * The items to draw: the window, plus the one holding keyboard focus when it lies outside (its
 * element must stay in the DOM, or focus would fall back to the page when it scrolls away).
 */
export function itemsToDraw(window: ItemWindow, keep: number | null, count: number): number[] {
  const items: number[] = []
  const extra = keep !== null && keep >= 0 && keep < count ? keep : null
  if (extra !== null && extra < window.first) items.push(extra)
  for (let item = window.first; item < window.end; item++) items.push(item)
  if (extra !== null && extra >= window.end) items.push(extra)
  return items
}

/**
 * The scroll offset that brings `item` fully into view past the sticky part, scrolling as
 * little as possible; the current offset when it is already in view.
 */
export function scrollToReveal(
  item: number,
  input: Pick<WindowInput, 'scroll' | 'viewport' | 'leading' | 'itemSize'>,
): number {
  const { scroll, viewport, leading, itemSize } = input
  const itemStart = item * itemSize
  const itemEnd = itemStart + itemSize
  const visible = Math.max(itemSize, viewport - leading)
  if (itemStart < scroll) return itemStart
  if (itemEnd > scroll + visible) return itemEnd - visible
  return scroll
}

/** How many whole items fit in the viewport past the sticky part (at least one): a page. */
export function itemsPerPage(viewport: number, leading: number, itemSize: number): number {
  return Math.max(1, Math.floor((viewport - leading) / itemSize))
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
