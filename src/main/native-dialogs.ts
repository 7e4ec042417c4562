/**
 * The WorkbenchApi as Electron serves it: the backend workbench, except that
 * choosing a project or files shows the native dialog (typed paths from the
 * renderer are ignored: in Electron only the dialog grants access), and an
 * export is saved where the user says in a save dialog rather than handed to
 * the renderer. Datasets are exported into, and imported from, what the user
 * picks in a folder or file dialog, and a colleague's annotator file is reviewed from where the
 * user picks it.
 */
import { writeFile } from 'node:fs/promises'
import {
  dialog,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron'
import type { ExportFormat, ExportTable, WorkbenchApi } from '../shared/api'
import { SUPPORTED_EXTENSIONS } from '../core/document'
import { BackendError, type Workbench } from '../backend'

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
  const showSave = async (options: SaveDialogOptions): Promise<string | null> => {
    const window = getWindow()
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }
  return {
    // Every method as the backend serves it; the ones below replace theirs.
    ...workbench,
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
    addReviewFile: async () => {
      const paths = await show({
        title: 'Review an Annotator File',
        properties: ['openFile'],
        filters: [{ name: 'Annotator files', extensions: ['json'] }],
      })
      return paths ? workbench.addReviewFile(paths[0]) : null
    },
    exportDataset: async (request) => {
      // The folder comes from the dialog only: in Electron only the dialog grants access.
      const paths = await show({
        title: 'Export Dataset to Folder',
        properties: ['openDirectory', 'createDirectory'],
      })
      return paths ? workbench.exportDataset({ ...request, folder: paths[0] }) : null
    },
    importDataset: async (request) => {
      // brat is a folder of .txt/.ann pairs, JSONL of claims.jsonl and links.jsonl; W3C and
      // Label Studio are one JSON file.
      const paths = await show(
        request.format === 'brat' || request.format === 'jsonl'
          ? { title: 'Import Folder', properties: ['openDirectory'] }
          : {
              title: 'Import Annotations',
              properties: ['openFile'],
              filters: [{ name: 'JSON', extensions: ['json', 'jsonld'] }],
            },
      )
      return paths ? workbench.importDataset({ ...request, path: paths[0] }) : null
    },
    exportTable: async (request) => {
      // Built first: a problem (an unreadable annotation file) is reported before any dialog.
      const built = await workbench.exportTable(request)
      if (built === null) return null
      const path = await showSave(
        saveOptions(request.table ?? 'claims', built.format, built.fileName),
      )
      if (path === null) return null
      // The user chose this file in the dialog: plain write, as any app's "Save As".
      try {
        await writeFile(path, built.text ?? '', 'utf8')
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new BackendError('export-failed', `Could not save ${path}: ${reason}`, path)
      }
      return { ...built, text: null, savedTo: path }
    },
  }
}

const EXPORT_TITLES: Record<ExportTable, string> = {
  claims: 'Export Claims',
  links: 'Export Links',
  clusters: 'Export Clusters',
  matrix: 'Export Corroboration Matrix',
}

/** The save dialog for an export: titled after the table, filtered to its format's files. */
function saveOptions(
  table: ExportTable,
  format: ExportFormat,
  fileName: string,
): SaveDialogOptions {
  return {
    title: EXPORT_TITLES[table],
    defaultPath: fileName,
    filters: [
      format === 'svg'
        ? { name: 'SVG image', extensions: ['svg'] }
        : { name: 'CSV', extensions: ['csv'] },
    ],
  }
}
