/**
 * Which URLs are the app's own pages, for the IPC door (only they may call) and for
 * navigation. Pure, so it is easy to reason about and to test.
 */
import { APP_HOST, APP_SCHEME } from './app-protocol'

/**
 * The built renderer served on app://corroborate/, or, in development, the dev
 * server's origin instead (never both: only what the window actually loads is trusted).
 * Node's URL gives a custom scheme no `origin`, so scheme, host (with port) and
 * credentials are compared one by one; Chromium reports the host in lower case.
 */
export function isAppPageUrl(candidate: string, devServerUrl: string | null): boolean {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (devServerUrl !== null) return url.origin === new URL(devServerUrl).origin
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  )
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

/** What the IPC door looks at in the frame that sent a call (part of WebFrameMain). */
export interface SenderFrame {
  url: string
  /** Null for a top-level frame. */
  parent: unknown
  /** True while a frame that navigated away runs its unload handlers. */
  detached?: boolean
}

/**
 * Only the app's own top-level page may call the backend: not a subframe, not a frame
 * on its way out, not a page that is not ours (a frame may be null once it is gone).
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  isOwnPage: (url: string) => boolean,
): boolean {
  if (!frame || frame.detached === true || frame.parent !== null) return false
  return isOwnPage(frame.url)
}
