/**
 * The foot of a form dialog sent through useDialogSubmission: the backend's refusal, if any,
 * then Cancel and the submit button, disabled while the backend is asked.
 */
interface SubmissionFooterProps {
  error: string | null
  sending: boolean
  submitLabel: string
  onCancel(): void
  /** Test ids of the submit button and, when given, of the refusal. */
  submitTestId: string
  errorTestId?: string
}

export function SubmissionFooter(props: SubmissionFooterProps) {
  return (
    <>
      {props.error && (
        <p className="field-error" role="alert" data-testid={props.errorTestId}>
          {props.error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="primary"
          data-testid={props.submitTestId}
          disabled={props.sending}
        >
          {props.submitLabel}
        </button>
      </div>
    </>
  )
}
