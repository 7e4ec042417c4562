/**
 * `npm run bench`: figures, not pass/fail. Prints the size of each piece of
 * work beside its time, so figures from different machines can be compared.
 *
 *   1. parse a 10 KB and a 1 MB article of each format (median of repeated runs); 1 MB of text
 *      pasted from web pages with furniture detection (pasted.ts); listing a project of 2,000
 *      articles, first open and refresh (listing.ts)
 *   2. open and first render in Chromium (browser mode): 1 MB of each format, a typical 30 KB
 *      article, and a few lines (the floor: what a click costs before any text)
 *   3. annotations: load, edit to disk and CSV export of 100,000 claims (annotations.ts)
 *   4. linking: suggestions, clusters and matrix over 2,000 documents (linking.ts)
 *   5. highlights: a 30 KB article with 50 claims and a 1 MB one with 5,000, in Chromium
 *      (highlights.ts)
 *   6. matrix: 500 clusters x 50 documents in Chromium, render and scroll (matrix.ts)
 *   7. review: agreement of 5 annotators over 200 documents, 50 claims each (review.ts)
 *   8. gold: the review queue, the gold merge and the git merge driver at that size (gold.ts)
 *   9. pdf: a 50-page PDF read into a canonical document, beside pdf.js's text extraction alone
 *      (pdf.ts); cli: what `corroborate doc <file>` costs from process start, beside Node's own
 *      start (cli-start.ts)
 *
 * `npm run bench -- highlights matrix` runs only the parts named (parse, pasted, listing,
 * annotations, linking, render, highlights, matrix, review, gold, pdf, cli).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseDocument } from '../../src/core/document/parse'
import { launchChromium, startBrowserMode } from '../e2e/harness'
import { benchAnnotations } from './annotations'
import { benchGold } from './gold'
import { benchHighlights } from './highlights'
import { benchLinking } from './linking'
import { benchListing } from './listing'
import { benchPdf } from './pdf'
import { benchCliStart } from './cli-start'
import { benchMatrix } from './matrix'
import { benchPasted } from './pasted'
import { benchReview } from './review'
import { htmlArticle, markdownArticle, plainTextArticle } from './synthetic'
import { median } from './measure'
import { clickToFrame, installProbes, settle } from './probes'

const formats = [
  { ext: 'txt', make: plainTextArticle },
  { ext: 'md', make: markdownArticle },
  { ext: 'html', make: htmlArticle },
] as const

function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`
}

function benchParse(): void {
  console.log('\n## Parse (bytes -> canonical document), median of runs')
  console.log('format  size       blocks  runs  median ms  target')
  for (const size of [10 * 1024, 1024 * 1024]) {
    for (const { ext, make } of formats) {
      const bytes = Buffer.from(make(size), 'utf8')
      const runs = size < 100_000 ? 50 : 7
      parseDocument(bytes, `warm-up.${ext}`)
      const times: number[] = []
      let blocks = 0
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now()
        blocks = parseDocument(bytes, `bench.${ext}`).blocks.length
        times.push(performance.now() - t0)
      }
      const target = size < 100_000 ? '< 10 ms' : ''
      console.log(
        `${ext.padEnd(7)} ${kb(bytes.length).padEnd(10)} ${String(blocks).padEnd(7)} ${String(runs).padEnd(5)} ${median(times).toFixed(2).padStart(9)}  ${target}`,
      )
    }
  }
}

/** What the render benchmark opens: the three 1 MB formats, a typical article, and the floor. */
const OPENED = [
  ...formats.map(({ ext, make }) => ({ file: `large.${ext}`, content: make(1024 * 1024) })),
  { file: 'article.txt', content: plainTextArticle(30 * 1024) },
  // The floor: a few lines of text cost the same click, round trip and React render.
  { file: 'tiny.txt', content: plainTextArticle(300) },
]

async function benchOpenAndRender(): Promise<void> {
  console.log('\n## Open + first render in Chromium (browser mode), 5 fresh pages each, settled')
  console.log('  in page: click -> first frame rendered with the text (see probes.ts)')
  console.log('  driver:  Playwright click() call -> reader in the DOM -> two animation frames')
  console.log('file         size       in page median  worst   driver median  target')
  const project = mkdtempSync(join(tmpdir(), 'corroborate-bench-'))
  for (const { file, content } of OPENED) writeFileSync(join(project, file), content)
  const server = await startBrowserMode(project)
  const browser = await launchChromium()
  try {
    for (const { file } of OPENED) {
      const inPage: number[] = []
      const driver: number[] = []
      let size = 0
      for (let i = 0; i < 5; i++) {
        // A fresh page each run, so every run really opens and renders the document.
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
        await installProbes(page)
        await page.goto(server.url)
        const item = page.locator(`[data-testid="doc-item"][data-path="${file}"]`)
        await item.waitFor()
        await settle(page)
        size = Number(await item.getAttribute('data-size')) || 0
        const t0 = performance.now()
        const ready = { condition: 'text', path: file } as const
        inPage.push(await clickToFrame(page, () => item.click(), ready))
        await page.locator(`[data-testid="reader"][data-path="${file}"] .ProseMirror`).waitFor()
        await page.evaluate(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
        )
        driver.push(performance.now() - t0)
        await page.close()
      }
      const target = file.startsWith('tiny') ? '(floor)' : '< 300 ms'
      console.log(
        `${file.padEnd(12)} ${kb(size).padEnd(10)} ${median(inPage).toFixed(0).padStart(14)} ${Math.max(
          ...inPage,
        )
          .toFixed(0)
          .padStart(6)} ${median(driver).toFixed(0).padStart(15)}  ${target}`,
      )
    }
  } finally {
    await browser.close()
    await server.stop()
    rmSync(project, { recursive: true, force: true })
  }
}

console.log(`Corroborate benchmarks, node ${process.version}, ${new Date().toISOString()}`)
const parts: [string, () => unknown][] = [
  ['parse', benchParse],
  ['pasted', benchPasted],
  ['listing', benchListing],
  ['annotations', benchAnnotations],
  ['linking', benchLinking],
  ['render', benchOpenAndRender],
  ['highlights', benchHighlights],
  ['matrix', benchMatrix],
  ['review', benchReview],
  ['gold', benchGold],
  ['pdf', benchPdf],
  ['cli', benchCliStart],
]
const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !parts.some(([part]) => part === name))
if (unknown.length > 0) {
  console.error(`unknown part ${unknown.join(', ')}; parts: ${parts.map(([p]) => p).join(', ')}`)
  process.exit(2)
}
for (const [name, run] of parts) {
  if (wanted.length === 0 || wanted.includes(name)) await run()
}
