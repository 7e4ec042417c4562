/**
 * The app's own origin, app://corroborate/, and which file of the built renderer a
 * request on it names. Pure (no Electron, no file system) so that the refusals can
 * be tested in Node with hostile URLs; src/main/protocol.ts does the serving.
 *
 * Why a custom scheme rather than file://: every file:// page shares one opaque
 * origin with the whole disk, so a page loaded that way could be tricked into
 * reading any local file its URL names. A privileged standard scheme gives the
 * renderer a real origin of its own ('self' in the CSP means exactly our files),
 * and the handler decides what exists on it: the files of out/renderer, nothing else.
 */
import * as nodePath from 'node:path'
import { contentTypeOf } from '../shared/content-types'

export const APP_SCHEME = 'app'
export const APP_HOST = 'corroborate'
/** What Chromium reports as the page's origin (a standard scheme has a real one). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

export type AppFileResolution =
  { ok: true; filePath: string; mimeType: string } | { ok: false; status: 404 | 405 }

/** The parts of node:path the resolution needs: posix or win32, so tests can try both. */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>

/**
 * The file of `rootDir` (the built renderer folder, absolute) that an app:// request
 * names, or the status to refuse it with. Refused: methods other than GET and HEAD,
 * other schemes, hosts, ports or credentials, and any path segment that is empty, "."
 * or "..", hidden (a leading dot), or that once percent-decoded holds a slash, a
 * backslash, a colon (drive letters, alternate streams) or a control character. The
 * query and fragment are ignored. "/" is index.html. Whatever passes is joined to the
 * root and checked to lie inside it once more, so no spelling escapes it.
 */
export function resolveAppFile(
  method: string,
  requestUrl: string,
  rootDir: string,
  path: PathApi = nodePath,
): AppFileResolution {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405 }
  const notFound = { ok: false, status: 404 } as const
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return notFound
  }
  // `host` includes any port; a standard scheme's host arrives lower case from Chromium.
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound
  if (url.username !== '' || url.password !== '') return notFound

  // The URL parser has already resolved literal and %2e dot segments; what is left is
  // checked segment by segment, after decoding, so "..%2F" or "%5C" cannot sneak through.
  const raw = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname
  const segments: string[] = []
  for (const encoded of raw.slice(1).split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(encoded)
    } catch {
      return notFound // Malformed percent-encoding.
    }
    if (segment === '' || segment.startsWith('.')) return notFound
    // eslint-disable-next-line no-control-regex
    if (/[/\\:\u0000-\u001f\u007f]/.test(segment)) return notFound
    segments.push(segment)
  }
  if (!path.isAbsolute(rootDir)) return notFound

  const root = path.resolve(rootDir)
  const filePath = path.resolve(root, ...segments)
  if (!isInside(root, filePath, path)) return notFound
  return { ok: true, filePath, mimeType: contentTypeOf(filePath) }
}

/**
 * Whether a request's initiator may read the app's files: the app itself, or the
 * browser (the window's own load, a reload), which sends no initiator. Electron 45
 * reports `initiatorOrigin` on protocol requests, set by the browser and not by the
 * page. Cross-origin reads are already blocked because the scheme is not corsEnabled;
 * this also keeps other origins from embedding the files (an <img>, a <script>).
 */
export function isAllowedInitiator(initiatorOrigin: string | undefined): boolean {
  return initiatorOrigin === undefined || initiatorOrigin === APP_ORIGIN
}

/** True when `candidate` is strictly inside `root` (both absolute and resolved). */
export function isInside(root: string, candidate: string, path: PathApi = nodePath): boolean {
  const rel = path.relative(root, candidate)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)
}
