/**
 * Electron main process: lifecycle, the one window, menus and the IPC door.
 * Everything else lives in the backend; this file only wires it to Electron.
 */
import { app, BrowserWindow, dialog, Menu, session } from 'electron'
import { Workbench } from '../backend'
import { EVENT_CHANNEL } from '../preload/channels'
import {
  devServerUrl,
  preloadPath,
  rendererIndexPath,
  rendererIndexUrl,
  samplesDir,
  settingsDir,
} from './app-paths'
import { isAppPageUrl } from './app-url'
import { registerWorkbenchIpc } from './ipc'
import { buildApplicationMenu } from './menu'
import { withNativeDialogs } from './native-dialogs'
import { denyAllPermissions, installContentSecurityPolicy, lockDownWebContents } from './security'

// Every renderer sandboxed, whatever a future window forgets to set.
app.enableSandbox()

const devUrl = devServerUrl()
const isDev = devUrl !== null
const isOwnPage = (url: string) => isAppPageUrl(url, rendererIndexUrl, devUrl)

let mainWindow: BrowserWindow | null = null
const getWindow = () => mainWindow
let workbench: Workbench | null = null
/** Set once the annotation files are flushed and closed: the next quit goes through. */
let readyToQuit = false

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    title: 'Corroborate',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: preloadPath,
    },
  })
  window.once('ready-to-show', () => window.show())
  // Coalesced annotation changes reach the disk when the window goes, whatever happens next.
  window.on('close', () => void workbench?.flush())
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  if (devUrl !== null) void window.loadURL(devUrl)
  else void window.loadFile(rendererIndexPath)
  return window
}

async function start(): Promise<void> {
  await app.whenReady()
  workbench = new Workbench({
    settingsDir: settingsDir(),
    samplesDir: samplesDir(),
    capabilities: { nativeDialogs: true },
  })
  const api = withNativeDialogs(workbench, getWindow)

  installContentSecurityPolicy(session.defaultSession, isDev)
  denyAllPermissions(session.defaultSession)
  registerWorkbenchIpc(api, isOwnPage)
  workbench.onEvent((event) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event)
  })
  Menu.setApplicationMenu(
    buildApplicationMenu({
      api,
      getWindow,
      isDev,
      reportError: (title, error) =>
        dialog.showErrorBox(title, error instanceof Error ? error.message : String(error)),
    }),
  )

  // The previous project is back before the window asks for state; failures are only logged.
  await workbench.reopenLastProject()
  mainWindow = createWindow()

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
}

// Applies to every web contents, including any created later by mistake.
app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents))

// Quitting waits for the annotation files to be written (flush), then quits for real.
app.on('before-quit', (event) => {
  if (readyToQuit || !workbench) return
  event.preventDefault()
  const closing = workbench
  workbench = null
  closing
    .close()
    .catch((error: unknown) => console.error('Closing the annotation files failed:', error))
    .finally(() => {
      readyToQuit = true
      app.quit()
    })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

start().catch((error: unknown) => {
  dialog.showErrorBox(
    'Corroborate could not start',
    error instanceof Error ? error.message : String(error),
  )
  app.quit()
})
