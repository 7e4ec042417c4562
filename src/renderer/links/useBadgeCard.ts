/**
 * Which link card is open: hovering a badge shows its card, leaving both the badge and the
 * card hides it after a moment (time to move the pointer onto the card), a click pins it.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { BadgeEvent } from '../reader/ReaderView'

/** How long a hover card stays after the pointer left the badge. */
const LINGER_MS = 250

export function useBadgeCard() {
  const [card, setCard] = useState<BadgeEvent | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const cancelHide = () => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
  }
  const hideSoon = useCallback(() => {
    cancelHide()
    timer.current = setTimeout(() => {
      timer.current = null
      setCard((current) => (current?.pinned ? current : null))
    }, LINGER_MS)
  }, [])
  useEffect(() => cancelHide, [])

  const onBadge = useCallback(
    (event: BadgeEvent | null) => {
      if (event === null) return hideSoon()
      cancelHide()
      // Hovering the badge of a pinned card does not unpin it.
      setCard((current) =>
        current?.pinned && current.claimId === event.claimId && !event.pinned ? current : event,
      )
    },
    [hideSoon],
  )
  const onPointerInside = useCallback(
    (inside: boolean) => (inside ? cancelHide() : hideSoon()),
    [hideSoon],
  )
  const close = useCallback(() => {
    cancelHide()
    setCard(null)
  }, [])
  return { card, onBadge, onPointerInside, close }
}
