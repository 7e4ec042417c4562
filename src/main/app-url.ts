/**
 * Which URLs are the app's own pages: the built renderer's index.html, or the
 * dev server's origin during development. Pure, so it is easy to reason about.
 */
export function isAppPageUrl(
  candidate: string,
  rendererIndexUrl: string,
  devServerUrl: string | null,
): boolean {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (devServerUrl !== null) return url.origin === new URL(devServerUrl).origin
  const own = new URL(rendererIndexUrl)
  return url.protocol === 'file:' && url.pathname === own.pathname
}

/** Links the app may hand to the system browser: plain web pages only. */
export function isSafeExternalUrl(candidate: string): boolean {
  try {
    const { protocol } = new URL(candidate)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}
