/**
 * A cluster's canonical wording, edited in place: click it (or focus it and press Enter) to
 * edit; Enter saves, Shift+Enter is refused (a wording is one line), Escape cancels. Saving an
 * empty wording, or "Use earliest words", goes back to the earliest mention's words.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'

/** The contract's limit (setClusterWording): 1-2000 characters after trimming. */
export const MAX_WORDING = 2000

interface WordingEditorProps {
  wording: string
  custom: boolean
  /** Why changes are refused, or null. */
  readOnly: string | null
  /** Saves the wording (null: back to the earliest mention's); resolves true when saved. */
  onSave(text: string | null): Promise<boolean>
}

export function WordingEditor({ wording, custom, readOnly, onSave }: WordingEditorProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)
  const display = useRef<HTMLButtonElement>(null)
  const hintId = useId()
  const editing = draft !== null

  useEffect(() => {
    if (editing) field.current?.select()
  }, [editing])

  const stop = (refocus: boolean) => {
    setDraft(null)
    // Back on the wording, so the keyboard user can go on from where they were.
    if (refocus) requestAnimationFrame(() => display.current?.focus())
  }

  const save = async (text: string | null) => {
    const trimmed = text?.trim() ?? ''
    if (text !== null && trimmed === wording.trim()) return stop(true)
    setSaving(true)
    const saved = await onSave(trimmed === '' ? null : trimmed)
    setSaving(false)
    if (saved) stop(true)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      void save(event.currentTarget.value)
    } else if (event.key === 'Enter') {
      event.preventDefault()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      stop(true)
    }
  }

  if (editing) {
    return (
      <div className="wording-editor">
        <textarea
          ref={field}
          className="wording-field"
          data-testid="wording-field"
          aria-label="Cluster wording"
          aria-describedby={hintId}
          value={draft}
          maxLength={MAX_WORDING}
          rows={2}
          disabled={saving}
          onChange={(event) => setDraft(event.target.value.replace(/\n/g, ' '))}
          onKeyDown={onKeyDown}
        />
        <div className="wording-actions">
          <span id={hintId} className="wording-hint">
            Enter saves · Esc cancels{custom ? '' : ' · empty: earliest words'}
          </span>
          <button type="button" onClick={() => stop(true)} disabled={saving}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            data-testid="wording-save"
            onClick={() => void save(draft)}
            disabled={saving}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </div>
    )
  }

  return (
    <div className="wording">
      <button
        ref={display}
        type="button"
        className="wording-text"
        data-testid="cluster-wording"
        aria-label={readOnly ? `Wording: ${wording}` : `Edit wording: ${wording}`}
        title={readOnly ?? 'Click or press Enter to edit the wording'}
        aria-disabled={readOnly !== null}
        onClick={() => readOnly === null && setDraft(wording)}
      >
        {wording}
      </button>
      <span
        className={custom ? 'wording-kind custom' : 'wording-kind'}
        data-testid="wording-kind"
        data-custom={custom}
      >
        {custom ? 'Custom wording' : 'Earliest mention’s words'}
      </span>
      {custom && readOnly === null && (
        <button
          type="button"
          className="link wording-reset"
          data-testid="wording-reset"
          onClick={() => void save(null)}
          disabled={saving}
        >
          Use earliest words
        </button>
      )}
    </div>
  )
}
