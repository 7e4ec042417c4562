/**
 * Browser mode's door: a loopback HTTP server that serves the built renderer and
 * carries WorkbenchApi calls and events, for the end-to-end tests and for anyone
 * without an Electron binary.
 *
 * Who may call it: only a page that knows the per-run token, which is printed
 * once on stdout for the person who started the server. The server listens on
 * 127.0.0.1 only and checks the Host header, so a web page elsewhere can neither
 * reach it through DNS rebinding nor (lacking the token and CORS) call the API.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dispatch, type Workbench } from '../backend'
import type { WorkbenchEvent } from '../shared/api'
import { SECURITY_HEADERS } from './security-headers'
import { serveStatic } from './static-files'

export interface WebServerOptions {
  workbench: Workbench
  /** 0 or absent: any free port. */
  port?: number
  /** The built renderer, normally out/renderer. */
  rendererDir: string
  log?: (message: string) => void
}

export interface WebServer {
  /** The page to open, with the token in the query. */
  url: string
  token: string
  port: number
  close(): Promise<void>
}

export const TOKEN_HEADER = 'x-corroborate-token'
const MAX_BODY_BYTES = 1024 * 1024
/** Comments keep idle event streams from being cut by proxies and tell us a client left. */
const HEARTBEAT_MS = 25_000

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(32).toString('base64url')
  const log = options.log ?? ((message) => process.stderr.write(`[corroborate] ${message}\n`))
  const streams = new Set<ServerResponse>()
  let allowedHosts = new Set<string>()

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value)
    handle(request, response).catch((error: unknown) => {
      log(`Request ${request.method} ${request.url} failed: ${String(error)}`)
      if (!response.headersSent) sendJson(response, 500, { error: 'internal' })
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      sendText(response, 403, 'Forbidden: unexpected Host header')
      return
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname.startsWith('/api/')) {
      response.setHeader('Cache-Control', 'no-store')
      if (url.pathname === '/api/invoke') return invoke(request, response)
      if (url.pathname === '/api/events') return openEventStream(request, response, url)
      sendText(response, 404, 'Not found')
      return
    }
    await serveStatic(request, response, options.rendererDir, url.pathname)
  }

  async function invoke(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST')
      sendText(response, 405, 'Method not allowed')
      return
    }
    // Checked before the body is read: without the token nothing reaches the backend.
    if (!tokenMatches(request.headers[TOKEN_HEADER], token)) {
      sendText(response, 401, 'Unauthorized')
      return
    }
    const body = await readBody(request, MAX_BODY_BYTES)
    if (body === 'too-large') {
      sendText(response, 413, 'Request body too large')
      request.resume()
      return
    }
    let call: unknown
    try {
      call = JSON.parse(body)
    } catch {
      sendJson(response, 400, {
        ok: false,
        error: { code: 'invalid-request', message: 'Body is not JSON.' },
      })
      return
    }
    const { method, args } = (typeof call === 'object' && call !== null ? call : {}) as {
      method?: unknown
      args?: unknown
    }
    sendJson(response, 200, await dispatch(options.workbench, method, args))
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (request.method !== 'GET') {
      sendText(response, 405, 'Method not allowed')
      return
    }
    // EventSource cannot send headers, so the token comes in the query here.
    if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
      sendText(response, 401, 'Unauthorized')
      return
    }
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    })
    response.write(': connected\n\n')
    const send = (event: WorkbenchEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`)
    const unsubscribe = options.workbench.onEvent(send)
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS)
    streams.add(response)
    response.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      streams.delete(response)
    })
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolvePromise()
    })
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const stream of streams) stream.end()
        server.close(() => resolvePromise())
        server.closeAllConnections()
      }),
  }
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  // timingSafeEqual needs equal lengths; the length itself is not secret.
  return a.length === b.length && timingSafeEqual(a, b)
}

function readBody(request: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(request.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      resolvePromise('too-large')
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    request.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > limit) {
        done = true
        resolvePromise('too-large')
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => {
      if (!done) resolvePromise(Buffer.concat(chunks).toString('utf8'))
    })
    request.on('error', reject)
  })
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  })
  response.end(text)
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(text)
}
