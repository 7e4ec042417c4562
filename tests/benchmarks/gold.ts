/**
 * Adjudication at the size of the review benchmark (5 annotators, 200 documents, 50,000 claims):
 * the review queue (listReviewUnits), building the gold file (mergeGold, first run and a re-run
 * that changes nothing), and the git merge driver on one annotator's file of 10,000 claims edited
 * on both sides: the three-way merge in process beside reading the three files (its floor), and
 * the driver as git starts it beside `corroborate --help` (the floor of any CLI process).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createWorkbench } from '../../src/backend'
import { serializeAnnotationFile } from '../../src/backend/annotations'
import {
  mergeAnnotationFiles3,
  readAnnotationFileText,
  type AnnotationFile,
} from '../../src/core/model'
import { median } from './measure'
import { makeReviewProject } from './review'

const RUNS = 3
const bin = resolve(import.meta.dirname, '../../bin/corroborate.js')

function time<T>(work: () => T): [number, T] {
  const t0 = performance.now()
  const result = work()
  return [performance.now() - t0, result]
}

function row(measure: string, work: string, times: number[], floor = ''): void {
  console.log(
    `${measure.padEnd(28)} ${work.padEnd(44)} ${median(times).toFixed(0).padStart(9)}  ${floor}`,
  )
}

export async function benchGold(): Promise<void> {
  console.log('\n## Adjudication: queue, gold merge, git merge driver')
  console.log(
    'measure                      work                                         median ms  floor',
  )
  const { root, claims } = makeReviewProject()
  const workbench = createWorkbench({
    settingsDir: mkdtempSync(join(tmpdir(), 'corroborate-bench-settings-')),
    samplesDir: root,
    log: () => {},
  })
  try {
    await workbench.setAnnotator('rita')
    await workbench.openProject(root)
    await workbench.getAgreement({}) // Reads and parses every article once, as the app has.
    // The floor of the queue: the agreement query reads, places and aligns the same claims.
    const agreement: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now()
      await workbench.getAgreement({})
      agreement.push(performance.now() - t0)
    }
    const list: number[] = []
    let units = 0
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now()
      units = (await workbench.listReviewUnits({ reviewer: 'rita' })).units.length
      list.push(performance.now() - t0)
    }
    row(
      'listReviewUnits',
      `${claims} claims, ${units} units`,
      list,
      `${median(agreement).toFixed(0)} ms: getAgreement (same reading and alignment)`,
    )
    const t0 = performance.now()
    const first = await workbench.mergeGold({ strategy: { kind: 'silent-others' } })
    const firstMs = performance.now() - t0
    row('mergeGold, first run', `${first.claims.added} gold claims, ${first.links.added} links`, [
      firstMs,
    ])
    const again: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const t1 = performance.now()
      await workbench.mergeGold({ strategy: { kind: 'silent-others' } })
      again.push(performance.now() - t1)
    }
    row('mergeGold, re-run', 'nothing changes', again)
  } finally {
    await workbench.close()
  }

  // One annotator's file (10,000 claims), edited on both sides: notes on one side, labels on
  // the other, and 100 claims both changed (conflicts).
  const text = readFileSync(join(root, 'annotations', 'ana.json'), 'utf8')
  const read = readAnnotationFileText(text, 'ana.json')
  if (!read.ok) throw new Error(read.message)
  const base = read.file
  const later = (n: number) => new Date(Date.now() + n).toISOString()
  const edit = (file: AnnotationFile, every: number, change: object, offset: number) => ({
    ...file,
    claims: file.claims.map((claim, i) =>
      i % every === 0 ? { ...claim, ...change, updated: later(offset) } : claim,
    ),
  })
  const ours = edit(base, 10, { note: 'ours' }, 1)
  const theirs = edit(base, 20, { note: 'theirs', label: 'event' }, 2)
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-driver-'))
  const paths = ['base', 'ours', 'theirs'].map((name) => join(dir, name))
  ;[base, ours, theirs].forEach((file, i) =>
    writeFileSync(paths[i]!, serializeAnnotationFile(file)),
  )
  const inProcess: number[] = []
  const floor: number[] = []
  let conflicts = 0
  for (let run = 0; run < RUNS; run++) {
    floor.push(
      time(() => paths.map((path) => readAnnotationFileText(readFileSync(path, 'utf8'), path)))[0],
    )
    const [ms, result] = time(() => mergeAnnotationFiles3(base, ours, theirs, later(3)))
    inProcess.push(ms)
    conflicts = result.conflicts.length
  }
  row(
    'three-way merge (in process)',
    `${base.claims.length} claims, ${conflicts} conflicts`,
    inProcess,
    `${median(floor).toFixed(0)} ms: read and validate the 3 files`,
  )
  const driver: number[] = []
  const help: number[] = []
  for (let run = 0; run < RUNS; run++) {
    writeFileSync(paths[1]!, serializeAnnotationFile(ours))
    driver.push(
      time(() =>
        execFileSync(process.execPath, [bin, 'merge-driver', ...paths, 'ana.json'], {
          stdio: 'ignore',
        }),
      )[0],
    )
    help.push(time(() => execFileSync(process.execPath, [bin, '--help'], { stdio: 'ignore' }))[0])
  }
  row(
    'merge-driver process',
    `the same files, as git runs it`,
    driver,
    `${median(help).toFixed(0)} ms: corroborate --help`,
  )
  rmSync(dir, { recursive: true, force: true })
  rmSync(root, { recursive: true, force: true })
}

// `npx tsx tests/benchmarks/gold.ts` runs it on its own; run.ts imports it.
if (import.meta.url === `file://${process.argv[1]}`) await benchGold()
