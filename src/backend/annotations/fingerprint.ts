/**
 * What we last read or wrote of a file, to notice when someone else changed it: size, mtime and
 * inode are cheap to compare (one stat); the content hash settles the cases they cannot (a file
 * touched or rewritten with the same bytes, or changed within the mtime resolution).
 */
import { createHash, webcrypto } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { isErrnoCode } from '../settings'

export interface Fingerprint {
  size: number
  mtimeMs: number
  ino: number
  /** SHA-256 of the bytes; null: the file did not exist. */
  hash: string | null
}

export const MISSING: Fingerprint = { size: -1, mtimeMs: -1, ino: -1, hash: null }

export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

/**
 * The same hash computed on libuv's thread pool (Web Crypto's digest), so that reading a large
 * file hashes it while the main thread parses it: about 150 ms off the load of 60 MB.
 */
export async function contentHashOffThread(content: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', content)).toString('hex')
}

/** The stat part of a fingerprint (hash null), or MISSING when the file does not exist. */
export async function statFingerprint(path: string): Promise<Fingerprint> {
  try {
    const stats = await stat(path)
    return { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, hash: null }
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return MISSING
    throw error
  }
}

export function sameStats(a: Fingerprint, b: Fingerprint): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino
}
