/** Where the reader is scrolled to: what the analyst can see of it. */

/** The top edge of the area that scrolls `element` (or of the window), in client coordinates. */
export function visibleTop(element: HTMLElement): number {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY
    if (overflow === 'auto' || overflow === 'scroll') return parent.getBoundingClientRect().top
  }
  return 0
}

/**
 * The index of the first of `root`'s children that reaches below the visible top: the section at
 * the top of the view. Sections outside the viewport are skipped by the browser's layout
 * (content-visibility), so their rectangles are cheap to read.
 */
export function firstVisibleChild(root: HTMLElement): number {
  const children = root.children
  const top = Math.max(0, visibleTop(root))
  let low = 0
  let high = children.length - 1
  let found = children.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    if (children[middle]!.getBoundingClientRect().bottom > top) {
      found = middle
      high = middle - 1
    } else {
      low = middle + 1
    }
  }
  return Math.max(0, found)
}
