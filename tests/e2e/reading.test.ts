/**
 * The reading view, end to end: browser mode serving the bundled sample
 * project, driven in Debian's Chromium as a user would drive it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/document/parse'
import { type CanonicalDocument } from '../../src/core/document'
import {
  dragOver,
  launchChromium,
  repoRoot,
  screenshot,
  startBrowserMode,
  type BrowserModeServer,
} from './harness'

const samplesDir = join(repoRoot, 'resources', 'samples')

let server: BrowserModeServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await startBrowserMode()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(server.url)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The canonical document of a sample file, computed here independently of the app. */
function canonical(path: string): CanonicalDocument {
  return parseDocument(readFileSync(join(samplesDir, path)), path)
}

/** The text the reader shows: its blocks' text joined as the canonical text joins blocks. */
function renderedText(page: Page): Promise<string> {
  return page
    .locator('[data-testid="reader"] .ProseMirror')
    .first()
    .evaluate((root) =>
      // Blocks sit in sections of 32 (see src/renderer/reader/schema.ts); the furniture toggles
      // and page marks between them are drawn, not text.
      Array.from(
        root.querySelectorAll(':scope > .rd-section > *:not(.furniture-toggle):not(.page-mark)'),
      )
        .map((block) => block.textContent ?? '')
        .join('\n\n'),
    )
}

/** The paths of the documents in the sidebar, in their order. */
function listedPaths(page: Page): Promise<string[]> {
  return page
    .getByTestId('doc-item')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-path')!))
}

/** Opens a listed sample by clicking it; resolves once the reader shows it. */
async function openListed(page: Page, path: string): Promise<CanonicalDocument> {
  const doc = canonical(path)
  await page.locator(`[data-testid="doc-item"][data-path="${path}"]`).click()
  // The text itself, not only its frame: the reading view draws it just after the frame.
  await page.locator(`[data-testid="reader"][data-doc-id="${doc.id}"] .ProseMirror`).waitFor()
  return doc
}

/** A sentence from the middle of the document, for selecting with the mouse. */
function pickSentence(doc: CanonicalDocument): string {
  const paragraphs = doc.blocks.filter((b) => b.type === 'paragraph')
  const block = paragraphs[Math.min(2, paragraphs.length - 1)]!
  const text = doc.text.slice(block.start, block.end)
  const stop = text.indexOf('. ')
  return stop > 20 ? text.slice(0, stop + 1) : text
}

describe('reading the sample project in browser mode', () => {
  it('offers the sample project on first start and lists its documents', async () => {
    await page.getByTestId('welcome').waitFor()
    await screenshot(page, '01-welcome')
    await page.getByTestId('open-sample').click()
    await page.getByTestId('doc-item').first().waitFor()
    const paths = await listedPaths(page)
    expect(paths.length).toBeGreaterThanOrEqual(5)
    for (const path of paths) expect(() => canonical(path)).not.toThrow()
  })

  it('renders every sample document with exactly its canonical text', async () => {
    for (const path of await listedPaths(page)) {
      const doc = await openListed(page, path)
      expect(await renderedText(page), path).toBe(doc.text)
      await screenshot(page, `02-reader-${path.replace(/[^a-z0-9.]+/gi, '_')}`)
    }
  })

  it('reports the canonical offsets of a sentence selected with the mouse', async () => {
    for (const path of await listedPaths(page)) {
      const doc = await openListed(page, path)
      const sentence = pickSentence(doc)
      const start = doc.text.indexOf(sentence)
      await dragOver(page, sentence)
      const status = page.getByTestId('selection-status')
      await expect
        .poll(() => status.getAttribute('data-start'), { timeout: 5000 })
        .toBe(String(start))
      expect(await status.getAttribute('data-end')).toBe(String(start + sentence.length))
    }
    await screenshot(page, '03-selection')
  })

  it('finds and counts matches with Ctrl+F', async () => {
    const [path] = await listedPaths(page)
    const doc = await openListed(page, path!)
    await page.locator(`[data-testid="reader"][data-doc-id="${doc.id}"] .ProseMirror`).click()
    await page.keyboard.press('Control+f')
    const word = 'the'
    await page.getByTestId('find-input').fill(word)
    const expected = doc.text.toLowerCase().split(word).length - 1
    await expect
      .poll(() => page.getByTestId('find-count').textContent())
      .toContain(`of ${expected}`)
    await screenshot(page, '04-find')
  })
})
