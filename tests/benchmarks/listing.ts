/**
 * Listing a project: 2,000 pasted-page articles (about 3 KB each, the synthetic pages of
 * tests/fixtures/pasted with a line of their own), parsed in the backend's bounded workers.
 * First open (workers start, every file is read and parsed), a refresh with nothing changed
 * (size and mtime say so: no parse), and a refresh after 20 files changed. Beside them, measured
 * in the same run: the floors (every file read from disk; every file stat'ed) and the same
 * parsing done in this thread one file after another (what the workers spread over the cores).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createWorkbench } from '../../src/backend'
import { parseDocument } from '../../src/core/document/parse'
import { pastedPages } from '../unit/core/document/pasted-pages'

const FILES = 2_000

export async function benchListing(): Promise<void> {
  console.log(`\n## Listing a project of ${FILES} pasted-page articles (worker threads)`)
  const project = mkdtempSync(join(tmpdir(), 'corroborate-bench-listing-'))
  const settings = mkdtempSync(join(tmpdir(), 'corroborate-bench-settings-'))
  const pages = pastedPages()
  let bytes = 0
  const write = (i: number, edition: number) => {
    const page = pages[i % pages.length]!
    const text = `${page.text}\nFiled as item ${i} of the collection, edition ${edition}.\n`
    writeFileSync(join(project, `folder-${i % 20}-article-${i}.txt`), text)
    return Buffer.byteLength(text)
  }
  for (let i = 0; i < FILES; i++) bytes += write(i, 1)
  const workbench = createWorkbench({ settingsDir: settings, samplesDir: project, log: () => {} })
  try {
    let t0 = performance.now()
    const first = await workbench.openProject(project)
    const firstMs = performance.now() - t0
    t0 = performance.now()
    await workbench.refresh()
    const refreshMs = performance.now() - t0
    for (let i = 0; i < 20; i++) write(i, 2)
    t0 = performance.now()
    const changed = await workbench.refresh()
    const changedMs = performance.now() - t0
    const names = readdirSync(project)
    t0 = performance.now()
    const contents = await Promise.all(names.map((name) => readFile(join(project, name))))
    const readMs = performance.now() - t0
    t0 = performance.now()
    await Promise.all(names.map((name) => stat(join(project, name))))
    const statMs = performance.now() - t0
    t0 = performance.now()
    contents.forEach((content, i) => parseDocument(content, names[i]!))
    const parseMs = performance.now() - t0
    const listed = first.documents.length
    console.log('work                                   files  size      ms')
    const row = (label: string, files: number, ms: number) =>
      console.log(
        `${label.padEnd(38)} ${String(files).padEnd(6)} ${`${(bytes / 1024 / 1024).toFixed(1)} MB`.padEnd(9)} ${ms.toFixed(0).padStart(6)}`,
      )
    row('first open (workers start, all parsed)', listed, firstMs)
    row('refresh, nothing changed', FILES, refreshMs)
    row('refresh, 20 files changed', changed.documents.length, changedMs)
    row('floor: read every file', FILES, readMs)
    row('floor: stat every file', FILES, statMs)
    row('parse every file in this thread', FILES, parseMs)
    if (first.problems.length > 0) console.log(`problems: ${first.problems.length}`)
  } finally {
    await workbench.close()
    rmSync(project, { recursive: true, force: true })
    rmSync(settings, { recursive: true, force: true })
  }
}
