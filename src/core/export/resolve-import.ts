/**
 * Places imported claims in the project's articles and turns them, and the links between them,
 * into an annotator file's claims and links. One step for every import format.
 *
 * - The article: by content hash, then by its text (whitespace aside: brat's .txt and a Label
 *   Studio task hold the article's text, not always its canonical form), then by path (exact,
 *   then the same file name). None: the claim is reported.
 * - The place: by the quote, through core/anchoring exactly as a claim whose article changed is
 *   re-placed (the source's offset is only a hint): a quote that cannot be placed confidently
 *   is reported, never guessed.
 * - Labels and relation types: matched by id, then by name (any case); one the project does not
 *   have is added to the project's set (the caller writes it), up to the set's limit.
 * - Ids are new (UUIDv7): an import is a new annotator's work, and the same ids in two files
 *   would make two claims look like one.
 * Anything that cannot be represented is reported per item, and the rest still imports.
 */
import {
  anchorClaim,
  createOffsetConverter,
  describeRange,
  type OffsetConverter,
} from '../anchoring'
import { normalizeLineEnds } from '../document/normalize'
import { claimSchema, MAX_TAG_LENGTH, MAX_TAGS, timestampSchema, type Claim } from '../model/claim'
import { newClaimId, newLinkId } from '../model/ids'
import { MAX_LABELS, type Label } from '../model/labels'
import { describesOutsideSource, linkSchema, type Link } from '../model/link'
import { MAX_RELATION_TYPES, type RelationType } from '../model/relations'
import type { DocumentRef, ImportBatch, ImportedClaim, ImportProblem } from './dataset-import'

export interface ImportProjectDocument {
  id: string
  path: string
  text: string
}

export interface ResolveImportOptions {
  annotator: string
  /** ISO 8601; what created/updated are when the source does not say. */
  now: string
  documents: readonly ImportProjectDocument[]
  labels: readonly Label[]
  relations: readonly RelationType[]
}

export interface ResolvedImport {
  claims: Claim[]
  links: Link[]
  problems: ImportProblem[]
  /** Labels and relation types the project did not have, to add to corroborate.json. */
  addedLabels: Label[]
  addedRelations: RelationType[]
}

/** Colours for added types (the d3 category10 set without the first five the defaults use). */
const PALETTE = ['#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939']

/** brat's name for "same claim". */
const RELATION_ALIASES: Record<string, string> = { equiv: 'same' }

function slug(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 32)
  return base === '' ? 'imported' : base
}

/** Maps names onto a type set, adding types it lacks (up to `max`). */
class TypeMap<T extends { id: string; name: string }> {
  readonly added: T[] = []
  private readonly all: T[]
  constructor(
    existing: readonly T[],
    private readonly max: number,
    private readonly make: (id: string, name: string, index: number) => T,
    private readonly aliases: Record<string, string> = {},
  ) {
    this.all = [...existing]
  }

  /** The type id for `name`, or null when the set is full. */
  resolve(name: string): string | null {
    const wanted = name.trim()
    const lower = this.aliases[wanted.toLowerCase()] ?? wanted.toLowerCase()
    const found =
      this.all.find((type) => type.id === lower) ??
      this.all.find((type) => type.name.toLowerCase() === lower) ??
      this.all.find((type) => type.id === slug(wanted))
    if (found) return found.id
    if (this.all.length >= this.max) return null
    let id = slug(wanted)
    for (let n = 2; this.all.some((type) => type.id === id); n++) {
      id = `${slug(wanted).slice(0, 29)}-${n}`
    }
    const type = this.make(id, wanted.slice(0, 64) || id, this.added.length)
    this.all.push(type)
    this.added.push(type)
    return id
  }
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().normalize('NFC')
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const stem = (path: string) => {
  const base = baseName(path)
  return base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base
}

class DocumentFinder {
  private readonly squashed = new Map<ImportProjectDocument, string>()
  private readonly byText = new Map<string, ImportProjectDocument | null>()

  constructor(private readonly documents: readonly ImportProjectDocument[]) {}

  find(ref: DocumentRef): ImportProjectDocument | undefined {
    const documents = this.documents
    if (ref.documentId !== undefined) {
      const found = documents.find((document) => document.id === ref.documentId)
      if (found) return found
    }
    if (ref.text !== undefined) {
      const found = this.findByText(ref.text)
      if (found) return found
    }
    if (ref.path !== undefined && ref.path !== '') {
      const path = ref.path.replace(/\\/g, '/')
      const exact = documents.find((document) => document.path === path)
      if (exact) return exact
      const sameStem = documents.filter((document) => stem(document.path) === stem(path))
      if (sameStem.length === 1) return sameStem[0]
    }
    return undefined
  }

  private findByText(text: string): ImportProjectDocument | undefined {
    const key = squash(normalizeLineEnds(text))
    if (!this.byText.has(key)) {
      let found: ImportProjectDocument | null = null
      for (const document of this.documents) {
        let squashed = this.squashed.get(document)
        if (squashed === undefined) this.squashed.set(document, (squashed = squash(document.text)))
        if (squashed === key) {
          found = document
          break
        }
      }
      this.byText.set(key, found)
    }
    return this.byText.get(key) ?? undefined
  }
}

/**
 * The quote as the canonical text would have it: "\n" line ends, NFC, runs of spaces as one.
 * From another text (`loose`), the plain-text conventions too: blank lines end a block ("\n\n" between blocks),
 * a single line end inside a paragraph is a space.
 */
function canonicalQuote(text: string, loose: boolean): string {
  const lines = normalizeLineEnds(text)
    .normalize('NFC')
    .replace(/[ \t]+/g, ' ')
  if (!loose) return lines
  return lines
    .split(/ ?\n(?: ?\n)+ ?/)
    .map((block) => block.replace(/ ?\n ?/g, ' '))
    .join('\n\n')
}

function describeRef(ref: DocumentRef): string {
  return ref.path ?? (ref.documentId !== undefined ? `document ${ref.documentId}` : 'its text')
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ')
  return line.length > 60 ? `${line.slice(0, 57)}…` : line
}

function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  for (const tag of tags) {
    const clean = tag
      .replace(/[;\r\n]+/g, ',')
      .trim()
      .slice(0, MAX_TAG_LENGTH)
      .trim()
    if (clean !== '') seen.add(clean)
  }
  return [...seen].slice(0, MAX_TAGS)
}

function timestamp(value: string | undefined, fallback: string): string {
  return value !== undefined && timestampSchema.safeParse(value).success ? value : fallback
}

function place(
  item: ImportedClaim,
  document: ImportProjectDocument,
): { start: number; end: number } | { reason: string } {
  // Offsets in the article's own text are exact; in another copy of it only a hint.
  const loose = item.document.text !== undefined && item.document.text !== document.text
  const quote = {
    type: 'TextQuoteSelector' as const,
    exact: canonicalQuote(item.quote.exact, loose).trim(),
    prefix: canonicalQuote(item.quote.prefix, loose),
    suffix: canonicalQuote(item.quote.suffix, loose),
  }
  if (quote.exact === '') return { reason: 'its passage is empty' }
  const hint = hintIn(item, document)
  const result = anchorClaim(document.text, {
    position: { type: 'TextPositionSelector', start: hint.start, end: hint.end },
    quote,
  })
  if (result.status === 'orphan') return { reason: result.reason.replace('-', ' ') }
  return { start: result.start, end: result.end }
}

const converters = new WeakMap<ImportProjectDocument, OffsetConverter>()

/** The source's offsets in UTF-16 units of the article's text; 0-0 (no hint) when unusable. */
function hintIn(
  item: ImportedClaim,
  document: ImportProjectDocument,
): { start: number; end: number } {
  const position = item.position
  if (!position) return { start: 0, end: 0 }
  if (item.positionUnit !== 'code-points') return position
  try {
    let converter = converters.get(document)
    if (!converter) converters.set(document, (converter = createOffsetConverter(document.text)))
    return {
      start: converter.fromCodePoint(position.start),
      end: converter.fromCodePoint(position.end),
    }
  } catch {
    return { start: 0, end: 0 }
  }
}

export function resolveImport(batch: ImportBatch, options: ResolveImportOptions): ResolvedImport {
  const problems: ImportProblem[] = [...batch.problems]
  const finder = new DocumentFinder(options.documents)
  const labels = new TypeMap<Label>(options.labels, MAX_LABELS, (id, name, index) => ({
    id,
    name,
    color: PALETTE[index % PALETTE.length]!,
    key: null,
    description: 'Added by an import.',
  }))
  const relations = new TypeMap<RelationType>(
    options.relations,
    MAX_RELATION_TYPES,
    (id, name, index) => ({
      id,
      name,
      color: PALETTE[index % PALETTE.length]!,
      key: null,
      directed: true,
      description: 'Added by an import.',
    }),
    RELATION_ALIASES,
  )

  const claims: Claim[] = []
  const idOf = new Map<string, string>()
  for (const item of batch.claims) {
    const document = finder.find(item.document)
    if (!document) {
      problems.push({
        where: item.where,
        message: `No article of the project matches ${describeRef(item.document)}; "${short(item.quote.exact)}" is not imported.`,
      })
      continue
    }
    const placed = place(item, document)
    if ('reason' in placed) {
      problems.push({
        where: item.where,
        message: `"${short(item.quote.exact)}" cannot be placed in ${document.path} (${placed.reason}); it is not imported.`,
      })
      continue
    }
    const label = labels.resolve(item.label)
    if (label === null) {
      problems.push({
        where: item.where,
        message: `The project has ${MAX_LABELS} labels already, so "${item.label}" cannot be added; "${short(item.quote.exact)}" is not imported.`,
      })
      continue
    }
    const range = describeRange(document.text, placed.start, placed.end)
    const created = timestamp(item.created, options.now)
    const candidate = {
      id: newClaimId(),
      document: { id: document.id, path: document.path },
      target: {
        position: { start: range.position.start, end: range.position.end },
        quote: { exact: range.quote.exact, prefix: range.quote.prefix, suffix: range.quote.suffix },
      },
      label,
      attributedTo: item.attributedTo ?? '',
      status: item.status ?? 'asserted',
      certainty: item.certainty ?? null,
      note: item.note ?? '',
      tags: cleanTags(item.tags ?? []),
      annotator: options.annotator,
      created,
      updated: timestamp(item.updated, created),
    }
    const checked = claimSchema.safeParse(candidate)
    if (!checked.success) {
      problems.push({
        where: item.where,
        message: `"${short(item.quote.exact)}" is not imported: ${checked.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}.`,
      })
      continue
    }
    claims.push(checked.data)
    idOf.set(item.ref, checked.data.id)
  }

  const links: Link[] = []
  const seen = new Set<string>()
  const refused = (where: string, message: string) => problems.push({ where, message })
  for (const item of batch.links) {
    const from = idOf.get(item.from)
    if (from === undefined) {
      refused(
        item.where,
        `Link ${item.ref} starts at ${item.from}, which is not imported; nor is the link.`,
      )
      continue
    }
    let to: Link['to']
    if (item.to.kind === 'claim') {
      const claimId = idOf.get(item.to.ref)
      if (claimId === undefined) {
        refused(
          item.where,
          `Link ${item.ref} ends at ${item.to.ref}, which is not imported; nor is the link.`,
        )
        continue
      }
      if (claimId === from) {
        refused(item.where, `Link ${item.ref} joins a claim to itself; it is not imported.`)
        continue
      }
      to = { kind: 'claim', claimId }
    } else {
      const { url, title, publisher, date, quote } = item.to
      const source = { url, title, publisher, date, quote }
      if (!describesOutsideSource(source)) {
        refused(
          item.where,
          `Link ${item.ref} goes to an outside source with neither title nor address; it is not imported.`,
        )
        continue
      }
      to = { kind: 'outside', ...source }
    }
    const relation = relations.resolve(item.relation)
    if (relation === null) {
      refused(
        item.where,
        `The project has ${MAX_RELATION_TYPES} relation types already, so "${item.relation}" cannot be added; link ${item.ref} is not imported.`,
      )
      continue
    }
    const target = to.kind === 'claim' ? to.claimId : `${to.url} ${to.title}`
    const key = `${relation} ${from} ${target}`
    const reverse = `${relation} ${target} ${from}`
    const directed =
      [...options.relations, ...relations.added].find((type) => type.id === relation)?.directed ??
      true
    if (seen.has(key) || (!directed && seen.has(reverse))) {
      refused(
        item.where,
        `Link ${item.ref} repeats an earlier link (same ends, same relation); it is imported once.`,
      )
      continue
    }
    seen.add(key)
    const created = timestamp(item.created, options.now)
    const checked = linkSchema.safeParse({
      id: newLinkId(),
      relation,
      from,
      to,
      note: item.note ?? '',
      confidence: item.confidence ?? null,
      annotator: options.annotator,
      created,
      updated: timestamp(item.updated, created),
    })
    if (!checked.success) {
      refused(
        item.where,
        `Link ${item.ref} is not imported: ${checked.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}.`,
      )
      continue
    }
    links.push(checked.data)
  }
  return {
    claims,
    links,
    problems,
    addedLabels: labels.added,
    addedRelations: relations.added,
  }
}
