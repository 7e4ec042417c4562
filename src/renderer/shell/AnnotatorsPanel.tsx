/** The sidebar's annotators (components/AnnotatorList.tsx), fed from the review module. */
import { AnnotatorList, type AnnotatorRow } from '../components/AnnotatorList'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import { colourOf, displayName } from '../store/review'
import { annotatorNamesOf, annotatorsOf } from '../store/review-selectors'
import { focusedDocumentOf } from '../store/selectors'

export function AnnotatorsPanel() {
  const { review } = useWorkbench()
  const annotators = useAppState(annotatorsOf)
  const names = useAppState(annotatorNamesOf)
  const shown = useAppState((state) => state.review.shown)
  const blind = useAppState((state) => state.review.blind)
  const documentPath = useAppState((state) => focusedDocumentOf(state)?.path ?? null)
  const rows: AnnotatorRow[] = annotators.map((summary) => ({
    summary,
    shownAs: displayName(summary.name, names, blind),
    colour: colourOf(summary.name, names),
    laneShown: shown.includes(summary.name),
  }))
  return (
    <AnnotatorList
      rows={rows}
      documentPath={documentPath}
      blind={blind}
      onShowLane={review.showLane}
      onBlind={review.setBlind}
      onAddFile={review.chooseFile}
    />
  )
}
