/**
 * Asks for a path in the page itself, for browser mode where no native dialog
 * exists (window.prompt is blocking and cannot be styled or tested well).
 */
import { useState, type FormEvent } from 'react'
import { ModalDialog } from './ModalDialog'

interface PathPromptProps {
  /** 'folder': one path; 'files': one path per line. */
  kind: 'folder' | 'files'
  onConfirm(paths: string[]): void
  onCancel(): void
}

export function PathPrompt({ kind, onConfirm, onCancel }: PathPromptProps) {
  const [value, setValue] = useState('')

  const paths = value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (paths.length > 0) onConfirm(kind === 'folder' ? paths.slice(0, 1) : paths)
  }

  const title = kind === 'folder' ? 'Open a folder' : 'Open files'
  return (
    <ModalDialog
      className="path-prompt"
      testId="path-prompt"
      labelledBy="path-prompt-title"
      onCancel={onCancel}
    >
      <form onSubmit={onSubmit}>
        <h2 id="path-prompt-title">{title}</h2>
        <label htmlFor="path-prompt-input">
          {kind === 'folder'
            ? 'Path of the project folder on this computer'
            : 'Paths of the article files, one per line'}
        </label>
        {kind === 'folder' ? (
          <input
            id="path-prompt-input"
            data-testid="path-input"
            autoFocus
            spellCheck={false}
            value={value}
            placeholder="/home/me/articles"
            onChange={(event) => setValue(event.target.value)}
          />
        ) : (
          <textarea
            id="path-prompt-input"
            data-testid="path-input"
            autoFocus
            rows={4}
            spellCheck={false}
            value={value}
            placeholder="/home/me/articles/report.html"
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSubmit(event)
            }}
          />
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="path-confirm"
            disabled={paths.length === 0}
          >
            Open
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
