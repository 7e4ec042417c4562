/**
 * The card over a claim's link badge: the claims (and outside sources) it is linked to, with
 * the relation of each. Click a claim to jump to it, side by side. Hovering shows it; a click
 * on the badge (or Enter on it) pins it and moves the focus into it, until Escape, a click
 * elsewhere, another badge, or scrolling (the card would no longer sit by its badge).
 */
import { useEffect, useRef } from 'react'
import type { RelationType, ResolvedClaimEnd } from '../../shared/api'
import { relationPhrase, type ClaimLink } from '../links/claim-links'
import { LinkEndView } from './LinkEndView'

interface LinkHoverCardProps {
  links: readonly ClaimLink[]
  relations: ReadonlyMap<string, RelationType>
  at: { left: number; top: number; bottom: number }
  pinned: boolean
  onJump(end: ResolvedClaimEnd): void
  onClose(): void
  /** The pointer entered (true) or left (false) the card: a hover card stays while it is in. */
  onPointerInside(inside: boolean): void
}

const CARD_WIDTH = 360

export function LinkHoverCard(props: LinkHoverCardProps) {
  const { links, relations, at, pinned, onClose } = props
  const cardRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    // Capture phase, and the Escape is consumed: closing the card must not also deselect.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      event.preventDefault()
      event.stopPropagation()
      onClose()
    }
    const onPointerDown = (event: PointerEvent) => {
      if (pinned && !cardRef.current?.contains(event.target as Node)) onClose()
    }
    const onScroll = (event: Event) => {
      if (!cardRef.current?.contains(event.target as Node)) onClose()
    }
    window.addEventListener('keydown', onKeyDown, true)
    window.addEventListener('pointerdown', onPointerDown, true)
    window.addEventListener('scroll', onScroll, true)
    return () => {
      window.removeEventListener('keydown', onKeyDown, true)
      window.removeEventListener('pointerdown', onPointerDown, true)
      window.removeEventListener('scroll', onScroll, true)
    }
  }, [pinned, onClose])

  useEffect(() => {
    if (pinned) cardRef.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus()
  }, [pinned])

  // Below the badge, kept inside the window; the element is positioned through CSSOM, which
  // the CSP allows (it forbids style attributes in markup, not style properties set by script).
  useEffect(() => {
    const card = cardRef.current
    if (!card) return
    const left = Math.max(8, Math.min(at.left, window.innerWidth - CARD_WIDTH - 8))
    const below = at.bottom + 6
    const fitsBelow = below + card.offsetHeight < window.innerHeight - 8
    card.style.left = `${left}px`
    card.style.top = `${fitsBelow ? below : Math.max(8, at.top - card.offsetHeight - 6)}px`
  }, [at, links])

  return (
    <div
      ref={cardRef}
      className="link-card"
      role="dialog"
      aria-label="Links of the claim"
      data-testid="link-card"
      onMouseEnter={() => props.onPointerInside(true)}
      onMouseLeave={() => props.onPointerInside(false)}
    >
      <ul>
        {links.map((entry) => {
          const relation = relations.get(entry.resolved.link.relation) ?? null
          return (
            <li key={entry.resolved.link.id} data-relation={entry.resolved.link.relation}>
              <span className="relation-chip small" data-relation={entry.resolved.link.relation}>
                <span className="link-dot" aria-hidden="true" />
                {relationPhrase(entry, relation)}
              </span>
              <LinkEndView
                end={entry.other}
                quoteLength={120}
                jumpTestId="card-jump"
                onJump={props.onJump}
              />
            </li>
          )
        })}
      </ul>
    </div>
  )
}
