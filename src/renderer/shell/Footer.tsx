/** The notices and the status bar, fed from the store. */
import { Notices } from '../components/Notices'
import { StatusBar } from '../components/StatusBar'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import { focusedTextOf, projectOf } from '../store/selectors'

export function Footer() {
  const workbench = useWorkbench()
  const notices = useAppState((state) => state.status.notices)
  const backend = useAppState((state) => state.workspace.backend)
  const project = useAppState(projectOf)
  const annotation = useAppState((state) => state.status.annotation)
  const selection = useAppState(focusedTextOf)
  return (
    <>
      <Notices notices={notices} onDismiss={workbench.dismissNotice} />
      <StatusBar
        projectName={project?.name ?? null}
        documentCount={backend?.documents.length ?? 0}
        problemCount={backend?.problems.length ?? 0}
        selection={selection}
        save={project === null ? null : (annotation?.save ?? null)}
        annotator={project === null ? null : (annotation?.annotator ?? null)}
      />
    </>
  )
}
