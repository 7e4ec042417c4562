/**
 * Review: agreement of five annotators over 200 documents with 50 claims each per annotator
 * (50,000 claims and 10,000 links), through the real workbench (the annotation files written
 * directly in the file format, then getAgreement: reading the files, placing the claims,
 * aligning and measuring), and the core measures alone on the same claims.
 * Then, in Chromium, opening a document with five colleagues' lanes (benchLanes).
 * Targets (issue #11): agreement for the whole project under 2 s; a document with five lanes
 * opened under 300 ms.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createWorkbench } from '../../src/backend'
import { serializeAnnotationFile } from '../../src/backend/annotations'
import { parseDocument } from '../../src/core/document/parse'
import { emptyAnnotationFile, newLinkId, type Claim, type Link } from '../../src/core/model'
import { laneSegments } from '../../src/renderer/reader/lanes'
import { invoke, launchChromium, startBrowserMode } from '../e2e/harness'
import { storedClaim } from '../support/claims'
import { median, seededRandom } from './measure'
import { clickToFrame, installProbes, type ReadyCondition } from './probes'
import { plainTextArticle } from './synthetic'

const ANNOTATORS = ['ana', 'ben', 'cleo', 'dev', 'eli']
const DOCUMENTS = 200
const CLAIMS_PER_DOCUMENT = 50
const LABELS = ['claim', 'figure', 'attribution', 'event', 'denial']
const RUNS = 3

/** The project: articles, and each annotator's file with claims that mostly agree. */
type Files = Map<string, { claims: Claim[]; links: Link[] }>

export function makeReviewProject(): {
  root: string
  claims: number
  links: number
  files: Files
} {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-bench-review-'))
  const random = seededRandom(11)
  const files: Files = new Map(ANNOTATORS.map((name) => [name, { claims: [], links: [] }]))
  for (let d = 0; d < DOCUMENTS; d++) {
    const path = `articles/article-${String(d).padStart(3, '0')}.txt`
    const content = Buffer.from(plainTextArticle(8 * 1024).replace('Munitions', `Munitions ${d}`))
    mkdirSync(join(root, 'articles'), { recursive: true })
    writeFileSync(join(root, path), content)
    const document = parseDocument(content, path)
    const stride = Math.floor(document.text.length / CLAIMS_PER_DOCUMENT)
    for (const annotator of ANNOTATORS) {
      const own = files.get(annotator)!
      const first = own.claims.length
      for (let n = 0; n < CLAIMS_PER_DOCUMENT; n++) {
        // Most annotators mark the same passages; some boundaries and labels differ.
        const shift = random() < 0.2 ? Math.floor(random() * 8) : 0
        const start = n * stride + shift
        const end = Math.min(document.text.length, start + 40 + ((n * 13) % 50))
        const label = random() < 0.15 ? LABELS[Math.floor(random() * 5)]! : LABELS[n % 5]!
        const place = { text: document.text, documentId: document.id, path, start, end }
        own.claims.push(storedClaim(place, annotator, { label }))
      }
      // A "same claim" link from every fifth claim to the next document's.
      for (let n = 0; n + 5 < CLAIMS_PER_DOCUMENT; n += 5) {
        const now = new Date().toISOString()
        own.links.push({
          id: newLinkId(),
          relation: n % 10 === 0 ? 'same' : 'supports',
          from: own.claims[first + n]!.id,
          to: { kind: 'claim', claimId: own.claims[first + n + 5]!.id },
          note: '',
          confidence: null,
          annotator,
          created: now,
          updated: now,
        })
      }
    }
  }
  mkdirSync(join(root, 'annotations'))
  let claims = 0
  let links = 0
  for (const [annotator, own] of files) {
    own.claims.sort((a, b) => (a.id < b.id ? -1 : 1))
    own.links.sort((a, b) => (a.id < b.id ? -1 : 1))
    claims += own.claims.length
    links += own.links.length
    writeFileSync(
      join(root, 'annotations', `${annotator}.json`),
      serializeAnnotationFile({ ...emptyAnnotationFile(annotator), ...own }),
    )
  }
  return { root, claims, links, files }
}

export async function benchReview(): Promise<void> {
  console.log('\n## Review: agreement of the whole project')
  const { root, claims, links, files } = makeReviewProject()
  const workbench = createWorkbench({
    settingsDir: mkdtempSync(join(tmpdir(), 'corroborate-bench-settings-')),
    samplesDir: root,
    log: () => {},
  })
  try {
    await workbench.setAnnotator(ANNOTATORS[0]!)
    await workbench.openProject(root)
    const times: number[] = []
    let units = 0
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now()
      const result = await workbench.getAgreement({})
      times.push(performance.now() - t0)
      units = result.report.units ?? 0
    }
    console.log(
      'measure                 work                                                  median ms  target',
    )
    console.log(
      `${'getAgreement'.padEnd(23)} ${`${ANNOTATORS.length} annotators, ${DOCUMENTS} documents, ${claims} claims, ${links} links, ${units} units`.padEnd(53)} ${median(times).toFixed(0).padStart(9)}  < 2000 ms (${RUNS} runs; the first reads and parses every article)`,
    )
    console.log(`  runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`)
  } finally {
    await workbench.close()
  }
  try {
    await benchLanes(root, files)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

const LANE_RUNS = 7

/**
 * Opening a document with five colleagues' lanes in Chromium: a reviewer (without claims of
 * their own) turns on the five annotators' lanes, then opens documents from the sidebar; from
 * the click to the first frame showing every lane segment. The first document also reads and
 * parses the five files (about 10,000 claims each); later ones find them parsed. The floor:
 * the same kind of document opened with no lane shown, to its text.
 */
async function benchLanes(root: string, files: Files): Promise<void> {
  const server = await startBrowserMode(root)
  const browser = await launchChromium()
  try {
    await invoke(server.url, 'setAnnotator', 'reviewer')
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await installProbes(page)
    await page.goto(server.url)
    const open = (n: number, ready: ReadyCondition) =>
      clickToFrame(
        page,
        () => page.locator(`[data-testid="doc-item"][data-path="${pathOf(n)}"]`).click(),
        ready,
      )

    // The floor first, before any lane is shown (documents 100 on).
    await page.locator('[data-testid="doc-item"]').first().waitFor()
    const floor: number[] = []
    for (let run = 0; run < LANE_RUNS; run++) {
      floor.push(await open(100 + run, { condition: 'text', path: pathOf(100 + run) }))
    }
    for (const annotator of ANNOTATORS) {
      await page
        .locator(`[data-testid="annotator"][data-annotator="${annotator}"]`)
        .getByTestId('lane-toggle')
        .check()
    }
    const times: number[] = []
    for (let run = 0; run <= LANE_RUNS; run++) {
      const path = pathOf(run)
      const segments = laneSegments(
        ANNOTATORS.flatMap((annotator, lane) =>
          files
            .get(annotator)!
            .claims.filter((claim) => claim.document.path === path)
            .map((claim) => ({ lane, ...claim.target.position, title: '' })),
        ),
      ).length
      times.push(await open(run, { condition: 'lanes', path, segments, lanes: ANNOTATORS.length }))
    }
    const [first, ...warm] = times
    const floorMedian = median(floor)
    console.log(
      'measure                        work                                      median ms  floor ms  ratio  target',
    )
    console.log(
      `${'open a document, five lanes'.padEnd(30)} ${`${ANNOTATORS.length} lanes x ${CLAIMS_PER_DOCUMENT} claims, 8 KB article`.padEnd(41)} ${median(warm).toFixed(0).padStart(9)}  ${floorMedian.toFixed(0).padStart(8)}  ${(median(warm) / floorMedian).toFixed(1).padStart(5)}  < 300 ms`,
    )
    console.log(
      `  first document (reads and parses the five files): ${first!.toFixed(0)} ms; others: ${warm.map((t) => t.toFixed(0)).join(', ')} ms; floor (no lanes, to the text): ${floor.map((t) => t.toFixed(0)).join(', ')} ms`,
    )
  } finally {
    await browser.close()
    await server.stop()
  }
}

function pathOf(n: number): string {
  return `articles/article-${String(n).padStart(3, '0')}.txt`
}

// `npx tsx tests/benchmarks/review.ts` runs it on its own; run.ts imports it.
if (import.meta.url === `file://${process.argv[1]}`) await benchReview()
