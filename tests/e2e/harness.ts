/**
 * Shared set-up for the end-to-end tests: starts browser mode exactly as a user
 * does (`tsx src/web/start.ts <project>`, reading the URL from the first line of
 * stdout) and drives Debian's Chromium with playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium, type Browser, type Page } from 'playwright-core'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const artifactsDir = join(repoRoot, 'test-results', 'e2e')

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface BrowserModeServer {
  url: string
  settingsDir: string
  stop(): Promise<void>
}

/** Starts `src/web/start.ts` for a project folder (or none) with fresh user settings. */
export async function startBrowserMode(projectDir?: string): Promise<BrowserModeServer> {
  const settingsDir = mkdtempSync(join(tmpdir(), 'corroborate-e2e-settings-'))
  const args = ['--import', 'tsx', join(repoRoot, 'src/web/start.ts')]
  if (projectDir) args.push(projectDir)
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, CORROBORATE_SETTINGS_DIR: settingsDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await firstLine(child).catch((error: Error) => {
    child.kill()
    throw new Error(`browser mode did not start: ${error.message}\n${stderr}`)
  })
  return {
    url,
    settingsDir,
    async stop() {
      await stopProcess(child)
      rmSync(settingsDir, { recursive: true, force: true })
    },
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(() => reject(new Error('no URL within 90 s')), 90_000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      lines.close()
      resolveLine(line.trim())
    })
    child.once('exit', (code) => reject(new Error(`exited with code ${code}`)))
  })
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** Saves a screenshot under test-results/e2e/ (kept as a CI artifact). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true })
  const path = join(artifactsDir, `${name}.png`)
  await page.screenshot({ path })
  return path
}
