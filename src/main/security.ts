/**
 * The Electron hardening that does not live in webPreferences: CSP header,
 * permissions, navigation, new windows and webviews.
 */
import { shell, type Session, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../web/security-headers'
import { isSafeExternalUrl } from './app-url'

/**
 * The renderer's meta tag carries the same policy; the header covers pages served
 * over http (the dev server). Vite's dev server needs inline scripts and a
 * websocket for hot reload, so development relaxes exactly those.
 */
export function installContentSecurityPolicy(session: Session, isDev: boolean): void {
  const policy = isDev
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

/** The page stays on the app's own URL, opens no windows and embeds no webviews. */
export function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Article links open in the user's browser, never inside the app.
    if (isSafeExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}
