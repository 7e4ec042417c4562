/**
 * Highlights in Chromium (browser mode): a typical article (30 KB, 50 claims) and a 1 MB
 * article with 5,000 claims, the annotation file written directly in the project's
 * annotations/ folder in the file format.
 *
 *   render          click on the document in the sidebar -> the first frame rendered with the
 *                   text and the highlights of its first section (32 blocks: more than the first
 *                   screen); in the page from the click's time stamp; median and worst of fresh
 *                   pages. A long document's other sections are drawn as they come near the view
 *                   (reader/section-window.ts), so the next figure is the reader scrolled to the
 *                   middle of the document -> the first frame showing that part with its
 *                   highlights
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
import { parseDocument } from '../../src/core/document/parse'
import { emptyAnnotationFile, type Claim } from '../../src/core/model'
import { SECTION_SIZE } from '../../src/renderer/reader/schema'
import { launchChromium, startBrowserMode } from '../e2e/harness'
import { storedClaim } from '../support/claims'
import { median } from './measure'
import {
  clickToFrames,
  installProbes,
  keyToHighlight,
  scrollToMiddle,
  settle,
  type KeyTimes,
} from './probes'
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

/** A case as made on disk: its size, and how many of its claims lie in the reader's first section. */
interface MadeCase {
  size: number
  firstSectionClaims: number
}

const CASES: readonly Case[] = [
  { title: 'typical article', path: 'article.txt', bytes: 30 * 1024, claims: 50 },
  { title: '1 MB document', path: 'large.txt', bytes: 1024 * 1024, claims: 5_000 },
]

/** A project with one article per case and an annotation file holding all their claims. */
export function makeProject(cases: readonly Case[] = CASES): { project: string; made: MadeCase[] } {
  const project = mkdtempSync(join(tmpdir(), 'corroborate-bench-highlights-'))
  const claims: Claim[] = []
  const made = cases.map(({ path, bytes, claims: count }): MadeCase => {
    const content = Buffer.from(plainTextArticle(bytes), 'utf8')
    writeFileSync(join(project, path), content)
    const document = parseDocument(content, path)
    const own = claimsOver(document, path, count)
    claims.push(...own)
    const firstSectionEnd = document.blocks[Math.min(SECTION_SIZE, document.blocks.length) - 1]!.end
    const firstSectionClaims = own.filter(
      (claim) => claim.target.position.start < firstSectionEnd,
    ).length
    return { size: content.length, firstSectionClaims }
  })
  claims.sort((a, b) => (a.id < b.id ? -1 : 1))
  mkdirSync(join(project, 'annotations'))
  writeFileSync(
    join(project, 'annotations', `${ANNOTATOR}.json`),
    serializeAnnotationFile({ ...emptyAnnotationFile(ANNOTATOR), claims }),
  )
  return { project, made }
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

/**
 * A fresh page of the app, settled: its project listed with the claim counts and the annotators,
 * and settled (see probes.ts), so a render measures opening a document, not starting the app.
 */
async function freshPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await installProbes(page)
  await page.goto(url)
  await page.getByTestId('doc-claim-count').first().waitFor()
  await page.getByTestId('annotator-counts').first().waitFor()
  await settle(page)
  return page
}

/** Times of a render: to the first section with its highlights, then of a scroll to the middle. */
interface RenderTimes {
  firstSection: number
  middle: number
}

/** Opens the case's document from the sidebar and times its render from the click. */
async function openAndPaint(
  page: Page,
  { path, claims }: Case,
  made: MadeCase,
): Promise<RenderTimes> {
  const item = page.locator(`[data-testid="doc-item"][data-path="${path}"]`)
  await item.waitFor()
  const [firstSection] = await clickToFrames(page, () => item.click(), [
    { condition: 'firstSection', path, claims: Math.min(claims, made.firstSectionClaims) },
  ])
  const middle = await scrollToMiddle(page, path)
  return { firstSection: firstSection!, middle }
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

interface Floor {
  htmlBytes: number
  times: number[]
}

/**
 * The physical floor of a render: the reader's final DOM (text, sections, every highlight) as
 * HTML, set into a fresh element beside it, to the first frame rendered, with no script of ours
 * in between. Plain JavaScript for the same reason as probes.ts.
 */
async function measureFloor(page: Page, path: string): Promise<Floor> {
  return (await page.evaluate(`(async () => {
    const root = document.querySelector('[data-testid="reader"][data-path=${JSON.stringify(path)}] .ProseMirror')
    const html = root.innerHTML
    const host = root.parentElement
    const rendered = () => new Promise((done) => requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done()
      channel.port2.postMessage(null)
    }))
    root.remove()
    await rendered()
    const times = []
    for (let run = 0; run < ${RENDER_RUNS}; run++) {
      const start = performance.now()
      const copy = document.createElement('div')
      copy.className = root.className
      copy.innerHTML = html
      host.append(copy)
      await rendered()
      times.push(performance.now() - start)
      copy.remove()
      await rendered()
    }
    host.append(root)
    return { htmlBytes: html.length, times }
  })()`)) as Floor
}

/**
 * The physical floor of a key press: the reader's DOM as HTML, in a copy no script of ours
 * looks after, and a key (F8, bound to nothing) whose handler wraps twelve characters of a
 * paragraph in a highlight span, timed by the same probe as the label key. What is left is
 * the wait for the next frame and that frame's style, layout and paint.
 */
export async function measureKeyFloor(page: Page, path: string): Promise<KeyTimes[]> {
  await page.evaluate(`(() => {
    const root = document.querySelector('[data-testid="reader"][data-path=${JSON.stringify(path)}] .ProseMirror')
    const copy = document.createElement('div')
    copy.className = root.className
    copy.innerHTML = root.innerHTML
    for (const span of copy.querySelectorAll('[data-claim-id="pending"]')) span.removeAttribute('data-claim-id')
    root.replaceWith(copy)
    window.__floorPresses = 0
    // On the document: after the probe's own listener on the window has noted the key's time.
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'F8') return
      const paragraphs = copy.querySelectorAll('.rd-paragraph')
      const paragraph = paragraphs[(40 + window.__floorPresses++ * 97) % paragraphs.length]
      const text = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT).nextNode()
      const range = document.createRange()
      range.setStart(text, 0)
      range.setEnd(text, Math.min(text.data.length, 12))
      const span = document.createElement('span')
      span.className = 'claim pending'
      span.setAttribute('data-claim-id', 'pending')
      range.surroundContents(span)
    }, true)
  })()`)
  const presses: KeyTimes[] = []
  for (let n = 0; n < KEY_PRESSES; n++) {
    await page.evaluate(`(() => {
      const paragraphs = document.querySelectorAll('.ProseMirror .rd-paragraph')
      paragraphs[(40 + window.__floorPresses * 97) % paragraphs.length].scrollIntoView({ block: 'center' })
      for (const span of document.querySelectorAll('.ProseMirror [data-claim-id="pending"]')) span.removeAttribute('data-claim-id')
    })()`)
    await page.waitForTimeout(50)
    presses.push(await keyToHighlight(page, 'F8'))
  }
  return presses
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
  floor: Floor
  renders: RenderTimes[]
  /** Highlight elements in the DOM once opened, and sections in all and drawn then. */
  spans: number
  sections: number
  drawnSections: number
  presses: KeyTimes[]
  /** The same key path with nothing of ours in it (measureKeyFloor). */
  keyFloor: KeyTimes[]
  measures: Measures
}

async function benchCase(
  browser: Browser,
  url: string,
  item: Case,
  made: MadeCase,
): Promise<CaseResult> {
  const measures = new Measures()
  const renders: RenderTimes[] = []
  for (let run = 0; run < RENDER_RUNS; run++) {
    const page = await freshPage(browser, url)
    const times = await openAndPaint(page, item, made)
    renders.push(times)
    measures.add(await readerMeasures(page))
    process.stderr.write(
      `${item.path} render run ${run + 1}: ${times.firstSection.toFixed(0)} ms first section, ${times.middle.toFixed(0)} ms scrolled to the middle\n`,
    )
    await page.close()
  }
  const page = await freshPage(browser, url)
  page.on('crash', () => process.stderr.write('the page crashed\n'))
  await openAndPaint(page, item, made)
  const spans = await page.locator('[data-testid="claim-highlight"]').count()
  const sections = await page.locator('.ProseMirror > .rd-section').count()
  const drawnSections = await page
    .locator('.ProseMirror > .rd-section:not(.rd-section-hidden)')
    .count()
  const presses: KeyTimes[] = []
  for (let n = 0; n < KEY_PRESSES; n++) {
    presses.push(await pressLabelKey(page, n))
    measures.add((await readerMeasures(page)).filter(([name]) => name.startsWith('draw pending')))
    const { rendered } = presses.at(-1)!
    process.stderr.write(`${item.path} key press ${n + 1}: ${rendered.toFixed(1)} ms\n`)
  }
  const floor = await measureFloor(page, item.path)
  const keyFloor = await measureKeyFloor(page, item.path)
  await page.close()
  return { renders, spans, sections, drawnSections, presses, measures, floor, keyFloor }
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
  const { project, made } = makeProject()
  const server = await startBrowserMode(project)
  const browser = await launchChromium()
  try {
    await setAnnotator(server.url)
    const results: CaseResult[] = []
    for (const [index, item] of CASES.entries()) {
      results.push(await benchCase(browser, server.url, item, made[index]!))
    }
    console.log(
      'measure                      work                                   median ms  worst ms  target',
    )
    CASES.forEach((item, index) => {
      const { renders, spans, sections, drawnSections, presses, measures, floor, keyFloor } =
        results[index]!
      const drawn = `${item.claims}+ claims listed`
      const work = `${size(made[index]!.size)}, ${item.claims} claims`
      console.log(
        row(
          `render, ${item.title}`,
          `${work}, first section`,
          renders.map((times) => times.firstSection),
          0,
          `< 300 ms (${RENDER_RUNS} runs, click to frame rendered)`,
        ),
      )
      console.log(
        row(
          '  scrolled to the middle',
          `${work}, that part drawn`,
          renders.map((times) => times.middle),
          0,
          '(scroll set -> frame with its text and highlights)',
        ),
      )
      console.log(
        `  in the DOM once opened and scrolled to the middle: ${drawnSections} of ${sections} sections drawn, ${spans} highlight spans`,
      )
      console.log(
        row(
          '  floor: that DOM as HTML',
          `${size(floor.htmlBytes)} of HTML`,
          floor.times,
          0,
          '(the browser alone: parse, style, layout, paint)',
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
          '  floor: a span on a key',
          'that DOM as HTML, F8 wraps a passage',
          keyFloor.map((times) => times.rendered),
          1,
          '(the browser alone: next frame, style, layout, paint)',
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
