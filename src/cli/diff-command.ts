/**
 * `corroborate diff <a.json> <b.json> [--doc <path>] [--project <folder>] [--json]`: the units
 * that differ between two annotator files (core/review/diff.ts), as text or JSON.
 *
 * Where claims are compared: when both files sit in one project's annotations/ folder (or
 * --project names the project), each claim is placed in its document's current text through
 * the WorkbenchApi's locateClaims, as agreement places them; otherwise (two loose files, say
 * two versions of one file from git) where the files store them. Read-only: neither file, nor
 * anything else, is written.
 *
 * Exit codes, like diff(1): 0 the files agree, 1 they differ, 2 bad input (a file that cannot
 * be read, is corrupt or from a newer version, each named with its problem; a project that
 * cannot be opened; a --doc neither file nor the project has; usage).
 */
import { readFile } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { DEFAULT_RELATION_TYPES, readAnnotationFileText, type AnnotationFile } from '../core/model'
import { diffAnnotations, placedDiffSide, type DiffSide } from '../core/review'
import { WorkbenchError } from '../shared/api'
import type { WorkbenchClient } from '../shared/client'
import { diffText } from './diff-text'
import { withWorkbench } from './headless'
import {
  openProjectFolder,
  projectRelative,
  reporterFor,
  type Output,
  type Reporter,
} from './project-folder'

export interface DiffCommandOptions {
  doc?: string
  project?: string
  json: boolean
}

interface ReadFile {
  /** As the user typed it: how the file is named in the output. */
  name: string
  file: AnnotationFile
}

export async function runDiffCommand(
  first: string,
  second: string,
  options: DiffCommandOptions,
  output: Output,
): Promise<number> {
  const reporter = reporterFor(output)
  const read = await Promise.all([readAnnotatorFile(first), readAnnotatorFile(second)])
  const problems = read.filter((result): result is string => typeof result === 'string')
  if (problems.length > 0) {
    for (const problem of problems) reporter.fail(problem)
    return 2
  }
  const [a, b] = read as [ReadFile, ReadFile]
  const project = options.project ?? sharedProject(first, second)

  let sides: [DiffSide, DiffSide]
  let undirected = new Set(DEFAULT_RELATION_TYPES.filter((r) => !r.directed).map((r) => r.id))
  let doc = options.doc === undefined ? undefined : looseDocPath(options.doc)
  let projectPaths: string[] = []
  if (project === null) {
    sides = [storedSide(a), storedSide(b)]
  } else {
    try {
      const placed = await withWorkbench(reporter, async (api) => {
        const state = await openProjectFolder(api, reporter, project)
        const settings = await api.getProjectSettings()
        const located = await Promise.all([a, b].map((file) => placedSide(api, file, reporter)))
        return { state, settings, located }
      })
      sides = placed.located as [DiffSide, DiffSide]
      undirected = new Set(placed.settings.relations.filter((r) => !r.directed).map((r) => r.id))
      projectPaths = placed.state.documents.map((document) => document.path)
      if (options.doc !== undefined) doc = await projectRelative(project, options.doc)
    } catch (error) {
      if (!(error instanceof WorkbenchError)) throw error
      reporter.fail(error.message)
      return 2
    }
  }

  if (doc !== undefined) {
    const onIt = (side: DiffSide) =>
      side.claims.some(({ claim, placed }) => (placed ? placed.path : claim.document.path) === doc)
    if (!projectPaths.includes(doc) && !onIt(sides[0]) && !onIt(sides[1])) {
      reporter.fail(
        project === null
          ? `Neither ${a.name} nor ${b.name} has claims on ${doc}.`
          : `${doc} is not a document of the project ${project}, and neither file has claims on it.`,
      )
      return 2
    }
  }

  const result = diffAnnotations(sides[0], sides[1], {
    undirected,
    ...(doc !== undefined ? { documents: [doc] } : {}),
  })
  const header = {
    project,
    annotators: { a: a.file.annotator, b: b.file.annotator },
  }
  output.stdout(
    options.json
      ? `${JSON.stringify({ ...header, ...result }, null, 2)}\n`
      : diffText(result, header),
  )
  return result.identical ? 0 : 1
}

/** The file parsed, migrated and validated; or what is wrong with it, naming it. */
async function readAnnotatorFile(path: string): Promise<ReadFile | string> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : String((error as Error).message)
    return `${path} cannot be read (${why}).`
  }
  const result = readAnnotationFileText(text, path)
  return result.ok ? { name: path, file: result.file } : result.message
}

/** The project both files belong to: the folder holding the annotations/ folder they are in. */
function sharedProject(first: string, second: string): string | null {
  const folderOf = (path: string) => {
    const folder = dirname(resolve(path))
    return basename(folder) === 'annotations' ? dirname(folder) : null
  }
  const [one, two] = [folderOf(first), folderOf(second)]
  return one !== null && one === two ? one : null
}

/** A path as the claims store it: "/" separated, without a leading "./". */
function looseDocPath(path: string): string {
  return path.replaceAll('\\', '/').replace(/^(\.\/)+/, '')
}

function storedSide({ name, file }: ReadFile): DiffSide {
  return { name, claims: file.claims.map((claim) => ({ claim, placed: null })), links: file.links }
}

/**
 * The file's claims placed in the project's current texts. Claims that cannot be are compared
 * where the file stores them, and said so on stderr.
 */
async function placedSide(
  api: WorkbenchClient,
  { name, file }: ReadFile,
  reporter: Reporter,
): Promise<DiffSide> {
  const locations = await api.locateClaims(file.claims)
  const { side, unplaced } = placedDiffSide(name, file.claims, file.links, locations)
  for (const { path, why, claims } of unplaced) {
    const where =
      why === 'not-in-project' ? 'not in the project' : `not found in the current text of ${path}`
    reporter.warn(
      `${claims} claim(s) of ${name} on ${path}: ${where}; compared where the file stores them.`,
    )
  }
  return side
}
