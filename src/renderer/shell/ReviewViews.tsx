/**
 * The disagreement queue, the agreement dashboard, the comparison with gold and the conflict
 * list, with what they need from the store.
 */
import { useCallback } from 'react'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import { colourOf, displayName } from '../store/review'
import { annotatorNamesOf, filteredQueueOf, queuePositionOf } from '../store/review-selectors'
import { labelsOf } from '../store/selectors'
import { AgreementView } from '../views/AgreementView'
import { ConflictsView } from '../views/ConflictsView'
import { GoldComparisonView } from '../views/GoldComparisonView'
import { DecisionBar } from '../views/DecisionBar'
import { GoldMerge } from '../views/GoldMerge'
import { ReviewView } from '../views/ReviewView'

/** How review names and colours annotators, blind mode included. */
function useNaming() {
  const names = useAppState(annotatorNamesOf)
  const blind = useAppState((state) => state.review.blind)
  return {
    nameOf: useCallback((name: string) => displayName(name, names, blind), [names, blind]),
    colourOf: useCallback((name: string) => colourOf(name, names), [names]),
  }
}

export function ReviewQueueView() {
  const { review } = useWorkbench()
  const queue = useAppState((state) => state.review.queue)
  const units = useAppState(filteredQueueOf)
  const position = useAppState(queuePositionOf)
  const filter = useAppState((state) => state.review.filter)
  const labels = useAppState(labelsOf)
  const { nameOf, colourOf } = useNaming()
  const reviewer = useAppState((state) => state.status.annotation?.annotator ?? null)
  const draft = useAppState((state) => state.review.draft)
  return (
    <main className="workspace project-workspace">
      <ReviewView
        gold={<GoldMerge onMerge={review.mergeGold} />}
        decision={(unit) => (
          <DecisionBar
            unit={unit}
            reviewer={reviewer}
            draft={draft}
            nameOf={nameOf}
            onTake={(n) => review.takeVersion(n)}
            onCombine={(kind) => review.combine(kind)}
            onReject={() => review.decide({ kind: 'reject' })}
            onWithdraw={() => review.withdraw()}
            onDraft={review.draft}
          />
        )}
        queue={queue.value}
        loading={queue.pending !== null}
        units={units}
        position={position}
        filter={filter}
        labels={labels}
        nameOf={nameOf}
        colourOf={colourOf}
        onFilter={review.filter}
        onSelect={review.select}
        onOpenInDocument={review.openInDocument}
      />
    </main>
  )
}

export function AgreementDashboard() {
  const workbench = useWorkbench()
  const version = useAppState((state) => state.review.version)
  const session = useAppState((state) => state.workspace.session)
  const labels = useAppState(labelsOf)
  const { nameOf } = useNaming()
  return (
    <main className="workspace project-workspace">
      <AgreementView
        api={workbench.api}
        session={session}
        version={version}
        labels={labels}
        nameOf={nameOf}
        onFilter={workbench.review.filter}
      />
    </main>
  )
}

/** The annotator's own file against gold: what the reviewer changed. */
export function GoldComparison() {
  const workbench = useWorkbench()
  const version = useAppState((state) => state.review.version)
  const session = useAppState((state) => state.workspace.session)
  const labels = useAppState(labelsOf)
  const onOpen = useCallback(
    (documentKey: string) => {
      workbench.showView('documents')
      workbench.layout({ type: 'show', key: documentKey, beside: false })
    },
    [workbench],
  )
  return (
    <main className="workspace project-workspace">
      <GoldComparisonView
        api={workbench.api}
        session={session}
        version={version}
        labels={labels}
        onOpen={onOpen}
      />
    </main>
  )
}

/** The annotator file's conflict list, to settle. */
export function MergeConflicts() {
  const { conflicts } = useWorkbench()
  const list = useAppState((state) => state.conflicts.list)
  const labels = useAppState(labelsOf)
  const labelName = useCallback(
    (id: string) => labels.find((label) => label.id === id)?.name ?? id,
    [labels],
  )
  return (
    <main className="workspace project-workspace">
      <ConflictsView
        conflicts={list.value}
        loading={list.pending !== null}
        labelName={labelName}
        onSettle={(entry, take) => void conflicts.settle(entry, take)}
        onOpen={conflicts.openInDocument}
      />
    </main>
  )
}
