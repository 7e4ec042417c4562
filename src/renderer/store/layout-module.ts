/**
 * The layout module: panes and tabs. The rules live in ../layout.ts (a pure reducer of its own);
 * this only feeds it: layout actions, and the backend's listing, whose removed files close.
 */
import { initialLayout, layoutReducer, type LayoutState } from '../layout'
import type { Action } from './actions'

export function layoutModule(state: LayoutState, action: Action): LayoutState {
  switch (action.type) {
    case 'layout':
      return layoutReducer(state, action.action)
    case 'backend/state':
      return layoutReducer(state, {
        type: 'retain',
        keys: new Set(action.state.documents.map((document) => document.key)),
      })
    default:
      return state
  }
}

export { initialLayout }
