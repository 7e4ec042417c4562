/**
 * Colleagues' annotator files as review reads them: parsed once per version of the file on
 * disk, with their claims grouped by document path. Opening a document with five colleagues'
 * lanes must not parse five files each time; a file that changed on disk (a `git pull`, a
 * synced folder) has another size, modification time or inode, and is read again.
 *
 * Read-only, like every reading of a colleague's file: a file with problems is reported with
 * its message and never written.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { readAnnotationFileText, type AnnotationFile, type Claim } from '../../core/model'
import { describe } from '../settings'
import { ANNOTATIONS_FOLDER } from './annotation-folder'

export type ColleagueFile =
  | {
      ok: true
      displayName: string
      file: AnnotationFile
      /** The file's claims by their saved document path. */
      claimsByPath: ReadonlyMap<string, readonly Claim[]>
      /** The relations of the file's links from or to each claim, by claim id. */
      relationsByClaim: ReadonlyMap<string, readonly string[]>
    }
  | { ok: false; displayName: string; message: string }

/** Parsed files by absolute path, with the stamp of the version they were read from. */
export class ColleagueFileCache {
  private readonly entries = new Map<string, { stamp: string; result: ColleagueFile }>()

  /** annotations/<annotator>.json of the project in `dataRoot`. */
  read(dataRoot: string, annotator: string): Promise<ColleagueFile> {
    return this.readFile(
      join(dataRoot, ANNOTATIONS_FOLDER, `${annotator}.json`),
      `${ANNOTATIONS_FOLDER}/${annotator}.json`,
    )
  }

  /** Any annotator file, named `displayName` in messages. */
  async readFile(path: string, displayName: string): Promise<ColleagueFile> {
    let stamp: string
    try {
      const info = await stat(path)
      stamp = `${info.ino}:${info.size}:${info.mtimeMs}`
    } catch (error) {
      this.entries.delete(path)
      return {
        ok: false,
        displayName,
        message: `${displayName} cannot be read (${describe(error)}).`,
      }
    }
    const cached = this.entries.get(path)
    if (cached?.stamp === stamp) return cached.result
    const result = await readColleagueFile(path, displayName)
    this.entries.set(path, { stamp, result })
    return result
  }
}

async function readColleagueFile(path: string, displayName: string): Promise<ColleagueFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return {
      ok: false,
      displayName,
      message: `${displayName} cannot be read (${describe(error)}).`,
    }
  }
  const read = readAnnotationFileText(text, displayName)
  if (!read.ok) return { ok: false, displayName, message: read.message }
  const claimsByPath = new Map<string, Claim[]>()
  for (const claim of read.file.claims) {
    const own = claimsByPath.get(claim.document.path)
    if (own) own.push(claim)
    else claimsByPath.set(claim.document.path, [claim])
  }
  const relationsByClaim = new Map<string, string[]>()
  for (const link of read.file.links) {
    const ends = link.to.kind === 'claim' ? [link.from, link.to.claimId] : [link.from]
    for (const id of ends) {
      const own = relationsByClaim.get(id)
      if (own) own.push(link.relation)
      else relationsByClaim.set(id, [link.relation])
    }
  }
  return { ok: true, displayName, file: read.file, claimsByPath, relationsByClaim }
}
