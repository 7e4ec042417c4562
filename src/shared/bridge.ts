/**
 * What the Electron preload exposes on `window.corroborate`. It carries calls
 * and events only; the typed API is built on top of it by `createClient`.
 */
import type { WorkbenchEvent, WorkbenchResult } from './api'
import type { CommandId } from './commands'

export interface PreloadBridge {
  invoke(method: string, args: unknown[]): Promise<WorkbenchResult<unknown>>
  onEvent(listener: (event: WorkbenchEvent) => void): () => void
  /**
   * Commands chosen in the application menu (Electron only): the menu is generated from the
   * command catalog, and a click names the command for the renderer's registry to run.
   */
  onCommand?(listener: (id: CommandId) => void): () => void
}

declare global {
  interface Window {
    corroborate?: PreloadBridge
  }
}
