/**
 * The lowdb adapter for one annotation file. Not lowdb's JSONFile: its writer (steno) renames a
 * temp file over the target, which is atomic, but never fsyncs (a power cut can leave an empty
 * file behind the rename) and uses one fixed temp name (two processes saving the same file write
 * into each other's temp file). This adapter writes with the project's writeFileAtomic (unique
 * temp file, fsync, rename) and reads through the migrations, so a file is validated before
 * anything is done with it. It also remembers the fingerprint of what it last read or wrote,
 * which is how the store notices changes made by someone else.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Adapter } from 'lowdb'
import {
  annotationFileChunks,
  annotationFileLine,
  readAnnotationFileText,
  serializeAnnotationFile,
  type AnnotationFile,
} from '../../core/model'
import { writeFileAtomic } from '../atomic-write'
import { BackendError } from '../errors'
import { describe, isErrnoCode } from '../settings'
import {
  MISSING,
  contentHashOffThread,
  sameStats,
  statFingerprint,
  type Fingerprint,
} from './fingerprint'

/** Backoff before reading a half-written file again. */
export const READ_RETRY_MS: readonly number[] = [25, 50, 100, 200, 400, 800]

export class AnnotationFileAdapter implements Adapter<AnnotationFile> {
  private known: Fingerprint = MISSING
  /**
   * The bytes last read, until their hash is in `known`: hashing 60 MB (and Web Crypto's copy of
   * them for the thread pool) is not needed for the first answer after opening, only by the next
   * comparison with the disk, so it is done after the open (`hashRead`) or by that comparison.
   */
  private unhashed: Buffer | null = null
  private hashing: Promise<void> | null = null

  /** `displayName` names the file in messages (a project-relative path). */
  constructor(
    readonly path: string,
    readonly displayName: string,
    /** Pauses before reading an unparsable file again; about 1.5 s in all by default. */
    private readonly retryMs: readonly number[] = READ_RETRY_MS,
  ) {}

  /**
   * Null when the file does not exist; throws BackendError('annotation-file-problem') otherwise.
   * A file that does not parse is read again after each of `retryMs` (another program may be
   * caught half-way through writing it in place) before it is declared unreadable.
   */
  async read(): Promise<AnnotationFile | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.readOnce()
      } catch (error) {
        const delay = this.retryMs[attempt]
        if (delay === undefined || !(error instanceof BackendError)) throw error
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  private async readOnce(): Promise<AnnotationFile | null> {
    const before = await statFingerprint(this.path)
    let bytes: Buffer
    try {
      bytes = await readFile(this.path)
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT')) {
        this.known = MISSING
        return null
      }
      throw new BackendError(
        'annotation-file-problem',
        `${this.displayName} cannot be read (${describe(error)}). Nothing is saved until it can.`,
        this.displayName,
      )
    }
    const result = readAnnotationFileText(bytes.toString('utf8'), this.displayName)
    this.known = { ...before, hash: null }
    this.unhashed = bytes
    this.hashing = null
    if (!result.ok) {
      throw new BackendError(
        'annotation-file-problem',
        `${result.message} It is left untouched and the annotations are read-only until it is fixed or moved away.`,
        this.displayName,
      )
    }
    return result.file
  }

  /**
   * Hashes the bytes last read, on the thread pool, if not done yet. The store starts this once
   * the file is open; `changedOnDisk` awaits it.
   */
  hashRead(): Promise<void> {
    const bytes = this.unhashed
    if (bytes === null) return this.hashing ?? Promise.resolve()
    this.unhashed = null
    const read = this.known
    this.hashing = contentHashOffThread(bytes).then(
      (hash) => {
        // Unless a write or another read has replaced what this hash describes.
        if (this.known === read) this.known = { ...read, hash }
      },
      // Without a hash, changed stats count as a change: the file is read and merged (harmless).
      () => undefined,
    )
    return this.hashing
  }

  async write(data: AnnotationFile): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true }) // annotations/ on the first save.
    // Made, encoded, hashed and written a megabyte at a time: the edits the analyst makes
    // meanwhile are journalled between the pieces instead of waiting for the whole file.
    const hash = createHash('sha256')
    function* pieces() {
      for (const text of annotationFileChunks(data)) {
        const bytes = Buffer.from(text, 'utf8')
        hash.update(bytes)
        yield bytes
      }
    }
    // Checked just before the rename: a file someone else changed since we read it is not
    // replaced (FileChangedError; the store reads, merges and writes again).
    await writeFileAtomic(this.path, pieces(), {
      unchanged: async () => !(await this.changedOnDisk()),
    })
    const stats = await statFingerprint(this.path)
    this.known = { ...stats, hash: hash.digest('hex') }
    this.unhashed = null
  }

  /**
   * Whether the file on disk is no longer what this adapter last read or wrote. One stat when
   * nothing changed; a read and hash only when the stats differ.
   */
  async changedOnDisk(): Promise<boolean> {
    await this.hashRead()
    const now = await statFingerprint(this.path)
    if (sameStats(now, this.known)) return false
    if (now === MISSING || this.known === MISSING) return true
    let bytes: Buffer
    try {
      bytes = await readFile(this.path)
    } catch {
      return true // Let the read that follows report what is wrong.
    }
    const hash = await contentHashOffThread(bytes)
    if (hash !== this.known.hash) return true
    this.known = { ...now, hash } // Touched, same bytes: remember the new stats.
    return false
  }
}

/**
 * Serialises claims ahead of the first save, a slice at a time between other work, so that the
 * first edit after opening a large file saves as fast as the later ones. Resolves when done.
 */
export function warmSerialization(items: readonly object[], sliceSize = 2_000): Promise<void> {
  return new Promise((done) => {
    let next = 0
    const slice = () => {
      const end = Math.min(items.length, next + sliceSize)
      for (; next < end; next++) annotationFileLine(items[next])
      if (next < items.length) setImmediate(slice)
      else done()
    }
    if (items.length > 0) setImmediate(slice)
    else done()
  })
}

// The file's text is core/model's (the git merge driver writes it too, without the backend).
export { serializeAnnotationFile }
