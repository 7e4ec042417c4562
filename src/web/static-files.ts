/**
 * Serves the built renderer (out/renderer) read-only, with content types the
 * browser will accept under nosniff, and never anything outside that folder.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { contentTypeOf } from '../shared/content-types'

/** Maps a URL path to a file inside `root`, or null when it would leave it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null // Malformed escapes.
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const base = resolve(root)
  const target = resolve(base, relative)
  return target.startsWith(base + sep) ? target : null
}

export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  urlPath: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  const path = resolveStaticPath(root, urlPath)
  if (path === null) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  let size: number
  try {
    const stats = await stat(path)
    if (!stats.isFile()) throw new Error('not a file')
    size = stats.size
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  response.writeHead(200, {
    'Content-Type': contentTypeOf(path),
    'Content-Length': String(size),
    'Cache-Control': 'no-cache',
  })
  if (request.method === 'HEAD') {
    response.end()
    return
  }
  createReadStream(path)
    .on('error', () => response.destroy())
    .pipe(response)
}
