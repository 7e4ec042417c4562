/**
 * Annotation benchmarks: a project with 100,000 claims (about 40 MB of annotation file).
 *
 *   load           AnnotationStore.open: read, JSON.parse, migrate, zod-validate, index
 *   edit -> disk   one claim edited until it is on disk, two ways:
 *                    flush: put + flush() (the write alone: merge check, serialise, fsync, rename)
 *                    end-to-end: put until the 'saved' event (includes the coalescing delay)
 *   CSV export     100,000 rows from the loaded claims (placement, code points, papaparse)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { performance } from 'node:perf_hooks'
import { writeFileAtomic } from '../../src/backend/atomic-write'
import {
  AnnotationStore,
  COALESCE_MS,
  serializeAnnotationFile,
} from '../../src/backend/annotations'
import { describeRange } from '../../src/core/anchoring'
import { documentId } from '../../src/core/document'
import {
  ExportDocuments,
  claimsCsv,
  sortClaimsForExport,
  type ExportDocument,
} from '../../src/core/export'
import { emptyAnnotationFile, newClaimId, type Claim } from '../../src/core/model'
import { paragraphsOfSize } from './synthetic'
import { median } from './measure'

const CLAIMS = 100_000
const DOCUMENTS = 100

function makeDocuments(): ExportDocument[] {
  return Array.from({ length: DOCUMENTS }, (_, index) => {
    const text = paragraphsOfSize(60 * 1024).join('\n\n') + ` 🎉 Document ${index}.`
    return {
      id: documentId(text),
      path: `wire/story-${index}.txt`,
      text,
      metadata: { title: `Story ${index}`, outlet: 'Bench Wire' },
    }
  })
}

function makeClaims(documents: ExportDocument[]): Claim[] {
  const claims: Claim[] = []
  const now = new Date().toISOString()
  for (let n = 0; n < CLAIMS; n++) {
    const document = documents[n % DOCUMENTS]
    const start = (n * 97) % (document.text.length - 200)
    const range = describeRange(document.text, start, start + 40 + (n % 60))
    claims.push({
      id: newClaimId(),
      document: { id: document.id, path: document.path },
      target: {
        position: { start, end: range.position.end },
        quote: { exact: range.quote.exact, prefix: range.quote.prefix, suffix: range.quote.suffix },
      },
      label: ['claim', 'figure', 'attribution', 'event', 'denial'][n % 5],
      attributedTo: n % 3 === 0 ? 'a senior official' : '',
      status: 'asserted',
      certainty: n % 2 === 0 ? 'medium' : null,
      note: n % 4 === 0 ? 'Checked against the agency statement; the figure differs.' : '',
      tags: n % 5 === 0 ? ['munitions', 'dprk'] : [],
      annotator: 'bench',
      created: now,
      updated: now,
    })
  }
  return claims
}

const idle = () => new Promise((resolve) => setTimeout(resolve, 2000))

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export async function benchAnnotations(): Promise<void> {
  console.log(`\n## Annotations: ${CLAIMS.toLocaleString('en')} claims on ${DOCUMENTS} documents`)
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-annotations-'))
  try {
    const documents = makeDocuments()
    const claims = makeClaims(documents)
    const path = join(dir, 'annotations', 'bench.json')
    const { mkdir } = await import('node:fs/promises')
    await mkdir(join(dir, 'annotations'))
    await writeFileAtomic(
      path,
      serializeAnnotationFile({ ...emptyAnnotationFile('bench'), claims }),
    )
    const size = statSync(path).size
    console.log(`file: ${mb(size)}`)
    console.log('measure                         runs  median ms  target')

    const open = () =>
      AnnotationStore.open({
        path,
        displayName: 'annotations/bench.json',
        annotator: 'bench',
        log: () => {},
      })
    const loads: number[] = []
    let store: AnnotationStore | null = null
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      store = await open()
      loads.push(performance.now() - t0)
      if (store.size !== CLAIMS || store.readOnlyReason)
        throw new Error('benchmark store did not load')
      // Each open serialises its claims in the background for the first save: let that finish
      // rather than time it as part of the next load.
      await idle()
    }
    console.log(
      `load (${mb(size)})                 ${String(5).padEnd(5)} ${median(loads).toFixed(0).padStart(9)}  < 1000 ms`,
    )

    const flushes: number[] = []
    const endToEnd: number[] = []
    const some = [...store!.all()].slice(0, 20)
    await idle()
    for (let i = 0; i < 10; i++) {
      const claim = some[i]
      const t0 = performance.now()
      store!.put({ ...claim, note: `flush edit ${i}`, updated: new Date().toISOString() })
      await store!.flush()
      flushes.push(performance.now() - t0)
    }
    // One store for the end-to-end runs, told when each save is on disk.
    store = null
    let saved: () => void = () => {}
    const watched = await AnnotationStore.open({
      path,
      displayName: 'annotations/bench.json',
      annotator: 'bench',
      log: () => {},
      onSaveState: (state) => state.status === 'saved' && saved(),
    })
    for (let i = 10; i < 20; i++) {
      // An analyst does not edit within milliseconds of opening: let the background warm-up run.
      await idle()
      const done = new Promise<void>((resolve) => (saved = resolve))
      const t0 = performance.now()
      watched.put({ ...some[i], note: `coalesced edit ${i}`, updated: new Date().toISOString() })
      await done
      endToEnd.push(performance.now() - t0)
    }
    console.log(
      `edit -> disk, flush()          ${String(10).padEnd(5)} ${median(flushes).toFixed(0).padStart(9)}  < 300 ms`,
    )
    console.log(
      `edit -> disk, end-to-end        ${String(10).padEnd(5)} ${median(endToEnd).toFixed(0).padStart(9)}  < 300 ms (includes ${COALESCE_MS} ms coalescing)`,
    )

    const exports: number[] = []
    let csvBytes = 0
    const all = [...watched.all()]
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      const csv = claimsCsv(sortClaimsForExport(all), new ExportDocuments(documents))
      exports.push(performance.now() - t0)
      csvBytes = Buffer.byteLength(csv)
    }
    console.log(
      `CSV export (${all.length} rows, ${mb(csvBytes)})  ${String(5).padEnd(5)} ${median(exports).toFixed(0).padStart(9)}  < 1000 ms`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
