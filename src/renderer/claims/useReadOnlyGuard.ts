/**
 * Refuses a change while the annotation file is read-only, saying why (the reason names the
 * file). Returns true when the change must not go ahead.
 */
import { useCallback } from 'react'

export function useReadOnlyGuard(
  readOnly: string | null,
  notify: (title: string, error: unknown) => void,
): () => boolean {
  return useCallback((): boolean => {
    if (readOnly === null) return false
    notify('Changes are not possible', new Error(readOnly))
    return true
  }, [readOnly, notify])
}
