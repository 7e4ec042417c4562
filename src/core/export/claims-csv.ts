/**
 * claims.csv: one row per claim, for one document or a whole project.
 *
 * Columns (stable; new ones are only ever added at the end):
 *   claim_id       UUIDv7 of the claim
 *   document_id    SHA-256 of the canonical text that start/end/quote refer to (the current
 *                  text when the claim could be placed in it, else the text it was made on)
 *   document_path  relative to the project folder, "/" separated
 *   title, outlet, published   what the article file says (empty when unknown)
 *   label          label id (see corroborate.json)
 *   start, end     half-open range in Unicode CODE POINTS of the canonical text (what Python,
 *                  the W3C model and most dataset tools count; the app itself stores UTF-16
 *                  units); empty when the claim has no place in the current text (orphan, or
 *                  the article file is gone)
 *   quote, prefix, suffix      the passage and up to 32 UTF-16 units of text either side
 *   attributed_to, status, certainty (low|medium|high, empty: not assessed), note
 *   tags           joined by "; " (tags cannot contain ";")
 *   annotator, created, updated (ISO 8601)
 *   page           for PDF articles, the page (1-based) the claim starts on; empty otherwise
 *
 * A claim whose article changed since it was made is re-placed (core/anchoring) and exported at
 * its current position, with the quote and context of the current text, so every row is
 * consistent with the document_id it names.
 */
import type { Block, DocumentMetadata } from '../document/types'
import { createOffsetConverter, type OffsetConverter } from '../anchoring'
import type { Claim } from '../model/claim'
import { csvFromRecords, csvRecord, type CsvOptions } from './csv-cells'
import { placeClaim } from './placed-claims'

export const CLAIM_CSV_COLUMNS = [
  'claim_id',
  'document_id',
  'document_path',
  'title',
  'outlet',
  'published',
  'label',
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'attributed_to',
  'status',
  'certainty',
  'note',
  'tags',
  'annotator',
  'created',
  'updated',
  'page',
] as const

export type ClaimCsvColumn = (typeof CLAIM_CSV_COLUMNS)[number]

/** An article as the export needs it: its current text and what the file says about it. */
export interface ExportDocument {
  id: string
  path: string
  text: string
  metadata: DocumentMetadata
  /** The blocks, when known: a PDF's know their page (the `page` column). */
  blocks?: readonly Pick<Block, 'start' | 'end' | 'page'>[]
}

export const TAG_SEPARATOR = '; '

/**
 * Finds claims' documents by path first, then by content hash (a file that was renamed or
 * moved); path first so that identical copies under two paths keep their own claims.
 */
export class ExportDocuments {
  private readonly byId = new Map<string, ExportDocument>()
  private readonly byPath = new Map<string, ExportDocument>()
  private readonly converters = new Map<ExportDocument, OffsetConverter>()

  constructor(documents: Iterable<ExportDocument>) {
    for (const document of documents) {
      if (!this.byId.has(document.id)) this.byId.set(document.id, document)
      this.byPath.set(document.path, document)
    }
  }

  find(claim: Claim): ExportDocument | undefined {
    return this.byPath.get(claim.document.path) ?? this.byId.get(claim.document.id)
  }

  /** One converter per document, built on first use: a binary search per offset after that. */
  converter(document: ExportDocument): OffsetConverter {
    let converter = this.converters.get(document)
    if (!converter) {
      converter = createOffsetConverter(document.text)
      this.converters.set(document, converter)
    }
    return converter
  }
}

export function claimRow(claim: Claim, documents: ExportDocuments): string[] {
  const placed = placeClaim(claim, documents)
  const { exact, prefix, suffix } = placed.quote
  const metadata = placed.document?.metadata ?? {}
  return [
    claim.id,
    placed.documentId,
    placed.documentPath,
    metadata.title ?? '',
    metadata.outlet ?? '',
    metadata.published ?? '',
    claim.label,
    placed.codePoints ? String(placed.codePoints.start) : '',
    placed.codePoints ? String(placed.codePoints.end) : '',
    exact,
    prefix,
    suffix,
    claim.attributedTo,
    claim.status,
    claim.certainty ?? '',
    claim.note,
    claim.tags.join(TAG_SEPARATOR),
    claim.annotator,
    claim.created,
    claim.updated,
    pageOf(placed.document, placed.range?.start),
  ]
}

/** The page a PDF claim starts on ("" for other formats, or a claim with no place). */
function pageOf(document: ExportDocument | undefined, start: number | undefined): string {
  if (document?.blocks === undefined || start === undefined) return ''
  const block = document.blocks.find((candidate) => start < candidate.end)
  return block?.page === undefined ? '' : String(block.page)
}

/** claims.csv for these claims, in the order given. */
export function claimsCsv(
  claims: Iterable<Claim>,
  documents: ExportDocuments,
  options: CsvOptions = {},
): string {
  // Each row becomes its record at once: 100,000 rows of cells are never all held.
  const records: string[] = []
  const width = CLAIM_CSV_COLUMNS.length
  for (const claim of claims) records.push(csvRecord(claimRow(claim, documents), width))
  return csvFromRecords(CLAIM_CSV_COLUMNS, records, options)
}

/**
 * Claims of several annotators in a stable order: document path, then position, then id.
 * Grouped by path first (a few hundred paths), so that the sort's many comparisons compare
 * numbers: a third of the time of comparing paths in every comparison at 100,000 claims.
 */
export function sortClaimsForExport(claims: Claim[]): Claim[] {
  const byPath = new Map<string, Claim[]>()
  for (const claim of claims) {
    const group = byPath.get(claim.document.path)
    if (group) group.push(claim)
    else byPath.set(claim.document.path, [claim])
  }
  const sorted: Claim[] = []
  for (const path of [...byPath.keys()].sort(compare)) {
    const group = byPath.get(path)!
    group.sort((a, b) => a.target.position.start - b.target.position.start || compare(a.id, b.id))
    for (const claim of group) sorted.push(claim)
  }
  return sorted
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
