/**
 * Annotator files reviewed from outside the project's annotations/ folder: a colleague's file
 * sent by mail or kept elsewhere, opened for this session only. They are read like the files of
 * annotations/ (and never written), under a name of their own: the file's name, made unique
 * among the project's annotators.
 */
import { basename } from 'node:path'
import { annotatorNameSchema } from '../../core/model'

export interface OutsideFile {
  /** The name review gives it. */
  annotator: string
  /** Absolute path. */
  path: string
}

export class ReviewSources {
  /** By project folder: another project reviews its own. */
  private readonly byProject = new Map<string, OutsideFile[]>()

  outsideFiles(dataRoot: string): readonly OutsideFile[] {
    return this.byProject.get(dataRoot) ?? []
  }

  /** Adds `path` (again: the same entry) and returns it; `taken` are the names in use. */
  add(dataRoot: string, path: string, taken: readonly string[]): OutsideFile {
    const files = this.byProject.get(dataRoot) ?? []
    const known = files.find((file) => file.path === path)
    if (known) return known
    const names = new Set([...taken, ...files.map((file) => file.annotator)])
    const stem = nameFrom(basename(path))
    let annotator = stem
    for (let n = 2; names.has(annotator); n++) annotator = `${stem}-${n}`.slice(-64)
    const file = { annotator, path }
    this.byProject.set(dataRoot, [...files, file])
    return file
  }
}

/** An annotator name from a file name: "Ana's review (v2).json" -> "ana-s-review-v2". */
function nameFrom(fileName: string): string {
  const stem =
    fileName
      .replace(/\.json$/i, '')
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'outside'
  return annotatorNameSchema.safeParse(stem).success ? stem : 'outside'
}
