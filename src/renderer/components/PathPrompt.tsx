/**
 * Asks for a path in the page itself, for browser mode where no native dialog
 * exists (window.prompt is blocking and cannot be styled or tested well).
 */
import { useState, type FormEvent } from 'react'
import type { PromptKind } from '../store/dialogs'
import { ModalDialog } from './ModalDialog'

interface PathPromptProps {
  /** 'folder' and 'review-file': one path; 'files': one path per line. */
  kind: PromptKind
  onConfirm(paths: string[]): void
  onCancel(): void
}

const WORDING: Record<PromptKind, { title: string; label: string; placeholder: string }> = {
  folder: {
    title: 'Open a folder',
    label: 'Path of the project folder on this computer',
    placeholder: '/home/me/articles',
  },
  files: {
    title: 'Open files',
    label: 'Paths of the article files, one per line',
    placeholder: '/home/me/articles/report.html',
  },
  'review-file': {
    title: 'Review an annotator file',
    label: 'Path of a colleague’s annotator file (.json), read and never written',
    placeholder: '/home/me/Downloads/ana.json',
  },
}

export function PathPrompt({ kind, onConfirm, onCancel }: PathPromptProps) {
  const [value, setValue] = useState('')

  const paths = value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (paths.length > 0) onConfirm(kind === 'files' ? paths : paths.slice(0, 1))
  }

  const { title, label, placeholder } = WORDING[kind]
  return (
    <ModalDialog
      className="path-prompt"
      testId="path-prompt"
      labelledBy="path-prompt-title"
      onCancel={onCancel}
    >
      <form onSubmit={onSubmit}>
        <h2 id="path-prompt-title">{title}</h2>
        <label htmlFor="path-prompt-input">{label}</label>
        {kind !== 'files' ? (
          <input
            id="path-prompt-input"
            data-testid="path-input"
            autoFocus
            spellCheck={false}
            value={value}
            placeholder={placeholder}
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
