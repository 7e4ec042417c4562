/**
 * Highlights in Chromium (browser mode): a typical article (30 KB, 50 claims) and a 1 MB
 * article with 5,000 claims, the annotation file written directly in the project's
 * annotations/ folder in the file format.
 *
 *   render          click on the document in the sidebar -> text and every highlight shown (the
 *                   first frame rendered with all of them), in the page from the click's time
 *                   stamp; median and worst of fresh pages
 *   key -> frame    keydown of a label key -> the new (pending) highlight element in the DOM and
 *                   the frame that shows it rendered (see probes.ts); also to the start of that
 *                   frame, the measure used before; median and worst of presses
 *   where the time went: the reader's own User Timing measures (reader:*), medians
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { serializeAnnotationFile } from '../../src/backend/annotations'
import { parseDocument } from '../../src/core/document'
import { emptyAnnotationFile, type Claim } from '../../src/core/model'
import { launchChromium, startBrowserMode } from '../e2e/harness'
import { storedClaim } from '../support/claims'
import { median } from './measure'
import { clickToFrame, installProbes, keyToHighlight, type KeyTimes } from './probes'
import { plainTextArticle } from './synthetic'

const RENDER_RUNS = 5
const KEY_PRESSES = 15
const ANNOTATOR = 'bench'
const LABELS = ['claim', 'figure', 'attribution', 'event', 'denial']

interface Case {
  title: string
  path: string
  bytes: number
  claims: number
}

const CASES: readonly Case[] = [
  { title: 'typical article', path: 'article.txt', bytes: 30 * 1024, claims: 50 },
  { title: '1 MB document', path: 'large.txt', bytes: 1024 * 1024, claims: 5_000 },
]

/** A project with one article per case and an annotation file holding all their claims. */
export function makeProject(cases: readonly Case[] = CASES): { project: string; sizes: number[] } {
  const project = mkdtempSync(join(tmpdir(), 'corroborate-bench-highlights-'))
  const claims: Claim[] = []
  const sizes = cases.map(({ path, bytes, claims: count }) => {
    const content = Buffer.from(plainTextArticle(bytes), 'utf8')
    writeFileSync(join(project, path), content)
    claims.push(...claimsOver(parseDocument(content, path), path, count))
    return content.length
  })
  claims.sort((a, b) => (a.id < b.id ? -1 : 1))
  mkdirSync(join(project, 'annotations'))
  writeFileSync(
    join(project, 'annotations', `${ANNOTATOR}.json`),
    serializeAnnotationFile({ ...emptyAnnotationFile(ANNOTATOR), claims }),
  )
  return { project, sizes }
}

/** `count` claims spread over a document: 40-160 characters, about one in four overlaps the next. */
function claimsOver(
  document: ReturnType<typeof parseDocument>,
  path: string,
  count: number,
): Claim[] {
  const stride = Math.floor(document.text.length / count)
  return Array.from({ length: count }, (_, n) => {
    const start = n * stride
    const end = Math.min(document.text.length, start + 40 + ((n * 37) % 120))
    const place = { text: document.text, documentId: document.id, path, start, end }
    return storedClaim(place, ANNOTATOR, {
      label: LABELS[n % LABELS.length]!,
      attributedTo: n % 3 === 0 ? 'A senior official' : '',
    })
  })
}

/** Names the annotator through the API, as the first-claim dialog would. */
export async function setAnnotator(url: string): Promise<void> {
  const token = new URL(url).searchParams.get('token') ?? ''
  const response = await fetch(new URL('/api/invoke', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Corroborate-Token': token },
    body: JSON.stringify({ method: 'setAnnotator', args: [ANNOTATOR] }),
  })
  if (!response.ok) throw new Error(`setAnnotator: ${response.status}`)
}

async function freshPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await installProbes(page)
  await page.goto(url)
  return page
}

/** Opens the case's document from the sidebar: ms from the click to every highlight shown. */
async function openAndPaint(page: Page, { path, claims }: Case): Promise<number> {
  const item = page.locator(`[data-testid="doc-item"][data-path="${path}"]`)
  await item.waitFor()
  return clickToFrame(page, () => item.click(), { condition: 'highlights', path, claims })
}

/** Selects a passage of the n-th paragraph, then measures keydown -> pending highlight shown. */
async function pressLabelKey(page: Page, n: number): Promise<KeyTimes> {
  await page.evaluate((index) => {
    const paragraphs = document.querySelectorAll('.ProseMirror .rd-paragraph')
    const paragraph = paragraphs[(40 + index * 97) % paragraphs.length]!
    paragraph.scrollIntoView({ block: 'center' })
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
    const text = walker.nextNode() as Text
    const range = document.createRange()
    range.setStart(text, 0)
    range.setEnd(text, Math.min(text.data.length, 12))
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, n)
  await page.getByTestId('label-popover').waitFor()
  const times = await keyToHighlight(page, '1')
  // The backend's listing replaces the pending highlight before the next press.
  await page.waitForFunction(() => !document.querySelector('[data-claim-id="pending"]'), null, {
    timeout: 30_000,
  })
  return times
}

/** The reader's User Timing measures of the page (the latest of each name). */
function readerMeasures(page: Page): Promise<[string, number][]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('reader:'))
      .map((entry): [string, number] => [entry.name.slice('reader:'.length), entry.duration]),
  )
}

class Measures {
  private values = new Map<string, number[]>()
  add(entries: Iterable<[string, number]>) {
    for (const [name, value] of entries) this.values.set(name, [...this.get(name), value])
  }
  get(name: string): number[] {
    return this.values.get(name) ?? []
  }
  summary(): string {
    return [...this.values]
      .map(([name, values]) => `${name} ${median(values).toFixed(1)}`)
      .join(', ')
  }
}

interface CaseResult {
  renders: number[]
  spans: number
  presses: KeyTimes[]
  measures: Measures
}

async function benchCase(browser: Browser, url: string, item: Case): Promise<CaseResult> {
  const measures = new Measures()
  const renders: number[] = []
  for (let run = 0; run < RENDER_RUNS; run++) {
    const page = await freshPage(browser, url)
    renders.push(await openAndPaint(page, item))
    measures.add(await readerMeasures(page))
    process.stderr.write(`${item.path} render run ${run + 1}: ${renders.at(-1)!.toFixed(0)} ms\n`)
    await page.close()
  }
  const page = await freshPage(browser, url)
  page.on('crash', () => process.stderr.write('the page crashed\n'))
  await openAndPaint(page, item)
  const spans = await page.locator('[data-testid="claim-highlight"]').count()
  const presses: KeyTimes[] = []
  for (let n = 0; n < KEY_PRESSES; n++) {
    presses.push(await pressLabelKey(page, n))
    measures.add((await readerMeasures(page)).filter(([name]) => name.startsWith('draw pending')))
    const { rendered } = presses.at(-1)!
    process.stderr.write(`${item.path} key press ${n + 1}: ${rendered.toFixed(1)} ms\n`)
  }
  await page.close()
  return { renders, spans, presses, measures }
}

function row(measure: string, work: string, values: number[], digits: number, target: string) {
  const worst = Math.max(...values)
  return `${measure.padEnd(28)} ${work.padEnd(38)} ${median(values).toFixed(digits).padStart(9)}  ${worst.toFixed(digits).padStart(8)}  ${target}`
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`
}

export async function benchHighlights(): Promise<void> {
  console.log('\n## Highlights in Chromium (browser mode)')
  const { project, sizes } = makeProject()
  const server = await startBrowserMode(project)
  const browser = await launchChromium()
  try {
    await setAnnotator(server.url)
    const results: CaseResult[] = []
    for (const item of CASES) results.push(await benchCase(browser, server.url, item))
    console.log(
      'measure                      work                                   median ms  worst ms  target',
    )
    CASES.forEach((item, index) => {
      const { renders, spans, presses, measures } = results[index]!
      const drawn = `${item.claims}+ claims drawn`
      console.log(
        row(
          `render, ${item.title}`,
          `${size(sizes[index]!)}, ${item.claims} claims, ${spans} spans`,
          renders,
          0,
          `< 300 ms (${RENDER_RUNS} runs, click to frame rendered)`,
        ),
      )
      console.log(
        row(
          'key to highlight rendered',
          `label key, ${drawn}`,
          presses.map((times) => times.rendered),
          1,
          `< 16 ms (${KEY_PRESSES} presses, keydown to frame rendered)`,
        ),
      )
      console.log(
        row(
          'key to next frame',
          `label key, ${drawn}`,
          presses.map((times) => times.nextFrame),
          1,
          '(keydown to the start of the next frame)',
        ),
      )
      console.log(`  reader measures, median ms: ${measures.summary()}`)
    })
  } finally {
    await browser.close()
    await server.stop()
    rmSync(project, { recursive: true, force: true })
  }
}

// `npx tsx tests/benchmarks/highlights.ts` runs it on its own; run.ts imports it.
if (import.meta.url === `file://${process.argv[1]}`) await benchHighlights()
