/**
 * Flipping a block of the focused document between article and page furniture: the block where
 * the text selection (or the selected claim) starts. The choice goes to the backend as a
 * correction (correctDocument, kept in the project's corroborate.json), committed like any edit:
 * its change event names the document, which the store then reads again (so the reader folds or
 * unfolds the block, and claims on it count or stop counting), and Ctrl+Z takes it back.
 */
import type { Block } from '../../core/document/types'
import {
  focusedDocumentOf,
  focusedKeyOf,
  focusedTextOf,
  selectedPlacedOf,
} from '../store/selectors'
import type { EffectContext } from './context'

/** The block holding `offset`; in the blank line between two blocks, the one after. */
export function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  return blocks.find((block) => offset < block.end)
}

export function furnitureEffects(context: EffectContext, applyState: ProjectStateSink) {
  const { api, store, queue, fail, inform } = context
  return {
    /** Flips the block at the selection; tells the analyst what it is now. */
    flipBlock(): void {
      const state = store.getState()
      const key = focusedKeyOf(state)
      const document = focusedDocumentOf(state)
      const at = focusedTextOf(state)?.start ?? selectedPlacedOf(state)?.start
      if (key === null || document === undefined) return
      if (at === undefined) {
        inform('Nothing to mark', 'Select some text of the block first.')
        return
      }
      const block = blockAt(document.blocks, at)
      if (block === undefined) return
      const furniture = block.boilerplate !== true
      if (context.refuseIfReadOnly()) return
      void queue(async () => {
        try {
          applyState(await api.correctDocument(key, { furniture: { [block.start]: furniture } }))
          inform(
            furniture ? 'Marked as page furniture' : 'Marked as article text',
            furniture
              ? 'The block is folded, and claims on it count nowhere. Undo (Ctrl+Z) takes it back.'
              : 'The block is shown as article text, and claims on it count again. Undo (Ctrl+Z) takes it back.',
          )
        } catch (error) {
          fail('Could not change the block', error)
        }
      })
    },
  }
}

type ProjectStateSink = (
  state: Awaited<ReturnType<EffectContext['api']['correctDocument']>>,
) => void
