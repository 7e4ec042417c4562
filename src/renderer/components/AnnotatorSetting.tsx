/**
 * Settings: who this app annotates as. Switching saves the current annotator's file and opens
 * (or starts) the other's; a colleague's name from annotations/ is offered, since a reviewer
 * may take over a file, and the backend's message is shown when it refuses a name.
 */
import { useId, useState } from 'react'

interface AnnotatorSettingProps {
  current: string | null
  /** Names of the project's annotator files. */
  known: readonly string[]
  /** Resolves to an error message, or null once the annotator is switched. */
  onSwitch(name: string): Promise<string | null>
}

export function AnnotatorSetting({ current, known, onSwitch }: AnnotatorSettingProps) {
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const listId = useId()
  const trimmed = name.trim()
  const switchTo = () => {
    if (trimmed === '' || trimmed === current || busy) return
    setBusy(true)
    setError(null)
    void onSwitch(trimmed).then((message) => {
      setBusy(false)
      setError(message)
      if (message === null) setName('')
    })
  }
  return (
    <fieldset className="settings-section" data-testid="annotator-setting">
      <legend>Annotator</legend>
      <p>
        You annotate as <strong data-testid="current-annotator">{current ?? 'nobody yet'}</strong>
        {current && <> (annotations/{current}.json)</>}.
      </p>
      <div className="annotator-switch">
        <label htmlFor={`${listId}-input`}>Switch to</label>
        <input
          id={`${listId}-input`}
          data-testid="annotator-switch-input"
          list={listId}
          value={name}
          maxLength={64}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            // Enter switches here rather than submitting the labels form around it.
            if (event.key === 'Enter') {
              event.preventDefault()
              switchTo()
            }
          }}
          aria-invalid={error !== null}
          aria-describedby={error ? `${listId}-error` : undefined}
        />
        <datalist id={listId}>
          {known
            .filter((candidate) => candidate !== current)
            .map((candidate) => (
              <option key={candidate} value={candidate} />
            ))}
        </datalist>
        <button
          type="button"
          data-testid="annotator-switch"
          disabled={busy || trimmed === '' || trimmed === current}
          onClick={switchTo}
        >
          Switch
        </button>
      </div>
      {error && (
        <p id={`${listId}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}
