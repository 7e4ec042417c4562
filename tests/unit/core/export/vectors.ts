// The public CSV vectors copied into tests/fixtures/external/csv (see PROVENANCE.md there).
import { readFileSync, readdirSync } from 'node:fs'

const FIXTURES = new URL('../../../fixtures/external/csv/', import.meta.url)

export function loadJson<T>(relPath: string): T {
  return JSON.parse(readFileSync(new URL(relPath, FIXTURES), 'utf8')) as T
}

export function spectrumCases(): {
  name: string
  csv: string
  expected: Record<string, string>[]
}[] {
  return readdirSync(new URL('csv-spectrum/csvs/', FIXTURES))
    .filter((name) => name.endsWith('.csv'))
    .map((name) => {
      const stem = name.slice(0, -4)
      return {
        name: stem,
        csv: readFileSync(new URL(`csv-spectrum/csvs/${name}`, FIXTURES), 'utf8'),
        expected: loadJson(`csv-spectrum/json/${stem}.json`),
      }
    })
}
