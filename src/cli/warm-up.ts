/**
 * Every command reads article files, and the backend parses them in a worker thread whose start
 * (a new isolate, and compiling the parsers from source) takes about as long as loading the
 * backend itself. Starting it first thing lets the two overlap; the worker is idle and never keeps
 * the process alive. worker-parser.ts loads no parser and nothing of the backend but the pool.
 */
export async function warmUpParsing(): Promise<void> {
  const { sharedWorkerParser } = await import('../backend/worker-parser')
  sharedWorkerParser().warmUp()
}
