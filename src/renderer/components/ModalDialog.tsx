/**
 * The one way the app shows a modal: a native <dialog> opened with showModal()
 * (focus trap, Escape and the backdrop for free). Escape is routed to onCancel
 * so the owner decides whether the dialog goes, instead of the browser closing
 * it behind React's back. The element marked data-autofocus gets the focus.
 */
import { useEffect, useRef, type ReactNode } from 'react'

interface ModalDialogProps {
  className: string
  testId: string
  /** Id of the element that titles the dialog. */
  labelledBy: string
  onCancel(): void
  children: ReactNode
}

export function ModalDialog({
  className,
  testId,
  labelledBy,
  onCancel,
  children,
}: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    // Focus goes back where it was (the reader, mostly) when the dialog goes, so the keys that
    // work there (Shift+arrows, Ctrl+A, J/K) work at once.
    const before = document.activeElement
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus({ preventScroll: true })
    }
  }, [])

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog || dialog.open) return
    dialog.showModal()
    // showModal() focuses the first focusable element; a dialog may name another one (a confirm
    // button after Cancel). React's autoFocus runs too early for that: before showModal().
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className={className}
      data-testid={testId}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      {children}
    </dialog>
  )
}
