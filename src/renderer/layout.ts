/**
 * Which documents are open where: one to four panes side by side, each with its tabs. Pure, so
 * the rules (where a document opens, what happens when a pane empties) are easy
 * to follow and to test.
 */

export interface PaneState {
  /** Stable across panes closing, so per-pane state (selections) stays attached. */
  id: string
  /** Document keys, in tab order. */
  tabs: string[]
  active: string | null
}

export interface LayoutState {
  panes: PaneState[]
  /** Index of the pane that has (or last had) focus: shortcuts and the sidebar act on it. */
  focused: number
  nextId: number
}

export type LayoutAction =
  | { type: 'open'; key: string; pane?: number }
  | { type: 'open-beside'; key: string }
  /** Brings `key` into view: focuses a pane showing it, else opens it (beside: in another pane). */
  | { type: 'show'; key: string; beside: boolean }
  | { type: 'activate'; pane: number; key: string }
  | { type: 'close'; pane: number; key: string }
  | { type: 'close-everywhere'; key: string }
  | { type: 'focus'; pane: number }
  | { type: 'retain'; keys: ReadonlySet<string> }
  | { type: 'reset' }

/** Four documents side by side is as many as a wide screen can show readably. */
export const MAX_PANES = 4

export const initialLayout: LayoutState = {
  panes: [{ id: 'pane-1', tabs: [], active: null }],
  focused: 0,
  nextId: 2,
}

export function layoutReducer(state: LayoutState, action: LayoutAction): LayoutState {
  switch (action.type) {
    case 'open': {
      const pane = clampPane(state, action.pane ?? state.focused)
      return { ...replacePane(state, pane, openTab(state.panes[pane]!, action.key)), focused: pane }
    }
    case 'open-beside': {
      // A new pane on the right while there is room, else the pane after the focused one.
      const target =
        state.panes.length < MAX_PANES
          ? state.panes.length
          : (state.focused + 1) % state.panes.length
      let next = state
      if (target >= state.panes.length) {
        next = {
          ...state,
          panes: [...state.panes, { id: `pane-${state.nextId}`, tabs: [], active: null }],
          nextId: state.nextId + 1,
        }
      }
      return {
        ...replacePane(next, target, openTab(next.panes[target]!, action.key)),
        focused: target,
      }
    }
    case 'show': {
      const showing = state.panes.findIndex((pane) => pane.active === action.key)
      if (showing >= 0) return layoutReducer(state, { type: 'focus', pane: showing })
      const holding = state.panes.findIndex((pane) => pane.tabs.includes(action.key))
      // A tab in another pane is brought forward there, so the focused document stays in view.
      if (holding >= 0 && (holding !== state.focused || !action.beside)) {
        return layoutReducer(state, { type: 'activate', pane: holding, key: action.key })
      }
      if (action.beside && state.panes[state.focused]?.active !== null) {
        return layoutReducer(state, { type: 'open-beside', key: action.key })
      }
      return layoutReducer(state, { type: 'open', key: action.key })
    }
    case 'activate': {
      const pane = state.panes[action.pane]
      if (!pane || !pane.tabs.includes(action.key)) return state
      return {
        ...replacePane(state, action.pane, { ...pane, active: action.key }),
        focused: action.pane,
      }
    }
    case 'close': {
      const pane = state.panes[action.pane]
      if (!pane || !pane.tabs.includes(action.key)) return state
      return dropEmptyPanes(replacePane(state, action.pane, closeTab(pane, action.key)))
    }
    case 'close-everywhere':
      return dropEmptyPanes({
        ...state,
        panes: state.panes.map((pane) =>
          pane.tabs.includes(action.key) ? closeTab(pane, action.key) : pane,
        ),
      })
    case 'focus':
      return action.pane === state.focused || !state.panes[action.pane]
        ? state
        : { ...state, focused: action.pane }
    case 'retain':
      return dropEmptyPanes({
        ...state,
        panes: state.panes.map((pane) =>
          pane.tabs.reduce(
            (kept, key) => (action.keys.has(key) ? kept : closeTab(kept, key)),
            pane,
          ),
        ),
      })
    case 'reset':
      return {
        ...initialLayout,
        nextId: state.nextId + 1,
        panes: [{ id: `pane-${state.nextId}`, tabs: [], active: null }],
      }
  }
}

function clampPane(state: LayoutState, pane: number): number {
  return Math.min(Math.max(0, pane), state.panes.length - 1)
}

function replacePane(state: LayoutState, index: number, pane: PaneState): LayoutState {
  return { ...state, panes: state.panes.map((existing, i) => (i === index ? pane : existing)) }
}

/** Activates the tab of `key`, adding it right after the active tab when it is not open yet. */
function openTab(pane: PaneState, key: string): PaneState {
  if (pane.tabs.includes(key)) return { ...pane, active: key }
  const at = pane.active === null ? pane.tabs.length : pane.tabs.indexOf(pane.active) + 1
  return { ...pane, tabs: [...pane.tabs.slice(0, at), key, ...pane.tabs.slice(at)], active: key }
}

/** Removes a tab; when it was active, its right neighbour (else its left one) becomes active. */
function closeTab(pane: PaneState, key: string): PaneState {
  const index = pane.tabs.indexOf(key)
  if (index < 0) return pane
  const tabs = pane.tabs.filter((tab) => tab !== key)
  const active =
    pane.active === key ? (tabs[Math.min(index, tabs.length - 1)] ?? null) : pane.active
  return { ...pane, tabs, active }
}

/** A split whose pane has no tab left collapses; the last pane always stays. */
function dropEmptyPanes(state: LayoutState): LayoutState {
  if (state.panes.length < 2) return state
  const kept = state.panes.filter((pane) => pane.tabs.length > 0)
  if (kept.length === state.panes.length) return state
  const panes = kept.length > 0 ? kept : [state.panes[0]!]
  const focusedId = state.panes[state.focused]?.id
  const focused = Math.max(
    0,
    panes.findIndex((pane) => pane.id === focusedId),
  )
  return { ...state, panes, focused }
}
