/**
 * Electron main process: lifecycle, the one window, menus and the IPC door.
 * Everything else lives in the backend; this file only wires it to Electron.
 */
import { app, BrowserWindow, dialog, Menu, session } from 'electron'
import { createWorkbench, type Workbench } from '../backend'
import type { CommandId } from '../shared/commands'
import { COMMAND_CHANNEL, EVENT_CHANNEL } from '../preload/channels'
import { devServerUrl, preloadPath, rendererDir, samplesDir, settingsDir } from './app-paths'
import { APP_INDEX_URL } from './app-protocol'
import { isAppPageUrl } from './app-url'
import { registerWorkbenchIpc } from './ipc'
import { applicationMenuTemplate } from './menu'
import { withNativeDialogs } from './native-dialogs'
import { registerAppScheme, serveRenderer } from './protocol'
import {
  denyAllPermissions,
  externalLinkOpener,
  installContentSecurityPolicy,
  lockDownWebContents,
} from './security'

// Every renderer sandboxed, whatever a future window forgets to set.
app.enableSandbox()
// The app:// scheme must be privileged before the app is ready.
registerAppScheme()

const devUrl = devServerUrl()
const isOwnPage = (url: string) => isAppPageUrl(url, devUrl)
const openLink = externalLinkOpener()

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
  void window.loadURL(devUrl ?? APP_INDEX_URL)
  return window
}

/** A menu command goes to the page, which runs it as it runs the command's keys. */
function sendCommand(id: CommandId): void {
  const contents = mainWindow?.webContents
  if (contents && !contents.isDestroyed() && isOwnPage(contents.getURL())) {
    contents.send(COMMAND_CHANNEL, id)
  }
}

async function start(): Promise<void> {
  await app.whenReady()
  workbench = createWorkbench({
    settingsDir: settingsDir(),
    samplesDir: samplesDir(),
    capabilities: { nativeDialogs: true },
    watch: true,
  })
  const api = withNativeDialogs(workbench, getWindow)

  serveRenderer(rendererDir)
  installContentSecurityPolicy(session.defaultSession, devUrl !== null)
  denyAllPermissions(session.defaultSession)
  registerWorkbenchIpc(api, isOwnPage)
  workbench.onEvent((event) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event)
  })
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        platform: process.platform,
        // Reload and developer tools whenever the app is not packaged (dev server or preview).
        devTools: !app.isPackaged,
        sendCommand,
      }),
    ),
  )

  // The previous project is back before the window asks for state; failures are only logged.
  await workbench.reopenLastProject()
  mainWindow = createWindow()

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
}

// Applies to every web contents, including any created later by mistake.
app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, { openLink }))

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
