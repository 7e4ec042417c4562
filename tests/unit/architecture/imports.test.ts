/**
 * Guards the layering of ARCHITECTURE.md: Electron only in main and preload,
 * and a core that stays pure (no I/O, no UI, no upper layers).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const repoRoot = resolve(import.meta.dirname, '../../..')
const srcDir = join(repoRoot, 'src')

interface SourceFile {
  path: string
  specifiers: string[]
}

/** Every module specifier: import/export … from, bare import, dynamic import(), require(). */
const SPECIFIER_PATTERNS = [
  /\b(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
]

async function sourceFiles(dir: string): Promise<SourceFile[]> {
  const files: SourceFile[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name)) continue
    const path = join(entry.parentPath, entry.name)
    const text = await readFile(path, 'utf8')
    const specifiers = SPECIFIER_PATTERNS.flatMap((pattern) =>
      [...text.matchAll(pattern)].map((match) => match[1]),
    )
    files.push({ path: relative(repoRoot, path).split('\\').join('/'), specifiers })
  }
  return files
}

function violations(
  files: SourceFile[],
  applies: (path: string) => boolean,
  forbidden: (spec: string) => boolean,
) {
  return files
    .filter((file) => applies(file.path))
    .flatMap((file) =>
      file.specifiers.filter(forbidden).map((spec) => `${file.path} imports ${spec}`),
    )
}

describe('architecture', () => {
  it('finds the sources (the scan itself works)', async () => {
    const files = await sourceFiles(srcDir)
    const main = files.find((file) => file.path === 'src/main/index.ts')
    expect(main?.specifiers).toContain('electron')
  })

  it('imports electron only in src/main and src/preload', async () => {
    const files = await sourceFiles(srcDir)
    const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/')
    const outsideElectronDoors = (path: string) => !/^src\/(main|preload)\//.test(path)
    expect(violations(files, outsideElectronDoors, isElectron)).toEqual([])
  })

  it('keeps src/core free of upper layers, UI and file-system access', async () => {
    const files = await sourceFiles(srcDir)
    const inCore = (path: string) => path.startsWith('src/core/')
    const forbidden = (spec: string) =>
      /(^|\/)(backend|web|main|preload|renderer|cli)(\/|$)/.test(spec) ||
      /^(react|react-dom)(\/|$)/.test(spec) ||
      /^(node:)?fs(\/|$)/.test(spec) ||
      spec === 'electron'
    expect(violations(files, inCore, forbidden)).toEqual([])
  })

  it('keeps the renderer off the backend, Electron main and the CLI: it talks to the WorkbenchApi', async () => {
    const files = await sourceFiles(srcDir)
    const inRenderer = (path: string) => path.startsWith('src/renderer/')
    const forbidden = (spec: string) => /(^|\/)(backend|main|cli)(\/|$)/.test(spec)
    expect(violations(files, inRenderer, forbidden)).toEqual([])
  })

  it('lets the doors (CLI, browser mode, Electron main) reach the backend through its entry only', async () => {
    const files = await sourceFiles(srcDir)
    const inDoor = (path: string) => /^src\/(cli|web|main)\//.test(path)
    // "../backend" (the entry, index.ts) is fine; "../backend/annotations/…" is an internal.
    // "../backend/warm-up" is the second, light entry: the CLI starts a parse worker through it
    // before the backend loads, so the two overlap (src/backend/warm-up.ts).
    const backendInternal = (spec: string) =>
      /(^|\/)backend\/./.test(spec) && !/(^|\/)backend\/warm-up$/.test(spec)
    expect(violations(files, inDoor, backendInternal)).toEqual([])
  })
})
