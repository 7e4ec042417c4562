/**
 * The application's layout: which parts show, in which arrangement. Everything they show comes
 * from the store, everything they do goes to the workbench's effects; the shell/ components
 * connect the two. The one effect here is mounting the workbench (its event subscription and
 * loader) for as long as the app is shown.
 */
import { useEffect } from 'react'
import { CommandKeys } from './commands/CommandKeys'
import { Welcome } from './components/Welcome'
import { useAppState, useWorkbench, WorkbenchProvider } from './effects/workbench-context'
import type { Workbench } from './effects/workbench'
import { useLabelStylesheet, useRelationStylesheet } from './claims/label-styles'
import { Dialogs } from './shell/Dialogs'
import { FocusedClaimPanel } from './shell/FocusedClaimPanel'
import { Footer } from './shell/Footer'
import { Overlays } from './shell/Overlays'
import { ProjectSidebar } from './shell/ProjectSidebar'
import { ProjectViews } from './shell/ProjectViews'
import {
  AgreementDashboard,
  GoldComparison,
  MergeConflicts,
  ReviewQueueView,
} from './shell/ReviewViews'
import { Workspace } from './shell/Workspace'
import { focusedDocumentOf, labelsOf, projectOf, relationsOf } from './store/selectors'
import type { AppState } from './store/state'

type Screen = 'connecting' | 'welcome' | 'workspace'

function screenOf(state: AppState): Screen {
  const backend = state.workspace.backend
  if (backend === null) return 'connecting'
  const empty = backend.project === null && backend.documents.length === 0
  return backend.firstRun || empty ? 'welcome' : 'workspace'
}

const showsPanel = (state: AppState) =>
  state.workspace.view === 'documents' &&
  projectOf(state) !== null &&
  focusedDocumentOf(state) !== undefined

export function App({ workbench }: { workbench: Workbench }) {
  useEffect(() => workbench.start(), [workbench])
  return (
    <WorkbenchProvider workbench={workbench}>
      <Layout />
    </WorkbenchProvider>
  )
}

function Layout() {
  const screen = useAppState(screenOf)
  const view = useAppState((state) => state.workspace.view)
  const panel = useAppState(showsPanel)
  return (
    <div className={screen === 'welcome' ? 'app welcoming' : panel ? 'app with-panel' : 'app'}>
      <CommandKeys />
      <Stylesheets />
      {screen === 'connecting' && <main className="connecting">Connecting to the workbench…</main>}
      {screen === 'welcome' && <WelcomeScreen />}
      {screen === 'workspace' && (
        <>
          <ProjectSidebar />
          {view === 'documents' ? (
            <Workspace />
          ) : view === 'review' ? (
            <ReviewQueueView />
          ) : view === 'agreement' ? (
            <AgreementDashboard />
          ) : view === 'gold' ? (
            <GoldComparison />
          ) : view === 'conflicts' ? (
            <MergeConflicts />
          ) : (
            <ProjectViews view={view} />
          )}
          {panel && <FocusedClaimPanel />}
          <Overlays />
        </>
      )}
      <Footer />
      <Dialogs />
    </div>
  )
}

function WelcomeScreen() {
  const { project } = useWorkbench()
  const busy = useAppState((state) => state.workspace.busy)
  return (
    <Welcome
      busy={busy}
      onOpenSample={project.openSample}
      onChooseProject={project.chooseProject}
      onChooseFiles={project.chooseFiles}
    />
  )
}

/** The label and relation colours, as adopted stylesheets (see claims/label-styles.ts). */
function Stylesheets() {
  useLabelStylesheet(useAppState(labelsOf))
  useRelationStylesheet(useAppState(relationsOf))
  return null
}
