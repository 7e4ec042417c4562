/**
 * Reading one article file from disk, with the checks that must come before the
 * bytes are read: it is a regular file (a FIFO would block forever, a folder
 * cannot be read) and not over MAX_DOCUMENT_BYTES (checked with stat, so a huge
 * file is refused without loading it). File-system failures become
 * DocumentError('unreadable') with a message that names the file.
 */
import type { Stats } from 'node:fs'
import { lstat, open, stat } from 'node:fs/promises'
import { DocumentError, MAX_DOCUMENT_BYTES } from '../core/document'

/** Stats of an article file that passed the pre-read checks. */
export async function statArticle(absPath: string, displayName: string): Promise<Stats> {
  let stats: Stats
  try {
    stats = await stat(absPath)
  } catch (error) {
    throw await unreadable(error, absPath, displayName)
  }
  checkArticleStats(stats, displayName)
  return stats
}

/** Reads the bytes of an article file; re-checks on the open handle in case it changed. */
export async function readArticleBytes(absPath: string, displayName: string): Promise<Uint8Array> {
  let handle
  try {
    handle = await open(absPath, 'r')
  } catch (error) {
    throw await unreadable(error, absPath, displayName)
  }
  try {
    const stats = await handle.stat()
    checkArticleStats(stats, displayName)
    // Read at most one byte more than allowed: a file that grew since stat is
    // caught without reading all of it.
    const buffer = Buffer.alloc(Math.min(stats.size, MAX_DOCUMENT_BYTES) + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > MAX_DOCUMENT_BYTES) throw tooLarge(length, displayName)
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length)
  } catch (error) {
    if (error instanceof DocumentError) throw error
    throw await unreadable(error, absPath, displayName)
  } finally {
    await handle.close()
  }
}

function checkArticleStats(stats: Stats, displayName: string): void {
  if (!stats.isFile()) {
    throw new DocumentError('unreadable', displayName, `${displayName} is not a regular file.`)
  }
  if (stats.size > MAX_DOCUMENT_BYTES) throw tooLarge(stats.size, displayName)
}

function tooLarge(size: number, displayName: string): DocumentError {
  const limit = MAX_DOCUMENT_BYTES / (1024 * 1024)
  return new DocumentError(
    'too-large',
    displayName,
    `${displayName} is too large to open (${formatMegabytes(size)}; the limit is ${limit} MB).`,
  )
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** Turns a file-system error into a DocumentError a person can act on. */
export async function unreadable(
  error: unknown,
  absPath: string,
  displayName: string,
): Promise<DocumentError> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  let reason: string
  if (code === 'ENOENT') {
    reason = (await isSymlink(absPath))
      ? 'is a link to a file that does not exist'
      : 'was not found'
  } else if (code === 'EACCES' || code === 'EPERM') {
    reason = 'cannot be read: permission denied'
  } else if (code === 'EISDIR') {
    reason = 'is a folder, not a file'
  } else if (code === 'ELOOP') {
    reason = 'is a link that loops back on itself'
  } else {
    reason = `cannot be read (${code ?? (error instanceof Error ? error.message : 'unknown error')})`
  }
  return new DocumentError('unreadable', displayName, `${displayName} ${reason}.`)
}

async function isSymlink(absPath: string): Promise<boolean> {
  try {
    return (await lstat(absPath)).isSymbolicLink()
  } catch {
    return false
  }
}
