/**
 * Serves the built renderer on app://corroborate/ (see app-protocol.ts for why and
 * for the rules). This file is only the Electron and file-system half.
 */
import { readFile, stat } from 'node:fs/promises'
import { protocol } from 'electron'
import { SECURITY_HEADERS } from '../web/security-headers'
import { APP_SCHEME, isAllowedInitiator, resolveAppFile } from './app-protocol'

/**
 * Must run before the app is ready. Standard: relative URLs, a real origin and web
 * storage like http; secure: a secure context like https; fetch for module scripts.
 * Not corsEnabled and not bypassCSP: other origins may not read it, and the CSP applies.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/**
 * Answers app:// requests from `rendererDir` (absolute). Every response carries the
 * app's security headers, the CSP first among them, the same as browser mode sends.
 * The built folder is ours (it ships inside the app), so the lexical containment
 * check of resolveAppFile is the boundary; symbolic links in it are not expected.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    // Electron adds the initiator to the fetch Request it hands over; the type does not say so.
    const { initiatorOrigin } = request as Request & { initiatorOrigin?: string }
    if (!isAllowedInitiator(initiatorOrigin)) return refusal(404)
    const resolution = resolveAppFile(request.method, request.url, rendererDir)
    if (!resolution.ok) return refusal(resolution.status)
    try {
      const info = await stat(resolution.filePath)
      if (!info.isFile()) return refusal(404)
      const headers = {
        ...SECURITY_HEADERS,
        'Content-Type': resolution.mimeType,
        'Content-Length': String(info.size),
      }
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers })
      // The renderer's files are small; whole-file reads also work inside an asar archive.
      return new Response(new Uint8Array(await readFile(resolution.filePath)), {
        status: 200,
        headers,
      })
    } catch {
      return refusal(404)
    }
  })
}

function refusal(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
