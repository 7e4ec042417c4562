/**
 * Finds the article files of a project folder: a recursive walk that skips
 * hidden entries, node_modules and the project's own annotations/ folder, keeps
 * only supported file types, and never follows a link out of the project.
 * Links to folders are not followed at all: inside the project they would list
 * the same articles twice (or loop), outside it they are not the user's grant.
 */
import type { Dirent } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileProblem } from '../shared/api'
import { isSupportedFile } from '../core/document'
import { unreadable } from './article-file'
import { isInside, toPosixPath } from './paths'

export interface ProjectFile {
  /** Relative to the project root, "/" separated. */
  relPath: string
  absPath: string
}

export interface ScanResult {
  files: ProjectFile[]
  problems: FileProblem[]
}

/** Folder names skipped at the project root only (the project's own data). */
const SKIPPED_ROOT_FOLDERS = new Set(['annotations'])
/** Folder names skipped at any depth. */
const SKIPPED_FOLDERS = new Set(['node_modules'])

/** `realRoot` must be the real (symlink-free) path of the project folder. */
export async function scanProject(realRoot: string): Promise<ScanResult> {
  const files: ProjectFile[] = []
  const problems: FileProblem[] = []
  const pending: string[] = [''] // Relative folder paths still to read.

  while (pending.length > 0) {
    const relDir = pending.pop() as string
    let entries: Dirent[]
    try {
      entries = await readdir(join(realRoot, relDir), { withFileTypes: true })
    } catch (error) {
      const shown = relDir === '' ? './' : toPosixPath(relDir) + '/'
      const name = relDir === '' ? 'The project folder' : `Folder ${shown}`
      const failure = await unreadable(error, join(realRoot, relDir), name)
      problems.push({ path: shown, code: failure.code, message: failure.message })
      continue
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const relPath = relDir === '' ? entry.name : join(relDir, entry.name)
      const absPath = join(realRoot, relPath)
      let isDirectory = entry.isDirectory()
      if (entry.isSymbolicLink()) {
        const target = await followLink(absPath, realRoot)
        if (target.kind === 'skip') continue
        if (target.kind === 'problem') {
          if (isSupportedFile(entry.name)) {
            problems.push({
              path: toPosixPath(relPath),
              code: target.code,
              message: target.message(toPosixPath(relPath)),
            })
          }
          continue
        }
        if (target.isDirectory) continue
        isDirectory = false
      }
      if (isDirectory) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue
        if (relDir === '' && SKIPPED_ROOT_FOLDERS.has(entry.name)) continue
        pending.push(relPath)
      } else if (isSupportedFile(entry.name)) {
        // FIFOs, sockets and the like are listed too: reading them reports a clear problem.
        files.push({ relPath: toPosixPath(relPath), absPath })
      }
    }
  }
  return { files, problems }
}

type LinkTarget =
  | { kind: 'skip' }
  | { kind: 'problem'; code: string; message: (shown: string) => string }
  | { kind: 'inside'; isDirectory: boolean }

async function followLink(absPath: string, realRoot: string): Promise<LinkTarget> {
  let realPath: string
  try {
    realPath = await realpath(absPath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ELOOP'
        ? 'is a link that loops back on itself'
        : 'is a link to a file that does not exist'
    return { kind: 'problem', code: 'unreadable', message: (shown) => `${shown} ${reason}.` }
  }
  if (!isInside(realRoot, realPath)) {
    return {
      kind: 'problem',
      code: 'outside-project',
      message: (shown) =>
        `${shown} is a link to a file outside the project folder; it is not opened.`,
    }
  }
  try {
    return { kind: 'inside', isDirectory: (await stat(realPath)).isDirectory() }
  } catch {
    return { kind: 'skip' } // Vanished between realpath and stat: the next refresh will tell.
  }
}
