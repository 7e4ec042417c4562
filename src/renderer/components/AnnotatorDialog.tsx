/**
 * Asks the analyst's name before their first claim: it names their annotation file
 * (annotations/<name>.json). The backend checks the name; its message is shown here.
 */
import { useState, type FormEvent } from 'react'
import { ModalDialog } from './ModalDialog'

interface AnnotatorDialogProps {
  error: string | null
  busy: boolean
  onConfirm(name: string): void
  onCancel(): void
}

export function AnnotatorDialog({ error, busy, onConfirm, onCancel }: AnnotatorDialogProps) {
  const [name, setName] = useState('')

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() !== '') onConfirm(name.trim())
  }

  return (
    <ModalDialog
      className="dialog"
      testId="annotator-dialog"
      labelledBy="annotator-title"
      onCancel={onCancel}
    >
      <form onSubmit={onSubmit}>
        <h2 id="annotator-title">Who is annotating?</h2>
        <p className="dialog-hint">
          Your claims are kept in <code>annotations/{name.trim() || '<name>'}.json</code> in the
          project folder, so colleagues can exchange and merge their files.
        </p>
        <label htmlFor="annotator-input">Your name or initials</label>
        <input
          id="annotator-input"
          data-testid="annotator-input"
          autoFocus
          spellCheck={false}
          maxLength={64}
          value={name}
          placeholder="e.g. alice"
          aria-invalid={error !== null}
          aria-describedby={error ? 'annotator-error' : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {error && (
          <p id="annotator-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="annotator-confirm"
            disabled={busy || name.trim() === ''}
          >
            Start annotating
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
