/**
 * The link card over a badge: hovering a badge shows its card, leaving both the badge and the
 * card hides it after a moment (time to move the pointer onto the card), a click pins it.
 */
import type { BadgeEvent } from '../reader/ReaderView'
import type { AppStore } from './context'

/** How long a hover card stays after the pointer left the badge. */
const LINGER_MS = 250

export function badgeCardEffects(store: AppStore) {
  let timer: ReturnType<typeof setTimeout> | null = null
  const cancelHide = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }
  const hideSoon = () => {
    cancelHide()
    timer = setTimeout(() => {
      timer = null
      store.dispatch({ type: 'card/hide', unlessPinned: true })
    }, LINGER_MS)
  }
  return {
    /** The reader's report: a badge hovered or clicked, or null when the pointer left it. */
    onBadge(event: BadgeEvent | null) {
      if (event === null) return hideSoon()
      cancelHide()
      store.dispatch({ type: 'card/show', card: event })
    },
    onPointerInside(inside: boolean) {
      if (inside) cancelHide()
      else hideSoon()
    },
    close() {
      cancelHide()
      store.dispatch({ type: 'card/hide', unlessPinned: false })
    },
  }
}
