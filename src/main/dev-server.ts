/**
 * Whether to load the renderer from electron-vite's dev server. The address comes from
 * the environment (ELECTRON_RENDERER_URL), which anyone starting the app can set; a
 * page loaded from it gets the preload bridge and so the whole WorkbenchApi. So it is
 * believed only in development (an unpackaged app) and only when it names a plain
 * http server on this machine's loopback interface. Pure, for tests in Node.
 */

/** Host names that can only mean this machine (URL hostnames, IPv6 in brackets). */
function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  // 127.0.0.0/8; the URL parser has already normalised other IPv4 spellings to dotted quads.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
}

/**
 * The dev server URL to load, or null to load the built renderer: always null in a
 * packaged app, and null for anything but http://localhost, 127.x.x.x or [::1]
 * (with any port and path, without credentials).
 */
export function trustedDevServerUrl(value: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'http:') return null
  if (url.username !== '' || url.password !== '') return null
  if (!isLoopbackHost(url.hostname)) return null
  return url.href
}
