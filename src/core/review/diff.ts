/**
 * The differences between two annotator files: what `corroborate diff a.json b.json` shows.
 *
 * Per document, the two files' claims are aligned into units (align.ts, the same alignment as
 * agreement), and each unit holding a claim of each is compared field by field: label, status,
 * certainty, attribution, boundaries, note and tags (tags as a set: their order means nothing).
 * A unit with a claim of one file only is a difference of its own. Links are compared through
 * the units as link agreement does (link-agreement.ts: the same ends and relation, "same claim"
 * either way round, an outside source by its normalised address); links that match are then
 * compared on their note and confidence.
 *
 * Where a claim is: the caller either placed it in its document's current text (`placed`, as
 * agreement does in a project) or leaves it where its selectors say (`placed: null`: loose
 * files, a document not in the project, a passage not found in the current text). Claims are
 * only aligned with claims in the same coordinates: per document path, the placed ones
 * together, the stored ones together. Stored offsets of two different texts (the files were
 * made on different versions of the article) are still aligned, and the result says so.
 *
 * Pure: the caller reads the files (and places the claims).
 */
import { diffChars } from 'diff'
import type { Claim } from '../model/claim'
import type { Link } from '../model/link'
import { alignClaims, type AlignedClaim } from './align'
import { linkKey } from './link-agreement'

/** A claim of one file, and where it is in its document's current text (null: as stored). */
export interface DiffInputClaim {
  claim: Claim
  placed: { path: string; start: number; end: number; quote: string } | null
}

/** One of the two files compared. */
export interface DiffSide {
  /** How the file is named in the output, e.g. "annotations/alice.json". */
  name: string
  claims: readonly DiffInputClaim[]
  links: readonly Pick<Link, 'id' | 'from' | 'to' | 'relation' | 'note' | 'confidence'>[]
}

export interface DiffOptions {
  /** Relations whose direction does not matter (the project's; "same" by default). */
  undirected: ReadonlySet<string>
  /** Only these document paths: their units, and the links with an end on them. */
  documents?: readonly string[]
}

/** The fields of a unit compared, in the order differences are listed. */
export const DIFF_FIELDS = [
  'label',
  'status',
  'certainty',
  'attributedTo',
  'boundaries',
  'note',
  'tags',
] as const
export type DiffField = (typeof DIFF_FIELDS)[number]

/** One file's version of a unit. */
export interface DiffVersion {
  /** The claim's id in its file. */
  id: string
  /** In the document's current text (placement 'current') or as stored ('stored'). */
  start: number
  end: number
  quote: string
  label: string
  status: Claim['status']
  certainty: Claim['certainty']
  attributedTo: string
  note: string
  tags: string[]
}

/** What one end of a passage gains or loses going from file a's version to file b's. */
export interface BoundaryEdge {
  /** Characters b's version has at this end that a's has not. */
  added: string
  /** Characters a's version has at this end that b's has not. */
  removed: string
}

export interface BoundaryChange {
  /** null: both start at the same character. */
  start: BoundaryEdge | null
  /** null: both end at the same character. */
  end: BoundaryEdge | null
  /** a's quote turned into b's, character by character (the `diff` package's diffChars). */
  quote: { text: string; change: 'same' | 'added' | 'removed' }[]
}

export interface UnitDiff {
  /** 'changed': both files have a version and some field differs; otherwise only one has it. */
  kind: 'changed' | 'only-a' | 'only-b'
  a: DiffVersion | null
  b: DiffVersion | null
  /** The fields that differ, in DIFF_FIELDS order (empty for 'only-a' and 'only-b'). */
  fields: DiffField[]
  /** How the boundaries differ, when they do. */
  boundaries: BoundaryChange | null
}

export interface DocumentDiff {
  /** The document's path (in the project, or as the claims store it). */
  path: string
  /**
   * 'current': offsets and quotes are in the document's current text. 'stored': as the files
   * store them (loose files, a document not in the project, passages not found in its text).
   */
  placement: 'current' | 'stored'
  /** Stored offsets of different texts (the claims were made on different versions of it). */
  textsDiffer: boolean
  /** Units compared (both files' claims aligned). */
  units: number
  differences: UnitDiff[]
}

export type DiffLinkEnd =
  | { kind: 'claim'; path: string; quote: string }
  /** A claim id the file's links name but its claims lack (a damaged file). */
  | { kind: 'missing'; claimId: string }
  | { kind: 'outside'; url: string; title: string }

export interface DiffLinkVersion {
  id: string
  relation: string
  from: DiffLinkEnd
  to: DiffLinkEnd
  note: string
  confidence: Link['confidence']
}

export interface LinkDiff {
  kind: 'changed' | 'only-a' | 'only-b'
  a: DiffLinkVersion | null
  b: DiffLinkVersion | null
  /** For 'changed': what differs between two links with the same ends and relation. */
  fields: ('note' | 'confidence')[]
}

export interface AnnotationDiff {
  /** The two files' names, as given. */
  a: string
  b: string
  /** Nothing differs (within the documents asked for). */
  identical: boolean
  /** Documents with claims in either file, by path (current placement before stored). */
  documents: DocumentDiff[]
  links: {
    /** Links of either file looked at (those touching the documents asked for). */
    compared: number
    differences: LinkDiff[]
  }
}

/** Where one claim was found in the project (the WorkbenchApi's ClaimLocation, structurally). */
export type DiffClaimLocation =
  | { status: 'placed'; path: string; start: number; end: number; quote: string }
  | { status: 'not-placed'; path: string }
  | { status: 'not-in-project' }

/** Claims of a side that could not be placed, counted per stored path and why. */
export interface UnplacedClaims {
  path: string
  why: 'not-in-project' | 'not-placed'
  claims: number
}

/**
 * A file's side of the comparison, each claim where the project placed it (`locations`, in the
 * claims' order) or, when it could not be placed, where the file stores it. One function for
 * every caller (`corroborate diff`, the app's comparison with gold), so both compare alike.
 */
export function placedDiffSide(
  name: string,
  claims: readonly Claim[],
  links: DiffSide['links'],
  locations: readonly DiffClaimLocation[],
): { side: DiffSide; unplaced: UnplacedClaims[] } {
  const unplaced = new Map<string, UnplacedClaims>()
  const placedClaims: DiffInputClaim[] = claims.map((claim, i) => {
    const location = locations[i] ?? { status: 'not-in-project' }
    if (location.status === 'placed') {
      const { path, start, end, quote } = location
      return { claim, placed: { path, start, end, quote } }
    }
    const key = `${location.status}\u0000${claim.document.path}`
    const known = unplaced.get(key)
    if (known) known.claims++
    else unplaced.set(key, { path: claim.document.path, why: location.status, claims: 1 })
    return { claim, placed: null }
  })
  return { side: { name, claims: placedClaims, links }, unplaced: [...unplaced.values()] }
}

type Side = 'a' | 'b'

/** A claim in the alignment: ids prefixed by side, so two versions of one file can be compared. */
interface SidedClaim extends AlignedClaim {
  side: Side
  version: DiffVersion
  documentId: string
}

export function diffAnnotations(a: DiffSide, b: DiffSide, options: DiffOptions): AnnotationDiff {
  const wanted = options.documents ? new Set(options.documents) : null
  const groups = new Map<
    string,
    { path: string; placement: 'current' | 'stored'; claims: SidedClaim[] }
  >()
  /** Side-prefixed claim id -> the document path it is on, and its quote (for link ends). */
  const claimPlaces = new Map<string, { path: string; quote: string }>()
  for (const [side, file] of [['a', a] as const, ['b', b] as const]) {
    for (const { claim, placed } of file.claims) {
      const path = placed ? placed.path : claim.document.path
      const placement = placed ? 'current' : 'stored'
      const version: DiffVersion = {
        id: claim.id,
        start: placed ? placed.start : claim.target.position.start,
        end: placed ? placed.end : claim.target.position.end,
        quote: placed ? placed.quote : claim.target.quote.exact,
        label: claim.label,
        status: claim.status,
        certainty: claim.certainty,
        attributedTo: claim.attributedTo,
        note: claim.note,
        tags: [...claim.tags],
      }
      const id = `${side}:${claim.id}`
      claimPlaces.set(id, { path, quote: version.quote })
      const key = `${placement}\u0000${path}`
      let group = groups.get(key)
      if (!group) groups.set(key, (group = { path, placement, claims: [] }))
      group.claims.push({
        id,
        annotator: side,
        start: version.start,
        end: version.end,
        label: claim.label,
        side,
        version,
        documentId: claim.document.id,
      })
    }
  }

  const documents: DocumentDiff[] = []
  const unitOf = new Map<string, string>()
  const ordered = [...groups.values()].sort(
    (x, y) =>
      (x.path < y.path ? -1 : x.path > y.path ? 1 : 0) ||
      (x.placement === y.placement ? 0 : x.placement === 'current' ? -1 : 1),
  )
  for (const group of ordered) {
    const units = alignClaims(group.claims, ['a', 'b'])
    for (const unit of units)
      for (const claim of unit.versions.values()) unitOf.set(claim.id, unit.id)
    if (wanted && !wanted.has(group.path)) continue
    // Stored offsets index the text each claim was made on: only one text makes them comparable.
    const textsDiffer =
      group.placement === 'stored' && new Set(group.claims.map((c) => c.documentId)).size > 1
    const differences: UnitDiff[] = []
    for (const unit of units) {
      const difference = compareUnit(
        unit.versions.get('a')?.version ?? null,
        unit.versions.get('b')?.version ?? null,
        !textsDiffer,
      )
      if (difference) differences.push(difference)
    }
    documents.push({
      path: group.path,
      placement: group.placement,
      textsDiffer,
      units: units.length,
      differences,
    })
  }

  const links = diffLinks(a, b, unitOf, claimPlaces, options.undirected, wanted)
  return {
    a: a.name,
    b: b.name,
    identical:
      documents.every((document) => document.differences.length === 0) &&
      links.differences.length === 0,
    documents,
    links,
  }
}

/** How two versions of a unit differ; null when they do not. */
function compareUnit(
  a: DiffVersion | null,
  b: DiffVersion | null,
  sameText: boolean,
): UnitDiff | null {
  if (!a || !b) {
    return { kind: a ? 'only-a' : 'only-b', a, b, fields: [], boundaries: null }
  }
  const sameBoundaries =
    a.quote === b.quote && (!sameText || (a.start === b.start && a.end === b.end))
  const differs: Record<DiffField, boolean> = {
    label: a.label !== b.label,
    status: a.status !== b.status,
    certainty: a.certainty !== b.certainty,
    attributedTo: a.attributedTo !== b.attributedTo,
    boundaries: !sameBoundaries,
    note: a.note !== b.note,
    tags: !sameSet(a.tags, b.tags),
  }
  const fields = DIFF_FIELDS.filter((field) => differs[field])
  if (fields.length === 0) return null
  return {
    kind: 'changed',
    a,
    b,
    fields,
    boundaries: sameBoundaries ? null : boundaryChange(a, b, sameText),
  }
}

function boundaryChange(a: DiffVersion, b: DiffVersion, sameText: boolean): BoundaryChange {
  // The stretch both passages share: in one text, their overlap (aligned units overlap); across
  // two texts, the longest run of characters the quotes have in common.
  const shared = sameText
    ? {
        inA: Math.max(a.start, b.start) - a.start,
        inB: Math.max(a.start, b.start) - b.start,
        length: Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)),
      }
    : longestCommonRun(a.quote, b.quote)
  const edge = (removed: string, added: string): BoundaryEdge | null =>
    removed === '' && added === '' ? null : { added, removed }
  const start = edge(a.quote.slice(0, shared.inA), b.quote.slice(0, shared.inB))
  const end = edge(
    a.quote.slice(shared.inA + shared.length),
    b.quote.slice(shared.inB + shared.length),
  )
  if (sameText) {
    const parts: BoundaryChange['quote'] = [
      { text: start?.removed ?? '', change: 'removed' },
      { text: start?.added ?? '', change: 'added' },
      { text: a.quote.slice(shared.inA, shared.inA + shared.length), change: 'same' },
      { text: end?.removed ?? '', change: 'removed' },
      { text: end?.added ?? '', change: 'added' },
    ]
    return { start, end, quote: parts.filter((part) => part.text !== '') }
  }
  // Two texts: the passages may also differ inside; the character diff shows where.
  return { start, end, quote: characterDiff(a.quote, b.quote) }
}

/** Beyond this many edits the character diff gives up: a's quote removed, b's added. */
const MAX_EDITS = 2_000

function characterDiff(a: string, b: string): BoundaryChange['quote'] {
  const parts = diffChars(a, b, { maxEditLength: MAX_EDITS })
  if (!parts) {
    const whole: BoundaryChange['quote'] = [
      { text: a, change: 'removed' },
      { text: b, change: 'added' },
    ]
    return whole.filter((part) => part.text !== '')
  }
  return parts.map((part) => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }))
}

/** Above this many character pairs, only containment is looked for (the table is quadratic). */
const MAX_RUN_TABLE = 4_000_000

/**
 * The longest run of characters two quotes share and where it starts in each (the first such
 * run in `a`, so the result depends on nothing but the two strings). Dynamic programming one
 * row at a time; quotes too long for that are only checked for one holding the other.
 */
function longestCommonRun(a: string, b: string): { inA: number; inB: number; length: number } {
  const aHoldsB = a.indexOf(b)
  if (aHoldsB >= 0) return { inA: aHoldsB, inB: 0, length: b.length }
  const bHoldsA = b.indexOf(a)
  if (bHoldsA >= 0) return { inA: 0, inB: bHoldsA, length: a.length }
  if (a.length * b.length > MAX_RUN_TABLE) return { inA: 0, inB: 0, length: 0 }
  let previous = new Uint32Array(b.length + 1)
  let current = new Uint32Array(b.length + 1)
  let best = { inA: 0, inB: 0, length: 0 }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const run = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? previous[j - 1]! + 1 : 0
      current[j] = run
      if (run > best.length) best = { inA: i - run, inB: j - run, length: run }
    }
    ;[previous, current] = [current, previous]
  }
  return best
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const first = new Set(a)
  const second = new Set(b)
  return first.size === second.size && [...first].every((tag) => second.has(tag))
}

/**
 * Links of the two files matched by their key through the units (one to one, as link agreement
 * counts them); matched ones compared on note and confidence. Links touching none of the
 * documents asked for are left out.
 */
function diffLinks(
  a: DiffSide,
  b: DiffSide,
  unitOf: ReadonlyMap<string, string>,
  claimPlaces: ReadonlyMap<string, { path: string; quote: string }>,
  undirected: ReadonlySet<string>,
  wanted: ReadonlySet<string> | null,
): AnnotationDiff['links'] {
  const view = (side: Side, link: DiffSide['links'][number]) => {
    const end = (to: Link['to'] | { kind: 'claim'; claimId: string }): DiffLinkEnd => {
      if (to.kind === 'outside') return { kind: 'outside', url: to.url, title: to.title }
      const place = claimPlaces.get(`${side}:${to.claimId}`)
      return place
        ? { kind: 'claim', path: place.path, quote: place.quote }
        : { kind: 'missing', claimId: to.claimId }
    }
    const version: DiffLinkVersion = {
      id: link.id,
      relation: link.relation,
      from: end({ kind: 'claim', claimId: link.from }),
      to: end(link.to),
      note: link.note,
      confidence: link.confidence,
    }
    const sided = {
      from: `${side}:${link.from}`,
      to:
        link.to.kind === 'claim' ? { ...link.to, claimId: `${side}:${link.to.claimId}` } : link.to,
      relation: link.relation,
    }
    // A link with an end in no unit (its claim missing) cannot match anything: a key of its own.
    const key = linkKey(sided, unitOf, undirected)?.full ?? `${side}:unmatched:${link.id}`
    return { key, version }
  }
  const touches = (version: DiffLinkVersion) =>
    !wanted ||
    [version.from, version.to].some((end) => end.kind === 'claim' && wanted.has(end.path))
  const first = a.links.map((link) => view('a', link)).filter((l) => touches(l.version))
  const second = b.links.map((link) => view('b', link)).filter((l) => touches(l.version))

  const waiting = new Map<string, DiffLinkVersion[]>()
  for (const link of second) {
    const list = waiting.get(link.key)
    if (list) list.push(link.version)
    else waiting.set(link.key, [link.version])
  }
  const differences: LinkDiff[] = []
  for (const link of first) {
    const other = waiting.get(link.key)?.shift()
    if (!other) {
      differences.push({ kind: 'only-a', a: link.version, b: null, fields: [] })
      continue
    }
    const fields: LinkDiff['fields'] = []
    if (link.version.note !== other.note) fields.push('note')
    if (link.version.confidence !== other.confidence) fields.push('confidence')
    if (fields.length > 0) differences.push({ kind: 'changed', a: link.version, b: other, fields })
  }
  for (const link of second) {
    if (waiting.get(link.key)?.includes(link.version)) {
      differences.push({ kind: 'only-b', a: null, b: link.version, fields: [] })
    }
  }
  return { compared: first.length + second.length, differences }
}
