/**
 * The application menu. File actions call the backend directly; the workbench
 * emits state-changed, which reaches the window like any other event.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { WorkbenchApi } from '../shared/api'

export interface MenuContext {
  api: WorkbenchApi
  getWindow: () => BrowserWindow | null
  isDev: boolean
  /** Shows a failed action to the user (the renderer also learns via state). */
  reportError: (title: string, error: unknown) => void
}

export function buildApplicationMenu(context: MenuContext): Menu {
  const run = (title: string, action: () => Promise<unknown>) => () => {
    action().catch((error: unknown) => context.reportError(title, error))
  }
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        {
          label: 'Open Project…',
          accelerator: 'CmdOrCtrl+O',
          click: run('Open Project', () => context.api.chooseProject()),
        },
        {
          label: 'Open Files…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: run('Open Files', () => context.api.chooseFiles()),
        },
        {
          label: 'Open Sample Project',
          click: run('Open Sample Project', () => context.api.openSampleProject()),
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'copy' },
        // Paste is for the renderer's text fields (search, paths); articles are read-only.
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        {
          label: 'Find…',
          accelerator: 'CmdOrCtrl+F',
          // Not registered: the key goes to the renderer, which owns find. A click
          // sends the same key so both paths behave alike.
          registerAccelerator: false,
          click: () => {
            const contents = context.getWindow()?.webContents
            if (!contents) return
            const modifier = process.platform === 'darwin' ? 'meta' : 'control'
            contents.sendInputEvent({ type: 'keyDown', keyCode: 'F', modifiers: [modifier] })
            contents.sendInputEvent({ type: 'keyUp', keyCode: 'F', modifiers: [modifier] })
          },
        },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(context.isDev
          ? [
              { role: 'reload' as const },
              { role: 'toggleDevTools' as const },
              { type: 'separator' as const },
            ]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
