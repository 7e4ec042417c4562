// approx-string-match's own test vectors (MIT, see PROVENANCE.md), run against the installed
// library. matchQuote trusts its behaviour; this guards against an upgrade that changes it.
import search from 'approx-string-match'
import { describe, expect, it } from 'vitest'
import { loadVectors } from './external-vectors'

interface Match {
  start: number
  end: number
  errors: number
}

interface ApproxVectors {
  _source: string
  fixtures: Record<string, [text: string, pattern: string, expected: Match[]][]>
  inline_cases: {
    text: string
    pattern: string
    maxErrors: number
    expected?: Match[]
    expected_count?: number
    expected_all_match_text?: string
  }[]
}

const vectors = loadVectors<ApproxVectors>('approx-string-match-vectors.json')

const fixtureCases = Object.entries(vectors.fixtures).flatMap(([group, cases]) =>
  cases.map(([text, pattern, expected]) => ({ group, text, pattern, expected })),
)

describe('approx-string-match vectors', () => {
  it('has the fixture groups and inline cases this suite runs', () => {
    expect(Object.keys(vectors.fixtures).sort()).toEqual([
      'exactMatch',
      'longPattern',
      'manyErrors',
      'oneError',
      'unicode',
    ])
    expect(fixtureCases).toHaveLength(13)
    expect(vectors.inline_cases).toHaveLength(10)
  })

  // As the file says: search with maxErrors = pattern length, keep the fewest-error matches;
  // where several are listed the library may report any of them, but nothing unlisted.
  it.each(fixtureCases)('$group: "$pattern"', ({ text, pattern, expected }) => {
    const matches = search(text, pattern, pattern.length)
    const fewest = Math.min(...matches.map((m) => m.errors))
    const best = matches.filter((m) => m.errors === fewest)
    expect(best.length).toBeGreaterThan(0)
    for (const match of best) expect(expected).toContainEqual(match)
  })

  it.each(vectors.inline_cases)(
    '"$pattern" with at most $maxErrors errors',
    ({ text, pattern, maxErrors, expected, expected_count, expected_all_match_text }) => {
      const matches = search(text, pattern, maxErrors)
      let checks = 0
      if (expected !== undefined) {
        expect(matches).toEqual(expected)
        checks++
      }
      if (expected_count !== undefined) {
        expect(matches).toHaveLength(expected_count)
        checks++
      }
      if (expected_all_match_text !== undefined) {
        expect(matches.length).toBeGreaterThan(0)
        for (const m of matches) expect(text.slice(m.start, m.end)).toBe(expected_all_match_text)
        checks++
      }
      // Every case must state at least one expectation we know how to check.
      expect(checks).toBeGreaterThan(0)
    },
  )
})
