/**
 * Whether the store may write an annotation file at all. A file whose permissions forbid
 * writing was made so on purpose (a reference copy, a colleague's file shared read-only): it is
 * opened read-only and never replaced, even by a process that could (root ignores permissions,
 * hence the check of the mode bits as well as access()).
 */
import { constants } from 'node:fs'
import { access, realpath, stat } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Why the file (or its folder) cannot be written, for people; null when it can. */
export async function writeProblem(path: string, displayName: string): Promise<string | null> {
  const info = await stat(path).catch(() => null)
  if (info === null) return null // Created on the first change (folder checked then).
  const writable =
    (info.mode & 0o222) !== 0 &&
    (await access(path, constants.W_OK).then(
      () => true,
      () => false,
    ))
  if (!writable) {
    return (
      `${displayName} has no write permission, so Corroborate opens it read-only and never ` +
      'replaces it. Allow writing to it and refresh the project to make changes.'
    )
  }
  // Saving replaces the file through its folder (temp file, rename) and journals beside it.
  const folder = dirname(await realpath(path))
  const folderWritable = await access(folder, constants.W_OK).then(
    () => true,
    () => false,
  )
  if (!folderWritable) {
    return (
      `The folder of ${displayName} cannot be written, so Corroborate opens the file read-only. ` +
      'Allow writing to the folder and refresh the project to make changes.'
    )
  }
  return null
}
