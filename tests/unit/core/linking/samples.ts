/**
 * The sample project (resources/samples) as linking sees it: six parsed articles and the
 * hand-labelled pairs of expected-links.json with their ranges in the canonical texts.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { locateQuote } from '../../../../src/core/anchoring'
import { parseDocument } from '../../../../src/core/document/parse'
import { type CanonicalDocument } from '../../../../src/core/document'
import type { LinkableClaim, LinkRelation } from '../../../../src/core/linking'

export const samplesDir = fileURLToPath(new URL('../../../../resources/samples/', import.meta.url))

export const SAMPLE_FILES = [
  'web/northstar-monitor-2026-02-26.html',
  'wire/meridian-2026-03-03-pyongyang-denies.txt',
  'web/evening-ledger-2026-08-12.html',
  'web/lantern-review-2026-08-14.html',
  'blogs/salvo-and-supply-counting-containers.md',
  'notes/east-coast-herald-2026-10-08-followup.md',
] as const

export interface SampleDocument extends CanonicalDocument {
  file: string
}

export function loadSamples(): SampleDocument[] {
  return SAMPLE_FILES.map((file) => ({
    ...parseDocument(new Uint8Array(readFileSync(samplesDir + file)), file),
    file,
  }))
}

export interface QuoteRange {
  file: string
  documentId: string
  start: number
  end: number
  quote: string
}

export interface LabelledPair {
  relation: LinkRelation
  a: QuoteRange
  b: QuoteRange
  why: string
}

interface RawPair {
  relation: LinkRelation
  a: { file: string; quote: string }
  b: { file: string; quote: string }
  why: string
}

export function loadLabelledPairs(documents: readonly SampleDocument[]): LabelledPair[] {
  const raw = JSON.parse(readFileSync(samplesDir + 'expected-links.json', 'utf8')) as RawPair[]
  const place = (side: { file: string; quote: string }): QuoteRange => {
    const document = documents.find((d) => d.file === side.file)
    if (!document) throw new Error(`no sample document ${side.file}`)
    const range = locateQuote(document.text, side.quote)
    if (!range) throw new Error(`quote not found in ${side.file}: ${side.quote}`)
    return {
      file: side.file,
      documentId: document.id,
      ...range,
      quote: document.text.slice(range.start, range.end),
    }
  }
  return raw.map((pair) => ({
    relation: pair.relation,
    a: place(pair.a),
    b: place(pair.b),
    why: pair.why,
  }))
}

/** A claim made of a labelled quote, as an analyst would have highlighted it. */
export function claimOf(range: QuoteRange, id: string): LinkableClaim {
  return {
    id,
    documentId: range.documentId,
    start: range.start,
    end: range.end,
    quote: range.quote,
  }
}
