/**
 * Crash safety: a process committing change sets to its annotation file (crash-writer.ts) is
 * killed with SIGKILL at random moments, again and again on the same file. After every kill:
 * the JSON file, if there is one, loads and validates (never torn); reopening the store (which
 * replays the killed writer's journal) shows every change the writer acknowledged; and once that
 * store is closed the folder holds the file alone: no temp file, no journal.
 *
 * CRASH_KILLS sets the number of kills (20 here; `npm run crash-test` runs 300).
 */
import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AnnotationStore } from '../../../../src/backend/annotations'
import { readAnnotationFileText } from '../../../../src/core/model'
import { tempDir } from '../helpers'

const repoRoot = resolve(import.meta.dirname, '../../../..')
const writer = join(import.meta.dirname, 'crash-writer.ts')
const KILLS = Number(process.env.CRASH_KILLS ?? 20)

/** What the writer acknowledged: per claim id, the note sequence it last had, or 'deleted'. */
type Acknowledged = Map<string, number | 'deleted'>

/** Runs the writer until a random moment after it is ready, then SIGKILLs it. */
function runAndKill(file: string, first: number, killAfterMs: number, acked: Acknowledged) {
  return new Promise<number>((done, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file, String(first)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let count = 0
    let buffered = ''
    let stderr = ''
    let timer: NodeJS.Timeout | null = null
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const [kind, id, sequence] = line.split(' ')
        if (kind === 'put') acked.set(id, Number(sequence))
        if (kind === 'del') acked.set(id, 'deleted')
        if (kind === 'put' || kind === 'del') count++
      }
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal !== 'SIGKILL') reject(new Error(`writer ended with ${code}: ${stderr}`))
      else done(count)
    })
  })
}

describe('crash safety', () => {
  it(
    `keeps every acknowledged change across ${KILLS} SIGKILLs, leaving no temp file`,
    { timeout: 60_000 + KILLS * 5_000 },
    async () => {
      const dir = await tempDir()
      const file = join(dir, 'alice.json')
      const acked: Acknowledged = new Map()
      let acknowledgements = 0
      for (let kill = 0; kill < KILLS; kill++) {
        acknowledgements += await runAndKill(
          file,
          kill * 1_000_000,
          Math.floor(Math.random() * 150),
          acked,
        )
        // The file itself is never torn: absent (killed before its first compaction) or whole.
        const text = await readFile(file, 'utf8').catch(() => null)
        if (text !== null) {
          const result = readAnnotationFileText(text, file)
          expect(result.ok, `kill ${kill}: ${result.ok ? '' : result.message}`).toBe(true)
        }
        const store = await AnnotationStore.open({
          path: file,
          displayName: 'alice.json',
          annotator: 'alice',
          log: () => {},
        })
        expect(store.readOnlyReason, `kill ${kill}`).toBeNull()
        // The change set in flight at the kill may have reached the journal without being
        // acknowledged; if it deleted an acknowledged claim, that claim is rightly gone. One at most:
        // the writer starts a change set only after printing the acknowledgements of the last.
        let inFlightDeletions = 0
        for (const [id, sequence] of acked) {
          const claim = store.get(id)
          if (sequence === 'deleted') {
            expect(claim, `kill ${kill}: ${id} was deleted`).toBeUndefined()
          } else if (claim === undefined && store.tombstone(id) && inFlightDeletions === 0) {
            inFlightDeletions++
            acked.set(id, 'deleted')
          } else {
            expect(claim, `kill ${kill}: ${id} v${sequence} was acknowledged`).toBeDefined()
            // The acknowledged version, or a later one that was journalled before the kill.
            expect(Number(/^v(\d+)/.exec(claim!.note)?.[1])).toBeGreaterThanOrEqual(sequence)
          }
        }
        expect((await store.close()).status).toBe('saved')
        // Killed before its first change set reached the disk (a loaded machine, a kill a few
        // ms after "ready"), the writer left nothing at all: no file is then right too.
        const left = await readdir(dir)
        if (acknowledgements === 0 && left.length === 0) continue
        expect(left, `kill ${kill}`).toEqual(['alice.json'])
      }
      expect(acknowledgements).toBeGreaterThan(0)
      console.info(`crash test: ${KILLS} kills, ${acknowledgements} acknowledged changes kept`)
    },
  )
})
