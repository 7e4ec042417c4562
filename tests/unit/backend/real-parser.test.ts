/**
 * The backend with the real core/document parser (the other tests use a stand-in).
 * These need parseDocument implemented; until it lands they fail with
 * "not implemented yet".
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import { tempDir, writeFiles } from './helpers'

describe('backend with the real parser', () => {
  it('lists a text article and reports empty and binary files as problems', async () => {
    const root = await tempDir()
    await writeFiles(root, {
      'news/story.txt': 'A headline\n\nThe first paragraph of the story.\n',
      'empty.txt': '',
      'image.html': new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48,
      ]),
    })
    const workbench = createWorkbench({
      settingsDir: await tempDir(),
      samplesDir: join(root, 'none'),
      log: () => {},
    })
    const state = await workbench.openProject(root)

    expect(state.documents.map((document) => document.path)).toEqual(['news/story.txt'])
    expect(state.documents[0]).toMatchObject({
      format: 'text',
      id: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    const codes = Object.fromEntries(state.problems.map((problem) => [problem.path, problem.code]))
    expect(codes).toEqual({ 'empty.txt': 'empty', 'image.html': 'binary' })
    for (const problem of state.problems) expect(problem.message).toContain(problem.path)

    const opened = await workbench.openDocument(state.documents[0].key)
    expect(opened.text).toContain('The first paragraph of the story.')
    expect(opened.id).toBe(state.documents[0].id)
  })
})
