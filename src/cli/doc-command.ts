/**
 * `corroborate doc <file> [--json]`: reads one article file the way the workbench does (it is
 * opened as a single file through the WorkbenchApi) and prints its canonical document (JSON) or
 * a short summary.
 */
import { resolve } from 'node:path'
import type { OpenedDocument } from '../shared/api'
import { withWorkbench } from './headless'
import { failOnWorkbenchError, reporterFor, type Output } from './project-folder'

export type { Output } from './project-folder'

/** Exit codes: 0 done, 1 the file could not be read as an article. */
export async function runDocCommand(
  file: string,
  asJson: boolean,
  output: Output,
): Promise<number> {
  const reporter = reporterFor(output)
  return withWorkbench(reporter, (api) =>
    failOnWorkbenchError(reporter, async () => {
      const state = await api.chooseFiles([resolve(file)])
      const listed = state?.documents[0]
      if (!listed) {
        return reporter.fail(state?.problems[0]?.message ?? `${file} could not be read.`)
      }
      const document = await api.openDocument(listed.key)
      output.stdout(asJson ? canonicalJson(document) : humanSummary(document))
      return 0
    }),
  )
}

/** The canonical document with a fixed key order, so outputs diff cleanly. */
function canonicalJson(document: OpenedDocument): string {
  const { id, format, metadata, text, blocks, warnings } = document
  return JSON.stringify({ id, format, metadata, text, blocks, warnings }, null, 2) + '\n'
}

function humanSummary(document: OpenedDocument): string {
  const { metadata } = document
  const lines = [
    `Title:      ${metadata.title ?? '(none)'}`,
    `Outlet:     ${metadata.outlet ?? '(none)'}`,
    `Date:       ${metadata.published ?? '(none)'}`,
    `Id:         ${document.id}`,
    `Format:     ${document.format}`,
    `Blocks:     ${document.blocks.length}`,
    // Code points, as a person counts characters (offsets elsewhere are UTF-16 units).
    `Characters: ${Array.from(document.text).length}`,
  ]
  for (const warning of document.warnings) lines.push(`Warning:    ${warning}`)
  return lines.join('\n') + '\n'
}
