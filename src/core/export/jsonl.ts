/**
 * JSONL for training pipelines: three files, one JSON object per line (UTF-8, "\n" ends).
 *
 * documents.jsonl, one line per article that has a placed claim:
 *   type "document", id (SHA-256 of the canonical text), path, title, outlet, published (null
 *   when unknown), text (the canonical text the offsets count in)
 * claims.jsonl, one line per claim:
 *   type "claim", id, annotator, document_id, document_path,
 *   start, end   half-open range in Unicode CODE POINTS of that document's text (Python's
 *                text[start:end] is the quote); null when the claim has no place in the
 *                current text (its quote still says what it was)
 *   quote, prefix, suffix, label (id), label_name, attributed_to, status
 *   (asserted|alleged|denied|confirmed), certainty (low|medium|high|null), note, tags (array),
 *   created, updated (ISO 8601)
 * links.jsonl, one line per link:
 *   type "link", id, annotator, relation (id), relation_name, directed (boolean),
 *   from_claim_id, to_claim_id (null for an outside source),
 *   outside ({url, title, publisher, date, quote} or null), confidence (low|medium|high|null),
 *   note, created, updated
 */
import { allClaims, allLinks, type DatasetExport, type DatasetInput } from './dataset'
import type { ExportDocument } from './claims-csv'
import { placeClaim } from './placed-claims'

export const JSONL_FILE_NAMES = {
  documents: 'documents.jsonl',
  claims: 'claims.jsonl',
  links: 'links.jsonl',
} as const

function lines(objects: readonly object[]): string {
  return objects.map((object) => JSON.stringify(object) + '\n').join('')
}

export function jsonlExport(input: DatasetInput): DatasetExport {
  const labelNames = new Map(input.labels.map((label) => [label.id, label.name]))
  const relations = new Map(input.relations.map((relation) => [relation.id, relation]))
  const documents = new Map<string, ExportDocument>()
  const claims = allClaims(input).map((claim) => {
    const placed = placeClaim(claim, input.documents)
    if (placed.document && placed.codePoints) {
      documents.set(placed.document.path, placed.document)
    }
    return {
      type: 'claim',
      id: claim.id,
      annotator: claim.annotator,
      document_id: placed.documentId,
      document_path: placed.documentPath,
      start: placed.codePoints?.start ?? null,
      end: placed.codePoints?.end ?? null,
      quote: placed.quote.exact,
      prefix: placed.quote.prefix,
      suffix: placed.quote.suffix,
      label: claim.label,
      label_name: labelNames.get(claim.label) ?? claim.label,
      attributed_to: claim.attributedTo,
      status: claim.status,
      certainty: claim.certainty,
      note: claim.note,
      tags: claim.tags,
      created: claim.created,
      updated: claim.updated,
    }
  })
  const links = allLinks(input).map((link) => {
    const relation = relations.get(link.relation)
    return {
      type: 'link',
      id: link.id,
      annotator: link.annotator,
      relation: link.relation,
      relation_name: relation?.name ?? link.relation,
      directed: relation?.directed ?? true,
      from_claim_id: link.from,
      to_claim_id: link.to.kind === 'claim' ? link.to.claimId : null,
      outside:
        link.to.kind === 'outside'
          ? {
              url: link.to.url,
              title: link.to.title,
              publisher: link.to.publisher,
              date: link.to.date,
              quote: link.to.quote,
            }
          : null,
      confidence: link.confidence,
      note: link.note,
      created: link.created,
      updated: link.updated,
    }
  })
  const documentLines = [...documents.values()]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((document) => ({
      type: 'document',
      id: document.id,
      path: document.path,
      title: document.metadata.title ?? null,
      outlet: document.metadata.outlet ?? null,
      published: document.metadata.published ?? null,
      text: document.text,
    }))
  return {
    files: [
      { path: JSONL_FILE_NAMES.documents, text: lines(documentLines) },
      { path: JSONL_FILE_NAMES.claims, text: lines(claims) },
      { path: JSONL_FILE_NAMES.links, text: lines(links) },
    ],
    claims: claims.length,
    links: links.length,
    problems: [],
  }
}
