/**
 * A project made of real sample articles (resources/samples) copied into a temp folder, opened
 * by real Workbenches with the real parser, claims saved in real annotation files (lowdb).
 */
import { copyFile, mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterEach } from 'vitest'
import { createWorkbench, type Workbench } from '../../../../src/backend'
import type { Claim } from '../../../../src/shared/api'
import { tempDir } from '../helpers'

const samplesDir = join(import.meta.dirname, '../../../../resources/samples')

export const NORTHSTAR = 'web/northstar-monitor-2026-02-26.html'
export const MERIDIAN = 'wire/meridian-2026-03-03-pyongyang-denies.txt'
export const LEDGER = 'web/evening-ledger-2026-08-12.html'
export const LANTERN = 'web/lantern-review-2026-08-14.html'
export const SALVO = 'blogs/salvo-and-supply-counting-containers.md'

const opened: Workbench[] = []

// Registered after helpers.ts's hook, so it runs first: writes end before temp folders go.
afterEach(async () => {
  await Promise.all(opened.splice(0).map((workbench) => workbench.close()))
})

export interface Annotator {
  workbench: Workbench
  /** Claims `passage` (its first occurrence) of the sample at `path`. */
  claim(path: string, passage: string, label?: string): Promise<Claim>
  keyOf(path: string): Promise<string>
}

export interface SampleProject {
  root: string
  /** A workbench on the project for this annotator (each one its own settings folder). */
  as(annotator: string): Promise<Annotator>
}

export async function sampleProject(files: readonly string[]): Promise<SampleProject> {
  const root = await tempDir()
  for (const file of files) {
    await mkdir(dirname(join(root, file)), { recursive: true })
    await copyFile(join(samplesDir, file), join(root, file))
  }
  return {
    root,
    as: async (annotator) => {
      const workbench = createWorkbench({
        settingsDir: await tempDir(),
        samplesDir: await tempDir(),
        log: () => {},
        annotationStore: { coalesceMs: 20 },
      })
      opened.push(workbench)
      await workbench.setAnnotator(annotator)
      await workbench.openProject(root)
      const keyOf = async (path: string) => {
        const listed = (await workbench.getState()).documents.find((doc) => doc.path === path)
        if (!listed) throw new Error(`${path} is not listed`)
        return listed.key
      }
      return {
        workbench,
        keyOf,
        claim: async (path, passage, label = 'claim') => {
          const key = await keyOf(path)
          const { text } = await workbench.openDocument(key)
          const start = text.indexOf(passage)
          if (start < 0) throw new Error(`"${passage}" is not in ${path}`)
          return workbench.createClaim({
            documentKey: key,
            start,
            end: start + passage.length,
            label,
          })
        },
      }
    },
  }
}
