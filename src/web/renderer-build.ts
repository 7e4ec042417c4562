/**
 * Makes sure out/renderer holds a build of the current sources before browser
 * mode serves it. The build's own output goes to stderr: stdout is reserved for
 * the URL, which scripts and tests read as the first line.
 */
import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** Sources that end up in the renderer bundle. */
const RENDERER_SOURCES = [
  'src/renderer',
  'src/shared',
  'src/core',
  'src/web/client.ts',
  'electron.vite.config.ts',
]

export async function ensureRendererBuilt(repoRoot: string, rendererDir: string): Promise<void> {
  const built = await modifiedAt(join(rendererDir, 'index.html'))
  if (built !== null) {
    const newest = await newestSource(repoRoot)
    if (newest <= built) return
  }
  process.stderr.write('Building the renderer (electron-vite build)…\n')
  await runBuild(repoRoot)
  if ((await modifiedAt(join(rendererDir, 'index.html'))) === null) {
    throw new Error(`The build did not produce ${join(rendererDir, 'index.html')}.`)
  }
}

async function newestSource(repoRoot: string): Promise<number> {
  let newest = 0
  const pending = RENDERER_SOURCES.map((path) => join(repoRoot, path))
  while (pending.length > 0) {
    const path = pending.pop() as string
    let stats
    try {
      stats = await stat(path)
    } catch {
      continue // A source folder that does not exist yet.
    }
    newest = Math.max(newest, stats.mtimeMs)
    if (stats.isDirectory()) {
      for (const name of await readdir(path)) pending.push(join(path, name))
    }
  }
  return newest
}

async function modifiedAt(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return null
  }
}

function runBuild(repoRoot: string): Promise<void> {
  const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, 'build'], {
      cwd: repoRoot,
      stdio: ['ignore', process.stderr, process.stderr],
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise()
      else reject(new Error(`electron-vite build failed (${signal ?? `exit code ${code}`}).`))
    })
  })
}
