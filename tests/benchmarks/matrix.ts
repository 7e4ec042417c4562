/**
 * The corroboration matrix in Chromium (browser mode): 500 claim clusters (2-6 mentions each)
 * against 50 documents, with supporting and contradicting links between clusters, the
 * annotation file written directly in the project's annotations/ folder in the file format.
 *
 *   render   click on the Matrix tab -> the grid's rows painted (two animation frames after the
 *            first row is in the DOM), measured inside the page from the click event's time
 *            stamp; includes getMatrix over the bridge. Median of runs, each on a fresh page.
 *   scroll   the grid scrolled top to bottom in steps, one step per animation frame; frame time
 *            is the gap between consecutive frames. Reports frames over 16.7 ms and over 50 ms,
 *            the worst frame, and frames where the rows under the header were not drawn yet.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { serializeAnnotationFile } from '../../src/backend/annotations'
import { parseDocument } from '../../src/core/document/parse'
import { type CanonicalDocument } from '../../src/core/document'
import { emptyAnnotationFile, newLinkId, type Claim, type Link } from '../../src/core/model'
import { invoke, launchChromium, startBrowserMode } from '../e2e/harness'
import { paragraphsOfSize } from './synthetic'
import { median, seededRandom } from './measure'
import { storedClaim } from '../support/claims'

const DOCUMENTS = 50
const CLUSTERS = 500
const PARAGRAPHS_PER_DOCUMENT = 120
const RENDER_RUNS = 5
/** Pixels per animation frame: about 5 rows, a brisk wheel or a dragged scrollbar. */
const SCROLL_STEP = 220
const ANNOTATOR = 'bench'

const PLACES = ['Northern', 'Eastern', 'Harbour', 'Capital', 'Evening', 'Morning', 'Daily', 'Civic']
const KINDS = ['Post', 'Wire', 'Ledger', 'Herald', 'Monitor', 'Review', 'Times']

interface BenchProject {
  project: string
  claims: number
  supports: number
  contradicts: number
}

function article(n: number): string {
  const month = String(1 + (n % 9)).padStart(2, '0')
  const day = String(1 + ((n * 7) % 28)).padStart(2, '0')
  const outlet = `${PLACES[n % PLACES.length]} ${KINDS[Math.floor(n / PLACES.length) % KINDS.length]}`
  const paragraphs = paragraphsOfSize(400 * PARAGRAPHS_PER_DOCUMENT).slice(
    0,
    PARAGRAPHS_PER_DOCUMENT,
  )
  // The header is one block of `Key: value` lines, as the plain-text reader expects.
  const header = [
    `Title: Munitions report ${n + 1}`,
    `Outlet: ${outlet}`,
    `Published: 2026-${month}-${day}`,
  ].join('\n')
  return [header, ...paragraphs].join('\n\n')
}

function makeProject(): BenchProject {
  const project = mkdtempSync(join(tmpdir(), 'corroborate-bench-matrix-'))
  const documents: { document: CanonicalDocument; path: string; next: number }[] = []
  for (let n = 0; n < DOCUMENTS; n++) {
    const path = `report-${String(n + 1).padStart(2, '0')}.txt`
    const bytes = Buffer.from(article(n), 'utf8')
    writeFileSync(join(project, path), bytes)
    documents.push({ document: parseDocument(bytes, path), path, next: 0 })
  }
  const now = new Date().toISOString()
  const next = seededRandom(20260226)
  const claims: Claim[] = []
  /** Each claim is one whole paragraph, each document's paragraphs used in turn. */
  const claimIn = (d: number): string => {
    const entry = documents[d]!
    const block = entry.document.blocks.filter((b) => b.type === 'paragraph')[entry.next++]
    if (!block) throw new Error(`${entry.path} has run out of paragraphs`)
    const { text, id: documentId } = entry.document
    const claim = storedClaim({ text, documentId, path: entry.path, ...block }, ANNOTATOR)
    claims.push(claim)
    return claim.id
  }
  const links: Link[] = []
  const link = (from: string, to: string, relation: string) =>
    links.push({
      id: newLinkId(),
      relation,
      from,
      to: { kind: 'claim', claimId: to },
      note: '',
      confidence: null,
      annotator: ANNOTATOR,
      created: now,
      updated: now,
    })

  const members: string[][] = []
  for (let k = 0; k < CLUSTERS; k++) {
    const size = 2 + (k % 5)
    const chosen = new Set<number>()
    while (chosen.size < size) chosen.add(Math.floor(next() * DOCUMENTS))
    members.push([...chosen].map(claimIn))
    for (let i = 1; i < size; i++) link(members[k]![i - 1]!, members[k]![i]!, 'same')
  }
  // Claims of other clusters bear on some: every sixth is contradicted, every fourth supported.
  let supports = 0
  let contradicts = 0
  for (let k = 0; k < CLUSTERS; k++) {
    if (k % 6 === 0) {
      link(members[(k + 7) % CLUSTERS]![0]!, members[k]![0]!, 'contradicts')
      contradicts++
    } else if (k % 4 === 0) {
      link(members[(k + 11) % CLUSTERS]!.at(-1)!, members[k]!.at(-1)!, 'supports')
      supports++
    }
  }
  claims.sort((a, b) => (a.id < b.id ? -1 : 1))
  mkdirSync(join(project, 'annotations'))
  writeFileSync(
    join(project, 'annotations', `${ANNOTATOR}.json`),
    serializeAnnotationFile({ ...emptyAnnotationFile(ANNOTATOR), claims, links }),
  )
  return { project, claims: claims.length, supports, contradicts }
}

/** Click on the Matrix tab -> rows painted, measured in the page. */
async function openAndPaint(page: Page): Promise<{ time: number; rows: number }> {
  const tab = page.getByRole('tablist', { name: 'Workspace view' }).getByRole('tab', {
    name: 'Matrix',
  })
  await tab.waitFor()
  // The analyst clicks once the app has started: wait until the page has been idle a moment.
  await page.locator('[data-testid="doc-item"]').first().waitFor()
  await page.evaluate(
    () =>
      new Promise((done) => requestIdleCallback(() => setTimeout(done, 200), { timeout: 3000 })),
  )
  await page.evaluate(() => {
    const probe = window as unknown as { painted?: Promise<{ time: number; rows: number }> }
    probe.painted = new Promise((done) => {
      let clickedAt: number | null = null
      // The click event's own time stamp: when the button went down, before any handler ran.
      window.addEventListener('click', (event) => (clickedAt = event.timeStamp), {
        capture: true,
        once: true,
      })
      const observer = new MutationObserver(() => {
        if (clickedAt === null || !document.querySelector('[data-testid="matrix-row"]')) return
        observer.disconnect()
        const start = clickedAt
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            done({
              time: performance.now() - start,
              rows: document.querySelectorAll('[data-testid="matrix-row"]').length,
            }),
          ),
        )
      })
      observer.observe(document.body, { childList: true, subtree: true })
    })
  })
  await tab.click()
  return page.evaluate(
    () => (window as unknown as { painted: Promise<{ time: number; rows: number }> }).painted,
  )
}

interface ScrollFigures {
  frames: number
  over16: number
  over50: number
  worst: number
  medianFrame: number
  blank: number
  distance: number
}

/**
 * Scrolls the grid top to bottom, one step per frame, timing the frames in the page. Written
 * without named inner functions: tsx would wrap them in a helper the page does not have.
 */
async function scrollThrough(page: Page, step: number): Promise<ScrollFigures> {
  return page.evaluate(async (stepPx) => {
    const grid = document.querySelector<HTMLElement>('[data-testid="matrix-grid"]')!
    const rowHeight = document.querySelector<HTMLElement>(
      '[data-testid="matrix-row"]',
    )!.offsetHeight
    const end = grid.scrollHeight - grid.clientHeight
    const gaps: number[] = []
    let blank = 0
    grid.scrollTop = 0
    let last = await new Promise<number>((done) => requestAnimationFrame(done))
    while (grid.scrollTop < end) {
      grid.scrollTop = Math.min(end, grid.scrollTop + stepPx)
      const now = await new Promise<number>((done) => requestAnimationFrame(done))
      gaps.push(now - last)
      last = now
      // Was the row just under the header drawn when this frame began? (A blank band if not.)
      const top = Math.floor(grid.scrollTop / rowHeight)
      if (!grid.querySelector(`[data-testid="matrix-row"][aria-rowindex="${top + 2}"]`)) blank++
    }
    const sorted = [...gaps].sort((a, b) => a - b)
    return {
      frames: gaps.length,
      over16: gaps.filter((gap) => gap > 16.7).length,
      over50: gaps.filter((gap) => gap > 50).length,
      worst: sorted.at(-1) ?? 0,
      medianFrame: sorted[Math.floor(sorted.length / 2)] ?? 0,
      blank,
      distance: end,
    }
  }, step)
}

/** Frame gaps with nothing to do: the machine's own cadence, to read the scroll figures by. */
async function idleFrames(page: Page, count: number): Promise<number> {
  return page.evaluate(async (frames) => {
    const gaps: number[] = []
    let last = await new Promise<number>((done) => requestAnimationFrame(done))
    for (let i = 0; i < frames; i++) {
      const now = await new Promise<number>((done) => requestAnimationFrame(done))
      gaps.push(now - last)
      last = now
    }
    return gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0
  }, count)
}

export async function benchMatrix(): Promise<void> {
  console.log(
    `\n## Corroboration matrix in Chromium (browser mode): ${CLUSTERS} clusters x ${DOCUMENTS} documents`,
  )
  const { project, claims, supports, contradicts } = makeProject()
  const server = await startBrowserMode(project)
  const browser = await launchChromium()
  try {
    await invoke(server.url, 'setAnnotator', ANNOTATOR)
    const renders: number[] = []
    let drawnRows = 0
    for (let run = 0; run < RENDER_RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
      await page.goto(server.url)
      const { time, rows } = await openAndPaint(page)
      renders.push(time)
      drawnRows = rows
      process.stderr.write(`render run ${run + 1}: ${time.toFixed(0)} ms, ${rows} rows drawn\n`)
      await page.close()
    }
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.goto(server.url)
    await openAndPaint(page)
    const shown = await page.getByTestId('matrix-summary').textContent()
    // Once to warm up (first layout of rows, JIT), then the run that counts.
    await scrollThrough(page, SCROLL_STEP)
    const idle = await idleFrames(page, 60)
    const scroll = await scrollThrough(page, SCROLL_STEP)
    await page.close()

    const work = `${CLUSTERS} x ${DOCUMENTS}, ${claims} claims, ${supports}+${contradicts} links`
    console.log(`(${shown}; ${supports} supports and ${contradicts} contradicts links)`)
    // Browser, page and backend share the machine: the figures mean little on a busy one.
    console.log(
      `(machine: ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the end)`,
    )
    console.log(
      'measure                 work                                        median ms  worst ms  target',
    )
    console.log(
      `${'render matrix'.padEnd(23)} ${`${work}, ${drawnRows} rows drawn`.padEnd(43)} ${median(
        renders,
      )
        .toFixed(0)
        .padStart(9)}  ${Math.max(...renders)
        .toFixed(0)
        .padStart(8)}  < 300 ms (${RENDER_RUNS} runs, click to painted)`,
    )
    console.log(
      `${'scroll top to bottom'.padEnd(23)} ${`${scroll.distance} px in ${scroll.frames} frames of ${SCROLL_STEP} px`.padEnd(43)} ${scroll.medianFrame
        .toFixed(1)
        .padStart(9)}  ${scroll.worst.toFixed(1).padStart(8)}  frames > 16.7 ms: ${
        scroll.over16
      }, > 50 ms: ${scroll.over50}, blank: ${scroll.blank}`,
    )
    console.log(
      `${'idle frames'.padEnd(23)} ${'60 frames, nothing to do (this machine)'.padEnd(43)} ${idle
        .toFixed(1)
        .padStart(9)}`,
    )
  } finally {
    await browser.close()
    await server.stop()
    rmSync(project, { recursive: true, force: true })
  }
}

// `npx tsx tests/benchmarks/matrix.ts` runs it on its own; run.ts imports it.
if (import.meta.url === `file://${process.argv[1]}`) await benchMatrix()
