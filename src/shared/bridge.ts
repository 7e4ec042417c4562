/**
 * What the Electron preload exposes on `window.corroborate`. It carries calls
 * and events only; the typed API is built on top of it by `createClient`.
 */
import type { WorkbenchEvent, WorkbenchResult } from './api'

export interface PreloadBridge {
  invoke(method: string, args: unknown[]): Promise<WorkbenchResult<unknown>>
  onEvent(listener: (event: WorkbenchEvent) => void): () => void
}

declare global {
  interface Window {
    corroborate?: PreloadBridge
  }
}
