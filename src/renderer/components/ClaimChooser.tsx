/** Where claims overlap under a click: a small menu to pick one of them. */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { Label, PlacedClaim } from '../../shared/api'
import { shortQuote } from '../claims/claim-text'

interface ClaimChooserProps {
  claims: readonly PlacedClaim[]
  labels: ReadonlyMap<string, Label>
  x: number
  y: number
  onChoose(id: string): void
  onClose(): void
}

export function ClaimChooser({ claims, labels, x, y, onChoose, onClose }: ClaimChooserProps) {
  const ref = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const { width, height } = element.getBoundingClientRect()
    element.style.setProperty('left', `${Math.round(Math.min(x, window.innerWidth - width - 8))}px`)
    element.style.setProperty(
      'top',
      `${Math.round(Math.min(y + 12, window.innerHeight - height - 8))}px`,
    )
    element.querySelector('button')?.focus()
  }, [x, y])

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose()
    }
    window.addEventListener('pointerdown', onPointerDown)
    return () => window.removeEventListener('pointerdown', onPointerDown)
  }, [onClose])

  return (
    <div
      ref={ref}
      className="claim-chooser"
      data-testid="claim-chooser"
      role="menu"
      aria-label="Overlapping claims"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          // The chooser's own: the window's Escape (deselect) must not also run.
          event.preventDefault()
          onClose()
        }
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault()
          const items = [...(ref.current?.querySelectorAll('button') ?? [])]
          const index = items.indexOf(document.activeElement as HTMLButtonElement)
          const step = event.key === 'ArrowDown' ? 1 : -1
          items[(index + step + items.length) % items.length]?.focus()
        }
      }}
    >
      <p className="chooser-title">{claims.length} claims here</p>
      {claims.map(({ claim }) => (
        <button
          key={claim.id}
          type="button"
          role="menuitem"
          data-testid="chooser-item"
          data-claim-id={claim.id}
          data-label={claim.label}
          onClick={() => onChoose(claim.id)}
        >
          <span className="swatch" aria-hidden="true" />
          <span className="chooser-label">{labels.get(claim.label)?.name ?? claim.label}</span>
          <span className="chooser-quote">{shortQuote(claim.quote, 70)}</span>
        </button>
      ))}
    </div>
  )
}
