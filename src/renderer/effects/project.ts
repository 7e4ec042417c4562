/** Opening projects and files, reading the project again, and the annotation session. */
import type { WorkbenchState } from '../../shared/api'
import { isAnotherProject } from '../store/workspace'
import type { EffectContext } from './context'

export function projectEffects(context: EffectContext) {
  const { api, store, fail } = context
  const { dispatch } = store

  /** Who annotates, and the project's settings: loaded with each project. */
  const loadSession = () => {
    Promise.all([api.getAnnotationStatus(), api.getProjectSettings()]).then(
      ([status, settings]) => dispatch({ type: 'backend/session', status, settings }),
      () =>
        // No project (single files): the status still says who annotates.
        api.getAnnotationStatus().then(
          (status) => dispatch({ type: 'backend/session', status, settings: null }),
          () => undefined, // The save-state events keep coming; a failed read is not fatal.
        ),
    )
  }

  /** Takes a new listing from the backend; another project brings its own session. */
  const applyState = (next: WorkbenchState) => {
    const another = isAnotherProject(store.getState().workspace.backend, next)
    dispatch({ type: 'backend/state', state: next })
    if (another) loadSession()
  }

  /** Runs a project-wide call that answers with a new state (null: the user cancelled). */
  const run = async (failure: string, call: () => Promise<WorkbenchState | null>) => {
    dispatch({ type: 'workspace/busy', busy: true })
    try {
      const next = await call()
      if (next) applyState(next)
    } catch (error) {
      fail(failure, error)
    } finally {
      dispatch({ type: 'workspace/busy', busy: false })
    }
  }

  const nativeDialogs = () =>
    store.getState().workspace.backend?.capabilities.nativeDialogs ?? false

  return {
    applyState,
    loadSession,
    start() {
      api
        .getState()
        .then(applyState, (error: unknown) => fail('Could not reach the workbench', error))
    },
    chooseProject() {
      if (nativeDialogs()) void run('Could not open the folder', () => api.chooseProject())
      else dispatch({ type: 'dialog/prompt', prompt: 'folder' })
    },
    chooseFiles() {
      if (nativeDialogs()) void run('Could not open the files', () => api.chooseFiles())
      else dispatch({ type: 'dialog/prompt', prompt: 'files' })
    },
    /** The paths typed in browser mode's prompt. */
    confirmPrompt(paths: string[]) {
      const open = store.getState().dialogs.open
      dispatch({ type: 'dialog/close' })
      if (open?.kind !== 'prompt') return
      if (open.prompt === 'folder') {
        void run(`Could not open ${paths[0]}`, () => api.chooseProject(paths[0]))
      } else {
        void run('Could not open the files', () => api.chooseFiles(paths))
      }
    },
    openSample() {
      void run('Could not open the sample project', () => api.openSampleProject())
    },
    refresh() {
      void run('Could not read the project again', () => api.refresh())
    },
  }
}
