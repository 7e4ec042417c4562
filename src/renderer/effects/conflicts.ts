/**
 * Settling the annotator file's conflict list: keep the value the file holds, or take the one
 * a git merge set aside. Each goes through the serial queue as one undoable command; the
 * 'changed' event it causes lists the entries again (store/conflicts.ts).
 */
import type { MergeConflictView } from '../../shared/api'
import type { EffectContext } from './context'

export function conflictEffects({ store, api, fail, queue, refuseIfReadOnly }: EffectContext) {
  const { dispatch } = store
  return {
    settle(entry: MergeConflictView, take: 'kept' | 'other'): Promise<void> {
      if (refuseIfReadOnly()) return Promise.resolve()
      return queue(() => api.settleMergeConflict({ key: entry.key, take })).then(
        () => undefined,
        (error: unknown) => fail('Could not settle the merge conflict', error),
      )
    },
    /** The claim the entry concerns, selected in its document. */
    openInDocument(entry: MergeConflictView) {
      const { documentKey } = entry.subject
      if (documentKey === null) return
      dispatch({ type: 'workspace/view', view: 'documents' })
      dispatch({ type: 'layout', action: { type: 'show', key: documentKey, beside: false } })
      if (entry.kind === 'claim' && entry.subject.exists) {
        dispatch({ type: 'selection/jump', claimId: entry.id, documentKey })
      }
    },
    /** Shows the panel of the conflict list. */
    show() {
      dispatch({ type: 'workspace/view', view: 'conflicts' })
    },
  }
}
