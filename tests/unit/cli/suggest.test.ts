/**
 * `corroborate suggest` as users run it (real processes through bin/corroborate.js) on the
 * sample project: ranked candidates with reasons, exit 1 for a quote or document not found,
 * exit 2 for wrong usage.
 */
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { tempDir } from '../backend/helpers'
import { repoRoot, runCli } from './run-cli'

// Each case starts Node processes that load tsx, the parsers and a parser worker thread.
vi.setConfig({ testTimeout: 90_000 })

const samples = join(repoRoot, 'resources', 'samples')
const DOC = 'web/northstar-monitor-2026-02-26.html'
// The February count; expected-links.json pairs it with the wire story (same).
const QUOTE =
  'North Korea has sent roughly 6,700 shipping containers loaded with artillery ammunition to Russia since the middle of 2022'

describe('corroborate suggest', () => {
  it('prints ranked candidates with their reasons as JSON', async () => {
    const project = await tempDir()
    await cp(samples, project, { recursive: true })
    const result = await runCli([
      'suggest',
      project,
      '--doc',
      DOC,
      '--quote',
      QUOTE,
      '--limit',
      '5',
      '--json',
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const output = JSON.parse(result.stdout)
    expect(output.source).toMatchObject({ claimId: null, path: DOC, quote: QUOTE })
    expect(output.suggestions).toHaveLength(5)
    expect(output.suggestions.map((s: { rank: number }) => s.rank)).toEqual([1, 2, 3, 4, 5])
    const scores = output.suggestions.map((s: { score: number }) => s.score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    const wire = output.suggestions.find(
      (s: { target: { path: string; quote: string } }) =>
        s.target.path === 'wire/meridian-2026-03-03-pyongyang-denies.txt' &&
        s.target.quote.includes('6,700 containers of munitions'),
    )
    expect(wire).toMatchObject({ relation: 'same', target: { kind: 'sentence' } })
    expect(wire.reasons.join(' ')).toContain('6,700')
    for (const suggestion of output.suggestions) expect(suggestion.target.path).not.toBe(DOC)
  })

  it('finds the quote across folded whitespace, and prints a readable list without --json', async () => {
    const spaced = QUOTE.replace('shipping containers', 'shipping \n  containers')
    const result = await runCli([
      'suggest',
      samples,
      '--doc',
      DOC,
      '--quote',
      spaced,
      '--limit',
      '2',
    ])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^1\. \w+ \(0\.\d\d\) sentence in /)
    expect(result.stdout).toContain('\n2. ')
    expect(result.stdout).not.toContain('\n3. ')
  })

  it('exits 1 naming the file when the quote or the document is not found', async () => {
    const notFound = await runCli(['suggest', samples, '--doc', DOC, '--quote', 'no such words'])
    expect(notFound.code).toBe(1)
    expect(notFound.stdout).toBe('')
    expect(notFound.stderr).toContain(`The quote was not found in ${DOC}`)
    const noDoc = await runCli(['suggest', samples, '--doc', 'web/missing.html', '--quote', 'x'])
    expect(noDoc.code).toBe(1)
    expect(noDoc.stderr).toContain('web/missing.html')
    const noFolder = await runCli(['suggest', '/no/such/folder', '--doc', DOC, '--quote', 'x'])
    expect(noFolder.code).toBe(1)
    expect(noFolder.stderr).toContain('/no/such/folder')
  })

  it('exits 2 with usage for wrong usage', async () => {
    const cases = [
      ['suggest', samples, '--quote', 'x'],
      ['suggest', samples, '--doc', DOC],
      ['suggest', samples, '--doc', DOC, '--quote', '  '],
      ['suggest', '--doc', DOC, '--quote', 'x'],
      ['suggest', samples, '--doc', DOC, '--quote', 'x', '--limit', '0'],
      ['suggest', samples, '--doc', DOC, '--quote', 'x', '--limit', 'ten'],
      ['suggest', samples, '--doc', DOC, '--quote', 'x', '--limit', '51'],
    ]
    const results = await Promise.all(cases.map(runCli))
    for (const [index, args] of cases.entries()) {
      expect(results[index]!.code, args.join(' ')).toBe(2)
      expect(results[index]!.stderr, args.join(' ')).toContain('Usage: corroborate')
    }
  })
})
