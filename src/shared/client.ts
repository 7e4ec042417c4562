/**
 * Builds a typed `WorkbenchApi` on top of any transport that can carry one call
 * (Electron IPC through the preload, or fetch in browser mode). Both doors share
 * this, so the renderer code is the same in both.
 */
import {
  WorkbenchError,
  workbenchMethods,
  type WorkbenchApi,
  type WorkbenchEvent,
  type WorkbenchMethod,
  type WorkbenchResult,
} from './api'

/** Carries one call to the backend and returns its result envelope. */
export type Transport = (
  method: WorkbenchMethod,
  args: unknown[],
) => Promise<WorkbenchResult<unknown>>

export interface WorkbenchClient extends WorkbenchApi {
  /** Subscribes to backend events; returns the unsubscribe function. */
  onEvent(listener: (event: WorkbenchEvent) => void): () => void
}

export function createClient(
  transport: Transport,
  subscribe: (listener: (event: WorkbenchEvent) => void) => () => void,
): WorkbenchClient {
  const client: Record<string, unknown> = { onEvent: subscribe }
  for (const method of workbenchMethods) {
    client[method] = async (...args: unknown[]) => {
      // Trailing undefined arguments are dropped so that optional arguments
      // validate the same way over IPC and over JSON.
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop()
      const result = await transport(method, args)
      if (!result.ok) throw new WorkbenchError(result.error)
      return result.value
    }
  }
  return client as unknown as WorkbenchClient
}
