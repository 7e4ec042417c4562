/**
 * A user's own project in browser mode: unreadable files are reported by name
 * while the rest opens, a hostile saved web page runs no script and loads
 * nothing remote, and two documents read side by side.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_LABELS } from '../../src/core/model/labels'
import { DEFAULT_RELATION_TYPES } from '../../src/core/model/relations'
import {
  launchChromium,
  repoRoot,
  screenshot,
  startBrowserMode,
  type BrowserModeServer,
} from './harness'

const hostilePage = `<!doctype html><html><head><meta charset="utf-8">
<title>Shells crossed the border | Hostile Herald</title>
<meta property="og:site_name" content="Hostile Herald">
<link rel="stylesheet" href="https://cdn.hostile-herald.example/site.css">
<script>document.body && (document.body.innerHTML = 'SCRIPT RAN'); window.parent.postMessage('SCRIPT RAN', '*')</script>
</head><body onload="document.title = 'SCRIPT RAN'">
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Shells crossed the border at Tumangang</h1>
<p>Rail cars carrying 152 mm shells crossed the border at Tumangang on Monday, a senior official said.</p>
<img src="https://tracker.hostile-herald.example/pixel.gif" onerror="document.title='SCRIPT RAN'">
<iframe src="https://ads.hostile-herald.example/frame.html"></iframe>
<p>Moscow denied the allegations and called the report a provocation by Western agencies.</p>
<p>The shipments have continued every week since the spring, according to the same official.</p>
</article></body></html>`

let project: string
let server: BrowserModeServer
let browser: Browser
let page: Page
const requests: string[] = []

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'corroborate-e2e-project-'))
  writeFileSync(
    join(project, 'wire.txt'),
    'Title: Rail shipments resume\nOutlet: Test Wire\n\nNorth Korea resumed rail shipments of 122 mm rockets to Russia this week, officials said.\n\nPyongyang called the report a fabrication.\n',
  )
  writeFileSync(join(project, 'hostile.html'), hostilePage)
  // Written by hand: "cites" on L, the key of the app's Link Claim… command.
  writeFileSync(
    join(project, 'corroborate.json'),
    JSON.stringify({
      format: 'corroborate/project',
      version: 1,
      labels: DEFAULT_LABELS,
      relations: DEFAULT_RELATION_TYPES.map((relation) =>
        relation.id === 'cites' ? { ...relation, key: 'l' } : relation,
      ),
    }),
  )
  writeFileSync(join(project, 'empty.txt'), '')
  writeFileSync(
    join(project, 'photo.html'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 3]),
  )
  server = await startBrowserMode(project)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(project, { recursive: true, force: true })
})

function reader(page: Page, path: string) {
  return page.locator(`[data-testid="reader"][data-path="${path}"]`)
}

describe('a project with good, bad and hostile files', () => {
  it('says so when a key of its settings collides with a key of the app', async () => {
    const notice = page.getByTestId('error-message').filter({ hasText: 'Keys of this project' })
    await notice.waitFor()
    const text = await notice.textContent()
    expect(text).toContain('L: "Link as Cites')
    expect(text).toContain('is shadowed by "Link Claim…"')
  })

  it('lists unreadable files as problems naming them, and still opens the rest', async () => {
    await page.getByTestId('doc-item').first().waitFor()
    const problems = page.getByTestId('problem')
    await expect.poll(() => problems.count()).toBe(2)
    const empty = await page.locator('[data-testid="problem"][data-path="empty.txt"]').textContent()
    expect(empty).toMatch(/empty\.txt/)
    expect(empty).toMatch(/empty/i)
    const binary = await page
      .locator('[data-testid="problem"][data-path="photo.html"]')
      .textContent()
    expect(binary).toMatch(/photo\.html/)
    expect(binary).toMatch(/binary/i)

    await page.locator('[data-testid="doc-item"][data-path="wire.txt"]').click()
    await expect.poll(() => reader(page, 'wire.txt').textContent()).toContain('122 mm rockets')
    await screenshot(page, '10-problems')
  })

  it('shows a hostile page as text only: no script runs, nothing remote loads', async () => {
    await page.locator('[data-testid="doc-item"][data-path="hostile.html"]').click()
    // Waits for the text to be drawn: the reader's element comes first, its text just after.
    await expect
      .poll(() => reader(page, 'hostile.html').textContent())
      .toContain('Moscow denied the allegations')
    const text = await reader(page, 'hostile.html').textContent()
    expect(text).toContain('crossed the border at Tumangang on Monday')
    expect(text).toContain('Moscow denied the allegations')
    expect(text).not.toContain('SCRIPT RAN')
    expect(await page.title()).not.toContain('SCRIPT RAN')
    const origin = new URL(server.url).origin
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual(
      [],
    )
  })

  it('reads two documents side by side', async () => {
    await page.locator('[data-testid="doc-item"][data-path="wire.txt"]').click()
    await page
      .locator('[data-testid="doc-item"][data-path="hostile.html"]')
      .click({ modifiers: ['Control'] })
    await expect.poll(() => page.getByTestId('pane').count()).toBe(2)
    const panes = page.getByTestId('pane')
    await expect
      .poll(() => panes.nth(0).locator('[data-testid="reader"]').getAttribute('data-path'))
      .toBe('wire.txt')
    await expect
      .poll(() => panes.nth(1).locator('[data-testid="reader"]').getAttribute('data-path'))
      .toBe('hostile.html')
    await screenshot(page, '11-side-by-side')
  })
})

describe('the README screenshot', () => {
  it('shows the sample project with two articles side by side', async () => {
    const samples = await startBrowserMode(join(repoRoot, 'resources', 'samples'))
    const shot = await browser.newPage({ viewport: { width: 1400, height: 860 } })
    try {
      await shot.goto(samples.url)
      const first = 'web/northstar-monitor-2026-02-26.html'
      const second = 'web/lantern-review-2026-08-14.html'
      await shot.locator(`[data-testid="doc-item"][data-path="${first}"]`).click()
      await shot
        .locator(`[data-testid="doc-item"][data-path="${second}"]`)
        .click({ modifiers: ['Control'] })
      await reader(shot, second).waitFor()
      await expect.poll(() => shot.getByTestId('pane').count()).toBe(2)
      await screenshot(shot, 'reading-view')
    } finally {
      await shot.close()
      await samples.stop()
    }
  })
})
