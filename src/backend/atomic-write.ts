import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { lstat, open, readdir, readlink, realpath, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

/**
 * Writes a file so that readers see either the old or the new content, never a half-written
 * one: write a temp file next to it, fsync it, rename it over, fsync the folder (without that,
 * a power cut can forget the rename). Rename is atomic within one file system, which is why the
 * temp file sits in the same folder as the file it replaces.
 *
 * What the file was stays: a symlink is written through (the link's target is replaced, the
 * link kept), and an existing file's mode and, where the process may, its owner and group are
 * given to the new file (a rename would otherwise turn a shared 0644 file into 0600).
 *
 * `content` may come in pieces (an iterable of buffers, made as they are written) so that a large
 * file is never one string and one buffer in memory, nor made in one go.
 *
 * `unchanged`, when given, is asked immediately before the rename whether the file on disk is
 * still the one the caller last read; if not, nothing is replaced and FileChangedError is
 * thrown so that the caller can read, merge and write again (never clobbering what it has not
 * seen). A window of a few microseconds between that check and the rename remains: no portable
 * file system call closes it.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array | Iterable<Uint8Array>,
  options: WriteOptions = {},
): Promise<void> {
  const target = await writeTarget(path)
  const existing = await stat(target).catch(() => null)
  const temp = join(dirname(target), tempName(basename(target)))
  inFlight.add(temp)
  try {
    // 'wx': never open someone else's file; 0o666 lets the umask decide for a new file.
    const handle = await open(temp, 'wx', options.mode ?? 0o666)
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) {
        await handle.writeFile(content, 'utf8')
      } else {
        // One piece at a time, so that making the next piece waits for this one's write and
        // the event loop runs in between (see annotationFileChunks).
        for (const piece of content) await handle.write(piece)
      }
      if (existing) await keepOwnership(handle, existing)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (options.unchanged && !(await options.unchanged())) throw new FileChangedError(path)
    await rename(temp, target)
    await syncFolder(dirname(target))
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  } finally {
    inFlight.delete(temp)
  }
}

export interface WriteOptions {
  /** Mode of a new file (an existing file's mode is kept); the umask applies. */
  mode?: number
  /** Asked just before the rename: false stops the write with FileChangedError. */
  unchanged?: () => Promise<boolean>
}

/** The file changed on disk since it was read: read it again, merge, write again. */
export class FileChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} was changed by another program while it was being saved`)
    this.name = 'FileChangedError'
  }
}

/** Where a write to `path` lands: the final target of a symlink (even a dangling one). */
async function writeTarget(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch {
    // Missing: a dangling symlink is followed to where it points, anything else is the path.
    let current = path
    for (let hops = 0; hops < 32; hops++) {
      const info = await lstat(current).catch(() => null)
      if (!info?.isSymbolicLink()) return current
      current = resolve(dirname(current), await readlink(current))
    }
    return current
  }
}

async function keepOwnership(
  handle: import('node:fs/promises').FileHandle,
  existing: import('node:fs').Stats,
): Promise<void> {
  await handle.chmod(existing.mode & 0o7777)
  const uid = process.getuid?.()
  if (uid === undefined || (existing.uid === uid && existing.gid === process.getgid?.())) return
  // Only root may give a file away; anyone else keeps the new file as theirs.
  await handle.chown(existing.uid, existing.gid).catch(() => undefined)
}

/** Fsyncs a folder so that a rename or a new entry in it survives a power cut. */
export async function syncFolder(dir: string): Promise<void> {
  let handle: import('node:fs/promises').FileHandle | null = null
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Windows cannot open or fsync a folder; there, the rename is as durable as it gets.
  } finally {
    await handle?.close()
  }
}

// ---------------------------------------------------------------------------------------------
// Leftover temp files. A temp file is named after its owner (host and process id), so that a
// later start can tell a crashed writer's leftovers (safe to delete) from a file another
// running instance is writing right now (to be left alone).

/** This process, as it appears in temp and journal file names: `<host>~<pid>`. */
export const OWNER_TAG = `${
  hostname()
    .replace(/[^A-Za-z0-9-]/g, '')
    .slice(0, 32) || 'host'
}~${process.pid}`

/** Whether an owner tag (`<host>~<pid>`) names a process of this host. */
export function ownedByThisHost(tag: string): boolean {
  return tag.slice(0, tag.indexOf('~') + 1) === OWNER_TAG.slice(0, OWNER_TAG.indexOf('~') + 1)
}

/** Temp files this process is writing right now. */
const inFlight = new Set<string>()

function tempName(base: string): string {
  return `.${base}.${OWNER_TAG}.${randomBytes(6).toString('hex')}.tmp`
}

/**
 * Whether the process a file name's owner tag names is gone: same host and no such process (or
 * this process, and the file is none of its own live ones). Another host's files are never
 * taken for leftovers: we cannot know whether their writer still runs.
 */
export function ownerGone(tag: string, liveHere: (name: string) => boolean, name: string): boolean {
  if (!tag.includes('~') || !ownedByThisHost(tag)) return false
  const pidText = tag.slice(tag.indexOf('~') + 1)
  const pid = Number(pidText)
  if (!Number.isInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return !liveHere(name)
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/** Temp files of earlier versions carried no owner: older than this, their writer is gone. */
const UNTAGGED_TEMP_AGE_MS = 10 * 60_000

/**
 * Removes temp files that writers of `file` left behind when they were killed mid-write (ours
 * only: `.<name>.<owner>.<random>.tmp`, the owner gone). Returns the names removed.
 */
export async function removeLeftoverTemps(file: string): Promise<string[]> {
  const dir = dirname(file)
  const prefix = `.${basename(file)}.`
  const removed: string[] = []
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return removed
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    const middle = name.slice(prefix.length, -'.tmp'.length).split('.')
    const path = join(dir, name)
    let leftover = false
    if (middle.length === 1 && /^[0-9a-f]{12}$/.test(middle[0])) {
      const info = await stat(path).catch(() => null)
      leftover = info !== null && Date.now() - info.mtimeMs > UNTAGGED_TEMP_AGE_MS
    } else if (middle.length === 2 && /^[0-9a-f]{12}$/.test(middle[1])) {
      leftover = ownerGone(middle[0], (temp) => inFlight.has(temp), path)
    }
    if (leftover) {
      await rm(path, { force: true })
      removed.push(name)
    }
  }
  return removed
}
