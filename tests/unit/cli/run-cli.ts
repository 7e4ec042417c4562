import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '../../..')
const bin = join(repoRoot, 'bin', 'corroborate.js')

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `corroborate <args>` as a user would: a real Node process started from the repo. */
export function runCli(args: string[]): Promise<CliRun> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}
