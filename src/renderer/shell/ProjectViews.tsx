/** The clusters view or the matrix, with what they need from the store. */
import { useAppState, useWorkbench } from '../effects/workbench-context'
import { readOnlyOf } from '../store/selectors'
import { ClustersView } from '../views/ClustersView'
import { MatrixView } from '../views/MatrixView'
import type { ProjectViewProps } from '../views/types'

export function ProjectViews({ view }: { view: 'clusters' | 'matrix' }) {
  const workbench = useWorkbench()
  const version = useAppState((state) => state.links.version)
  const session = useAppState((state) => state.workspace.session)
  const readOnly = useAppState(readOnlyOf)
  const props: ProjectViewProps = {
    api: workbench.api,
    session,
    version,
    readOnly,
    onOpenClaim: workbench.links.openClaim,
    onExport: workbench.claims.exportTable,
    setWording: workbench.links.setWording,
    notify: workbench.fail,
  }
  return (
    <main className="workspace project-workspace">
      {view === 'clusters' ? <ClustersView {...props} /> : <MatrixView {...props} />}
    </main>
  )
}
