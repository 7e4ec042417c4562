// Loads the public conformance vectors copied into tests/fixtures/external/anchoring (see the
// PROVENANCE.md there). Read from disk rather than imported, so each test declares the shape
// it relies on instead of inheriting a type inferred from the data.
import { readFileSync } from 'node:fs'

const FIXTURES = new URL('../../../fixtures/external/anchoring/', import.meta.url)

export function loadVectors<T>(fileName: string): T {
  return JSON.parse(readFileSync(new URL(fileName, FIXTURES), 'utf8')) as T
}
