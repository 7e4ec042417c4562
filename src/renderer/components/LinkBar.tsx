/**
 * The link in the making, after link.withClaim (Shift+L, or the claim panel's button): first a
 * prompt to select the claim to link with in another document, then, once one is selected, the
 * relation keys (S same claim, P supports, X contradicts...) to link them. Escape cancels. The
 * link starts at the claim the gesture started from.
 */
import type { RelationType } from '../../shared/api'
import { shortQuote } from '../claims/claim-text'

export interface LinkPairEnd {
  claimId: string
  quote: string
  path: string
}

interface LinkBarProps {
  from: LinkPairEnd
  /** The claim selected in another document; null while the analyst has still to pick one. */
  to: LinkPairEnd | null
  relations: readonly RelationType[]
  onLink(relation: string): void
  onCancel(): void
}

export function LinkBar({ from, to, relations, onLink, onCancel }: LinkBarProps) {
  return (
    <div
      className="link-bar"
      role="region"
      aria-label="Link the two claims"
      aria-live="polite"
      data-testid={to ? 'link-bar' : 'link-start'}
    >
      <span className="link-bar-ends">
        Link <q title={from.path}>{shortQuote(from.quote, 90)}</q> →{' '}
        {to ? (
          <q title={to.path}>{shortQuote(to.quote, 90)}</q>
        ) : (
          <em>select a claim in another document</em>
        )}
      </span>
      {to && (
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
      )}
      <button type="button" className="small" onClick={onCancel} title="Do not link (Esc)">
        Cancel
      </button>
    </div>
  )
}
