/** The sidebar, fed from the store: the project, its documents with their claim counts, the labels. */
import type { ClaimCounts } from '../../shared/api'
import { Sidebar } from '../components/Sidebar'
import { ViewSwitcher } from '../components/ViewSwitcher'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import { focusedKeyOf, labelsOf } from '../store/selectors'
import type { AppState } from '../store/state'

const NO_COUNTS: ClaimCounts = { byDocument: {}, byLabel: {} }
const backendOf = (state: AppState) => state.workspace.backend
const countsOf = (state: AppState) => state.claims.counts.value ?? NO_COUNTS
const annotatorsOf = (state: AppState) => state.claims.annotators.value

export function ProjectSidebar() {
  const workbench = useWorkbench()
  const { project, layout } = workbench
  const backend = useAppState(backendOf)
  const currentKey = useAppState(focusedKeyOf)
  const busy = useAppState((state) => state.workspace.busy)
  const counts = useAppState(countsOf)
  const annotators = useAppState(annotatorsOf)
  const labels = useAppState(labelsOf)
  const view = useAppState((state) => state.workspace.view)
  if (!backend) return null
  return (
    <Sidebar
      project={backend.project}
      documents={backend.documents}
      problems={backend.problems}
      currentKey={currentKey}
      busy={busy}
      counts={counts}
      annotators={annotators}
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
    >
      {backend.project && <ViewSwitcher view={view} onChange={workbench.showView} />}
    </Sidebar>
  )
}
