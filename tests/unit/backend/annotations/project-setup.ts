/**
 * Helpers for the annotation tests: a project in a temp folder opened by a real Workbench (with
 * the stand-in parser of helpers.ts), and readers for what is really on disk.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createWorkbench, type Workbench, type WorkbenchOptions } from '../../../../src/backend'
import { readAnnotationFileText, type AnnotationFile } from '../../../../src/core/model'
import type { WorkbenchEvent } from '../../../../src/shared/api'
import { fakeParser, tempDir, writeFiles } from '../helpers'

const opened: Workbench[] = []

// Pending coalesced writes finish before helpers.ts removes the temp folders (hooks run in
// reverse order of registration, and helpers.ts registered its hook first).
afterEach(async () => {
  await Promise.all(opened.splice(0).map((workbench) => workbench.close()))
})

export const ARTICLE =
  'Shipments continue\n\n' +
  'North Korea has sent more than 13,000 containers of munitions to Russia, officials said.\n\n' +
  'Moscow denied the allegations on Tuesday.'

export interface Setup {
  root: string
  settingsDir: string
  samplesDir: string
  workbench: Workbench
  events: WorkbenchEvent[]
  /** A second workbench on the same folders: a second window or process. */
  another(): Promise<Workbench>
}

export async function openProject(
  files: Record<string, string> = { 'story.txt': ARTICLE },
  options: {
    annotator?: string | null
    extra?: Partial<WorkbenchOptions>
    settingsDir?: string
  } = {},
): Promise<Setup> {
  const root = await tempDir()
  await writeFiles(root, files)
  const settingsDir = options.settingsDir ?? (await tempDir())
  const samplesDir = await tempDir()
  await writeFiles(samplesDir, { 'sample.txt': 'Sample article\n\nThe sample says 42 things.' })
  const make = async (dir: string) => {
    const workbench = createWorkbench({
      settingsDir: dir,
      samplesDir,
      parse: fakeParser().parse,
      log: () => {},
      annotationStore: { coalesceMs: 20 },
      ...options.extra,
    })
    opened.push(workbench)
    const annotator = options.annotator === undefined ? 'alice' : options.annotator
    if (annotator !== null) await workbench.setAnnotator(annotator)
    return workbench
  }
  const workbench = await make(settingsDir)
  const events: WorkbenchEvent[] = []
  workbench.onEvent((event) => events.push(event))
  await workbench.openProject(root)
  return {
    root,
    settingsDir,
    samplesDir,
    workbench,
    events,
    another: async () => {
      const other = await make(await tempDir())
      await other.openProject(root)
      return other
    },
  }
}

/** The key of a listed document by path. */
export async function keyOf(workbench: Workbench, path: string): Promise<string> {
  const document = (await workbench.getState()).documents.find((doc) => doc.path === path)
  if (!document) throw new Error(`${path} is not listed`)
  return document.key
}

export async function readAnnotations(root: string, annotator = 'alice'): Promise<AnnotationFile> {
  const text = await readFile(join(root, 'annotations', `${annotator}.json`), 'utf8')
  const result = readAnnotationFileText(text, `${annotator}.json`)
  if (!result.ok) throw new Error(result.message)
  return result.file
}

/** Offsets of `passage` in ARTICLE-like text. */
export function rangeOf(text: string, passage: string): { start: number; end: number } {
  const start = text.indexOf(passage)
  if (start < 0) throw new Error(`"${passage}" is not in the text`)
  return { start, end: start + passage.length }
}
