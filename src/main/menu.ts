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
  /**
   * A menu item whose key belongs to the renderer: the accelerator is shown but not registered,
   * so the key reaches the page (which decides: claim undo outside text fields, the field's own
   * text undo inside them), and a click sends that same key.
   */
  const rendererKey = (
    label: string,
    accelerator: string,
    keyCode: string,
    extra: ('shift' | 'alt')[] = [],
    command = true,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => {
      const contents = context.getWindow()?.webContents
      if (!contents) return
      const modifier = process.platform === 'darwin' ? 'meta' : 'control'
      const modifiers: ('meta' | 'control' | 'shift' | 'alt')[] = command
        ? [modifier, ...extra]
        : extra
      contents.sendInputEvent({ type: 'keyDown', keyCode, modifiers })
      contents.sendInputEvent({ type: 'keyUp', keyCode, modifiers })
    },
  })
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
        rendererKey('Export Claims…', 'CmdOrCtrl+E', 'E'),
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Not the 'undo' role: Chromium's text undo would never reach the claims' history.
        rendererKey('Undo', 'CmdOrCtrl+Z', 'Z'),
        rendererKey('Redo', 'CmdOrCtrl+Shift+Z', 'Z', ['shift']),
        { type: 'separator' },
        { role: 'copy' },
        // Paste is for the renderer's text fields (search, paths); articles are read-only.
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        rendererKey('Find…', 'CmdOrCtrl+F', 'F'),
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
        // The workspace views; Alt+digit, as in the renderer.
        rendererKey('Documents', 'Alt+1', '1', ['alt'], false),
        rendererKey('Clusters', 'Alt+2', '2', ['alt'], false),
        rendererKey('Corroboration Matrix', 'Alt+3', '3', ['alt'], false),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
