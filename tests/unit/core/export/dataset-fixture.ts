/**
 * A small project for the dataset exporters and importers: two articles parsed by the real
 * parser, one from a file with CRLF line ends, both with emoji (astral characters, two UTF-16
 * units each) and combining characters (two code points, one letter) before every claim, and
 * claims, links and a cluster wording as an annotator file holds them.
 */
import { describeRange } from '../../../../src/core/anchoring'
import { parseDocument } from '../../../../src/core/document/parse'
import {
  ExportDocuments,
  type DatasetInput,
  type ExportDocument,
  type ImportProjectDocument,
} from '../../../../src/core/export'
import {
  DEFAULT_LABELS,
  DEFAULT_RELATION_TYPES,
  type Claim,
  type Link,
} from '../../../../src/core/model'

/** "Ta\u0331ha": a + COMBINING MACRON BELOW, two code points that NFC keeps (no precomposed form). */
export const WIRE_SOURCE =
  'Title: Wire report\r\nOutlet: The Wire\r\nPublished: 2026-03-01\r\n\r\n' +
  'Crowds 🎉🎉 cheered in Rajin 🚢 as 13,000 containers arrived, Ta\u0331ha Park said.\r\n\r\n' +
  'The ministry 🇷🇺 denied that 152 mm shells were aboard.\r\n'
export const DAILY_SOURCE =
  'Title: Daily view\nOutlet: The Daily\nPublished: 2026-03-02\n\n' +
  'Officials 👍🏽 said 13,000 containers reached Rajin; Ta\u0331ha Park confirmed it.\n\n' +
  'A second 🎉 paragraph.\n'

export function parsed(source: string, path: string): ExportDocument {
  const document = parseDocument(new TextEncoder().encode(source), path)
  return { id: document.id, path, text: document.text, metadata: document.metadata }
}

let counter = 0
/** A claim over the first occurrence of `passage` in the document. */
export function claimOn(
  document: ExportDocument,
  passage: string,
  fields: Partial<Claim> = {},
): Claim {
  const start = document.text.indexOf(passage)
  if (start < 0) throw new Error(`"${passage}" is not in ${document.path}`)
  const range = describeRange(document.text, start, start + passage.length)
  counter++
  return {
    id: `0190a000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    document: { id: document.id, path: document.path },
    target: {
      position: { start, end: start + passage.length },
      quote: { exact: range.quote.exact, prefix: range.quote.prefix, suffix: range.quote.suffix },
    },
    label: 'claim',
    attributedTo: '',
    status: 'asserted',
    certainty: null,
    note: '',
    tags: [],
    annotator: 'alice',
    created: '2026-11-30T09:00:00.000Z',
    updated: '2026-11-30T09:05:00.000Z',
    ...fields,
  }
}

const isEnd = (value: Claim | Link['to']): value is Link['to'] =>
  typeof (value as Link['to']).kind === 'string'

export function linkBetween(
  from: Claim,
  to: Claim | Link['to'],
  relation: string,
  fields: Partial<Link> = {},
): Link {
  counter++
  return {
    id: `0190b000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    relation,
    from: from.id,
    to: isEnd(to) ? to : { kind: 'claim', claimId: to.id },
    note: '',
    confidence: null,
    annotator: from.annotator,
    created: '2026-11-30T10:00:00.000Z',
    updated: '2026-11-30T10:00:00.000Z',
    ...fields,
  }
}

export interface Fixture {
  wire: ExportDocument
  daily: ExportDocument
  claims: Claim[]
  links: Link[]
  input: DatasetInput
  /** The project documents an importer places claims in. */
  projectDocuments: ImportProjectDocument[]
}

export function fixture(): Fixture {
  const wire = parsed(WIRE_SOURCE, 'news/wire.txt')
  const daily = parsed(DAILY_SOURCE, 'daily.txt')
  const containers = claimOn(wire, '13,000 containers arrived', {
    label: 'figure',
    status: 'alleged',
    certainty: 'high',
    attributedTo: 'Ta\u0331ha Park',
    note: 'Port figures;\nsecond line\twith a tab \\ and a backslash',
    tags: ['port', 'rating:Mostly true'],
  })
  const zoe = claimOn(wire, 'Ta\u0331ha Park said')
  const denial = claimOn(wire, 'denied that 152 mm shells were aboard', {
    label: 'denial',
    status: 'denied',
    certainty: 'low',
  })
  // Over a block boundary: brat writes it as two fragments.
  const twoBlocks = claimOn(wire, 'Park said.\n\nThe ministry', { label: 'event' })
  const reached = claimOn(daily, '13,000 containers reached Rajin', { label: 'figure' })
  const confirmed = claimOn(daily, 'Ta\u0331ha Park confirmed it', { status: 'confirmed' })
  const claims = [containers, zoe, denial, twoBlocks, reached, confirmed]
  const links = [
    linkBetween(containers, reached, 'same'),
    linkBetween(denial, containers, 'contradicts', {
      confidence: 'medium',
      note: 'Shells, not containers',
    }),
    linkBetween(zoe, twoBlocks, 'same', { note: 'Same speaker' }),
    linkBetween(
      confirmed,
      {
        kind: 'outside',
        url: 'https://example.org/port-authority',
        title: 'Port authority bulletin',
        publisher: 'Rajin port',
        date: '2026-03',
        quote: '13,000 TEU handled',
      },
      'cites',
    ),
    linkBetween(zoe, containers, 'supports'),
  ]
  const input: DatasetInput = {
    files: [{ annotator: 'alice', claims, links, clusters: [] }],
    documents: new ExportDocuments([wire, daily]),
    projectDocuments: [wire, daily],
    labels: DEFAULT_LABELS,
    relations: DEFAULT_RELATION_TYPES,
  }
  return {
    wire,
    daily,
    claims,
    links,
    input,
    projectDocuments: [wire, daily].map(({ id, path, text }) => ({ id, path, text })),
  }
}

/** Code points of `text` from `start` to `end`, as Python's text[start:end] reads them. */
export function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('')
}

/** What a round trip must keep of a claim: everything the analyst said and where it is. */
export function claimEssence(claim: Claim) {
  return {
    path: claim.document.path,
    documentId: claim.document.id,
    position: claim.target.position,
    quote: claim.target.quote,
    label: claim.label,
    attributedTo: claim.attributedTo,
    status: claim.status,
    certainty: claim.certainty,
    note: claim.note,
    tags: claim.tags,
  }
}

/** A link by its ends' passages, so files with different ids compare. */
export function linkEssence(link: Link, claims: readonly Claim[]) {
  const quoteOf = (id: string) => claims.find((claim) => claim.id === id)?.target.quote.exact
  return {
    relation: link.relation,
    from: quoteOf(link.from),
    to: link.to.kind === 'claim' ? quoteOf(link.to.claimId) : link.to,
    note: link.note,
    confidence: link.confidence,
  }
}
