/**
 * The selected claim's fields. Choices apply at once; typed text is committed after a pause
 * and on blur (use-draft-field.ts). Every change is one updateClaim, undoable with Ctrl+Z outside
 * the text fields (inside them Ctrl+Z stays the browser's own text undo).
 */
import { useCallback } from 'react'
import type { Certainty, ClaimPatch, ClaimStatus, Label, PlacedClaim } from '../../shared/api'
import { CERTAINTY_CHOICES, STATUSES } from '../claims/claim-text'
import { useDraftField } from '../claims/use-draft-field'
import { TagInput } from './TagInput'

interface ClaimEditorProps {
  placed: PlacedClaim
  labels: readonly Label[]
  /** Earlier "attributed to" values in this document, for completion. */
  suggestions: readonly string[]
  readOnly: boolean
  /** Changes the claim (one updateClaim); stable, so a field's pending text is committed to it. */
  onChange(claimId: string, patch: ClaimPatch): void
  onDelete(): void
  onConfirmPlace(): void
}

export function ClaimEditor(props: ClaimEditorProps) {
  const { placed, labels, suggestions, readOnly, onDelete, onConfirmPlace } = props
  const { claim } = placed
  const claimId = claim.id
  const update = props.onChange
  const onChange = (patch: ClaimPatch) => update(claimId, patch)
  const commitAttribution = useCallback(
    (attributedTo: string) => update(claimId, { attributedTo }),
    [update, claimId],
  )
  const commitNote = useCallback((note: string) => update(claimId, { note }), [update, claimId])
  const attributed = useDraftField(claim.attributedTo, commitAttribution)
  const note = useDraftField(claim.note, commitNote)

  return (
    <section className="claim-editor" data-testid="claim-editor" aria-label="Selected claim">
      <blockquote className="editor-quote" data-label={claim.label}>
        {claim.quote}
      </blockquote>
      {placed.placement === 'moved' && (
        <p className="moved-note">
          <span className="moved-marker">moved</span> The text changed; this claim was found again
          nearby.
          <button type="button" disabled={readOnly} onClick={onConfirmPlace}>
            Confirm
          </button>
        </p>
      )}
      <div className="editor-grid">
        <label htmlFor="claim-label">Label</label>
        <select
          id="claim-label"
          data-testid="claim-label"
          value={claim.label}
          disabled={readOnly}
          onChange={(event) => onChange({ label: event.target.value })}
        >
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
              {label.key ? ` (${label.key})` : ''}
            </option>
          ))}
        </select>

        <label htmlFor="claim-attributed">Attributed to</label>
        <input
          id="claim-attributed"
          data-testid="claim-attributed"
          list="claim-attributed-suggestions"
          value={attributed.draft}
          disabled={readOnly}
          placeholder="Who says so?"
          autoComplete="off"
          onChange={(event) => attributed.change(event.target.value)}
          onBlur={attributed.flush}
        />
        <datalist id="claim-attributed-suggestions">
          {suggestions.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>

        <label htmlFor="claim-status">Status</label>
        <select
          id="claim-status"
          data-testid="claim-status"
          value={claim.status}
          disabled={readOnly}
          onChange={(event) => onChange({ status: event.target.value as ClaimStatus })}
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>

        <label htmlFor="claim-certainty">Certainty</label>
        <select
          id="claim-certainty"
          data-testid="claim-certainty"
          value={claim.certainty ?? ''}
          disabled={readOnly}
          onChange={(event) =>
            onChange({ certainty: (event.target.value || null) as Certainty | null })
          }
        >
          {CERTAINTY_CHOICES.map((certainty) => (
            <option key={certainty} value={certainty}>
              {certainty || 'not assessed'}
            </option>
          ))}
        </select>

        <label htmlFor="claim-note">Note</label>
        <textarea
          id="claim-note"
          data-testid="claim-note"
          rows={3}
          value={note.draft}
          disabled={readOnly}
          onChange={(event) => note.change(event.target.value)}
          onBlur={note.flush}
        />

        <label htmlFor="claim-tags-input">Tags</label>
        <TagInput tags={claim.tags} disabled={readOnly} onChange={(tags) => onChange({ tags })} />
      </div>
      <div className="editor-actions">
        <span className="editor-hint">
          Adjust: Ctrl+Alt+←/→ start · Shift+Alt+←/→ end · R: set to selection
        </span>
        <button
          type="button"
          className="danger"
          data-testid="claim-delete"
          disabled={readOnly}
          title="Delete the claim (Delete)"
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </section>
  )
}
