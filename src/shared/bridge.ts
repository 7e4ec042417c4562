/**
 * What the Electron preload exposes on `window.corroborate`. It carries calls,
 * events and menu commands only; the typed API is built on top of it by `createClient`.
 */
import type { WorkbenchEvent, WorkbenchResult } from './api'
import type { CommandId } from './commands'

export interface PreloadBridge {
  invoke(method: string, args: unknown[]): Promise<WorkbenchResult<unknown>>
  onEvent(listener: (event: WorkbenchEvent) => void): () => void
  /**
   * Commands chosen in the application menu (File › Open Project…, Edit › Undo…), by
   * catalog id, for the page to run as it runs their keys. Returns the unsubscribe
   * function. Optional: only a door with a native menu (Electron) has it.
   */
  onCommand?(listener: (id: CommandId) => void): () => void
}

declare global {
  interface Window {
    corroborate?: PreloadBridge
  }
}
