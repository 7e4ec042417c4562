/**
 * Git runs the merge driver once per merged file, so it must start fast: its modules reach JSON,
 * zod and core/model only, never the parse worker or a DOM library (which take seconds to load).
 */
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const repoRoot = resolve(import.meta.dirname, '../../..')
const IMPORT =
  /\b(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g

async function moduleGraph(entry: string): Promise<{ files: Set<string>; packages: Set<string> }> {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = async (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const text = await readFile(file, 'utf8')
    for (const match of text.matchAll(IMPORT)) {
      // Type-only imports are erased: they load nothing.
      if (/^(?:import|export)\s+type\s/.test(match[0])) continue
      const specifier = (match[1] ?? match[2])!
      if (!specifier.startsWith('.')) {
        packages.add(specifier)
        continue
      }
      const base = resolve(dirname(file), specifier)
      const candidates = [`${base}.ts`, join(base, 'index.ts')]
      for (const candidate of candidates) {
        try {
          await readFile(candidate)
          await visit(candidate)
          break
        } catch {
          // not this one
        }
      }
    }
  }
  await visit(join(repoRoot, entry))
  return { files, packages }
}

describe('the merge driver', () => {
  it('loads neither the parsers, the parse worker nor a DOM library', async () => {
    const { files, packages } = await moduleGraph('src/cli/merge-driver-command.ts')
    const relative = [...files].map((file) => file.slice(repoRoot.length + 1))
    expect(
      relative.filter((file) => /core\/document|worker|workspace|renderer/.test(file)),
    ).toEqual([])
    const allowed = /^(node:|zod$|uuid$|linear-sum-assignment$)/
    expect([...packages].filter((name) => !allowed.test(name))).toEqual([])
  })
})
