/**
 * What a CLI command costs before it does anything: `corroborate doc <file>` on a short text
 * file, from process start to exit (the backend loads, a parse worker starts, one file is
 * parsed). Beside it, measured in the same run: Node starting and exiting (the physical floor),
 * and `corroborate --help` (Node, tsx and the CLI's argument parsing, no backend).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { median } from './measure'

const CLI = resolve(import.meta.dirname, '../../bin/corroborate.js')

function timeRun(args: string[]): number {
  const t0 = performance.now()
  try {
    execFileSync(process.execPath, args, { stdio: 'ignore' })
  } catch {
    // --help without a command exits 0; a usage error exits 2: the time is what counts.
  }
  return performance.now() - t0
}

export function benchCliStart(): void {
  console.log('\n## CLI start: `corroborate doc <file>` on a 200-byte text file (wall clock)')
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-cli-'))
  const file = join(dir, 'note.txt')
  writeFileSync(
    file,
    'Port strike enters its second week\n\nDock workers extended their strike on Monday, the harbour authority said.\n',
  )
  try {
    const runs = 5
    const measure = (args: string[]) => median(Array.from({ length: runs }, () => timeRun(args)))
    timeRun([CLI, 'doc', file]) // warm the file cache and tsx's compile cache
    const node = measure(['-e', ''])
    const help = measure([CLI, '--help'])
    const doc = measure([CLI, 'doc', file])
    console.log(`floor: node -e ''                ${node.toFixed(0).padStart(6)} ms`)
    console.log(`corroborate --help               ${help.toFixed(0).padStart(6)} ms`)
    console.log(
      `corroborate doc note.txt         ${doc.toFixed(0).padStart(6)} ms   (median of ${runs})`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
