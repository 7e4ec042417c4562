/**
 * Clusters: claims that say the same thing. 'same' links join claims transitively (A same B,
 * B same C: one cluster), by union-find, so a cluster is what an analyst means by "this claim",
 * whichever outlet wrote it. The corroboration matrix lays clusters against documents: which
 * outlets carry each claim, which support it, which contradict it. Pure data; the UI draws it.
 */
import type { LinkableClaim, LinkableDocument, Link } from './types'

export interface Cluster {
  /** Stable across rebuilds: the smallest member claim id (with UUIDv7 ids, the oldest claim). */
  id: string
  /** Member claims in order of appearance: earliest document first, then by position. */
  memberClaimIds: string[]
  /** Documents holding a member, in order of appearance. */
  documents: string[]
  /** Where the claim first appeared: the earliest published document (ties: document order). */
  firstAppearance: { documentId: string; claimId: string; published?: string }
  /** The earliest mention's words; the analyst may choose other wording later. */
  canonicalWording: string
}

export interface ClusterOptions {
  /** Include claims linked to nothing as clusters of one (default true). */
  includeSingletons?: boolean
}

/**
 * Groups `claims` by 'same' links. Clusters come in order of first appearance. Links to claims
 * that are not in `claims`, and links of other relations, are ignored.
 */
export function buildClusters(
  claims: readonly LinkableClaim[],
  links: readonly Link[],
  documents: readonly LinkableDocument[],
  options: ClusterOptions = {},
): Cluster[] {
  const includeSingletons = options.includeSingletons ?? true
  const claimIndex = new Map<string, number>()
  claims.forEach((claim, i) => claimIndex.set(claim.id, i))

  const parent = new Int32Array(claims.length)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]! // path halving
      i = parent[i]!
    }
    return i
  }
  const linked = new Uint8Array(claims.length)
  for (const link of links) {
    if (link.relation !== 'same' || typeof link.to !== 'string') continue
    const a = claimIndex.get(link.from)
    const b = claimIndex.get(link.to)
    if (a === undefined || b === undefined) continue
    linked[a] = linked[b] = 1
    const rootA = find(a)
    const rootB = find(b)
    // The smaller index becomes the root, so the result does not depend on link order.
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB)
  }

  const order = appearanceOrder(documents)
  const byAppearance = sortByAppearance(claims, order)
  const clusterOfRoot = new Array<Cluster | undefined>(claims.length)
  const clusters: Cluster[] = []
  for (const i of byAppearance) {
    const claim = claims[i]!
    if (!includeSingletons && linked[i] === 0) continue
    const root = find(i)
    let cluster = clusterOfRoot[root]
    if (cluster === undefined) {
      const firstAppearance: Cluster['firstAppearance'] = {
        documentId: claim.documentId,
        claimId: claim.id,
      }
      const published = order.published.get(claim.documentId)
      if (published !== undefined) firstAppearance.published = published
      cluster = {
        id: claim.id,
        memberClaimIds: [],
        documents: [],
        firstAppearance,
        canonicalWording: claim.quote,
      }
      clusterOfRoot[root] = cluster
      clusters.push(cluster)
    }
    cluster.memberClaimIds.push(claim.id)
    if (claim.id < cluster.id) cluster.id = claim.id
    // Claims come grouped by document, so a new document is one unlike the last.
    if (cluster.documents.at(-1) !== claim.documentId) cluster.documents.push(claim.documentId)
  }
  return clusters
}

interface AppearanceOrder {
  /** Rank of each document id: by publication time, undated last, ties by input order. */
  rank: Map<string, number>
  published: Map<string, string>
}

function appearanceOrder(documents: readonly LinkableDocument[]): AppearanceOrder {
  const times = documents.map((document) => {
    const time = Date.parse(document.metadata.published ?? '')
    return Number.isNaN(time) ? Infinity : time
  })
  const sorted = documents.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b)
  const rank = new Map<string, number>()
  sorted.forEach((d, r) => {
    if (!rank.has(documents[d]!.id)) rank.set(documents[d]!.id, r)
  })
  const published = new Map<string, string>()
  for (const document of documents) {
    if (document.metadata.published !== undefined) {
      published.set(document.id, document.metadata.published)
    }
  }
  return { rank, published }
}

/**
 * Claim indices by (document rank, start, id); claims of unknown documents last. Bucketed by
 * document first: sorting 100,000 claims with one comparator costs more than the rest together.
 */
function sortByAppearance(claims: readonly LinkableClaim[], order: AppearanceOrder): number[] {
  const unknown = order.rank.size
  const buckets: number[][] = Array.from({ length: unknown + 1 }, () => [])
  claims.forEach((claim, i) => buckets[order.rank.get(claim.documentId) ?? unknown]!.push(i))
  const sorted: number[] = []
  for (const bucket of buckets) {
    // Stores usually keep claims in document order: check before sorting.
    if (bucket.length > 1 && !inAppearanceOrder(claims, bucket)) {
      bucket.sort(
        (a, b) => claims[a]!.start - claims[b]!.start || (claims[a]!.id < claims[b]!.id ? -1 : 1),
      )
    }
    for (const i of bucket) sorted.push(i)
  }
  return sorted
}

function inAppearanceOrder(claims: readonly LinkableClaim[], bucket: readonly number[]): boolean {
  for (let k = 1; k < bucket.length; k++) {
    const a = claims[bucket[k - 1]!]!
    const b = claims[bucket[k]!]!
    if (a.start > b.start || (a.start === b.start && a.id > b.id)) return false
  }
  return true
}

/** What a document says about a cluster, strongest first in precedence: contradicts > mention > supports. */
export type MatrixCell = 'mention' | 'supports' | 'contradicts' | 'absent'

export interface MatrixColumn {
  documentId: string
  outlet?: string
  title?: string
  published?: string
}

export interface MatrixRow {
  clusterId: string
  canonicalWording: string
  /** One cell per column. */
  cells: MatrixCell[]
  /**
   * Per column, the claim a cell stands for, so the UI can open the passage: for 'mention' the
   * cluster's earliest member in that document, for 'supports' and 'contradicts' the claim of
   * that document linked to the cluster (the first such link), null for 'absent'.
   */
  cellClaims: (string | null)[]
  /** Documents that mention the claim (its sources). */
  sources: number
  supports: number
  contradicts: number
}

export interface CorroborationMatrix {
  columns: MatrixColumn[]
  rows: MatrixRow[]
}

export type MatrixOrder = 'contradictions-first' | 'sources' | 'first-appearance'

export interface MatrixOptions {
  /**
   * Row order (default 'contradictions-first': disputed claims on top, then the most widely
   * carried). 'sources': most widely carried first. 'first-appearance': as the clusters come.
   */
  order?: MatrixOrder
}

const CELL_STRENGTH: Record<MatrixCell, number> = {
  absent: 0,
  supports: 1,
  mention: 2,
  contradicts: 3,
}

/**
 * Rows (clusters) x columns (documents, in order of publication). A cell is 'mention' when a
 * member claim is in the document, 'supports' or 'contradicts' when a claim of that document is
 * linked so to a member (either direction), else 'absent'. A document that both carries and
 * contradicts a claim shows 'contradicts': the disagreement is what the analyst must see.
 * 'updates' and 'cites' links are not shown: an update replaces a figure rather than taking a
 * side, and a citation says where a claim comes from, not whether it holds.
 *
 * `claims` tells which document each linked claim is in (a supporting claim need not be in any
 * of the clusters shown).
 */
export function corroborationMatrix(
  clusters: readonly Cluster[],
  links: readonly Link[],
  documents: readonly LinkableDocument[],
  claims: readonly Pick<LinkableClaim, 'id' | 'documentId'>[],
  options: MatrixOptions = {},
): CorroborationMatrix {
  const order = appearanceOrder(documents)
  const columnDocuments = [...documents].sort(
    (a, b) => order.rank.get(a.id)! - order.rank.get(b.id)!,
  )
  const column = new Map<string, number>()
  columnDocuments.forEach((document, i) => {
    if (!column.has(document.id)) column.set(document.id, i)
  })
  const columns: MatrixColumn[] = columnDocuments.map((document) => ({
    documentId: document.id,
    ...pickDefined(document.metadata),
  }))

  const documentOfClaim = new Map<string, string>()
  for (const claim of claims) documentOfClaim.set(claim.id, claim.documentId)

  const rowOfClaim = new Map<string, number>()
  const cells: MatrixCell[][] = []
  const cellClaims: (string | null)[][] = []
  clusters.forEach((cluster, r) => {
    const row = new Array<MatrixCell>(columns.length).fill('absent')
    const rowClaims = new Array<string | null>(columns.length).fill(null)
    // Members come in order of appearance, so the first one met in a document is its earliest.
    for (const claimId of cluster.memberClaimIds) {
      rowOfClaim.set(claimId, r)
      const documentId = documentOfClaim.get(claimId)
      const c = documentId === undefined ? undefined : column.get(documentId)
      if (c !== undefined && row[c] === 'absent') {
        row[c] = 'mention'
        rowClaims[c] = claimId
      }
    }
    // A member whose claim is not in `claims` still marks its document (without a claim to open).
    for (const documentId of cluster.documents) {
      const c = column.get(documentId)
      if (c !== undefined) row[c] = 'mention'
    }
    cells.push(row)
    cellClaims.push(rowClaims)
  })

  const mark = (row: number | undefined, otherClaim: string, cell: MatrixCell) => {
    if (row === undefined) return
    // A link inside one cluster says nothing new about it.
    if (rowOfClaim.get(otherClaim) === row) return
    const documentId = documentOfClaim.get(otherClaim)
    const c = documentId === undefined ? undefined : column.get(documentId)
    if (c === undefined) return
    if (CELL_STRENGTH[cell] > CELL_STRENGTH[cells[row]![c]!]) {
      cells[row]![c] = cell
      cellClaims[row]![c] = otherClaim
    }
  }
  for (const link of links) {
    if (typeof link.to !== 'string') continue
    const cell: MatrixCell | undefined =
      link.relation === 'supports'
        ? 'supports'
        : link.relation === 'contradicts'
          ? 'contradicts'
          : undefined
    if (cell === undefined) continue
    mark(rowOfClaim.get(link.from), link.to, cell)
    mark(rowOfClaim.get(link.to), link.from, cell)
  }

  const rows: MatrixRow[] = clusters.map((cluster, r) => {
    const row = cells[r]!
    return {
      clusterId: cluster.id,
      canonicalWording: cluster.canonicalWording,
      cells: row,
      cellClaims: cellClaims[r]!,
      sources: row.filter((cell) => cell === 'mention').length,
      supports: row.filter((cell) => cell === 'supports').length,
      contradicts: row.filter((cell) => cell === 'contradicts').length,
    }
  })
  return { columns, rows: sortRows(rows, options.order ?? 'contradictions-first') }
}

/** Rows in the requested order; the sort is stable, so equal rows keep first-appearance order. */
export function sortRows(rows: readonly MatrixRow[], order: MatrixOrder): MatrixRow[] {
  const sorted = [...rows]
  if (order === 'contradictions-first') {
    sorted.sort((a, b) => b.contradicts - a.contradicts || b.sources - a.sources)
  } else if (order === 'sources') {
    sorted.sort((a, b) => b.sources - a.sources || b.contradicts - a.contradicts)
  }
  return sorted
}

function pickDefined(metadata: LinkableDocument['metadata']): Omit<MatrixColumn, 'documentId'> {
  const out: Omit<MatrixColumn, 'documentId'> = {}
  if (metadata.outlet !== undefined) out.outlet = metadata.outlet
  if (metadata.title !== undefined) out.title = metadata.title
  if (metadata.published !== undefined) out.published = metadata.published
  return out
}
