/**
 * importDataset into the annotator the app is annotating as (whose file does not exist yet): the
 * open session takes the imported claims in from disk, and the analyst's next claim is added to
 * them, not written over them.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createWorkbench } from '../../../../src/backend'
import { annotatedProject } from '../../cli/dataset-project'
import { tempDir } from '../helpers'

vi.setConfig({ testTimeout: 30_000 })

describe('importDataset', () => {
  it("imports into the current annotator's new file, which the session then reads and keeps", async () => {
    const root = await annotatedProject()
    const out = await tempDir()
    const workbench = createWorkbench({
      settingsDir: await tempDir(),
      samplesDir: await tempDir(),
      log: () => {},
    })
    try {
      await workbench.setAnnotator('carol')
      const state = await workbench.openProject(root)
      await workbench.exportDataset({ format: 'w3c', folder: out, annotator: 'alice' })
      const result = await workbench.importDataset({
        format: 'w3c',
        path: join(out, 'annotations.jsonld'),
        annotator: 'carol',
      })
      expect(result).toMatchObject({ file: 'annotations/carol.json', claims: 3, links: 3 })
      const wire = state.documents.find((document) => document.path === 'news/wire.txt')!
      const listed = await workbench.listClaims(wire.key)
      expect(listed.claims.map((placed) => placed.claim.quote).sort()).toEqual([
        '13,000 containers arrived',
        'denied that 152 mm shells were aboard',
      ])
      const { text } = await workbench.openDocument(wire.key)
      const start = text.indexOf('Crowds')
      await workbench.createClaim({ documentKey: wire.key, start, end: start + 6, label: 'claim' })
      await workbench.flush()
      const file = JSON.parse(await readFile(join(root, 'annotations', 'carol.json'), 'utf8'))
      expect(file.claims).toHaveLength(4)
      expect(file.links).toHaveLength(3)
    } finally {
      await workbench.close()
    }
  })
})
