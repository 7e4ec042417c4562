/**
 * The CLI as users run it: real processes through bin/corroborate.js.
 * The --json and summary tests use the real parser from core/document.
 */
import { truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { MAX_DOCUMENT_BYTES } from '../../../src/core/document'
import { tempDir, writeFiles } from '../backend/helpers'
import { runCli } from './run-cli'

// Each case starts Node processes that load tsx, the parsers and a parser worker thread.
vi.setConfig({ testTimeout: 90_000 })

async function article(name = 'story.txt', content = 'A headline\n\nThe first paragraph.\n') {
  const dir = await tempDir()
  await writeFiles(dir, { [name]: content })
  return join(dir, name)
}

describe('corroborate CLI', () => {
  it('prints help', async () => {
    const result = await runCli(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Usage: corroborate')
    expect(result.stdout).toContain('doc <file>')
  })

  it('exits 2 with usage on stderr for wrong usage', async () => {
    const cases = [
      [],
      ['doc'],
      ['doc', 'a.txt', 'b.txt'],
      ['frobnicate'],
      ['doc', 'a.txt', '--jsn'],
    ]
    const results = await Promise.all(cases.map(runCli))
    for (const [index, args] of cases.entries()) {
      const result = results[index]
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stdout, args.join(' ')).toBe('')
      expect(result.stderr, args.join(' ')).toContain('Usage: corroborate')
    }
  })

  it('prints the canonical document as JSON', async () => {
    const file = await article()
    const result = await runCli(['doc', file, '--json'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const document = JSON.parse(result.stdout)
    expect(Object.keys(document)).toEqual([
      'id',
      'format',
      'metadata',
      'text',
      'blocks',
      'warnings',
    ])
    expect(document.id).toMatch(/^[0-9a-f]{64}$/)
    expect(document.format).toBe('text')
    expect(document.text).toContain('The first paragraph.')
    expect(document.blocks.length).toBeGreaterThanOrEqual(1)
    expect(document.warnings).toEqual([])
  })

  it('marks page furniture of a pasted page with "boilerplate": true, keeping it in the text', async () => {
    const page = [
      'Skip to main content',
      'Home',
      'World',
      'Bakers protest new flour tax',
      'Hundreds of bakers marched through the capital on Monday to protest a new tax on flour, which they say will double the price of bread.',
      'Read also: Flour prices at a ten-year high',
      '© 2026 The Morning Loaf',
    ].join('\n')
    const result = await runCli(['doc', await article('pasted.txt', page), '--json'])
    expect(result.code).toBe(0)
    const document = JSON.parse(result.stdout) as {
      text: string
      blocks: { start: number; end: number; boilerplate?: boolean }[]
    }
    const marked = document.blocks.map((block) => [
      document.text.slice(block.start, block.end),
      block.boilerplate === true,
    ])
    expect(marked).toEqual([
      ['Skip to main content', true],
      ['Home', true],
      ['World', true],
      ['Bakers protest new flour tax', false],
      [expect.stringMatching(/^Hundreds of bakers/), false],
      ['Read also: Flour prices at a ten-year high', true],
      ['© 2026 The Morning Loaf', true],
    ])
    expect(
      document.blocks.filter((block) => !block.boilerplate).every((b) => !('boilerplate' in b)),
    ).toBe(true)
  })

  it('prints a human summary without --json', async () => {
    const file = await article()
    const result = await runCli(['doc', file])
    expect(result.code).toBe(0)
    for (const label of ['Title:', 'Outlet:', 'Date:', 'Id:', 'Blocks:', 'Characters:']) {
      expect(result.stdout).toContain(label)
    }
  })

  it('exits 1 naming the file when it is missing, unsupported, too large or empty', async () => {
    const dir = await tempDir()
    await writeFiles(dir, { 'report.pdf': '%PDF-1.7', 'huge.txt': '', 'empty.md': '' })
    await truncate(join(dir, 'huge.txt'), MAX_DOCUMENT_BYTES + 1)
    const names = ['missing.txt', 'report.pdf', 'huge.txt', 'empty.md']
    const results = await Promise.all(
      names.map((name) => runCli(['doc', join(dir, name), '--json'])),
    )
    for (const [index, name] of names.entries()) {
      const result = results[index]
      expect(result.code, name).toBe(1)
      expect(result.stdout, name).toBe('')
      expect(result.stderr, name).toContain(name)
    }
  })
})
