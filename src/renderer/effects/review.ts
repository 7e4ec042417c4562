/**
 * Review's effects: moving through the disagreement queue (n and p), narrowing it (from the
 * filter bar or a figure of the agreement dashboard), and opening a unit in its document with
 * the lanes of the colleagues who marked it.
 */
import type { QueueFilter } from '../../core/review/queue'
import type { MergeStrategy } from '../../core/review/gold/build-gold'
import type { DecisionAction } from '../../core/review/gold/decisions'
import type { ReviewQueueUnit } from '../../shared/api'
import type { DecisionDraft } from '../store/review'
import { filteredQueueOf, queuePositionOf } from '../store/review-selectors'
import type { EffectContext } from './context'

export function reviewEffects({ store, api, fail, queue, inform }: EffectContext) {
  const { dispatch, getState } = store
  const reviewer = () => getState().status.annotation?.annotator ?? null
  const addFile = (path?: string) =>
    api.addReviewFile(path).then(
      (annotators) => {
        if (annotators !== null) dispatch({ type: 'review/sources' })
      },
      (error: unknown) => fail('Could not review the file', error),
    )
  return {
    /** Reviews an annotator file from outside annotations/: Electron's dialog, else a prompt. */
    chooseFile() {
      if (getState().workspace.backend?.capabilities.nativeDialogs) void addFile()
      else dispatch({ type: 'dialog/prompt', prompt: 'review-file' })
    },
    /** The path typed in browser mode's prompt. */
    confirmFile(paths: string[]) {
      dispatch({ type: 'dialog/close' })
      if (paths[0] !== undefined) void addFile(paths[0])
    },
    /** The next (1) or previous (-1) unit of the filtered queue; stays at either end. */
    move(delta: 1 | -1) {
      const state = getState()
      const units = filteredQueueOf(state)
      const position = queuePositionOf(state)
      const next = units[Math.min(units.length - 1, Math.max(0, position + delta))]
      if (next)
        dispatch({ type: 'review/unit', unit: { id: next.id, documentKey: next.documentKey } })
    },
    select(unit: ReviewQueueUnit) {
      dispatch({ type: 'review/unit', unit: { id: unit.id, documentKey: unit.documentKey } })
    },
    /** Shows the queue narrowed to `filter` (a click on a figure of the dashboard). */
    filter(filter: QueueFilter) {
      dispatch({ type: 'review/filter', filter })
      dispatch({ type: 'workspace/view', view: 'review' })
    },
    /**
     * The unit in its document: the colleagues who marked it drawn as lanes, and the analyst's
     * own version (if any) selected and scrolled to.
     */
    openInDocument(unit: ReviewQueueUnit) {
      const own = getState().review.annotators.value?.find((annotator) => annotator.current)
      for (const version of unit.versions) {
        if (version.annotator !== own?.name) {
          dispatch({ type: 'review/show', annotator: version.annotator, shown: true })
        }
      }
      dispatch({ type: 'workspace/view', view: 'documents' })
      dispatch({ type: 'layout', action: { type: 'show', key: unit.documentKey, beside: false } })
      const mine = unit.versions.find((version) => version.annotator === own?.name)
      if (mine) {
        dispatch({ type: 'selection/jump', claimId: mine.claimId, documentKey: unit.documentKey })
      }
    },
    /**
     * Decides the unit shown (as the current annotator, the reviewer), with the reason, note
     * and flag drafted, then moves on to the next unit.
     */
    decide(action: DecisionAction) {
      const state = getState()
      const unit = filteredQueueOf(state)[queuePositionOf(state)]
      const name = reviewer()
      if (!unit) return
      if (name === null) {
        fail('Could not decide', new Error('Name yourself in Settings > Annotator first.'))
        return
      }
      const { reason, note, guidelines } = state.review.draft
      queue(() =>
        api.recordDecision({ reviewer: name, unit: unit.key, action, reason, note, guidelines }),
      ).then(
        () => dispatch({ type: 'review/decided' }),
        (error: unknown) => fail('Could not record the decision', error),
      )
      this.move(1)
    },
    /** Takes back the decision on the unit shown: it is open again. */
    withdraw() {
      const state = getState()
      const unit = filteredQueueOf(state)[queuePositionOf(state)]
      const name = reviewer()
      if (!unit || name === null || unit.decision === null) return
      queue(() => api.removeDecision({ reviewer: name, unit: unit.key })).then(
        () => dispatch({ type: 'review/decided' }),
        (error: unknown) => fail('Could not withdraw the decision', error),
      )
    },
    /** Takes the n-th version (1-based) of the unit shown. */
    takeVersion(n: number) {
      const state = getState()
      const version = filteredQueueOf(state)[queuePositionOf(state)]?.versions[n - 1]
      if (version) this.decide({ kind: 'take', annotator: version.annotator })
    },
    /** Union or intersection of the spans, the fields of the first version. */
    combine(kind: 'union' | 'intersection') {
      const state = getState()
      const first = filteredQueueOf(state)[queuePositionOf(state)]?.versions[0]
      if (first) this.decide({ kind, fields: first.annotator })
    },
    /**
     * Builds or updates annotations/gold.json from every reviewer's decisions and `strategy`
     * (or takes back what strategies added), and says what it did.
     */
    mergeGold(strategy: MergeStrategy, undoAutomatic: boolean): Promise<void> {
      return queue(() => api.mergeGold({ strategy, undoAutomatic })).then(
        (result) => {
          const { added, updated, removed } = result.claims
          inform(
            `${result.file} ${undoAutomatic ? 'without what strategies added' : 'merged'}`,
            `${added} claims added, ${updated} updated, ${removed} removed; ` +
              `${result.units.decided} of ${result.units.total} units decided.`,
          )
          dispatch({ type: 'review/decided' })
        },
        (error: unknown) => fail('Could not merge into the gold file', error),
      )
    },
    draft(draft: Partial<DecisionDraft>) {
      dispatch({ type: 'review/draft', draft })
    },
    showLane(annotator: string, shown: boolean) {
      dispatch({ type: 'review/show', annotator, shown })
    },
    setBlind(blind: boolean) {
      dispatch({ type: 'review/blind', blind })
    },
  }
}
