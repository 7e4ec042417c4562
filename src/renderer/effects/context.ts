/**
 * What every effect needs: the API, the store, the one serial queue that data-changing calls go
 * through (so they reach the backend in the order they were made, undo included), the readers
 * on screen, and a way to say something went wrong.
 */
import type { WorkbenchClient } from '../../shared/client'
import type { SerialQueue } from '../../shared/serial-queue'
import type { PaneHandle } from '../components/Pane'
import type { Action } from '../store/actions'
import type { AppState } from '../store/state'
import type { Store } from '../store/store'

export type AppStore = Store<AppState, Action>

export interface EffectContext {
  api: WorkbenchClient
  store: AppStore
  queue: SerialQueue
  /** The panes on screen by id, for what only a reader can do (scroll, draw a pending claim). */
  panes: Map<string, PaneHandle>
  /** Reports a failure as a notice. */
  fail(title: string, error: unknown): void
  /** True, with a notice saying why, when changes are refused now (a read-only file). */
  refuseIfReadOnly(): boolean
  /** Reports something done as a notice that soon goes. */
  inform(title: string, message: string): void
  /** A new request id for a load (see store/resource.ts). */
  nextRequest(): number
}
