/**
 * The backend's event hub: every door subscribes once and forwards what it hears (IPC, the
 * browser mode's event stream). A listener that throws is logged and the others still hear.
 */
import type { WorkbenchEvent } from '../shared/api'
import { describe, type Log } from './settings'

export interface EventHub {
  emit(event: WorkbenchEvent): void
  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: (event: WorkbenchEvent) => void): () => void
}

export function createEventHub(log: Log): EventHub {
  const listeners = new Set<(event: WorkbenchEvent) => void>()
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event)
        } catch (error) {
          log(`An event listener failed: ${describe(error)}`)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
