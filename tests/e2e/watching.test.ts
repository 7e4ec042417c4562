/**
 * The project folder is watched: an article, a colleague's annotation file and the project's
 * settings (corroborate.json) written into it by another program (a sync tool, `git pull`) show
 * in the sidebar without Refresh.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serializeAnnotationFile } from '../../src/backend/annotations'
import {
  defaultProjectSettings,
  emptyAnnotationFile,
  newClaimId,
  type Claim,
} from '../../src/core/model'
import { launchChromium, screenshot, startBrowserMode, type BrowserModeServer } from './harness'

let project: string
let server: BrowserModeServer
let browser: Browser
let page: Page

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'corroborate-e2e-watch-'))
  writeFileSync(
    join(project, 'wire.txt'),
    'Title: Rail shipments resume\nOutlet: Test Wire\n\nNorth Korea resumed rail shipments to Russia this week, officials said.\n',
  )
  server = await startBrowserMode(project)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(project, { recursive: true, force: true })
})

function colleagueClaim(index: number): Claim {
  const now = new Date().toISOString()
  return {
    id: newClaimId(),
    document: { id: 'a'.repeat(64), path: 'wire.txt' },
    target: {
      position: { start: index, end: index + 5 },
      quote: { exact: 'Korea', prefix: '', suffix: '' },
    },
    label: 'claim',
    attributedTo: '',
    status: 'asserted',
    certainty: null,
    note: '',
    tags: [],
    annotator: 'bob',
    created: now,
    updated: now,
  }
}

describe('a watched project folder', () => {
  it('shows an article and a colleague’s file written by another program, without Refresh', async () => {
    const items = page.getByTestId('doc-item')
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(1)

    writeFileSync(
      join(project, 'dispatch.md'),
      '# Shells crossed the border\n\nRail cars carrying shells crossed the border on Monday.\n',
    )
    // A colleague's file, arriving as a sync tool writes it: a temp file renamed into place.
    mkdirSync(join(project, 'annotations'), { recursive: true })
    const bob = emptyAnnotationFile('bob')
    bob.claims = [colleagueClaim(6), colleagueClaim(12)]
    const temp = join(project, 'annotations', '.bob.json.syncing')
    writeFileSync(temp, serializeAnnotationFile(bob))
    renameSync(temp, join(project, 'annotations', 'bob.json'))

    await expect
      .poll(() => page.locator('[data-testid="doc-item"][data-path="dispatch.md"]').count(), {
        timeout: 30_000,
      })
      .toBe(1)
    const colleague = page.locator('[data-testid="annotator"][data-annotator="bob"]')
    await expect.poll(() => colleague.count(), { timeout: 30_000 }).toBe(1)
    await expect
      .poll(() => colleague.getByTestId('annotator-counts').textContent(), { timeout: 30_000 })
      .toBe('2')

    // The colleague adds a claim: the count follows.
    bob.claims.push(colleagueClaim(20))
    writeFileSync(join(project, 'annotations', 'bob.json'), serializeAnnotationFile(bob))
    await expect
      .poll(() => colleague.getByTestId('annotator-counts').textContent(), { timeout: 30_000 })
      .toBe('3')
    await screenshot(page, 'watching-sidebar')
  })

  it('shows labels a colleague changed in corroborate.json (a git pull), without Refresh', async () => {
    const legend = page.getByTestId('label-legend')
    await expect
      .poll(() => legend.locator('li[data-label="claim"]').count(), { timeout: 30_000 })
      .toBe(1)
    const settings = defaultProjectSettings()
    settings.labels = settings.labels.map((label) =>
      label.id === 'claim' ? { ...label, name: 'Statement' } : label,
    )
    settings.labels.push({
      id: 'quote',
      name: 'Direct quote',
      color: '#222222',
      key: '7',
      description: 'Words put in quotation marks.',
    })
    const temp = join(project, '.corroborate.json.pulling')
    writeFileSync(temp, JSON.stringify(settings, null, 2))
    renameSync(temp, join(project, 'corroborate.json'))
    const quote = legend.locator('li[data-label="quote"]')
    await expect.poll(() => quote.count(), { timeout: 30_000 }).toBe(1)
    expect(await quote.locator('.legend-name').textContent()).toBe('Direct quote')
    expect(await quote.locator('kbd').textContent()).toBe('7')
    await expect
      .poll(() => legend.locator('li[data-label="claim"] .legend-name').textContent(), {
        timeout: 30_000,
      })
      .toBe('Statement')
  })
})
