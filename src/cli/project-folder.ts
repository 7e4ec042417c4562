/** What the project commands (export, suggest) share: messages and the project folder. */
import { realpath, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Output } from './doc-command'

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

/** The real path of an existing project folder, or the message that says why it is not one. */
export async function resolveProjectFolder(
  projectFolder: string,
): Promise<{ root: string } | { problem: string }> {
  try {
    const root = await realpath(resolve(projectFolder))
    if (!(await stat(root)).isDirectory()) return { problem: `${projectFolder} is not a folder.` }
    return { root }
  } catch {
    return { problem: `The project folder ${projectFolder} does not exist.` }
  }
}
