/**
 * Correcting a document's details (title, outlet, author, date, address): the dialog opens on the
 * focused document, and the correction goes to the backend (correctDocument, kept in the
 * project's corroborate.json). It is committed like any edit, so Ctrl+Z takes it back; the new
 * listing and the document read again follow from its events.
 */
import type { DocumentCorrection } from '../../core/model/document-corrections'
import type { WorkbenchState } from '../../shared/api'
import { errorText } from '../store/errors'
import { focusedKeyOf } from '../store/selectors'
import type { EffectContext } from './context'

export function documentDetailsEffects(
  context: EffectContext,
  applyState: (state: WorkbenchState) => void,
) {
  const { api, store, queue } = context
  return {
    /** Opens the dialog on `key`, or on the focused document. */
    open(key?: string): void {
      const target = key ?? focusedKeyOf(store.getState())
      if (target === null || context.refuseIfReadOnly()) return
      store.dispatch({ type: 'dialog/document-details', key: target })
    },
    /** Resolves to the backend's reason when it refused, or null once saved. */
    save(key: string, correction: DocumentCorrection): Promise<string | null> {
      return queue(() => api.correctDocument(key, correction)).then(
        (state) => {
          applyState(state)
          return null
        },
        (error: unknown) => errorText(error),
      )
    },
  }
}
