/**
 * Offered when the analyst selects a claim in one document and then a claim in another: press
 * a relation's key (S same claim, P supports, X contradicts...) to link them, Escape to go on
 * without. The link starts at the claim selected first.
 */
import type { RelationType } from '../../shared/api'
import { shortQuote } from '../claims/claimText'

export interface LinkPair {
  from: { claimId: string; quote: string; path: string }
  to: { claimId: string; quote: string; path: string }
}

interface LinkBarProps {
  pair: LinkPair
  relations: readonly RelationType[]
  onLink(relation: string): void
  onDismiss(): void
}

export function LinkBar({ pair, relations, onLink, onDismiss }: LinkBarProps) {
  return (
    <div
      className="link-bar"
      role="region"
      aria-label="Link the two claims"
      aria-live="polite"
      data-testid="link-bar"
    >
      <span className="link-bar-ends">
        Link <q title={pair.from.path}>{shortQuote(pair.from.quote, 90)}</q> →{' '}
        <q title={pair.to.path}>{shortQuote(pair.to.quote, 90)}</q>
      </span>
      <span className="relation-choice">
        {relations.map((relation) => (
          <button
            key={relation.id}
            type="button"
            className="relation-chip"
            data-relation={relation.id}
            data-testid="link-bar-relation"
            title={relation.description}
            onClick={() => onLink(relation.id)}
          >
            <span className="link-dot" aria-hidden="true" />
            {relation.name} {relation.key && <kbd>{relation.key.toUpperCase()}</kbd>}
          </button>
        ))}
      </span>
      <button type="button" className="small" onClick={onDismiss} title="Do not link (Esc)">
        Not now
      </button>
    </div>
  )
}
