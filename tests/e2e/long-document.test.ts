/**
 * A long article in Chromium through browser mode: its claims are drawn section by section (the
 * first sections with the text, the rest in the tasks that follow), so these tests check that
 * every claim ends up drawn and that a claim in the last section can be jumped to from the claim
 * list right after the document opens (the jump draws its section first if need be).
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

describe('a long document', () => {
  it('draws every claim, the last paragraph included, with the text in order', async () => {
    await page.locator(`[data-testid="doc-item"][data-path="${PATH}"]`).click()
    await expect
      .poll(() =>
        reader().evaluate((root) => {
          const ids = new Set(
            Array.from(root.querySelectorAll('[data-claim-id]'), (span) =>
              span.getAttribute('data-claim-id'),
            ),
          )
          return ids.size
        }),
      )
      .toBe(claims.length)
    // Blocks are grouped into sections: more than one here, and the text is whole and in order.
    const sections = await reader().locator(':scope > .rd-section').count()
    expect(sections).toBeGreaterThan(4)
    const lastBlock = await reader().locator(':scope > .rd-section:last-child > *:last-child')
    expect(await lastBlock.textContent()).toContain(`Paragraph ${PARAGRAPHS}:`)
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

  it('has caused no page error', () => {
    expect(problems).toEqual([])
  })
})
