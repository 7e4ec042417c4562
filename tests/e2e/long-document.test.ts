/**
 * A long article in Chromium through browser mode. The reader draws only the sections near the
 * view (reader/section-window.ts), so these tests check what an analyst relies on all the same:
 * scrolling through shows every paragraph in order with its claims; a claim or a find match in
 * the last section can be jumped to right after the document opens; Ctrl+A and copy take the
 * whole text, sections never drawn included.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serializeAnnotationFile } from '../../src/backend/annotations'
import { parseDocument } from '../../src/core/document/parse'
import { emptyAnnotationFile, type Claim } from '../../src/core/model'
import { storedClaim } from '../support/claims'
import {
  invoke,
  launchChromium,
  startBrowserMode,
  watchedPage,
  type BrowserModeServer,
} from './harness'

const ANNOTATOR = 'lena'
const PATH = 'long-report.txt'
const PARAGRAPHS = 400
/** A claim every this many paragraphs, the last paragraph's included. */
const EVERY = 20

const reader = () => page.locator(`[data-testid="reader"][data-path="${PATH}"] .ProseMirror`)
const highlightOf = (id: string) => reader().locator(`[data-claim-id="${id}"]`)

let project: string
let server: BrowserModeServer
let browser: Browser
let page: Page
let problems: string[] = []
let claims: Claim[] = []
/** The article's canonical text, which a copy of the whole of it gives. */
let canonicalText = ''

/** An invented report: numbered paragraphs, each naming its number, so every passage is unique. */
function article(): string {
  const body = Array.from(
    { length: PARAGRAPHS },
    (_, n) =>
      `Paragraph ${n + 1}: inspectors counted ${1000 + n} crates at the depot, and the ministry disputed the count in a statement on day ${n + 1}.`,
  )
  return ['Depot inspections, day by day', ...body].join('\n\n')
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'corroborate-e2e-long-'))
  const text = article()
  writeFileSync(join(project, PATH), text)
  const document = parseDocument(Buffer.from(text), PATH)
  canonicalText = document.text
  claims = []
  for (let n = EVERY; n <= PARAGRAPHS; n += EVERY) {
    const passage = `inspectors counted ${1000 + n - 1} crates`
    const start = document.text.indexOf(passage)
    const place = { text: document.text, documentId: document.id, path: PATH, start }
    claims.push(storedClaim({ ...place, end: start + passage.length }, ANNOTATOR))
  }
  mkdirSync(join(project, 'annotations'))
  writeFileSync(
    join(project, 'annotations', `${ANNOTATOR}.json`),
    serializeAnnotationFile({ ...emptyAnnotationFile(ANNOTATOR), claims }),
  )
  server = await startBrowserMode(project)
  await invoke(server.url, 'setAnnotator', ANNOTATOR)
  browser = await launchChromium()
  const watched = await watchedPage(browser)
  page = watched.page
  problems = watched.problems
  await page.goto(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (project) rmSync(project, { recursive: true, force: true })
})

/** Scrolls the reader's scrolling area by `step` pixels at a time to its end, collecting what was drawn. */
async function scrollThrough(step: number) {
  return reader().evaluate(async (root, by) => {
    let scroller = root.parentElement
    while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowY)) {
      scroller = scroller.parentElement
    }
    const area = scroller ?? document.scrollingElement!
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))
    const ids = new Set<string>()
    const paragraphs = new Map<number, string>()
    const collect = () => {
      for (const span of root.querySelectorAll('[data-claim-id]')) {
        ids.add(span.getAttribute('data-claim-id')!)
      }
      for (const block of root.querySelectorAll('.rd-paragraph')) {
        const number = /^Paragraph (\d+):/.exec(block.textContent ?? '')
        if (number) paragraphs.set(Number(number[1]), block.textContent ?? '')
      }
    }
    area.scrollTop = 0
    for (let guard = 0; guard < 2000; guard++) {
      await frame()
      await frame()
      collect()
      if (area.scrollTop + area.clientHeight >= area.scrollHeight - 1) break
      area.scrollTop += by
    }
    // The text in the DOM, in document order, once everything was scrolled past.
    const order = Array.from(root.querySelectorAll('.rd-paragraph'), (block) =>
      Number(/^Paragraph (\d+):/.exec(block.textContent ?? '')?.[1]),
    )
    return { ids: [...ids], paragraphs: paragraphs.size, order }
  }, step)
}

describe('a long document', () => {
  it('opens with its first part drawn and leaves the rest to draw as it comes into view', async () => {
    await page.locator(`[data-testid="doc-item"][data-path="${PATH}"]`).click()
    await expect.poll(() => highlightOf(claims[0]!.id).count()).toBeGreaterThan(0)
    const sections = await reader().locator(':scope > .rd-section').count()
    const hidden = await reader().locator(':scope > .rd-section-hidden').count()
    expect(sections).toBeGreaterThan(4)
    expect(hidden).toBeGreaterThan(0)
    expect(hidden).toBeLessThan(sections)
    // The hidden sections hold their place: the reader is about as tall as the whole text.
    const { scrollHeight, shownHeight, shownBlocks } = await reader().evaluate((root) => {
      const shown = Array.from(
        root.querySelectorAll(':scope > .rd-section:not(.rd-section-hidden)'),
      )
      return {
        scrollHeight: root.getBoundingClientRect().height,
        shownHeight: shown.reduce(
          (sum, section) => sum + section.getBoundingClientRect().height,
          0,
        ),
        shownBlocks: shown.reduce((sum, section) => sum + section.childElementCount, 0),
      }
    })
    const estimatedWhole = (shownHeight / shownBlocks) * (PARAGRAPHS + 1)
    expect(scrollHeight).toBeGreaterThan(estimatedWhole * 0.6)
    expect(scrollHeight).toBeLessThan(estimatedWhole * 1.6)
  })

  it('shows every paragraph in order, and every claim, when scrolled through', async () => {
    const seen = await scrollThrough(300)
    expect(seen.paragraphs).toBe(PARAGRAPHS)
    expect(new Set(seen.ids)).toEqual(new Set(claims.map((claim) => claim.id)))
    expect(seen.order).toEqual(Array.from({ length: PARAGRAPHS }, (_, n) => n + 1))
    expect(await reader().locator(':scope > .rd-section-hidden').count()).toBe(0)
  })

  it('jumps to a claim in the last section as soon as the document opens', async () => {
    await page.reload()
    const last = claims.at(-1)!
    await page.locator(`[data-testid="doc-item"][data-path="${PATH}"]`).click()
    const row = page.locator(`[data-testid="claim-row"][data-claim-id="${last.id}"]`)
    await row.click()
    await expect.poll(() => highlightOf(last.id).isVisible()).toBe(true)
    const box = await highlightOf(last.id).first().boundingBox()
    const viewport = page.viewportSize()!
    expect(box).not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height)
  })

  it('finds a word of the last paragraph and scrolls to it', async () => {
    await page.reload()
    await page.locator(`[data-testid="doc-item"][data-path="${PATH}"]`).click()
    await expect.poll(() => highlightOf(claims[0]!.id).count()).toBeGreaterThan(0)
    await page.keyboard.press('Control+f')
    await page.getByTestId('find-input').fill(`day ${PARAGRAPHS}.`)
    await expect.poll(() => page.getByTestId('find-count').textContent()).toContain('1')
    const match = reader().locator('.find-match-current')
    await expect.poll(() => match.isVisible()).toBe(true)
    expect(await match.textContent()).toBe(`day ${PARAGRAPHS}.`)
    const box = (await match.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height)
  })

  it('copies the whole text with Ctrl+A, the parts never drawn included', async () => {
    await page.reload()
    await page.locator(`[data-testid="doc-item"][data-path="${PATH}"]`).click()
    await expect.poll(() => highlightOf(claims[0]!.id).count()).toBeGreaterThan(0)
    expect(await reader().locator(':scope > .rd-section-hidden').count()).toBeGreaterThan(0)
    await reader().focus()
    await page.keyboard.press('Control+a')
    const copied = await reader().evaluate((root) => {
      const data = new DataTransfer()
      root.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true }))
      return data.getData('text/plain')
    })
    expect(copied.length, copied.slice(-300)).toBe(canonicalText.length)
    expect(copied).toBe(canonicalText)
    expect(copied).toContain(`Paragraph ${PARAGRAPHS}:`)
  })

  it('has caused no page error', () => {
    expect(problems).toEqual([])
  })
})
