/**
 * The CLI's door onto the backend: a workbench with settings in memory only (a pipeline never
 * changes the app's settings), called through `dispatch` with validated arguments like the
 * Electron and browser doors, as a typed client. Everything the commands read (listings,
 * documents, exports, suggestions) comes through the WorkbenchApi, so a method added to the
 * contract works here too.
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createWorkbench, dispatch } from '../backend'
import { createClient, type WorkbenchClient } from '../shared/client'
import type { Reporter } from './project-folder'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Runs `use` with a fresh headless workbench, closed afterwards whatever happens. */
export async function withWorkbench<T>(
  reporter: Reporter,
  use: (api: WorkbenchClient) => Promise<T>,
): Promise<T> {
  const workbench = createWorkbench({
    settingsDir: null,
    samplesDir: join(repoRoot, 'resources', 'samples'),
    log: (message) => reporter.warn(message),
  })
  const api = createClient(
    (method, args) =>
      dispatch(workbench, method, args, (message, error) =>
        reporter.warn(
          `${message} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
      ),
    (listener) => workbench.onEvent(listener),
  )
  try {
    return await use(api)
  } finally {
    await workbench.close()
  }
}
