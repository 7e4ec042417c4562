/** The sidebar, fed from the store: the project, its documents with their claim counts, the labels. */
import type { ClaimCounts } from '../../shared/api'
import { Sidebar } from '../components/Sidebar'
import { ViewSwitcher } from '../components/ViewSwitcher'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import { AnnotatorsPanel } from './AnnotatorsPanel'
import { conflictCountOf } from '../store/conflicts'
import { focusedKeyOf, labelsOf } from '../store/selectors'
import { countText } from '../views/ConflictsView'
import type { AppState } from '../store/state'

const NO_COUNTS: ClaimCounts = { byDocument: {}, byLabel: {} }
const backendOf = (state: AppState) => state.workspace.backend
const countsOf = (state: AppState) => state.claims.counts.value ?? NO_COUNTS

export function ProjectSidebar() {
  const workbench = useWorkbench()
  const { project, layout } = workbench
  const backend = useAppState(backendOf)
  const currentKey = useAppState(focusedKeyOf)
  const busy = useAppState((state) => state.workspace.busy)
  const counts = useAppState(countsOf)
  const labels = useAppState(labelsOf)
  const view = useAppState((state) => state.workspace.view)
  const conflicts = useAppState(conflictCountOf)
  if (!backend) return null
  return (
    <Sidebar
      project={backend.project}
      documents={backend.documents}
      problems={backend.problems}
      currentKey={currentKey}
      busy={busy}
      counts={counts}
      labels={labels}
      onOpenSettings={workbench.openSettings}
      onOpenDataset={workbench.openDataset}
      onOpen={(key) => {
        workbench.showView('documents')
        layout({ type: 'open', key })
      }}
      onOpenBeside={(key) => {
        workbench.showView('documents')
        layout({ type: 'open-beside', key })
      }}
      onChooseProject={project.chooseProject}
      onChooseFiles={project.chooseFiles}
      onRefresh={project.refresh}
      annotators={<AnnotatorsPanel />}
    >
      {backend.project && <ViewSwitcher view={view} onChange={workbench.showView} />}
      {backend.project && conflicts > 0 && (
        // A git merge set values aside in the analyst's file: say so until they are settled.
        <button
          type="button"
          className="conflict-notice"
          data-testid="conflict-notice"
          onClick={workbench.conflicts.show}
        >
          {countText(conflicts)} to settle
        </button>
      )}
    </Sidebar>
  )
}
