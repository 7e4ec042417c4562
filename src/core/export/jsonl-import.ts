/**
 * Reads the JSONL export back (jsonl.ts documents the fields): "claim" and "link" lines, from
 * claims.jsonl and links.jsonl or one file holding both; "document" lines are skipped (the
 * project's own articles are where claims are placed). A claim names its article by content
 * hash and path, and its code point offsets are a hint where its quote is. A line that is not a
 * JSON object with a known "type" is not this format: the file is refused with its line number.
 */
import { CERTAINTIES, CLAIM_STATUSES, type Certainty, type ClaimStatus } from '../model/claim'
import {
  DatasetFormatError,
  emptyBatch,
  isRecord,
  type ImportBatch,
  type ImportedClaim,
  type ImportFile,
} from './dataset-import'

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const isStatus = (value: unknown): value is ClaimStatus =>
  typeof value === 'string' && (CLAIM_STATUSES as readonly string[]).includes(value)
const isCertainty = (value: unknown): value is Certainty =>
  typeof value === 'string' && (CERTAINTIES as readonly string[]).includes(value)

export function parseJsonlDataset(file: ImportFile): ImportBatch {
  const batch = emptyBatch()
  file.text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return
      const where = `${file.name} line ${index + 1}`
      let item: unknown
      try {
        item = JSON.parse(line)
      } catch (error) {
        throw new DatasetFormatError(
          file.name,
          `line ${index + 1}`,
          `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        )
      }
      if (!isRecord(item) || !['claim', 'link', 'document'].includes(str(item.type) ?? '')) {
        throw new DatasetFormatError(
          file.name,
          `line ${index + 1}`,
          'not a JSON object of type "claim", "link" or "document"',
        )
      }
      const id = str(item.id) ?? where
      if (item.type === 'claim') {
        const exact = str(item.quote)
        const label = str(item.label)
        if (exact === undefined || exact === '' || label === undefined) {
          batch.problems.push({
            where,
            message: `Claim ${id} has no quote or label; it is not imported.`,
          })
          return
        }
        const claim: ImportedClaim = {
          ref: id,
          where,
          document: {},
          quote: { exact, prefix: str(item.prefix) ?? '', suffix: str(item.suffix) ?? '' },
          label,
          attributedTo: str(item.attributed_to) ?? '',
          note: str(item.note) ?? '',
          tags: Array.isArray(item.tags)
            ? item.tags.filter((tag): tag is string => typeof tag === 'string')
            : [],
        }
        const documentId = str(item.document_id)
        const path = str(item.document_path)
        if (documentId !== undefined) claim.document.documentId = documentId
        if (path !== undefined) claim.document.path = path
        if (Number.isInteger(item.start) && Number.isInteger(item.end)) {
          claim.position = { start: item.start as number, end: item.end as number }
          claim.positionUnit = 'code-points'
        }
        if (isStatus(item.status)) claim.status = item.status
        if (isCertainty(item.certainty)) claim.certainty = item.certainty
        const created = str(item.created)
        const updated = str(item.updated)
        if (created !== undefined) claim.created = created
        if (updated !== undefined) claim.updated = updated
        batch.claims.push(claim)
        return
      }
      if (item.type === 'link') {
        const from = str(item.from_claim_id)
        const relation = str(item.relation)
        const toClaim = str(item.to_claim_id)
        const outside = isRecord(item.outside) ? item.outside : null
        if (from === undefined || relation === undefined || (toClaim === undefined && !outside)) {
          batch.problems.push({
            where,
            message: `Link ${id} lacks an end or a relation; it is not imported.`,
          })
          return
        }
        batch.links.push({
          ref: id,
          where,
          relation,
          from,
          to:
            toClaim !== undefined
              ? { kind: 'claim', ref: toClaim }
              : {
                  kind: 'outside',
                  url: str(outside!.url) ?? '',
                  title: str(outside!.title) ?? '',
                  publisher: str(outside!.publisher) ?? '',
                  date: str(outside!.date) ?? '',
                  quote: str(outside!.quote) ?? '',
                },
          note: str(item.note) ?? '',
          confidence: isCertainty(item.confidence) ? item.confidence : null,
          ...(str(item.created) !== undefined ? { created: str(item.created)! } : {}),
          ...(str(item.updated) !== undefined ? { updated: str(item.updated)! } : {}),
        })
      }
    })
  return batch
}
