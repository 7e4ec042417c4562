/**
 * Where the Electron app finds its pieces. Built layout (electron-vite):
 * out/main/index.js, out/preload/index.cjs, out/renderer/ (served on app://corroborate/).
 *
 * Samples: in development the repo's resources/samples (app.getAppPath() is the
 * repo root); packaged, <resources>/samples, which the packager must copy there
 * as an extra resource. Settings: app.getPath('userData').
 */
import { app } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { trustedDevServerUrl } from './dev-server'

const builtMainDir = dirname(fileURLToPath(import.meta.url))

export const preloadPath = join(builtMainDir, '..', 'preload', 'index.cjs')
/** The built renderer, the only folder the app:// protocol serves. */
export const rendererDir = join(builtMainDir, '..', 'renderer')

/**
 * The Vite dev server (electron-vite dev), only in an unpackaged app and only on
 * loopback http; anything else in ELECTRON_RENDERER_URL is ignored, with a warning.
 */
export function devServerUrl(): string | null {
  const value = process.env.ELECTRON_RENDERER_URL
  const trusted = trustedDevServerUrl(value, app.isPackaged)
  if (value && trusted === null) {
    console.warn('Ignoring ELECTRON_RENDERER_URL: only a loopback http URL, in development.')
  }
  return trusted
}

export function samplesDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'samples')
    : join(app.getAppPath(), 'resources', 'samples')
}

export function settingsDir(): string {
  return app.getPath('userData')
}
