/**
 * The workbench behind the UI: the store, and the effects that talk to the backend, made once
 * per window. `start` opens the one event subscription and the loader; components read the
 * store through selectors and call these effects (buttons, keys and menus alike, through the
 * command registry for the latter two).
 */
import type { WorkbenchClient } from '../../shared/client'
import { createSerialQueue } from '../../shared/serial-queue'
import type { PaneHandle } from '../components/Pane'
import type { LayoutAction } from '../layout'
import type { Action } from '../store/actions'
import { errorNotice } from '../store/errors'
import { readOnlyOf, summariesOf } from '../store/selectors'
import { appReducer, initialState, type AppState } from '../store/state'
import { createStore } from '../store/store'
import type { WorkspaceView } from '../views/types'
import { badgeCardEffects } from './badge-card'
import { claimEffects, readSnapPreference } from './claims'
import type { EffectContext } from './context'
import { subscribeToBackend } from './events'
import { linkEffects } from './links'
import { linkSearchEffects } from './link-search'
import { createLoader, failedPath } from './loader'
import { projectEffects } from './project'
import { reviewEffects } from './review'
import { conflictEffects } from './conflicts'
import { furnitureEffects } from './furniture'
import { documentDetailsEffects } from './document-details'

export function createWorkbench(api: WorkbenchClient) {
  const store = createStore<AppState, Action>(
    appReducer,
    initialState({ snap: readSnapPreference() }),
  )
  let lastRequest = 0
  const context: EffectContext = {
    api,
    store,
    queue: createSerialQueue(),
    panes: new Map<string, PaneHandle>(),
    fail: (title, error) =>
      store.dispatch({ type: 'notice/add', notice: errorNotice(title, error) }),
    refuseIfReadOnly() {
      const reason = readOnlyOf(store.getState())
      if (reason !== null) context.fail('Changes are not possible', new Error(reason))
      return reason !== null
    },
    inform: (title, message) =>
      store.dispatch({ type: 'notice/add', notice: { kind: 'info', title, message } }),
    nextRequest: () => ++lastRequest,
  }
  const project = projectEffects(context)
  const claims = claimEffects(context)
  const links = linkEffects(context)
  const linkSearch = linkSearchEffects(context, links)
  const furniture = furnitureEffects(context, project.applyState)
  const documentDetails = documentDetailsEffects(context, project.applyState)

  const loader = createLoader(context, (what, key, error) => {
    if (what === 'document') {
      const path = failedPath(error, summariesOf(store.getState()).get(key)?.path ?? 'the document')
      context.fail(`Could not open ${path}`, error)
      store.dispatch({ type: 'layout', action: { type: 'close-everywhere', key } })
    } else if (what === 'claims') {
      context.fail('Could not list the claims', error)
    } else if (what === 'queue') {
      context.fail('Could not build the review queue', error)
    } else if (what === 'lanes') {
      context.fail('Could not read colleagues’ claims', error)
    }
    // Links, counts and suggestions are conveniences: the last ones stay, the claims work on.
  })

  return {
    api,
    store,
    panes: context.panes,
    project,
    claims,
    links,
    linkSearch,
    review: reviewEffects(context),
    conflicts: conflictEffects(context),
    furniture,
    documentDetails,
    badgeCard: badgeCardEffects(store),
    /** Reports a failure as a notice. */
    fail: context.fail,
    /** Shows the documents, the clusters or the matrix. */
    showView(view: WorkspaceView) {
      store.dispatch({ type: 'workspace/view', view })
    },
    layout(action: LayoutAction) {
      store.dispatch({ type: 'layout', action })
    },
    dismissNotice(id: number) {
      store.dispatch({ type: 'notice/dismiss', id })
    },
    closeDialog() {
      store.dispatch({ type: 'dialog/close' })
    },
    openSettings() {
      store.dispatch({ type: 'dialog/settings' })
    },
    openDataset(direction: 'export' | 'import') {
      store.dispatch({ type: 'dialog/dataset', direction })
    },
    /** Opens the event subscription and the loader, and asks for the first state. */
    start(): () => void {
      const unsubscribe = subscribeToBackend(context, project.applyState)
      const stopLoading = store.subscribe(() => {
        loader()
        linkSearch.flushQueuedEnter()
      })
      project.start()
      return () => {
        unsubscribe()
        stopLoading()
      }
    },
  }
}

export type Workbench = ReturnType<typeof createWorkbench>
