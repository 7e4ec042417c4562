/**
 * `corroborate doc <file> [--json]`: reads one article file the way the
 * workbench does and prints its canonical document (JSON) or a short summary.
 */
import { basename, resolve } from 'node:path'
import {
  DocumentError,
  isSupportedFile,
  parseDocument,
  type CanonicalDocument,
} from '../core/document'
import { readArticleBytes } from '../backend'

export interface Output {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** Exit codes: 0 done, 1 the file could not be read as an article. */
export async function runDocCommand(
  file: string,
  asJson: boolean,
  output: Output,
): Promise<number> {
  const absPath = resolve(file)
  let document: CanonicalDocument
  try {
    if (!isSupportedFile(basename(absPath))) {
      throw new DocumentError(
        'unsupported-type',
        file,
        `${file} is not an article file Corroborate can read (text, Markdown or HTML).`,
      )
    }
    document = parseDocument(await readArticleBytes(absPath, file), file)
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error
    output.stderr(`corroborate: ${error.message}\n`)
    return 1
  }
  output.stdout(asJson ? canonicalJson(document) : humanSummary(document))
  return 0
}

/** The canonical document with a fixed key order, so outputs diff cleanly. */
function canonicalJson(document: CanonicalDocument): string {
  const { id, format, metadata, text, blocks, warnings } = document
  return JSON.stringify({ id, format, metadata, text, blocks, warnings }, null, 2) + '\n'
}

function humanSummary(document: CanonicalDocument): string {
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
