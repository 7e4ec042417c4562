/**
 * links.csv: one row per link, for a project (every annotator's file).
 *
 * Columns (stable; new ones are only ever added at the end):
 *   link_id            UUIDv7 of the link
 *   relation           relation type id (see corroborate.json)
 *   from_claim_id, from_document_id, from_document_path, from_quote
 *                      the claim the link starts at, in its document as claims.csv exports it
 *                      (current text when the claim could be placed in it)
 *   to_claim_id, to_document_id, to_document_path, to_quote
 *                      the claim it ends at; empty for a link to an outside source
 *   to_url, to_title, to_publisher, to_date
 *                      the outside source (to_quote then holds its passage, if copied);
 *                      empty for a link to a claim
 *   note, confidence (low|medium|high, empty: not assessed), annotator, created (ISO 8601)
 *
 * Written through the same CSV writer as claims.csv (RFC 4180, formulas neutralised, optional
 * BOM).
 */
import type { Claim } from '../model/claim'
import type { Link } from '../model/link'
import {
  CLAIM_CSV_COLUMNS,
  claimRow,
  type ClaimCsvColumn,
  type ExportDocuments,
} from './claims-csv'
import { toCsv, type CsvOptions } from './csv-cells'

export const LINK_CSV_COLUMNS = [
  'link_id',
  'relation',
  'from_claim_id',
  'from_document_id',
  'from_document_path',
  'from_quote',
  'to_claim_id',
  'to_document_id',
  'to_document_path',
  'to_quote',
  'to_url',
  'to_title',
  'to_publisher',
  'to_date',
  'note',
  'confidence',
  'annotator',
  'created',
] as const

export type LinkCsvColumn = (typeof LINK_CSV_COLUMNS)[number]

/** The claim end as claims.csv exports it: same document id, path and (re-placed) quote. */
function claimEnd(claim: Claim | undefined, documents: ExportDocuments): string[] {
  if (!claim) return ['', '', '', '']
  const row = claimRow(claim, documents)
  const cell = (column: ClaimCsvColumn) => row[CLAIM_CSV_COLUMNS.indexOf(column)]!
  return [claim.id, cell('document_id'), cell('document_path'), cell('quote')]
}

/**
 * One row. `claims` finds the link's claims (of the link's own file); a claim it cannot find
 * leaves its cells empty but keeps its id, so the row still says what was linked.
 */
export function linkRow(
  link: Link,
  claims: ReadonlyMap<string, Claim>,
  documents: ExportDocuments,
): string[] {
  const from = claimEnd(claims.get(link.from), documents)
  from[0] = link.from
  let to: string[]
  let outside = ['', '', '', '']
  if (link.to.kind === 'claim') {
    to = claimEnd(claims.get(link.to.claimId), documents)
    to[0] = link.to.claimId
  } else {
    to = ['', '', '', link.to.quote]
    outside = [link.to.url, link.to.title, link.to.publisher, link.to.date]
  }
  return [
    link.id,
    link.relation,
    ...from,
    ...to,
    ...outside,
    link.note,
    link.confidence ?? '',
    link.annotator,
    link.created,
  ]
}

/** links.csv for these links, in the order given. */
export function linksCsv(
  links: Iterable<Link>,
  claims: ReadonlyMap<string, Claim>,
  documents: ExportDocuments,
  options: CsvOptions = {},
): string {
  const rows: string[][] = []
  for (const link of links) rows.push(linkRow(link, claims, documents))
  return toCsv(LINK_CSV_COLUMNS, rows, options)
}

/** Links of several annotators in a stable order: annotator, then id (creation time). */
export function sortLinksForExport(links: Link[]): Link[] {
  return [...links].sort((a, b) => compare(a.annotator, b.annotator) || compare(a.id, b.id))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
