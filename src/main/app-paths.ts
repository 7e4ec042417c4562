/**
 * Where the Electron app finds its pieces. Built layout (electron-vite):
 * out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
 *
 * Samples: in development the repo's resources/samples (app.getAppPath() is the
 * repo root); packaged, <resources>/samples, which the packager must copy there
 * as an extra resource. Settings: app.getPath('userData').
 */
import { app } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const builtMainDir = dirname(fileURLToPath(import.meta.url))

export const preloadPath = join(builtMainDir, '..', 'preload', 'index.cjs')
export const rendererIndexPath = join(builtMainDir, '..', 'renderer', 'index.html')
export const rendererIndexUrl = pathToFileURL(rendererIndexPath).href

/** The Vite dev server (electron-vite dev), never trusted in a packaged app. */
export function devServerUrl(): string | null {
  return !app.isPackaged && process.env.ELECTRON_RENDERER_URL
    ? process.env.ELECTRON_RENDERER_URL
    : null
}

export function samplesDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'samples')
    : join(app.getAppPath(), 'resources', 'samples')
}

export function settingsDir(): string {
  return app.getPath('userData')
}
