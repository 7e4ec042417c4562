/**
 * The document's claims in text order. Only a window of rows around the selected claim is
 * drawn, so a document with thousands of claims keeps a small DOM; filters narrow the rest.
 */
import { memo, useEffect, useRef } from 'react'
import type { Label, PlacedClaim } from '../../shared/api'
import { shortQuote } from '../claims/claim-text'
import type { BadgesByClaim } from '../claims/drawn-claims'

/** Rows drawn at most; the selected claim's row is always among them. */
export const LIST_WINDOW = 200

interface ClaimListProps {
  claims: readonly PlacedClaim[]
  labels: ReadonlyMap<string, Label>
  selectedId: string | null
  /** Link badges by claim id: rows show the count and a dot per relation. */
  badges: BadgesByClaim
  onSelect(id: string): void
}

export const ClaimList = memo(function ClaimList(props: ClaimListProps) {
  const { claims, labels, selectedId, badges, onSelect } = props
  const listRef = useRef<HTMLOListElement>(null)
  const selectedIndex = claims.findIndex(({ claim }) => claim.id === selectedId)
  const first = Math.max(0, Math.min(selectedIndex - LIST_WINDOW / 2, claims.length - LIST_WINDOW))
  const shown = claims.slice(first, first + LIST_WINDOW)

  useEffect(() => {
    if (selectedId === null) return
    listRef.current
      ?.querySelector(`[data-claim-id="${CSS.escape(selectedId)}"]`)
      ?.scrollIntoView({ block: 'nearest' })
  }, [selectedId])

  if (claims.length === 0) return null
  return (
    <>
      {first > 0 && <p className="list-more">{first} earlier claims</p>}
      <ol className="claim-list" data-testid="claim-list" ref={listRef} aria-label="Claims">
        {shown.map((placed) => (
          <ClaimRow
            key={placed.claim.id}
            placed={placed}
            labelName={labels.get(placed.claim.label)?.name ?? placed.claim.label}
            selected={placed.claim.id === selectedId}
            badge={badges.get(placed.claim.id)}
            onSelect={onSelect}
          />
        ))}
      </ol>
      {first + shown.length < claims.length && (
        <p className="list-more">{claims.length - first - shown.length} later claims</p>
      )}
    </>
  )
})

interface ClaimRowProps {
  placed: PlacedClaim
  labelName: string
  selected: boolean
  badge: ReturnType<BadgesByClaim['get']>
  onSelect(id: string): void
}

const ClaimRow = memo(function ClaimRow(props: ClaimRowProps) {
  const { placed, labelName, selected, badge, onSelect } = props
  const { claim } = placed
  return (
    <li>
      <button
        type="button"
        className={selected ? 'claim-row selected' : 'claim-row'}
        data-testid="claim-row"
        data-claim-id={claim.id}
        data-label={claim.label}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(claim.id)}
      >
        <span className="row-head">
          <span className="swatch" aria-hidden="true" />
          <span className="row-label">{labelName}</span>
          <span className={`row-status status-${claim.status}`}>{claim.status}</span>
          {placed.placement === 'moved' && <span className="moved-marker">moved</span>}
          {badge && (
            <span
              className="row-links"
              data-testid="row-links"
              title={`${badge.count} ${badge.count === 1 ? 'link' : 'links'}`}
            >
              {badge.relations.map((relation) => (
                <span key={relation} className="link-dot" data-relation={relation} />
              ))}
              {badge.count}
            </span>
          )}
        </span>
        <span className="row-quote">{shortQuote(claim.quote)}</span>
        {claim.attributedTo && <span className="row-attributed">— {claim.attributedTo}</span>}
      </button>
    </li>
  )
})
