/**
 * Reading every annotator's file of a project (`<data root>/annotations/*.json`), for exports.
 * Read-only: files with problems are reported by name, never touched.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readAnnotationFileText, type AnnotationFile } from '../../core/model'
import { describe, isErrnoCode } from '../settings'

export const ANNOTATIONS_FOLDER = 'annotations'

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

/** Reads annotations/*.json under `dataRoot` (sorted by name); only `only` when given. */
export async function readAnnotationFolder(
  dataRoot: string,
  only?: string,
): Promise<AnnotationFolder> {
  const dir = join(dataRoot, ANNOTATIONS_FOLDER)
  let names: string[]
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter(
        (entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'),
      )
      .map((entry) => entry.name)
      .sort()
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
      text = await readFile(join(dir, name), 'utf8')
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
