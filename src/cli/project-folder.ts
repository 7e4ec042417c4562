/** What the CLI's commands share: where output goes, messages, and opening a project folder. */
import { realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { WorkbenchError, type WorkbenchState } from '../shared/api'
import type { WorkbenchClient } from '../shared/client'

export interface Output {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export interface Reporter {
  /** Prints the message as an error and returns exit code 1. */
  fail(message: string): number
  warn(message: string): void
}

export function reporterFor(output: Output): Reporter {
  return {
    fail(message) {
      output.stderr(`corroborate: ${message}\n`)
      return 1
    },
    warn(message) {
      output.stderr(`corroborate: warning: ${message}\n`)
    },
  }
}

/**
 * Runs a command's work; an error the backend reports for people (a missing folder, an
 * unreadable annotation file) becomes its message on stderr and exit code 1. Anything else is a
 * bug and is thrown on.
 */
export async function failOnWorkbenchError(
  reporter: Reporter,
  work: () => Promise<number>,
): Promise<number> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error
    reporter.fail(error.message)
    if (error.code === 'annotation-file-problem') {
      reporter.fail('Nothing was written: fix or move the files above and run again.')
    }
    return 1
  }
}

/**
 * Opens the project folder; articles that cannot be read are named as warnings, except those
 * the command reports itself (`except`, project-relative paths).
 */
export async function openProjectFolder(
  api: WorkbenchClient,
  reporter: Reporter,
  projectFolder: string,
  except: readonly string[] = [],
): Promise<WorkbenchState> {
  const state = await api.chooseProject(projectFolder)
  if (!state) throw new Error('chooseProject answered null for a typed path')
  for (const problem of state.problems) {
    if (!except.includes(problem.path)) reporter.warn(problem.message)
  }
  return state
}

/**
 * The document as a project-relative "/" path, whether given relative to the project or
 * absolute; links in either path are resolved, as the project listing resolves its root.
 */
export async function projectRelative(projectFolder: string, file: string): Promise<string> {
  const real = (path: string) => realpath(path).catch(() => resolve(path))
  const root = await real(projectFolder)
  const absolute = await real(isAbsolute(file) ? file : resolve(projectFolder, file))
  return relative(root, absolute).split(sep).join('/')
}
