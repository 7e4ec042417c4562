/**
 * The one place errors become words for people. The backend's messages are already written for
 * them (they name the file and say why); anything else (a bug, a dropped connection) says what
 * it can.
 */
import type { NoticeInput } from './actions'

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  return 'Something went wrong.'
}

/** A notice that `title` failed, with the reason. */
export function errorNotice(title: string, error: unknown): NoticeInput {
  return { kind: 'error', title, message: errorText(error) }
}
