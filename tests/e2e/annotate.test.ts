/**
 * The analyst's daily loop, end to end in Chromium through browser mode, on a project in a temp
 * folder: select a sentence, press a label key, name the annotator, edit the claim, undo and
 * redo, reload, read the annotation file on disk, export CSV, delete and undo, and pick one of
 * two overlapping claims. Also: label colours arrive through the adopted stylesheet with no CSP
 * violation.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/document/parse'
import { type CanonicalDocument } from '../../src/core/document'
import {
  dragOver,
  launchChromium,
  watchedPage,
  screenshot,
  startBrowserMode,
  type BrowserModeServer,
} from './harness'

const ARTICLE = `Title: Port strike enters its second week
Outlet: Harbour Gazette
Author: Mara Lindqvist
Published: 2026-03-02

Dock workers at the port of Valmera extended their strike on Monday, leaving 214 container ships waiting offshore, according to the harbour authority.

The union said wages had fallen 12 percent in real terms since 2021. Management denied the figure, calling it "a selective reading of the data".

A government spokesperson said talks would resume on Thursday. Analysts at Nordbank estimate the strike costs the regional economy €40 million a day. 🚢

Shipping companies rerouted at least 30 vessels to Tallhamn, the harbour authority said.
`

const SENTENCE = 'The union said wages had fallen 12 percent in real terms since 2021.'
const OUTER =
  'Analysts at Nordbank estimate the strike costs the regional economy €40 million a day.'
const INNER = '€40 million a day'

let project: string
let server: BrowserModeServer
let browser: Browser
let page: Page
let doc: CanonicalDocument
let consoleProblems: string[] = []

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'corroborate-e2e-annotate-'))
  writeFileSync(join(project, 'port-strike.txt'), ARTICLE)
  doc = parseDocument(Buffer.from(ARTICLE), 'port-strike.txt')
  server = await startBrowserMode(project)
  browser = await launchChromium()
  const watched = await watchedPage(browser)
  page = watched.page
  consoleProblems = watched.problems
  await page.goto(server.url)
  await page.locator('[data-testid="doc-item"][data-path="port-strike.txt"]').click()
  await page.locator('[data-testid="reader"] .ProseMirror').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (project) rmSync(project, { recursive: true, force: true })
})

const highlights = (id?: string) =>
  page.locator(
    id === undefined
      ? '[data-testid="claim-highlight"]'
      : `[data-testid="claim-highlight"][data-claim-id="${id}"]`,
  )

interface SavedClaim {
  id: string
  label: string
  attributedTo: string
  status: string
  target: { position: { start: number; end: number }; quote: { exact: string } }
}

function annotationsOnDisk(): { claims: SavedClaim[] } {
  return JSON.parse(readFileSync(join(project, 'annotations', 'alice.json'), 'utf8')) as {
    claims: SavedClaim[]
  }
}

/** The one claim in the editor, by its highlight (the only one with this label and quote). */
async function selectedClaimId(): Promise<string> {
  const row = page.locator('[data-testid="claim-row"][aria-current="true"]')
  await row.waitFor()
  return (await row.getAttribute('data-claim-id'))!
}

async function waitSaved(): Promise<void> {
  await expect
    .poll(() => page.getByTestId('save-state').getAttribute('data-status'), { timeout: 5000 })
    .toBe('saved')
}

/** The label bar shows just above (or below) the text selection, not anywhere else. */
async function labelBarAtSelection(): Promise<void> {
  const bar = page.getByTestId('label-popover')
  await bar.waitFor()
  await expect
    .poll(async () => {
      const box = await bar.boundingBox()
      const selection = await page.evaluate(() => {
        const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect()
        return { top: rect.top, bottom: rect.bottom }
      })
      if (!box) return Infinity
      const gap = Math.min(
        Math.abs(selection.top - (box.y + box.height)),
        Math.abs(box.y - selection.bottom),
      )
      return gap
    })
    .toBeLessThan(24)
}

describe('annotating an article in browser mode', () => {
  let claimId: string

  it('creates a claim from a mouse selection and a label key, asking the annotator first', async () => {
    await dragOver(page, SENTENCE)
    await page.getByTestId('label-popover').waitFor()
    await screenshot(page, 'annotate-01-selection-popover')
    await page.keyboard.press('2')
    await page.getByTestId('annotator-dialog').waitFor()
    await screenshot(page, 'annotate-02-annotator-dialog')
    await page.getByTestId('annotator-input').fill('alice')
    // Enter twice in a row (an impatient analyst): one name sent, one claim made.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await expect.poll(() => highlights().count()).toBeGreaterThan(0)
    // The selection became the claim: no label bar is left behind (it used to sit at the
    // window's top-left corner, over the toolbar, until the next selection).
    await page.getByTestId('label-popover').waitFor({ state: 'detached' })
    claimId = await selectedClaimId()
    const highlight = highlights(claimId).first()
    expect(await highlight.getAttribute('data-label')).toBe('figure')
    expect((await highlights(claimId).allTextContents()).join('')).toBe(SENTENCE)
    // The label's colour comes from the adopted stylesheet (Figure is #ff7f0e).
    const underline = await highlight.evaluate(
      (element) => getComputedStyle(element).textDecorationColor,
    )
    expect(underline).toBe('rgb(255, 127, 14)')
    await waitSaved()
    expect(annotationsOnDisk().claims).toHaveLength(1)
    await screenshot(page, 'annotate-03-claim-created')
  })

  it('edits status and attribution in the editor; undo and redo call the backend', async () => {
    await page.getByTestId('claim-status').selectOption('alleged')
    await page.getByTestId('claim-attributed').fill('Valmera Dockworkers Union')
    // Leaving the field commits the typed text at once.
    await page.locator('.reader-header').click()
    await waitSaved()
    await expect
      .poll(() => annotationsOnDisk().claims.find((claim) => claim.id === claimId)?.attributedTo)
      .toBe('Valmera Dockworkers Union')
    expect(annotationsOnDisk().claims[0]!.status).toBe('alleged')
    await screenshot(page, 'annotate-04-editor')

    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByTestId('claim-attributed').inputValue()).toBe('')
    expect(await page.getByTestId('claim-status').inputValue()).toBe('alleged')
    await page.keyboard.press('Control+Shift+z')
    await expect
      .poll(() => page.getByTestId('claim-attributed').inputValue())
      .toBe('Valmera Dockworkers Union')
    await waitSaved()
    expect(annotationsOnDisk().claims[0]!.attributedTo).toBe('Valmera Dockworkers Union')
  })

  it('keeps the claim across a reload, with the exact quote and offsets on disk', async () => {
    await page.reload()
    // Tabs are not restored after a reload: open the article again.
    await page.locator('[data-testid="doc-item"][data-path="port-strike.txt"]').click()
    await highlights(claimId).first().waitFor()
    const start = doc.text.indexOf(SENTENCE)
    const saved = annotationsOnDisk().claims
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({
      id: claimId,
      label: 'figure',
      status: 'alleged',
      attributedTo: 'Valmera Dockworkers Union',
      target: { position: { start, end: start + SENTENCE.length }, quote: { exact: SENTENCE } },
    })
    await expect.poll(() => page.getByTestId('doc-claim-count').textContent()).toBe('1')
  })

  it('exports the project as CSV with the claim as a row', async () => {
    const download = page.waitForEvent('download')
    await page.getByTestId('export').click()
    const file = await (await download).path()
    const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    })
    expect(parsed.errors).toEqual([])
    expect(parsed.data).toHaveLength(1)
    expect(parsed.data[0]).toMatchObject({
      claim_id: claimId,
      document_path: 'port-strike.txt',
      label: 'figure',
      quote: SENTENCE,
      attributed_to: 'Valmera Dockworkers Union',
      status: 'alleged',
      annotator: 'alice',
    })
  })

  it('deletes a claim with the Delete key, and undo brings it back', async () => {
    await page.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`).click()
    await page.keyboard.press('Delete')
    await expect.poll(() => highlights(claimId).count()).toBe(0)
    await page.keyboard.press('Control+z')
    await expect.poll(() => highlights(claimId).count()).toBeGreaterThan(0)
    await waitSaved()
    expect(annotationsOnDisk().claims.map((claim) => claim.id)).toEqual([claimId])
  })

  it('tells overlapping claims apart and offers a chooser where they overlap', async () => {
    await dragOver(page, OUTER)
    await labelBarAtSelection()
    await page.keyboard.press('1')
    await expect.poll(() => page.getByTestId('claim-row').count()).toBe(2)
    await dragOver(page, INNER)
    await page.keyboard.press('4')
    await expect.poll(() => page.getByTestId('claim-row').count()).toBe(3)
    // The inner claim is nested in the outer one, one underline lower.
    const inner = page.locator('[data-testid="claim-highlight"][data-label="event"]').first()
    await expect.poll(() => inner.getAttribute('data-depth')).toBe('1')
    await page.keyboard.press('Escape')
    await inner.click({ position: { x: 12, y: 8 } })
    const chooser = page.getByTestId('claim-chooser')
    await chooser.waitFor()
    expect(await chooser.getByTestId('chooser-item').count()).toBe(2)
    await screenshot(page, 'annotate-05-overlap-chooser')
    await chooser.locator('[data-testid="chooser-item"][data-label="claim"]').click()
    const row = page.locator('[data-testid="claim-row"][aria-current="true"]')
    await expect.poll(() => row.getAttribute('data-label')).toBe('claim')
    await waitSaved()
    await screenshot(page, 'annotate-06-overlap-selected')
  })

  it('showed every label colour without a single CSP violation or page error', () => {
    expect(consoleProblems.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual(
      [],
    )
    expect(consoleProblems).toEqual([])
  })
})
