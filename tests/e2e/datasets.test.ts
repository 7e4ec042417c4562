/**
 * Export Dataset… and Import Annotations… in browser mode: a project annotated by alice is
 * exported as W3C Web Annotation and brat through the sidebar's buttons (the File menu's items in
 * Electron), and the W3C file imported back as bob, in the real UI in Chromium.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annotatedProject } from '../unit/cli/dataset-project'
import {
  launchChromium,
  screenshot,
  startBrowserMode,
  watchedPage,
  type BrowserModeServer,
} from './harness'

let project: string
let out: string
let server: BrowserModeServer
let browser: Browser
let page: Page
let consoleProblems: string[] = []

beforeAll(async () => {
  // Not the unit helpers' temp folder: that one goes after each test, this one after all.
  project = await annotatedProject(mkdtempSync(join(tmpdir(), 'corroborate-e2e-datasets-project-')))
  out = mkdtempSync(join(tmpdir(), 'corroborate-e2e-datasets-'))
  server = await startBrowserMode(project)
  browser = await launchChromium()
  const watched = await watchedPage(browser)
  page = watched.page
  consoleProblems = watched.problems
  await page.goto(server.url)
  await page.locator('[data-testid="doc-item"][data-path="news/wire.txt"]').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (out) rmSync(out, { recursive: true, force: true })
  if (project) rmSync(project, { recursive: true, force: true })
})

async function runDialog(
  direction: 'export' | 'import',
  fields: { format: string; path: string; annotator?: string },
): Promise<string> {
  await page.getByTestId(`open-dataset-${direction}`).click()
  const dialog = page.getByTestId('dataset-dialog')
  await dialog.waitFor()
  await dialog.getByTestId('dataset-format').selectOption(fields.format)
  if (fields.annotator !== undefined) {
    await dialog.getByTestId('dataset-annotator').fill(fields.annotator)
  }
  await dialog.getByTestId('dataset-path').fill(fields.path)
  await dialog.getByTestId('dataset-confirm').click()
  const outcome = dialog.getByTestId('dataset-outcome')
  await outcome.waitFor()
  return (await outcome.textContent()) ?? ''
}

async function closeDialog() {
  await page.getByTestId('dataset-dialog').getByRole('button', { name: 'Close' }).click()
  await page.getByTestId('dataset-dialog').waitFor({ state: 'detached' })
}

describe('datasets in and out of the app', () => {
  it('exports W3C Web Annotation into a folder', async () => {
    const text = await runDialog('export', { format: 'w3c', path: join(out, 'w3c') })
    expect(text).toContain('Wrote 3 claim(s) and 3 link(s)')
    const collection = JSON.parse(readFileSync(join(out, 'w3c', 'annotations.jsonld'), 'utf8'))
    expect(collection.total).toBe(6)
    await closeDialog()
  })

  it('exports brat and lists the links brat cannot hold', async () => {
    const text = await runDialog('export', { format: 'brat', path: join(out, 'brat') })
    expect(text).toContain('Wrote 3 claim(s) and 1 link(s)')
    expect(text).toContain('Not in this format (2)')
    expect(existsSync(join(out, 'brat', 'news', 'wire.ann'))).toBe(true)
    await screenshot(page, 'dataset-export-brat')
    await closeDialog()
  })

  it('imports the W3C file back as a new annotator', async () => {
    const text = await runDialog('import', {
      format: 'w3c',
      annotator: 'bob',
      path: join(out, 'w3c', 'annotations.jsonld'),
    })
    expect(text).toContain('Imported 3 claim(s) and 3 link(s) into annotations/bob.json')
    const bob = JSON.parse(readFileSync(join(project, 'annotations', 'bob.json'), 'utf8'))
    expect(bob.claims).toHaveLength(3)
    await closeDialog()
  })

  it('says why when the annotator file exists, and writes nothing', async () => {
    await page.getByTestId('open-dataset-import').click()
    const dialog = page.getByTestId('dataset-dialog')
    await dialog.getByTestId('dataset-annotator').fill('alice')
    await dialog.getByTestId('dataset-path').fill(join(out, 'w3c', 'annotations.jsonld'))
    await dialog.getByTestId('dataset-confirm').click()
    await expect
      .poll(() => dialog.getByTestId('dataset-error').textContent())
      .toContain('annotations/alice.json exists already')
    await closeDialog()
    expect(consoleProblems).toEqual([])
  })
})
