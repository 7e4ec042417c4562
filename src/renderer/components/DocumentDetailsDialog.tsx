/**
 * Corrects what the file says about an article: title, outlet, author, publication date and
 * address. The fields start from what is shown now (detected, or corrected before); only fields
 * the analyst changed are sent, an emptied field saying "unknown". The backend checks the forms
 * (an ISO date, an http(s) address) and its message is shown here when it refuses. The
 * correction lives in the project, never in the article file, and Ctrl+Z takes it back.
 */
import { useState, type FormEvent } from 'react'
import type { DocumentCorrection } from '../../core/model/document-corrections'
import type { DocumentMetadata } from '../../core/document/types'
import { useDialogSubmission } from './dialog-submission'
import { ModalDialog } from './ModalDialog'
import { SubmissionFooter } from './SubmissionFooter'

const FIELDS = [
  { name: 'title', label: 'Title', placeholder: 'The headline' },
  { name: 'outlet', label: 'Outlet', placeholder: 'e.g. Harbour Monitor' },
  { name: 'author', label: 'Author', placeholder: 'Who wrote it' },
  { name: 'published', label: 'Published', placeholder: 'YYYY-MM-DD or YYYY-MM-DDTHH:MM+01:00' },
  { name: 'url', label: 'Address', placeholder: 'https://…' },
] as const

type FieldName = (typeof FIELDS)[number]['name']

interface DocumentDetailsDialogProps {
  path: string
  metadata: DocumentMetadata
  /** Resolves to an error message to show, or null once saved. */
  onSubmit(correction: DocumentCorrection): Promise<string | null>
  onClose(): void
}

/** The fields the analyst changed: a new value, or null for a field emptied. */
export function changedDetails(
  before: Partial<Record<FieldName, string | undefined>>,
  after: Record<FieldName, string>,
): DocumentCorrection {
  const correction: DocumentCorrection = {}
  for (const { name } of FIELDS) {
    const value = after[name].trim()
    if (value === (before[name] ?? '').trim()) continue
    correction[name] = value === '' ? null : value
  }
  return correction
}

export function DocumentDetailsDialog(props: DocumentDetailsDialogProps) {
  const initial = Object.fromEntries(
    FIELDS.map(({ name }) => [name, props.metadata[name] ?? '']),
  ) as Record<FieldName, string>
  const [values, setValues] = useState(initial)
  const { error, sending, submit } = useDialogSubmission(props.onClose)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const correction = changedDetails(props.metadata, values)
    if (Object.keys(correction).length === 0) {
      props.onClose()
      return
    }
    submit(() => props.onSubmit(correction))
  }

  return (
    <ModalDialog
      className="dialog details-dialog"
      testId="details-dialog"
      labelledBy="details-title"
      onCancel={props.onClose}
    >
      <form onSubmit={onSubmit}>
        <h2 id="details-title">Document details</h2>
        <p className="details-path">{props.path}</p>
        <div className="form-grid">
          {FIELDS.map(({ name, label, placeholder }, index) => (
            <Field
              key={name}
              name={name}
              label={label}
              placeholder={placeholder}
              value={values[name]}
              autoFocus={index === 0}
              onChange={(value) => setValues((current) => ({ ...current, [name]: value }))}
            />
          ))}
        </div>
        <p className="dialog-hint">
          Kept in the project (corroborate.json), never in the article file; an emptied field means
          unknown. Undo (Ctrl+Z) takes a correction back.
        </p>
        <SubmissionFooter
          error={error}
          sending={sending}
          submitLabel="Save"
          onCancel={props.onClose}
          submitTestId="details-save"
          errorTestId="details-error"
        />
      </form>
    </ModalDialog>
  )
}

function Field(props: {
  name: FieldName
  label: string
  placeholder: string
  value: string
  autoFocus: boolean
  onChange(value: string): void
}) {
  const id = `details-${props.name}`
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        data-testid={id}
        value={props.value}
        placeholder={props.placeholder}
        autoFocus={props.autoFocus}
        spellCheck={props.name === 'title' || props.name === 'author'}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </>
  )
}
