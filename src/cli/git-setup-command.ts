/**
 * `corroborate git-setup <project-folder>`: registers Corroborate's merge driver for the
 * project's annotation and decisions files in the git repository holding the project:
 *
 *   .git/config         [merge "corroborate"] name, driver = <this installation> merge-driver
 *                       %O %A %B %P  (the local config: git never runs a driver a cloned
 *                       repository brings along, so each clone runs git-setup once)
 *   <project>/.gitattributes   annotations/*.json merge=corroborate
 *                              review/*.decisions.json merge=corroborate
 *
 * The driver is recorded as this Node.js and this installation's bin/corroborate.js by absolute
 * path, so git finds it whatever the PATH of the shell merging. Idempotent: running it again
 * sets the same values and adds no line twice.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { writeFileAtomic } from '../backend'
import type { Output } from './project-folder'

const run = promisify(execFile)
const bin = fileURLToPath(new URL('../../bin/corroborate.js', import.meta.url))

export const DRIVER_NAME = 'corroborate'
export const ATTRIBUTE_LINES = [
  `annotations/*.json merge=${DRIVER_NAME}`,
  `review/*.decisions.json merge=${DRIVER_NAME}`,
]

/** Quoted for the POSIX shell git runs the driver with. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

export function driverCommand(): string {
  return `${shellQuote(process.execPath)} ${shellQuote(bin)} merge-driver %O %A %B %P`
}

/** Exit codes: 0 done, 1 not a git repository (or git failed). */
export async function runGitSetup(projectFolder: string, output: Output): Promise<number> {
  const project = resolve(projectFolder)
  const git = (...args: string[]) => run('git', ['-C', project, ...args])
  try {
    await git('rev-parse', '--git-dir')
  } catch (error) {
    output.stderr(
      `corroborate: ${project} is not in a git repository (${firstLine(error)}). Run git init first.\n`,
    )
    return 1
  }
  try {
    await git(
      'config',
      '--local',
      `merge.${DRIVER_NAME}.name`,
      'Corroborate: annotation files by object id',
    )
    await git('config', '--local', `merge.${DRIVER_NAME}.driver`, driverCommand())
  } catch (error) {
    output.stderr(`corroborate: git config failed (${firstLine(error)}).\n`)
    return 1
  }
  const attributes = join(project, '.gitattributes')
  let text = ''
  try {
    text = await readFile(attributes, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      output.stderr(`corroborate: ${attributes} cannot be read (${firstLine(error)}).\n`)
      return 1
    }
  }
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim()))
  const missing = ATTRIBUTE_LINES.filter((line) => !present.has(line))
  if (missing.length > 0) {
    const separator = text === '' || text.endsWith('\n') ? '' : '\n'
    await writeFileAtomic(attributes, `${text}${separator}${missing.join('\n')}\n`)
  }
  output.stdout(
    `Merge driver "${DRIVER_NAME}" registered in the repository's config; ` +
      `${missing.length === 0 ? '.gitattributes already had its lines' : `${missing.length} line(s) added to .gitattributes`}.\n`,
  )
  return 0
}

function firstLine(error: unknown): string {
  const text =
    (error as { stderr?: string }).stderr?.trim() || (error instanceof Error ? error.message : '')
  return text.split('\n')[0] ?? ''
}
