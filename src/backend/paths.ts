import { homedir } from 'node:os'
import { isAbsolute, relative, resolve, sep } from 'node:path'

/** Resolves a path a person typed: `~` means the home folder, relative means from the cwd. */
export function resolveTypedPath(typed: string): string {
  if (typed === '~') return homedir()
  if (typed.startsWith('~/') || typed.startsWith(`~${sep}`))
    return resolve(homedir(), typed.slice(2))
  return resolve(typed)
}

/** Whether `child` is `parent` itself or lies inside it (both absolute, already resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** A relative path with "/" separators whatever the platform, as the UI shows it. */
export function toPosixPath(relPath: string): string {
  return sep === '/' ? relPath : relPath.split(sep).join('/')
}
