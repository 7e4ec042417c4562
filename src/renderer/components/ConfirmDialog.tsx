/** Asks before a change that takes more with it than the analyst may expect (Enter confirms). */
import type { ReactNode } from 'react'
import { ModalDialog } from './ModalDialog'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  testId: string
  onConfirm(): void
  onCancel(): void
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <ModalDialog
      className="dialog"
      testId={props.testId}
      labelledBy={`${props.testId}-title`}
      onCancel={props.onCancel}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault()
          props.onConfirm()
        }}
      >
        <h2 id={`${props.testId}-title`}>{props.title}</h2>
        <div className="dialog-hint">{props.children}</div>
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary danger" data-autofocus data-testid="confirm">
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
