/**
 * A claim as every dataset export places it: in the current text of its article when it can be
 * placed there (re-anchored by its quote when the article changed), with offsets in both units.
 * One function, so claims.csv, W3C, brat and JSONL agree on where every claim is.
 */
import { anchorClaim, describeRange } from '../anchoring'
import { claimSelectors, type Claim } from '../model/claim'
import type { ExportDocument, ExportDocuments } from './claims-csv'

export interface PlacedClaim {
  claim: Claim
  /** The article the claim is in now; undefined when its file is gone. */
  document: ExportDocument | undefined
  /** The content hash the offsets and quote refer to (the current text when placed). */
  documentId: string
  documentPath: string
  /** UTF-16 range in `document.text`; null when the claim has no place in it (an orphan). */
  range: { start: number; end: number } | null
  /** The same range in Unicode code points; null with `range`. */
  codePoints: { start: number; end: number } | null
  /** The passage and its context, from the current text when the claim moved. */
  quote: { exact: string; prefix: string; suffix: string }
}

export function placeClaim(claim: Claim, documents: ExportDocuments): PlacedClaim {
  const document = documents.find(claim)
  const placed: PlacedClaim = {
    claim,
    document,
    documentId: claim.document.id,
    documentPath: document?.path ?? claim.document.path,
    range: null,
    codePoints: null,
    // Claims are immutable: their quote is shared, not copied (100,000 copies per export).
    quote: claim.target.quote,
  }
  if (!document) return placed
  const range = placeIn(claim, document)
  if (!range) return placed
  const converter = documents.converter(document)
  placed.documentId = document.id
  placed.range = { start: range.start, end: range.end }
  placed.codePoints = {
    start: converter.toCodePoint(range.start),
    end: converter.toCodePoint(range.end),
  }
  if (range.moved) {
    const { exact, prefix, suffix } = describeRange(document.text, range.start, range.end).quote
    placed.quote = { exact, prefix, suffix }
  }
  return placed
}

function placeIn(
  claim: Claim,
  document: ExportDocument,
): { start: number; end: number; moved: boolean } | null {
  const { start, end } = claim.target.position
  if (document.id === claim.document.id) return { start, end, moved: false }
  const result = anchorClaim(document.text, claimSelectors(claim))
  if (result.status === 'orphan') return null
  return { start: result.start, end: result.end, moved: result.status === 'moved' }
}
