/**
 * Links the selected claim to a source outside the project: the agency report, press
 * conference or web page every outlet cites. A title or an address is required; the address
 * must be http(s) and the date as precise as the source gives it (YYYY, YYYY-MM, YYYY-MM-DD).
 * The backend checks the same rules; its message is shown here when it refuses.
 */
import { useState, type FormEvent } from 'react'
// The file schema's own forms (zod-free), so the form and the backend cannot disagree.
import { OUTSIDE_DATE_FORM, OUTSIDE_URL_FORM } from '../../core/model/outside-forms'
import type { OutsideSource, RelationType } from '../../shared/api'
import { shortQuote } from '../claims/claim-text'
import { useDialogSubmission } from './dialog-submission'
import { ModalDialog } from './ModalDialog'
import { SubmissionFooter } from './SubmissionFooter'

interface OutsideSourceDialogProps {
  claimQuote: string
  relations: readonly RelationType[]
  /** Resolves to an error message to show, or null once linked. */
  onSubmit(source: OutsideSource, relation: string, note: string): Promise<string | null>
  onClose(): void
}

/** Why the form cannot be sent yet, or null. */
export function outsideSourceProblem(source: OutsideSource): string | null {
  if (source.url.trim() === '' && source.title.trim() === '') return 'Give a title or an address.'
  if (!OUTSIDE_URL_FORM.test(source.url.trim()))
    return 'The address must start with http:// or https://.'
  if (!OUTSIDE_DATE_FORM.test(source.date.trim()))
    return 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.'
  return null
}

export function OutsideSourceDialog(props: OutsideSourceDialogProps) {
  const { relations } = props
  const [source, setSource] = useState<OutsideSource>({
    url: '',
    title: '',
    publisher: '',
    date: '',
    quote: '',
  })
  const [relation, setRelation] = useState(
    relations.find((candidate) => candidate.id === 'cites')?.id ?? relations[0]?.id ?? 'cites',
  )
  const [note, setNote] = useState('')
  const { error, setError, sending, submit } = useDialogSubmission(props.onClose)

  const field = (name: keyof OutsideSource) => ({
    id: `outside-${name}`,
    'data-testid': `outside-${name}`,
    value: source[name],
    onChange: (event: { target: { value: string } }) =>
      setSource((current) => ({ ...current, [name]: event.target.value })),
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed: OutsideSource = {
      url: source.url.trim(),
      title: source.title.trim(),
      publisher: source.publisher.trim(),
      date: source.date.trim(),
      quote: source.quote.trim(),
    }
    const problem = outsideSourceProblem(trimmed)
    if (problem) {
      setError(problem)
      return
    }
    submit(() => props.onSubmit(trimmed, relation, note.trim()))
  }

  return (
    <ModalDialog
      className="dialog outside-dialog"
      testId="outside-dialog"
      labelledBy="outside-title"
      onCancel={props.onClose}
    >
      <form onSubmit={onSubmit}>
        <h2 id="outside-title">Link to an outside source</h2>
        <p className="link-source">“{shortQuote(props.claimQuote, 160)}”</p>
        <div className="form-grid">
          <label htmlFor="outside-title-input">Title</label>
          <input
            {...field('title')}
            id="outside-title-input"
            autoFocus
            placeholder="e.g. Defense Intelligence Agency assessment"
          />
          <label htmlFor="outside-url">Address</label>
          <input {...field('url')} type="url" placeholder="https://…" spellCheck={false} />
          <label htmlFor="outside-publisher">Publisher</label>
          <input {...field('publisher')} placeholder="Agency, outlet or person" />
          <label htmlFor="outside-date">Date</label>
          <input {...field('date')} placeholder="YYYY-MM-DD" spellCheck={false} />
          <label htmlFor="outside-quote">Quoted passage</label>
          <textarea {...field('quote')} rows={3} />
          <label htmlFor="outside-relation">Relation</label>
          <select
            id="outside-relation"
            data-testid="outside-relation"
            value={relation}
            onChange={(event) => setRelation(event.target.value)}
          >
            {relations.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
          <label htmlFor="outside-note">Note</label>
          <input
            id="outside-note"
            data-testid="outside-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <SubmissionFooter
          error={error}
          sending={sending}
          submitLabel="Link source"
          onCancel={props.onClose}
          submitTestId="outside-save"
        />
      </form>
    </ModalDialog>
  )
}
