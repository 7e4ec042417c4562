/**
 * Content types of the built renderer's files, for the two doors that serve them: Electron's
 * app:// protocol (src/main/app-protocol.ts) and browser mode's HTTP server (src/web). Pure data:
 * the browser accepts scripts and styles only with their right type under nosniff.
 */

/** Types by extension: what Vite puts in out/renderer, and a little more. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

/**
 * The type of a file by its extension; an unknown one is opaque bytes, which under
 * `X-Content-Type-Options: nosniff` the browser never runs as a script or style.
 */
export function contentTypeOf(path: string): string {
  const dot = path.lastIndexOf('.')
  const extension =
    dot > path.lastIndexOf('/') && dot > path.lastIndexOf('\\') ? path.slice(dot) : ''
  return CONTENT_TYPES[extension.toLowerCase()] ?? 'application/octet-stream'
}
