/**
 * No file can stall the app: article files are parsed in bounded worker threads. A hostile file
 * is listed under Problems with a message naming it, and the rest of the project opens. The
 * hostile pages are generated here; the bounds are lowered so the tests meet them quickly.
 */
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import { WorkerParser } from '../../../src/backend/worker-parser'
import { DocumentError } from '../../../src/core/document'
import { writeFile } from 'node:fs/promises'
import { writeDocx } from '../../helpers/docx-writer'
import { writePdf } from '../../helpers/pdf-writer'
import { tempDir, writeFiles } from './helpers'

// Workers compile the parsers from source when they start: seconds, not milliseconds.
vi.setConfig({ testTimeout: 120_000 })

const GOOD =
  'Bakers protest new flour tax\n\nHundreds of bakers marched on Monday against a tax on flour.\n'

const page = (body: string) => `<!doctype html><html><body><p>Intro text.</p>${body}</body></html>`
const many = (s: string, n: number) => s.repeat(n)

/** Pages that stalled or froze the parser: deep nesting in the forms a tag count misses. */
const HOSTILE: Record<string, string> = {
  'self-closing-divs.html': page(many('<div/>', 2000) + '<p>end</p>'),
  'thead.html': page(many('<table><thead>', 2000)),
  'caption.html': page(many('<table><caption>', 2000)),
  'colgroup.html': page(many('<table><colgroup><col>', 2000)),
  'noscript.html': page(`<noscript>${many('<div>', 2000)}</noscript>`),
  'iframe.html': page(`<iframe>${many('<div>', 2000)}</iframe>`),
  'noembed.html': page(`<noembed>${many('<section>', 2000)}</noembed>`),
}

/**
 * Nineteen megabytes of pasted text, one paragraph per line: a few seconds of work, far over the
 * lowered bounds below (the real bound, 15 s, leaves room for it).
 */
function hugePaste(): string {
  const line = 'Hundreds of bakers marched on Monday against a tax on flour, the union said.'
  const count = Math.floor((19 * 1024 * 1024) / (line.length + 1)) - 1000
  return Array.from({ length: count }, () => line).join('\n')
}

describe('parsing in bounded workers', () => {
  it('lists hostile pages under Problems, naming each file, and opens the rest', async () => {
    const root = await tempDir()
    await writeFiles(root, { 'good.txt': GOOD, 'huge.txt': hugePaste(), ...HOSTILE })
    const workbench = createWorkbench({
      settingsDir: await tempDir(),
      samplesDir: join(root, 'none'),
      log: () => {},
      parseLimits: { timeoutMs: 300, maxMemoryMb: 512, workers: 2 },
    })
    try {
      const state = await workbench.openProject(root)
      expect(state.documents.map((document) => document.path)).toEqual(['good.txt'])
      const codes = Object.fromEntries(
        state.problems.map((problem) => [problem.path, problem.code]),
      )
      expect(codes).toEqual({
        'huge.txt': 'too-complex',
        ...Object.fromEntries(Object.keys(HOSTILE).map((name) => [name, 'unreadable'])),
      })
      for (const problem of state.problems) expect(problem.message).toContain(problem.path)
      expect(state.problems.find((problem) => problem.path === 'huge.txt')!.message).toMatch(
        /took longer than 0\.3 s to read and was skipped/,
      )
      const opened = await workbench.openDocument(state.documents[0]!.key)
      expect(opened.metadata.title).toBe('Bakers protest new flour tax')
    } finally {
      await workbench.close()
    }
  })

  it('stops a PDF and a Word file that would take too long, naming each, and opens the rest', async () => {
    const root = await tempDir()
    await writeFiles(root, { 'good.txt': GOOD })
    // A page of 60,000 lines of text, and a Word file of 60,000 paragraphs: small on disk,
    // seconds of work for pdf.js and mammoth, far over the lowered bound.
    const lines = Array.from({ length: 60_000 }, (_, i) => ({
      text: `Line ${i} of a report that never ends`,
      x: 72,
      y: 800 - (i % 700),
      size: 1,
    }))
    await writeFile(join(root, 'endless.pdf'), writePdf([{ lines }]))
    await writeFile(
      join(root, 'endless.docx'),
      await writeDocx(
        Array.from({ length: 60_000 }, (_, i) => ({ text: `Paragraph ${i} of a long memo.` })),
      ),
    )
    const workbench = createWorkbench({
      settingsDir: await tempDir(),
      samplesDir: join(root, 'none'),
      log: () => {},
      parseLimits: { timeoutMs: 1_000, maxMemoryMb: 512, workers: 2 },
    })
    try {
      const state = await workbench.openProject(root)
      expect(state.documents.map((document) => document.path)).toEqual(['good.txt'])
      expect(
        state.problems.map((problem) => [problem.path, problem.code, problem.message]),
      ).toEqual([
        ['endless.docx', 'too-complex', expect.stringMatching(/^"endless\.docx" took longer/)],
        ['endless.pdf', 'too-complex', expect.stringMatching(/^"endless\.pdf" took longer/)],
      ])
    } finally {
      await workbench.close()
    }
  })

  it('stops a parse that takes too long, says so, and goes on with the next file', async () => {
    // 1 s: the good file, parsed by a fresh worker once the slow one is stopped, runs cold code
    // on a loaded machine and needs some of it; the slow one needs several seconds.
    const parser = new WorkerParser({ timeoutMs: 1_000, maxMemoryMb: 512, workers: 1 })
    const encode = (text: string) => new TextEncoder().encode(text)
    try {
      const [slow, good] = await Promise.allSettled([
        parser.parse(encode(hugePaste()), 'slow.txt'),
        parser.parse(encode(GOOD), 'good.txt'),
      ])
      expect(slow.status).toBe('rejected')
      const error = (slow as PromiseRejectedResult).reason as DocumentError
      expect(error).toBeInstanceOf(DocumentError)
      expect(error.code).toBe('too-complex')
      expect(error.message).toMatch(/^"slow\.txt" took longer than 1 s to read/)
      expect(good.status, String((good as PromiseRejectedResult).reason)).toBe('fulfilled')
    } finally {
      await parser.close()
    }
  })

  it('stops a parse that needs more memory than allowed', async () => {
    const parser = new WorkerParser({ timeoutMs: 60_000, maxMemoryMb: 64, workers: 1 })
    // Eighteen megabytes of short lines: one block each, well over 64 MB of objects.
    const lines = Array.from({ length: 800_000 }, (_, i) => `Line ${i} of the list`)
    try {
      const outcome = await parser
        .parse(new TextEncoder().encode(lines.join('\n')), 'huge list.txt')
        .catch((error: unknown) => error)
      expect(outcome).toBeInstanceOf(DocumentError)
      expect((outcome as DocumentError).code).toBe('too-complex')
      expect((outcome as DocumentError).message).toMatch(/^"huge list\.txt" needs more than 64 MB/)
    } finally {
      await parser.close()
    }
  })

  it('opens a file whose name contains a line break like any other', async () => {
    const root = await tempDir()
    await writeFiles(root, { 'two\nlines.txt': GOOD })
    const workbench = createWorkbench({
      settingsDir: await tempDir(),
      samplesDir: join(root, 'none'),
      log: () => {},
    })
    try {
      const state = await workbench.openProject(root)
      expect(state.problems).toEqual([])
      expect(state.documents.map((document) => document.path)).toEqual(['two\nlines.txt'])
      const opened = await workbench.openDocument(state.documents[0]!.key)
      expect(opened.path).toBe('two\nlines.txt')
      expect(opened.metadata.title).toBe('Bakers protest new flour tax')
    } finally {
      await workbench.close()
    }
  })
})
