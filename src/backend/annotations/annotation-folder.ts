/**
 * Reading every annotator's file of a project (`<data root>/annotations/*.json`), for exports.
 * Read-only: files with problems are reported by name, never touched.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readAnnotationFileText, type AnnotationFile } from '../../core/model'
import { BackendError } from '../errors'
import { describe, isErrnoCode } from '../settings'

export const ANNOTATIONS_FOLDER = 'annotations'
/** The gold file's annotator name unless another is given (annotations/gold.json). */
export const DEFAULT_GOLD = 'gold'

export interface AnnotationFolderFile {
  /** Project-relative, e.g. annotations/alice.json. */
  displayName: string
  /** The annotator, from the file name. */
  annotator: string
  file: AnnotationFile
}

export interface AnnotationFolderProblem {
  displayName: string
  message: string
}

export interface AnnotationFolder {
  files: AnnotationFolderFile[]
  problems: AnnotationFolderProblem[]
}

/**
 * The annotators with a file in annotations/ under `dataRoot`, sorted: the names of its
 * `*.json` files (hidden ones, the store's journals and temp files, left out). None when the
 * folder does not exist; other errors are thrown for the caller to report.
 */
export async function annotatorFileNames(dataRoot: string): Promise<string[]> {
  try {
    return (await readdir(join(dataRoot, ANNOTATIONS_FOLDER), { withFileTypes: true }))
      .filter(
        (entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'),
      )
      .map((entry) => entry.name.slice(0, -'.json'.length))
      .sort()
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return []
    throw error
  }
}

/** Reads annotations/*.json under `dataRoot` (sorted by name); only `only` when given. */
export async function readAnnotationFolder(
  dataRoot: string,
  only?: string,
): Promise<AnnotationFolder> {
  let names: string[]
  try {
    names = (await annotatorFileNames(dataRoot)).map((annotator) => `${annotator}.json`)
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return { files: [], problems: [] }
    return {
      files: [],
      problems: [
        {
          displayName: `${ANNOTATIONS_FOLDER}/`,
          message: `${ANNOTATIONS_FOLDER}/ cannot be read (${describe(error)}).`,
        },
      ],
    }
  }
  if (only !== undefined) names = names.filter((name) => name === `${only}.json`)
  const folder: AnnotationFolder = { files: [], problems: [] }
  for (const name of names) {
    const displayName = `${ANNOTATIONS_FOLDER}/${name}`
    let text: string
    try {
      text = await readFile(join(dataRoot, ANNOTATIONS_FOLDER, name), 'utf8')
    } catch (error) {
      folder.problems.push({
        displayName,
        message: `${displayName} cannot be read (${describe(error)}).`,
      })
      continue
    }
    const result = readAnnotationFileText(text, displayName)
    if (result.ok) {
      folder.files.push({
        displayName,
        annotator: name.slice(0, -'.json'.length),
        file: result.file,
      })
    } else {
      folder.problems.push({ displayName, message: result.message })
    }
  }
  return folder
}

/**
 * The files an export reads: every annotator's, or `only`'s. A dataset silently missing
 * someone's claims is worse than none, so a file with problems, or a named annotator without a
 * file, stops the export with a message naming the file.
 */
export async function readFolderForExport(
  dataRoot: string,
  only?: string,
): Promise<AnnotationFolderFile[]> {
  const folder = await readAnnotationFolder(dataRoot, only)
  if (folder.problems.length > 0) {
    throw new BackendError(
      'annotation-file-problem',
      `Cannot export: ${folder.problems.map((problem) => problem.message).join(' ')}`,
      folder.problems[0]!.displayName,
    )
  }
  if (only !== undefined && folder.files.length === 0) {
    throw new BackendError(
      'annotation-file-problem',
      `There is no annotations/${only}.json in this project.`,
    )
  }
  return folder.files
}
