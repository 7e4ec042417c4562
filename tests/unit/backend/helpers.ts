/**
 * Test helpers for the backend: real temp folders, and a tiny stand-in parser
 * so backend behaviour (walking, keys, caching, problems) is tested on its own,
 * independent of the real parsers in core/document.
 */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach } from 'vitest'
import { DocumentError, type Block, type CanonicalDocument } from '../../../src/core/document'
import type { DocumentParser } from '../../../src/backend'

const created: string[] = []

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

/** A fresh temp folder, removed after the test. */
export async function tempDir(prefix = 'corroborate-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  created.push(dir)
  return dir
}

/** Writes files given as { 'relative/path': content } under `root`. */
export async function writeFiles(
  root: string,
  files: Record<string, string | Uint8Array>,
): Promise<void> {
  for (const [relPath, content] of Object.entries(files)) {
    const path = join(root, relPath)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, content)
  }
}

/** Root ignores file permissions, so chmod 000 does not make a file unreadable. */
export const runningAsRoot = process.getuid?.() === 0

export interface FakeParser {
  parse: DocumentParser
  /** File names parse was called with, in order. */
  calls: string[]
}

/** Paragraphs separated by blank lines; the first one is the title. */
export function fakeParser(): FakeParser {
  const calls: string[] = []
  const parse: DocumentParser = (bytes, fileName): CanonicalDocument => {
    calls.push(fileName)
    if (bytes.length === 0) throw new DocumentError('empty', fileName, `${fileName} is empty.`)
    if (bytes.includes(0)) throw new DocumentError('binary', fileName, `${fileName} is not text.`)
    const paragraphs = new TextDecoder()
      .decode(bytes)
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
      .filter((paragraph) => paragraph !== '')
    const text = paragraphs.join('\n\n')
    const blocks: Block[] = []
    let start = 0
    for (const paragraph of paragraphs) {
      blocks.push({ type: 'paragraph', start, end: start + paragraph.length })
      start += paragraph.length + 2
    }
    return {
      id: createHash('sha256').update(text).digest('hex'),
      format: 'text',
      text,
      blocks,
      metadata: { title: paragraphs[0] },
      warnings: [],
    }
  }
  return { parse, calls }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
