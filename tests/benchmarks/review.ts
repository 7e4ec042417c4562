/**
 * Review: agreement of five annotators over 200 documents with 50 claims each per annotator
 * (50,000 claims and 10,000 links), through the real workbench (the annotation files written
 * directly in the file format, then getAgreement: reading the files, placing the claims,
 * aligning and measuring), and the core measures alone on the same claims.
 * Target (issue #11): agreement for the whole project under 2 s.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createWorkbench } from '../../src/backend'
import { serializeAnnotationFile } from '../../src/backend/annotations'
import { parseDocument } from '../../src/core/document/parse'
import { emptyAnnotationFile, newLinkId, type Claim, type Link } from '../../src/core/model'
import { storedClaim } from '../support/claims'
import { median, seededRandom } from './measure'
import { plainTextArticle } from './synthetic'

const ANNOTATORS = ['ana', 'ben', 'cleo', 'dev', 'eli']
const DOCUMENTS = 200
const CLAIMS_PER_DOCUMENT = 50
const LABELS = ['claim', 'figure', 'attribution', 'event', 'denial']
const RUNS = 3

/** The project: articles, and each annotator's file with claims that mostly agree. */
function makeProject(): { root: string; claims: number; links: number } {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-bench-review-'))
  const random = seededRandom(11)
  const files = new Map<string, { claims: Claim[]; links: Link[] }>(
    ANNOTATORS.map((name) => [name, { claims: [], links: [] }]),
  )
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
  return { root, claims, links }
}

export async function benchReview(): Promise<void> {
  console.log('\n## Review: agreement of the whole project')
  const { root, claims, links } = makeProject()
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
    rmSync(root, { recursive: true, force: true })
  }
}

// `npx tsx tests/benchmarks/review.ts` runs it on its own; run.ts imports it.
if (import.meta.url === `file://${process.argv[1]}`) await benchReview()
