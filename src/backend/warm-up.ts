/**
 * The backend's second entry, for one thing: starting a parse worker before the rest of the
 * backend is loaded. Every CLI command reads article files, and a worker's start (a new isolate,
 * and from source compiling the parsers) takes about as long as loading the backend, so the CLI
 * starts one first thing and the two overlap. It loads only the worker pool (worker-parser.ts,
 * which loads no parser); an idle worker never keeps the process alive.
 */
import { sharedWorkerParser } from './worker-parser'

export function warmUpParsing(): void {
  sharedWorkerParser().warmUp()
}
