/** Where the reader is scrolled to: what the analyst can see of it. */

/** The nearest ancestor of `element` that scrolls it, or null when the window does. */
export function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY
    if (overflow === 'auto' || overflow === 'scroll') return parent
  }
  return null
}

/** The top edge of the area that scrolls `element` (or of the window), in client coordinates. */
export function visibleTop(element: HTMLElement): number {
  return scrollParent(element)?.getBoundingClientRect().top ?? 0
}
