/**
 * Claims whose passage is no longer in the text (orphans): the old quote and why it could not
 * be found. The analyst selects the new text and places the claim there, or deletes it.
 */
import type { OrphanClaim } from '../../shared/api'
import type { OrphanReason } from '../../core/anchoring/anchor'
import { shortQuote } from '../claims/claim-text'

const REASONS: Record<OrphanReason, string> = {
  'not-found': 'The passage is no longer in the text.',
  'quote-changed': 'Only a much changed version of the passage was found.',
  'figures-changed': 'The closest passage states different figures.',
  'context-changed': 'A similar passage was found, but its surroundings differ.',
  ambiguous: 'The passage appears several times; which one is meant is unclear.',
}

interface NeedsAttentionProps {
  orphans: readonly OrphanClaim[]
  placingId: string | null
  hasSelection: boolean
  readOnly: boolean
  onStartPlacing(id: string | null): void
  onPlace(id: string): void
  onDelete(id: string): void
}

export function NeedsAttention(props: NeedsAttentionProps) {
  const { orphans, placingId, hasSelection, readOnly } = props
  if (orphans.length === 0) return null
  return (
    <section className="needs-attention" data-testid="needs-attention" aria-labelledby="na-title">
      <h3 id="na-title">Needs attention ({orphans.length})</h3>
      <ul>
        {orphans.map(({ claim, reason }) => (
          <li key={claim.id} className="orphan" data-claim-id={claim.id} data-label={claim.label}>
            <span className="swatch" aria-hidden="true" />
            <q className="orphan-quote">{shortQuote(claim.quote, 160)}</q>
            <span className="orphan-reason">{REASONS[reason] ?? reason}</span>
            <span className="orphan-actions">
              {placingId === claim.id ? (
                <>
                  <button
                    type="button"
                    className="primary"
                    data-testid="orphan-place"
                    disabled={!hasSelection || readOnly}
                    title={
                      hasSelection
                        ? 'Place the claim on the selected text'
                        : 'Select the text first'
                    }
                    onClick={() => props.onPlace(claim.id)}
                  >
                    Place here
                  </button>
                  <button type="button" onClick={() => props.onStartPlacing(null)}>
                    Cancel
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  disabled={readOnly}
                  onClick={() => props.onStartPlacing(claim.id)}
                >
                  Re-place…
                </button>
              )}
              <button
                type="button"
                className="danger"
                disabled={readOnly}
                onClick={() => props.onDelete(claim.id)}
              >
                Delete
              </button>
            </span>
            {placingId === claim.id && (
              <span className="orphan-hint">
                Select the new text in the article, then Place here.
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
