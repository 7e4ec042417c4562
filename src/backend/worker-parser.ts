/**
 * Article files are parsed in worker threads, each parse bounded in time and memory, so that no
 * file can stall the app: listing parses every file, and the last project reopens at start, so
 * one hostile file in a project would otherwise freeze every launch. A file over a bound becomes
 * a DocumentError('too-complex') naming it, listed under Problems; its worker is ended and a new
 * one started for the files after it.
 *
 * The worker's entry is parse-worker.ts run through tsx's loader when this module itself runs
 * from source (tsx, vitest, the CLI, browser mode), and the parse-worker.js that electron-vite
 * builds beside the main bundle otherwise (see electron.vite.config.ts).
 */
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { DocumentError, type CanonicalDocument, type DocumentErrorCode } from '../core/document'
import type { ParseReply, ParseRequest } from './parse-worker'

export interface ParseLimits {
  /** A parse that takes longer is stopped. */
  timeoutMs: number
  /** The worker's heap limit (V8 old generation), in MB. */
  maxMemoryMb: number
  /** How many files are parsed at once. */
  workers: number
}

/** Real articles parse in milliseconds; 20 MB of HTML in a few seconds on a slow machine. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  timeoutMs: 15_000,
  maxMemoryMb: 1024,
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
}

interface Task {
  request: ParseRequest
  resolve: (document: CanonicalDocument) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  task: Task | null
  timer: NodeJS.Timeout | null
}

export class WorkerParser {
  private readonly slots: Slot[] = []
  private readonly queue: Task[] = []
  private nextId = 1
  private closed = false

  constructor(private readonly limits: ParseLimits = DEFAULT_PARSE_LIMITS) {}

  /** Parses in a worker; rejects with DocumentError as parseDocument throws, or 'too-complex'. */
  parse = (bytes: Uint8Array, fileName: string): Promise<CanonicalDocument> => {
    if (this.closed) return Promise.reject(new Error('The parser has been closed.'))
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, bytes, fileName }, resolve, reject })
      this.pump()
    })
  }

  /**
   * Starts one worker now, if none runs, so that its start-up (a new V8 isolate, and compiling
   * from source under tsx) overlaps with whatever the process loads before its first parse. The
   * CLI calls this first thing for commands that read articles. An idle worker never keeps the
   * process alive.
   */
  warmUp(): void {
    if (!this.closed && this.slots.length === 0) this.spawn()
  }

  /** Ends every worker; parses still waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true
    for (const task of this.queue.splice(0)) task.reject(new Error('The parser has been closed.'))
    await Promise.all(this.slots.splice(0).map((slot) => this.retire(slot)))
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => candidate.task === null)
      if (slot === undefined) {
        if (this.slots.length >= this.limits.workers) return
        slot = this.spawn()
      }
      this.run(slot, this.queue.shift()!)
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerEntry(), {
      eval: fromSource,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb },
    })
    const slot: Slot = { worker, task: null, timer: null }
    worker.on('message', (reply: ParseReply) => this.settle(slot, reply))
    worker.on('error', (error) => this.fail(slot, error))
    worker.on('exit', () => this.fail(slot, new Error('The parser stopped.')))
    worker.unref()
    this.slots.push(slot)
    return slot
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task
    // A busy worker keeps the process alive (the CLI waits for its answer); an idle one does not.
    slot.worker.ref()
    slot.worker.postMessage(task.request)
  }

  private startClock(slot: Slot, task: Task): void {
    slot.timer = setTimeout(() => {
      const seconds = Math.round(this.limits.timeoutMs / 100) / 10
      this.fail(
        slot,
        tooComplex(
          task.request.fileName,
          `took longer than ${seconds} s to read and was skipped; the rest of the project is open. ` +
            'It may be built to stall a reader (for example, thousands of nested elements).',
        ),
      )
    }, this.limits.timeoutMs)
  }

  private settle(slot: Slot, reply: ParseReply): void {
    if ('started' in reply) {
      // The task's parsers are loaded: its time runs from now.
      if (slot.task !== null && slot.task.request.id === reply.started) {
        this.startClock(slot, slot.task)
      }
      return
    }
    const task = slot.task
    if (task === null || reply.id !== task.request.id) return
    this.release(slot)
    if (reply.ok) task.resolve(reply.document)
    else if (reply.documentError) {
      task.reject(new DocumentError(reply.code as DocumentErrorCode, reply.file, reply.message))
    } else task.reject(new Error(reply.message))
    this.pump()
  }

  /** The worker failed, ran out of memory or took too long: end it, answer its task, go on. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    this.slots.splice(index, 1)
    const task = slot.task
    this.release(slot)
    void this.retire(slot)
    if (task !== null) {
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      task.reject(
        outOfMemory
          ? tooComplex(
              task.request.fileName,
              `needs more than ${this.limits.maxMemoryMb} MB of memory to read and was skipped; the rest of the project is open.`,
            )
          : error,
      )
    }
    if (!this.closed) this.pump()
  }

  private release(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer)
    slot.timer = null
    slot.task = null
    slot.worker.unref()
  }

  private async retire(slot: Slot): Promise<void> {
    slot.worker.removeAllListeners()
    slot.worker.on('error', () => undefined)
    await slot.worker.terminate()
  }
}

let shared: WorkerParser | null = null

/** The process's pool with the default bounds. */
export function sharedWorkerParser(): WorkerParser {
  shared ??= new WorkerParser()
  return shared
}

function tooComplex(fileName: string, reason: string): DocumentError {
  return new DocumentError('too-complex', fileName, `${JSON.stringify(fileName)} ${reason}`)
}

const fromSource = import.meta.url.endsWith('.ts')

/**
 * From source, a small script registers tsx (as bin/corroborate.js does) and imports the
 * TypeScript entry; built, the entry is plain JavaScript.
 */
function workerEntry(): string | URL {
  if (!fromSource) return new URL('./parse-worker.js', import.meta.url)
  const tsxApi = tsxEsmApi()
  const entry = new URL('./parse-worker.ts', import.meta.url).href
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`
}

/** The ES module build of tsx's API (require.resolve would give its CommonJS build). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>
  }
  const file = exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs'
  return new URL(file, pathToFileURL(manifest)).href
}
