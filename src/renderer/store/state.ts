/**
 * The application state: one immutable object made of small modules, each with its own pure
 * reducer. The root reducer below runs every module on every action and adds the two rules that
 * span modules: another project starts every module afresh, and only the documents shown keep
 * their claim and link listings.
 */
import type { LayoutState } from '../layout'
import type { Action } from './actions'
import { conflictsReducer, initialConflicts, type ConflictsState } from './conflicts'
import { claimsReducer, initialClaims, type ClaimsState } from './claims'
import { dialogsReducer, initialDialogs, type DialogsState } from './dialogs'
import { initialLayout, layoutModule } from './layout-module'
import { initialLinks, linksReducer, type LinksState } from './links'
import { keepEntries } from './resource'
import {
  initialSelection,
  selectionReducer,
  withoutGoneLinkEnds,
  type SelectionState,
} from './selection'
import { initialReview, reviewReducer, type ReviewState } from './review'
import { initialStatus, statusReducer, type StatusState } from './status'
import {
  initialWorkspace,
  isAnotherProject,
  workspaceReducer,
  type WorkspaceState,
} from './workspace'

export interface AppState {
  workspace: WorkspaceState
  layout: LayoutState
  selection: SelectionState
  claims: ClaimsState
  links: LinksState
  status: StatusState
  dialogs: DialogsState
  review: ReviewState
  conflicts: ConflictsState
}

export function initialState(options: { snap: boolean }): AppState {
  return {
    workspace: initialWorkspace,
    layout: initialLayout,
    selection: initialSelection,
    claims: initialClaims(options.snap),
    links: initialLinks,
    status: initialStatus,
    dialogs: initialDialogs,
    review: initialReview,
    conflicts: initialConflicts,
  }
}

/** Keys of the documents the panes show (each pane's active tab). */
export function shownKeys(layout: LayoutState): string[] {
  return [...new Set(layout.panes.flatMap((pane) => (pane.active === null ? [] : [pane.active])))]
}

/** Another project: every module starts afresh, but the notices and preferences stay. */
function forProject(state: AppState): AppState {
  return {
    ...initialState({ snap: state.claims.snap }),
    workspace: state.workspace,
    layout: { ...initialLayout, ...layoutAfterReset(state.layout) },
    status: {
      ...initialStatus,
      notices: state.status.notices,
      nextNoticeId: state.status.nextNoticeId,
    },
    links: { ...initialLinks, version: state.links.version + 1 },
  }
}

function layoutAfterReset(layout: LayoutState): LayoutState {
  // Pane ids keep counting up, so nothing attached to an old pane attaches to a new one.
  return {
    panes: [{ id: `pane-${layout.nextId}`, tabs: [], active: null }],
    focused: 0,
    nextId: layout.nextId + 1,
  }
}

export function appReducer(before: AppState, action: Action): AppState {
  const state =
    action.type === 'backend/state' && isAnotherProject(before.workspace.backend, action.state)
      ? forProject(before)
      : before
  const backend = state.workspace.backend
  const next: AppState = {
    workspace: workspaceReducer(state.workspace, action),
    layout: layoutModule(state.layout, action),
    selection: selectionReducer(state.selection, action),
    claims: claimsReducer(state.claims, action, backend),
    links: linksReducer(state.links, action, backend),
    status: statusReducer(state.status, action),
    dialogs: dialogsReducer(state.dialogs, action),
    review: reviewReducer(state.review, action),
    conflicts: conflictsReducer(state.conflicts, action),
  }
  if (next.layout !== state.layout) {
    const shown = new Set(shownKeys(next.layout))
    const claimListings = keepEntries(next.claims.listings, (key) => shown.has(key))
    if (claimListings !== next.claims.listings)
      next.claims = { ...next.claims, listings: claimListings }
    const linkListings = keepEntries(next.links.listings, (key) => shown.has(key))
    if (linkListings !== next.links.listings) next.links = { ...next.links, listings: linkListings }
    const lanes = keepEntries(next.review.listings, (key) => shown.has(key))
    if (lanes !== next.review.listings) next.review = { ...next.review, listings: lanes }
  }
  if (action.type === 'load/arrived' && action.what === 'claims') {
    next.selection = withoutGoneLinkEnds(next.selection, action.key, action.value)
  }
  const same = (Object.keys(next) as (keyof AppState)[]).every(
    (module) => next[module] === before[module],
  )
  return same ? before : next
}
