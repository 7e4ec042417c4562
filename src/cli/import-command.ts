/**
 * `corroborate import <project-folder> <file-or-folder> --format w3c|brat|labelstudio --as NAME`:
 * reads another tool's annotations into a new annotator file, <project>/annotations/NAME.json,
 * each claim placed in the project's articles by its quote, through the WorkbenchApi's
 * importDataset (the app's Import does the same). What cannot be represented is named on stderr
 * by file and line or item; a malformed file, or a NAME whose file exists, writes nothing.
 */
import type { DatasetImportFormat } from '../shared/api'
import { resolve } from 'node:path'
import { withWorkbench } from './headless'
import { failOnWorkbenchError, openProjectFolder, reporterFor, type Output } from './project-folder'

export interface ImportOptions {
  format: DatasetImportFormat
  as: string
}

/** Exit codes: 0 written (problems are warnings), 1 nothing written. */
export async function runImportCommand(
  projectFolder: string,
  source: string,
  options: ImportOptions,
  output: Output,
): Promise<number> {
  const reporter = reporterFor(output)
  return withWorkbench(reporter, (api) =>
    failOnWorkbenchError(reporter, async () => {
      await openProjectFolder(api, reporter, projectFolder)
      const result = await api.importDataset({
        format: options.format,
        path: resolve(source),
        annotator: options.as,
      })
      if (result === null) throw new Error('importDataset answered null without a dialog')
      for (const problem of result.problems) {
        reporter.warn(`not imported: ${problem.item}: ${problem.message}`)
      }
      const added = [
        result.addedLabels.length > 0 ? `label(s) ${result.addedLabels.join(', ')}` : '',
        result.addedRelations.length > 0
          ? `relation type(s) ${result.addedRelations.join(', ')}`
          : '',
      ].filter(Boolean)
      output.stdout(
        `Imported ${result.claims} claim(s) and ${result.links} link(s) into ${result.file}` +
          (added.length > 0 ? `; added ${added.join(' and ')} to corroborate.json` : '') +
          (result.problems.length > 0 ? `; ${result.problems.length} item(s) not imported` : '') +
          '\n',
      )
      return 0
    }),
  )
}
