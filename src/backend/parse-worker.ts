/**
 * The worker thread that parses article files (worker-parser.ts starts and bounds it). Parsing
 * runs here so that a file built to stall a parser (thousands of nested elements, a pathological
 * page) costs this thread only: the main process stays responsive, and the thread is ended when
 * it takes too long or needs too much memory.
 */
import { parentPort } from 'node:worker_threads'
import {
  DocumentError,
  loadParsersFor,
  loadTextParsers,
  readDocument,
  type CanonicalDocument,
} from '../core/document'

export interface ParseRequest {
  id: number
  bytes: Uint8Array
  fileName: string
}

export type ParseReply =
  /** The parsers this file needs are loaded: its time bound starts now. */
  | { started: number }
  | { id: number; ok: true; document: CanonicalDocument }
  | { id: number; ok: false; code: string; file: string; message: string; documentError: boolean }

parentPort?.on('message', (request: ParseRequest) => void answer(request))

/** One request at a time: the pool sends the next only once this one is answered. */
async function answer(request: ParseRequest): Promise<void> {
  let reply: ParseReply
  try {
    await loadParsersFor(request.bytes, request.fileName)
    parentPort!.postMessage({ started: request.id } satisfies ParseReply)
    reply = {
      id: request.id,
      ok: true,
      document: await readDocument(request.bytes, request.fileName),
    }
  } catch (error) {
    const documentError = error instanceof DocumentError
    reply = {
      id: request.id,
      ok: false,
      documentError,
      code: documentError ? error.code : 'internal',
      file: request.fileName,
      message: error instanceof Error ? error.message : String(error),
    }
  }
  parentPort!.postMessage(reply)
}

// Loading code takes a while (from source, compiling it too) and is not a file's doing, so no
// time bound runs meanwhile: a task's clock starts with its 'started' message. The text parsers,
// which nearly every project needs, start loading now, while the first file is being read; the
// HTML, PDF and Word parsers load with the first file of their format.
void loadTextParsers()
