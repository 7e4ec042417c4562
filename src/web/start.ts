/**
 * Browser mode: `npm run --silent web -- [project-folder] [--port N]`.
 *
 * Prints exactly one line on stdout, the URL with the access token, and logs
 * everything else to stderr, so a script can read the first line and go.
 * With a project folder, that project is open at start; without, the UI shows
 * the first-run offer of the sample project.
 *
 * Environment: CORROBORATE_SETTINGS_DIR (settings folder, default
 * $XDG_CONFIG_HOME/corroborate), CORROBORATE_RENDERER_DIR (serve this built
 * renderer as is, without checking or building out/renderer).
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createWorkbench } from '../backend'
import { ensureRendererBuilt } from './renderer-build'
import { startWebServer } from './server'
import { browserModeSettingsDir } from './settings-dir'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

const USAGE = 'Usage: npm run --silent web -- [project-folder] [--port N]'

async function main(): Promise<number> {
  let options
  try {
    options = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  const { values, positionals } = options
  if (values.help) {
    process.stderr.write(`${USAGE}\n`)
    return 0
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535 || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }

  const rendererDir = process.env.CORROBORATE_RENDERER_DIR
    ? resolve(process.env.CORROBORATE_RENDERER_DIR)
    : join(repoRoot, 'out', 'renderer')
  if (!process.env.CORROBORATE_RENDERER_DIR) await ensureRendererBuilt(repoRoot, rendererDir)

  const workbench = createWorkbench({
    settingsDir: browserModeSettingsDir(),
    samplesDir: join(repoRoot, 'resources', 'samples'),
    watch: true,
  })
  if (positionals[0] !== undefined) {
    try {
      await workbench.openProject(positionals[0])
    } catch (error) {
      process.stderr.write(`Cannot open the project: ${(error as Error).message}\n`)
      return 1
    }
  }

  const server = await startWebServer({ workbench, port, rendererDir })
  process.stdout.write(`${server.url}\n`)
  process.stderr.write('Corroborate browser mode is running. Press Ctrl+C to stop.\n')

  await new Promise<void>((resolvePromise) => {
    const stop = () => resolvePromise()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await server.close()
  // Coalesced annotation changes are written before the process ends.
  await workbench.close()
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
