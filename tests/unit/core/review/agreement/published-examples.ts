/** The published worked examples (tests/fixtures/external/agreement), by id. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface PublishedExample {
  id: string
  description: string
  sources: string[]
  [field: string]: unknown
}

const file = join(
  import.meta.dirname,
  '../../../../fixtures/external/agreement/published-examples.json',
)
const examples = (JSON.parse(readFileSync(file, 'utf8')) as { examples: PublishedExample[] })
  .examples

export function example<T extends object>(id: string): PublishedExample & T {
  const found = examples.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`No published example "${id}"`)
  return found as PublishedExample & T
}

/** Coder-by-unit rows (reliability data) turned into unit-by-coder rows. */
export function byUnit<T>(rows: readonly (readonly T[])[]): T[][] {
  return rows[0]!.map((_, unit) => rows.map((row) => row[unit]!))
}
