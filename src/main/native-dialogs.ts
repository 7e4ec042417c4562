/**
 * The WorkbenchApi as Electron serves it: the backend workbench, except that
 * choosing a project or files shows the native dialog (typed paths from the
 * renderer are ignored: in Electron only the dialog grants access).
 */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { WorkbenchApi } from '../shared/api'
import { SUPPORTED_EXTENSIONS } from '../core/document'
import type { Workbench } from '../backend'

export function withNativeDialogs(
  workbench: Workbench,
  getWindow: () => BrowserWindow | null,
): WorkbenchApi {
  const show = async (options: OpenDialogOptions): Promise<string[] | null> => {
    const window = getWindow()
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
  }
  return {
    getState: () => workbench.getState(),
    chooseProject: async () => {
      const paths = await show({ title: 'Open Project', properties: ['openDirectory'] })
      return paths ? workbench.openProject(paths[0]) : null
    },
    chooseFiles: async () => {
      const paths = await show({
        title: 'Open Files',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Articles', extensions: SUPPORTED_EXTENSIONS.map((ext) => ext.slice(1)) },
          { name: 'All files', extensions: ['*'] },
        ],
      })
      return paths ? workbench.openFiles(paths) : null
    },
    openSampleProject: () => workbench.openSampleProject(),
    refresh: () => workbench.refresh(),
    openDocument: (key) => workbench.openDocument(key),
  }
}
