/**
 * Page furniture in the reading view, in Chromium through browser mode: runs of furniture in a
 * pasted page are folded behind one toggle each ("3 lines of page furniture hidden, show"), a
 * toggle shows and hides its run, and the analyst flips a block between article and furniture
 * with Shift+F (kept in the project's corroborate.json), undone with Ctrl+Z and redone with
 * Ctrl+Shift+Z like every other edit; the details dialog corrects the outlet and date.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { layOut, writePdf } from '../helpers/pdf-writer'
import {
  dragOver,
  launchChromium,
  screenshot,
  startBrowserMode,
  watchedPage,
  type BrowserModeServer,
} from './harness'

// A synthetic pasted page: a menu before the headline, a teaser and a footer after the article.
const PAGE = [
  'Home',
  'World',
  'Business',
  'Bakers protest new flour tax',
  'By Lena Ortiz',
  'Hundreds of bakers marched on Monday against a new tax on flour, the union said.',
  'The finance ministry said the tax would raise 40 million a year for school meals.',
  'Read also: Flour prices at a ten-year high',
  'Share on Facebook',
  '© 2026 The Morning Loaf',
].join('\n')

const MINISTRY = 'The finance ministry said the tax would raise 40 million a year for school meals.'

/** Two pages of a synthetic report, each with a running header and a page number. */
function briefPdf(): Uint8Array {
  const header = { text: 'Harbour Monitor brief', x: 72, y: 805, size: 9 }
  const page = (number: number, paragraphs: { text: string; size?: number }[]) => ({
    lines: [header, ...layOut(paragraphs), { text: String(number), x: 290, y: 40, size: 9 }],
  })
  return writePdf([
    page(1, [
      { text: 'Strike halts the port of Valmera', size: 20 },
      { text: 'Dock workers stopped work on Monday, leaving 214 ships waiting offshore.' },
    ]),
    page(2, [{ text: 'Thirty vessels were rerouted to Tallhamn, the harbour master said.' }]),
  ])
}

let project: string
let server: BrowserModeServer
let browser: Browser
let page: Page
let problems: string[] = []

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'corroborate-e2e-furniture-'))
  writeFileSync(join(project, 'pasted.txt'), PAGE)
  writeFileSync(join(project, 'brief.pdf'), briefPdf())
  server = await startBrowserMode(project)
  browser = await launchChromium()
  const watched = await watchedPage(browser)
  page = watched.page
  problems = watched.problems
  await page.goto(server.url)
  await page.locator('[data-testid="doc-item"][data-path="pasted.txt"]').click()
  await page.locator('[data-testid="reader"] .ProseMirror').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (project) rmSync(project, { recursive: true, force: true })
})

const toggles = () => page.locator('[data-testid="reader"] [data-testid="furniture-toggle"]')
const visibleText = () =>
  page
    .locator('[data-testid="reader"] .ProseMirror')
    .evaluate((root) => (root as HTMLElement).innerText)

describe('page furniture in the reader', () => {
  it('folds each run of furniture behind a toggle that shows and hides it', async () => {
    expect(await toggles().allTextContents()).toEqual([
      '3 lines of page furniture hidden, show',
      '3 lines of page furniture hidden, show',
    ])
    let text = await visibleText()
    expect(text).toContain('Bakers protest new flour tax')
    expect(text).toContain(MINISTRY)
    expect(text).not.toContain('Share on Facebook')
    await screenshot(page, 'furniture-01-folded')

    await toggles().nth(1).click()
    await vi.waitFor(async () => expect(await visibleText()).toContain('Share on Facebook'))
    expect(await toggles().nth(1).textContent()).toBe('3 lines of page furniture shown, hide')
    expect(await toggles().nth(1).getAttribute('aria-expanded')).toBe('true')
    text = await visibleText()
    expect(text).not.toContain('Business') // The first run stays folded.
    await toggles().nth(1).click()
    await vi.waitFor(async () => expect(await visibleText()).not.toContain('Share on Facebook'))
  })

  it('flips a block to furniture and back with Shift+F, kept in the project', async () => {
    await dragOver(page, 'finance ministry')
    await page.keyboard.press('Shift+F')
    await vi.waitFor(
      async () => {
        expect(await visibleText()).not.toContain(MINISTRY)
        // The flipped paragraph joins the run after it.
        expect(await toggles().nth(1).textContent()).toBe('4 lines of page furniture hidden, show')
      },
      { timeout: 15_000, interval: 100 },
    )
    const saved = JSON.parse(readFileSync(join(project, 'corroborate.json'), 'utf8')) as {
      documents: Record<string, { furniture: Record<string, boolean> }>
    }
    expect(Object.values(saved.documents).map((doc) => Object.values(doc.furniture))).toEqual([
      [true],
    ])
    await screenshot(page, 'furniture-02-flipped')

    await toggles().nth(1).click()
    await vi.waitFor(async () => expect(await visibleText()).toContain(MINISTRY))
    await dragOver(page, 'finance ministry')
    await page.keyboard.press('Shift+F')
    await vi.waitFor(
      async () =>
        expect(await toggles().allTextContents()).toEqual([
          '3 lines of page furniture hidden, show',
          '3 lines of page furniture hidden, show',
        ]),
      { timeout: 15_000, interval: 100 },
    )
    expect(await visibleText()).toContain(MINISTRY)
    expect(problems).toEqual([])
  })

  it('takes a flip back with Ctrl+Z and puts it back with Ctrl+Shift+Z', async () => {
    const corrections = () =>
      (
        JSON.parse(readFileSync(join(project, 'corroborate.json'), 'utf8')) as {
          documents?: Record<string, { furniture?: Record<string, boolean> }>
        }
      ).documents ?? {}
    const folds = (...counts: number[]) =>
      counts.map((count) => `${count} lines of page furniture hidden, show`)
    await dragOver(page, 'finance ministry')
    await page.keyboard.press('Shift+F')
    await vi.waitFor(async () => expect(await toggles().allTextContents()).toEqual(folds(3, 4)), {
      timeout: 15_000,
      interval: 100,
    })
    await page.keyboard.press('Control+z')
    await vi.waitFor(
      async () => {
        expect(await toggles().allTextContents()).toEqual(folds(3, 3))
        expect(await visibleText()).toContain(MINISTRY)
      },
      { timeout: 15_000, interval: 100 },
    )
    // Undo puts back what the project file held before: the Shift+F back of the test before.
    expect(Object.values(corrections()).map((doc) => Object.values(doc.furniture ?? {}))).toEqual([
      [false],
    ])
    await screenshot(page, 'furniture-03-undone')

    await page.keyboard.press('Control+Shift+z')
    await vi.waitFor(
      async () => {
        expect(await toggles().allTextContents()).toEqual(folds(3, 4))
        expect(await visibleText()).not.toContain(MINISTRY)
      },
      { timeout: 15_000, interval: 100 },
    )
    expect(Object.values(corrections()).map((doc) => Object.values(doc.furniture ?? {}))).toEqual([
      [true],
    ])
    // Leave the page as the next test expects it.
    await page.keyboard.press('Control+z')
    await vi.waitFor(async () => expect(await toggles().allTextContents()).toEqual(folds(3, 3)), {
      timeout: 15_000,
      interval: 100,
    })
    expect(problems).toEqual([])
  })

  it('corrects the outlet and date in the details dialog; Ctrl+Z takes it back', async () => {
    const facts = page.locator('[data-testid="reader"] .reader-facts')
    const sidebarItem = page.locator('[data-testid="doc-item"][data-path="pasted.txt"]')
    await page.getByTestId('edit-details').click()
    const dialog = page.getByTestId('details-dialog')
    await dialog.waitFor()
    expect(await page.getByTestId('details-title').inputValue()).toBe(
      'Bakers protest new flour tax',
    )
    // The backend's refusal is shown in place.
    await page.getByTestId('details-published').fill('5 March')
    await page.getByTestId('details-save').click()
    await vi.waitFor(async () =>
      expect(await page.getByTestId('details-error').textContent()).toMatch(/YYYY-MM-DD/),
    )
    await page.getByTestId('details-outlet').fill('Morning Loaf (print edition)')
    await page.getByTestId('details-published').fill('2026-03-02')
    await page.getByTestId('details-save').click()
    await dialog.waitFor({ state: 'detached' })
    await vi.waitFor(
      async () => {
        expect(await facts.textContent()).toContain('Morning Loaf (print edition)')
        expect(await sidebarItem.textContent()).toContain('Morning Loaf (print edition)')
      },
      { timeout: 15_000, interval: 100 },
    )
    const saved = JSON.parse(readFileSync(join(project, 'corroborate.json'), 'utf8')) as {
      documents: Record<string, { outlet?: string; published?: string }>
    }
    expect(Object.values(saved.documents)[0]).toMatchObject({
      outlet: 'Morning Loaf (print edition)',
      published: '2026-03-02',
    })
    await screenshot(page, 'furniture-04-details')

    await page.keyboard.press('Control+z')
    await vi.waitFor(
      async () => {
        expect(await facts.textContent()).not.toContain('print edition')
        expect(await sidebarItem.textContent()).not.toContain('print edition')
      },
      { timeout: 15_000, interval: 100 },
    )
    expect(problems).toEqual([])
  })

  it('shows where each page of a PDF starts, its running header and page numbers folded', async () => {
    await page.locator('[data-testid="doc-item"][data-path="brief.pdf"]').click()
    const marks = page.locator('[data-testid="reader"] [data-testid="page-mark"]')
    await vi.waitFor(async () =>
      expect(await marks.allTextContents()).toEqual(['Page 1', 'Page 2']),
    )
    const text = await visibleText()
    expect(text).toContain('Strike halts the port of Valmera')
    expect(text).toContain('Thirty vessels were rerouted to Tallhamn')
    expect(text).not.toContain('Harbour Monitor brief')
    // Header of page 1; number of page 1 and header of page 2; number of page 2.
    expect(await toggles().allTextContents()).toEqual([
      '1 line of page furniture hidden, show',
      '2 lines of page furniture hidden, show',
      '1 line of page furniture hidden, show',
    ])
    await screenshot(page, 'furniture-05-pdf')
    expect(problems).toEqual([])
  })
})
