/**
 * The worker thread that parses article files (worker-parser.ts starts and bounds it). Parsing
 * runs here so that a file built to stall a parser (thousands of nested elements, a pathological
 * page) costs this thread only: the main process stays responsive, and the thread is ended when
 * it takes too long or needs too much memory.
 */
import { parentPort } from 'node:worker_threads'
import { DocumentError, parseDocument } from '../core/document'

export interface ParseRequest {
  id: number
  bytes: Uint8Array
  fileName: string
}

export type ParseReply =
  | { ready: true }
  | { id: number; ok: true; document: ReturnType<typeof parseDocument> }
  | { id: number; ok: false; code: string; file: string; message: string; documentError: boolean }

parentPort?.on('message', (request: ParseRequest) => {
  let reply: ParseReply
  try {
    reply = { id: request.id, ok: true, document: parseDocument(request.bytes, request.fileName) }
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
})

// Loading the parsers (and, from source, compiling them) takes a while; the time bound of a
// parse starts when this arrives.
parentPort?.postMessage({ ready: true } satisfies ParseReply)
