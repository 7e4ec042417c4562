/**
 * The one subscription to the backend's events. Each event becomes one action; the modules
 * decide what it makes stale, and the loader asks again.
 */
import type { WorkbenchEvent } from '../../shared/api'
import type { EffectContext } from './context'

export function subscribeToBackend(
  context: EffectContext,
  applyState: (state: Extract<WorkbenchEvent, { type: 'state-changed' }>['state']) => void,
): () => void {
  const { api, store } = context
  return api.onEvent((event) => {
    switch (event.type) {
      case 'state-changed':
        return applyState(event.state)
      case 'save-state':
        return store.dispatch({ type: 'backend/save', save: event.save })
      case 'session-opened':
        return store.dispatch({
          type: 'backend/session',
          status: event.status,
          settings: event.settings,
        })
      case 'changed':
        return store.dispatch({ type: 'backend/changed', change: event.change })
    }
  })
}
