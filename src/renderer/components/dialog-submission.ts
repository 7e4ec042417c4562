/**
 * A form dialog's submission: "sending" while the backend is asked, the dialog closed once it
 * accepted, or its refusal shown in place (the dialog stays open with what was typed).
 */
import { useState } from 'react'

export function useDialogSubmission(onClose: () => void) {
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  /** Sends; `send` resolves with null when accepted, or the message to show. */
  const submit = (send: () => Promise<string | null>) => {
    setSending(true)
    void send().then((failure) => {
      setSending(false)
      if (failure === null) onClose()
      else setError(failure)
    })
  }
  return { error, setError, sending, submit }
}
