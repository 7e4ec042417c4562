/**
 * Annotation benchmarks: a project with 100,000 claims (about 58 MB of annotation file), each
 * figure printed beside the physical floor measured in the same run, and as a ratio to it:
 *
 *   floors         read + JSON.parse of the file; JSON.stringify + write + fsync of the file;
 *                  write + fdatasync of one small line (what any durable edit costs at least)
 *   load           AnnotationStore.open: read, parse, migrate, validate, index, journal recovery
 *   edit           one claim edited until acknowledged and durable: put + persist() (journal
 *                  record, fdatasynced), what the session's commit awaits before answering
 *   compaction     flush(): the journal written into the JSON file (when idle, not per edit)
 *   edit during    edits every 25 ms while compactions run: acknowledged and durable, and the
 *   a compaction   event loop's longest pause meanwhile
 *   CSV export     100,000 rows from the loaded claims (placement, code points, CSV cells),
 *                  beside JSON.stringify of the same claims (paired) and stringify + write + fsync
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { mkdir, open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { writeFileAtomic } from '../../src/backend/atomic-write'
import { AnnotationStore, serializeAnnotationFile } from '../../src/backend/annotations'
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

export function makeDocuments(): ExportDocument[] {
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

export function makeClaims(documents: ExportDocument[]): Claim[] {
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

async function timed(runs: number, task: () => Promise<void>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await task()
    times.push(performance.now() - t0)
  }
  return median(times)
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * The physical floor of an edit during a compaction: one line appended and fdatasynced every
 * 25 ms (timed from when it was due) while a file of `bytes` is written in 1 MB pieces and
 * fsynced on the same disk, with nothing else to do. Each of five writes.
 */
async function lineWriteDuringBigWrite(dir: string, bytes: number): Promise<number[]> {
  const piece = Buffer.alloc(1 << 20, 'x')
  const times: number[] = []
  const log = await open(join(dir, 'floor-during.log'), 'a')
  for (let run = 0; run < 5; run++) {
    const big = await open(join(dir, 'floor-big.json'), 'w')
    let writing = true
    const write = (async () => {
      for (let written = 0; written < bytes; written += piece.length) await big.write(piece)
      await big.sync()
      await big.close()
      writing = false
    })()
    while (writing) {
      const due = performance.now() + 25
      await new Promise((resolve) => setTimeout(resolve, 25))
      await log.write('{"a line":"of about the size of one edit"}\n')
      await log.datasync()
      times.push(performance.now() - due)
    }
    await write
  }
  await log.close()
  return times
}

export async function benchAnnotations(): Promise<void> {
  console.log(`\n## Annotations: ${CLAIMS.toLocaleString('en')} claims on ${DOCUMENTS} documents`)
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-annotations-'))
  try {
    const documents = makeDocuments()
    const claims = makeClaims(documents)
    const path = join(dir, 'annotations', 'bench.json')
    await mkdir(join(dir, 'annotations'))
    await writeFileAtomic(
      path,
      serializeAnnotationFile({ ...emptyAnnotationFile('bench'), claims }),
    )
    const size = statSync(path).size
    console.log(`file: ${mb(size)}`)

    // Floors, measured here and now on the same disk.
    const readParse = await timed(5, async () => {
      JSON.parse(await readFile(path, 'utf8'))
    })
    const data = { ...emptyAnnotationFile('bench'), claims }
    const scratch = join(dir, 'floor.json')
    const stringifyWrite = await timed(5, async () => {
      const handle = await open(scratch, 'w')
      await handle.writeFile(JSON.stringify(data))
      await handle.sync()
      await handle.close()
    })
    const appendHandle = await open(join(dir, 'floor.log'), 'a')
    const lineWrite = await timed(20, async () => {
      await appendHandle.write(`${JSON.stringify(claims[0])}\n`)
      await appendHandle.datasync()
    })
    await appendHandle.close()

    const row = (
      name: string,
      runs: number,
      ms: number,
      floorName: string,
      floor: number,
      target: string,
    ) =>
      console.log(
        `${name.padEnd(34)} ${String(runs).padStart(4)} ${ms.toFixed(1).padStart(9)}  ` +
          `${floorName.padEnd(30)} ${floor.toFixed(1).padStart(8)}  ${(ms / floor).toFixed(2).padStart(6)}x  ${target}`,
      )
    console.log(
      `${'measure'.padEnd(34)} runs ${'median ms'.padStart(9)}  ${'floor'.padEnd(30)} ${'floor ms'.padStart(8)}   ratio  target`,
    )
    row('floor: read + parse', 5, readParse, 'itself', readParse, '')
    row('floor: stringify + write + fsync', 5, stringifyWrite, 'itself', stringifyWrite, '')
    row('floor: append one line + fdatasync', 20, lineWrite, 'itself', lineWrite, '')

    const open_ = () =>
      AnnotationStore.open({
        path,
        displayName: 'annotations/bench.json',
        annotator: 'bench',
        log: () => {},
      })
    // Each load is timed right after its own floor (read + parse of the same file), so that a
    // machine whose load changes during the run still gives a fair ratio: the median of the
    // pairwise ratios is printed too.
    const loads: number[] = []
    const loadFloors: number[] = []
    const loadRatios: number[] = []
    let store: AnnotationStore | null = null
    for (let i = 0; i < 7; i++) {
      await store?.close()
      const f0 = performance.now()
      JSON.parse(await readFile(path, 'utf8'))
      const floor = performance.now() - f0
      const t0 = performance.now()
      store = await open_()
      const load = performance.now() - t0
      if (store.size !== CLAIMS || store.readOnlyReason)
        throw new Error('benchmark store did not load')
      loads.push(load)
      loadFloors.push(floor)
      loadRatios.push(load / floor)
      // Each open serialises its claims in the background for the first save: let that finish
      // rather than time it as part of the next load.
      await store.warmed
    }
    row(
      `load (${mb(size)})`,
      7,
      median(loads),
      'read + parse (paired)',
      median(loadFloors),
      '< 500 ms',
    )
    console.log(
      `  (load / floor, median of the ${loads.length} pairs: ${median(loadRatios).toFixed(2)}x)`,
    )

    const some = [...store!.all()].slice(0, 40)
    const edits: number[] = []
    for (let i = 0; i < 30; i++) {
      const claim = some[i]
      const t0 = performance.now()
      store!.put({ ...claim, note: `edit ${i}`, updated: new Date().toISOString() })
      await store!.persist()
      edits.push(performance.now() - t0)
    }
    row(
      'edit, acknowledged and durable',
      30,
      median(edits),
      'stringify + write + fsync',
      stringifyWrite,
      '< 20 ms',
    )
    row('', 0, median(edits), 'append one line + fdatasync', lineWrite, '')
    console.log(`  (edits: max ${Math.max(...edits).toFixed(1)} ms)`)

    const compactions: number[] = []
    for (let i = 30; i < 35; i++) {
      store!.put({ ...some[i], note: `compacted edit ${i}`, updated: new Date().toISOString() })
      await store!.persist()
      const t0 = performance.now()
      const state = await store!.flush()
      compactions.push(performance.now() - t0)
      if (state.status !== 'saved') throw new Error(`compaction: ${state.message}`)
    }
    row(
      'compaction into the file (idle)',
      5,
      median(compactions),
      'stringify + write + fsync',
      stringifyWrite,
      'not per edit',
    )

    // The analyst goes on while a compaction runs (it starts after a second of quiet): an edit
    // made then must still be acknowledged at once. An edit is due every 25 ms through the
    // compactions, each timed from when it was due; the event loop's longest pause over the same
    // time says what any other call would wait.
    const during: number[] = []
    const duringOwn: number[] = []
    const loop = monitorEventLoopDelay({ resolution: 5 })
    for (let i = 35; i < 40; i++) {
      store!.put({ ...some[i], note: `before compaction ${i}`, updated: new Date().toISOString() })
      await store!.persist()
      loop.enable()
      const compaction = store!.flush()
      let compacting = true
      void compaction.then(() => (compacting = false))
      for (let edit = 0; compacting; edit++) {
        // Timed from when the edit was due: an event loop held up delays it as much.
        const t0 = performance.now() + 25
        await new Promise((resolve) => setTimeout(resolve, 25))
        const started = performance.now()
        store!.put({ ...some[i], note: `during ${edit}`, updated: new Date().toISOString() })
        await store!.persist()
        during.push(performance.now() - t0)
        duringOwn.push(performance.now() - started)
      }
      loop.disable()
    }
    const underWrite = await lineWriteDuringBigWrite(dir, size)
    row(
      'edit during a compaction',
      during.length,
      median(during),
      'the same, beside a big write',
      median(underWrite),
      '< 20 ms',
    )
    console.log(
      `  (floor: a line appended and fdatasynced every 25 ms while ${mb(size)} is written in 1 MB pieces and fsynced, timed the same way; median of ${underWrite.length}, max ${Math.max(...underWrite).toFixed(1)} ms)`,
    )
    console.log(
      `  (edits during compactions: max ${Math.max(...during).toFixed(1)} ms; from put to durable: median ${median(duringOwn).toFixed(1)} ms, max ${Math.max(...duringOwn).toFixed(1)} ms; longest pause of the event loop: ${(loop.max / 1e6).toFixed(1)} ms)`,
    )
    await store!.flush()

    const exports: number[] = []
    const exportFloors: number[] = []
    const exportRatios: number[] = []
    let csvBytes = 0
    const all = [...store!.all()]
    for (let i = 0; i < 7; i++) {
      const f0 = performance.now()
      JSON.stringify(all)
      const floor = performance.now() - f0
      const t0 = performance.now()
      const csv = claimsCsv(sortClaimsForExport(all), new ExportDocuments(documents))
      const took = performance.now() - t0
      exports.push(took)
      exportFloors.push(floor)
      exportRatios.push(took / floor)
      csvBytes = Buffer.byteLength(csv)
    }
    row(
      `CSV export (${all.length} rows, ${mb(csvBytes)})`,
      7,
      median(exports),
      'JSON.stringify claims (paired)',
      median(exportFloors),
      '< 500 ms',
    )
    console.log(
      `  (export / floor, median of the ${exports.length} pairs: ${median(exportRatios).toFixed(2)}x)`,
    )
    row('', 0, median(exports), 'stringify + write + fsync', stringifyWrite, '')
    await store!.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
