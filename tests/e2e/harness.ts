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
import { expect } from 'vitest'

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

/**
 * Drags the mouse from the first to the last character of `passage` as shown in the reader of
 * the page (the first one, or the one `readerSelector` names). Character boxes come from the
 * DOM, not from the app's own offset mapping, so the offsets the app reports are checked
 * independently. `occurrence` picks among repeated passages.
 */
export async function dragOver(
  page: Page,
  passage: string,
  options: { readerSelector?: string; occurrence?: number } = {},
): Promise<void> {
  const selector = options.readerSelector ?? '[data-testid="reader"] .ProseMirror'
  const box = await page
    .locator(selector)
    .first()
    .evaluate(
      (root, { wanted, occurrence }) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        const nodes: Text[] = []
        let all = ''
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          nodes.push(node as Text)
          all += (node as Text).data
        }
        let at = all.indexOf(wanted)
        for (let n = 0; n < occurrence && at >= 0; n++) at = all.indexOf(wanted, at + 1)
        if (at < 0) return null
        const locate = (offset: number) => {
          for (const node of nodes) {
            if (offset < node.data.length) return { node, offset }
            offset -= node.data.length
          }
          throw new Error('offset out of range')
        }
        const charRect = (offset: number) => {
          const { node, offset: inNode } = locate(offset)
          const range = document.createRange()
          range.setStart(node, inNode)
          range.setEnd(node, inNode + 1)
          const rects = range.getClientRects()
          return rects[rects.length - 1]!
        }
        const first = charRect(at)
        const last = charRect(at + wanted.length - 1)
        return {
          from: { x: first.left + 1, y: first.top + first.height / 2 },
          to: { x: last.right - 1, y: last.top + last.height / 2 },
        }
      },
      { wanted: passage, occurrence: options.occurrence ?? 0 },
    )
  expect(box, `passage on screen: ${passage}`).not.toBeNull()
  await page.mouse.move(box!.from.x, box!.from.y)
  await page.mouse.down()
  await page.mouse.move(box!.to.x, box!.to.y, { steps: 8 })
  await page.mouse.up()
}

/**
 * Calls one WorkbenchApi method of a running browser-mode server, as the page does (token
 * header, JSON envelope): for setting up a project's claims without clicking through them.
 */
export async function invoke<T>(url: string, method: string, ...args: unknown[]): Promise<T> {
  const token = new URL(url).searchParams.get('token') ?? ''
  const response = await fetch(new URL('/api/invoke', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Corroborate-Token': token },
    body: JSON.stringify({ method, args }),
  })
  const result = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value
}

/**
 * A page in a fresh context (downloads accepted) that records every console error or warning
 * and uncaught exception: a CSP violation shows up there, so tests end by expecting none.
 */
export async function watchedPage(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return { page, problems }
}

/** A project open in browser mode in a watched page of its own browser, as a user sees it. */
export interface OpenedProject {
  server: BrowserModeServer
  browser: Browser
  page: Page
  /** Console errors and warnings of the page (see watchedPage). */
  problems: string[]
  close(): Promise<void>
}

/**
 * Serves `projectDir` in browser mode, names the annotator (when given) as the first-claim
 * dialog would, and opens the page once the sidebar lists the documents.
 */
export async function openProjectInBrowser(
  projectDir: string,
  annotator?: string,
): Promise<OpenedProject> {
  const server = await startBrowserMode(projectDir)
  if (annotator !== undefined) await invoke(server.url, 'setAnnotator', annotator)
  const browser = await launchChromium()
  const { page, problems } = await watchedPage(browser)
  await page.goto(server.url)
  await page.locator('[data-testid="doc-item"]').first().waitFor()
  return {
    server,
    browser,
    page,
    problems,
    async close() {
      await browser.close()
      await server.stop()
    },
  }
}
