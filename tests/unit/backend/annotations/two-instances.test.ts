/**
 * Two app instances on one annotator's file, as two real processes (instance-writer.ts): both
 * create and delete claims at once, their compactions racing into the same JSON file. They
 * cooperate through the file (each merges what the other wrote before writing; promise 2): once
 * both have closed, the file holds every claim either acknowledged, no claim either deleted,
 * and no journal or temp file is left.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readAnnotationFileText } from '../../../../src/core/model'
import { tempDir } from '../helpers'

const repoRoot = resolve(import.meta.dirname, '../../../..')
const writer = join(import.meta.dirname, 'instance-writer.ts')
const PER_INSTANCE = 150

interface Instance {
  child: ChildProcessWithoutNullStreams
  acked: Map<string, 'put' | 'del'>
  /** Resolves on a line equal to `wanted`. */
  line(wanted: string): Promise<void>
  exited: Promise<number | null>
  stderr(): string
}

function start(file: string, first: number): Instance {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', writer, file, String(first), String(PER_INSTANCE)],
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] },
  )
  const acked = new Map<string, 'put' | 'del'>()
  const waiting = new Map<string, () => void>()
  const seen = new Set<string>()
  let buffered = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      const [kind, id] = line.split(' ')
      if (kind === 'put' || kind === 'del') acked.set(id, kind)
      seen.add(line)
      waiting.get(line)?.()
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
  return {
    child,
    acked,
    exited,
    stderr: () => stderr,
    line: (wanted) =>
      new Promise((done, reject) => {
        if (seen.has(wanted)) return done()
        waiting.set(wanted, done)
        void exited.then((code) => reject(new Error(`writer exited ${code}: ${stderr}`)))
      }),
  }
}

describe('two instances on one annotator', () => {
  it(
    'keep every claim both acknowledged when their saves race (real processes)',
    { timeout: 120_000 },
    async () => {
      const dir = await tempDir()
      const file = join(dir, 'alice.json')
      const a = start(file, 1_000)
      const b = start(file, 2_000)
      await Promise.all([a.line('ready'), b.line('ready')])
      a.child.stdin.write('go\n')
      b.child.stdin.write('go\n')
      await Promise.all([a.line('done'), b.line('done')])
      // One after the other: whoever closes last merges what the other wrote first.
      a.child.stdin.write('close\n')
      expect(await a.exited).toBe(0)
      b.child.stdin.write('close\n')
      expect(await b.exited).toBe(0)

      const read = readAnnotationFileText(await readFile(file, 'utf8'), 'alice.json')
      if (!read.ok) throw new Error(read.message)
      const live = new Set(read.file.claims.map((claim) => claim.id))
      const deleted = new Set(read.file.deleted.map((tombstone) => tombstone.id))
      const expected = new Map([...a.acked, ...b.acked])
      let puts = 0
      for (const [id, kind] of expected) {
        if (kind === 'put') {
          puts++
          expect(live.has(id), `claim ${id} acknowledged, missing from the file`).toBe(true)
        } else {
          expect(live.has(id), `claim ${id} deleted, still in the file`).toBe(false)
          expect(deleted.has(id)).toBe(true)
        }
      }
      expect(puts).toBe(2 * (PER_INSTANCE - Math.floor(PER_INSTANCE / 4)))
      expect(live.size).toBe(puts)
      expect(await readdir(dir)).toEqual(['alice.json'])
      // They did meet: each instance's store merged the other's saves (the log says so).
      const merges = (a.stderr() + b.stderr()).match(/changed outside Corroborate/g) ?? []
      expect(merges.length).toBeGreaterThan(0)
    },
  )
})
