/**
 * The Electron hardening that does not live in webPreferences: CSP header,
 * permissions, navigation, new windows, webviews and links leaving the app.
 */
import { BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../web/security-headers'
import { createLinkOpener, type LinkOutcome } from './external-links'

/**
 * The app:// handler sends the policy with every file, and the renderer's meta tag
 * repeats it; this header covers pages served over http (the dev server). Vite's dev
 * server needs inline scripts and a websocket for hot reload, so development relaxes
 * exactly those.
 */
export function installContentSecurityPolicy(session: Session, isDevServer: boolean): void {
  const policy = isDevServer
    ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*")
    : CONTENT_SECURITY_POLICY
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policy],
        'X-Content-Type-Options': ['nosniff'],
      },
    })
  })
}

/** Camera, microphone, notifications, geolocation…: the workbench needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/**
 * Opens http(s) links in the system browser after the user confirmed the address in
 * a native dialog (see external-links.ts), over the window that asked.
 */
export function externalLinkOpener(): (contents: WebContents, url: string) => void {
  const openers = new WeakMap<WebContents, (url: string) => Promise<LinkOutcome>>()
  return (contents, url) => {
    let open = openers.get(contents)
    if (!open) {
      open = createLinkOpener({
        confirm: async ({ url: _url, ...options }) => {
          const window = BrowserWindow.fromWebContents(contents)
          const result = window
            ? await dialog.showMessageBox(window, options)
            : await dialog.showMessageBox(options)
          return result.response
        },
        open: (target) => shell.openExternal(target),
      })
      openers.set(contents, open)
    }
    open(url).catch((error: unknown) => console.error('Opening a link failed:', error))
  }
}

export interface LockDownOptions {
  /** Asks the user, then opens an http(s) link in the system browser. */
  openLink: (contents: WebContents, url: string) => void
}

/**
 * The page stays on its own URL, opens no windows and embeds no webviews. A link that
 * would navigate away or open a window is offered to the system browser instead.
 */
export function lockDownWebContents(contents: WebContents, options: LockDownOptions): void {
  contents.on('will-navigate', (event, url) => {
    if (url === contents.getURL()) return
    event.preventDefault()
    options.openLink(contents, url)
  })
  contents.on('will-redirect', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Article links open in the user's browser, never inside the app.
    options.openLink(contents, url)
    return { action: 'deny' }
  })
}
