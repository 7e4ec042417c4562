/**
 * Links, clusters and the corroboration matrix as the UI receives them: ends resolved to their
 * documents and quotes, and the annotator's data handed to core/linking in the shapes it takes.
 * Links of a project's own relation types are listed, but left out of clusters and the matrix
 * (see core/linking/from-model.ts).
 */
import {
  buildClusters,
  chosenClusterWording,
  corroborationMatrix,
  linkingClaims,
  linkingLinks,
  type Cluster,
  type LinkableClaim,
  type LinkableDocument,
  type MatrixOrder,
} from '../../core/linking'
import type { Claim, ClusterWording, Link, RelationType } from '../../core/model'
import type {
  ClusterMention,
  ClusterView,
  DocumentSummary,
  LinkListing,
  MatrixView,
  ResolvedClaimEnd,
  ResolvedLink,
} from '../../shared/api'
import type { DocumentIndex } from './placement'

export interface AnnotatorData {
  claims:
    ReadonlyMap<string, Claim> | { get(id: string): Claim | undefined; values(): Iterable<Claim> }
  links: Iterable<Link>
  wordings: Iterable<ClusterWording>
  relations: readonly RelationType[]
  index: DocumentIndex<DocumentSummary>
  documents: readonly DocumentSummary[]
}

export function resolveClaimEnd(
  claim: Claim,
  index: DocumentIndex<DocumentSummary>,
): ResolvedClaimEnd {
  const listed = index.documentOf(claim)
  return {
    kind: 'claim',
    claimId: claim.id,
    documentKey: listed?.key ?? null,
    documentId: listed?.id ?? claim.document.id,
    path: listed?.path ?? claim.document.path,
    quote: claim.target.quote.exact,
    label: claim.label,
  }
}

/** A link with its ends resolved; null when a claim end is missing (never after our own changes). */
export function resolveLink(link: Link, data: AnnotatorData): ResolvedLink | null {
  const from = data.claims.get(link.from)
  if (!from) return null
  let to: ResolvedLink['to']
  if (link.to.kind === 'claim') {
    const claim = data.claims.get(link.to.claimId)
    if (!claim) return null
    to = resolveClaimEnd(claim, data.index)
  } else {
    to = link.to
  }
  return {
    link,
    from: resolveClaimEnd(from, data.index),
    to,
    relation: data.relations.find((relation) => relation.id === link.relation) ?? null,
  }
}

export function listLinks(data: AnnotatorData, documentKey: string | null): LinkListing {
  const resolved = [...data.links]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((link) => resolveLink(link, data))
    .filter((link): link is ResolvedLink => link !== null)
  if (documentKey === null) return { documentKey, links: resolved, backlinks: [] }
  const inDocument = (end: ResolvedLink['to']) =>
    end.kind === 'claim' && end.documentKey === documentKey
  return {
    documentKey,
    links: resolved.filter((link) => inDocument(link.from)),
    backlinks: resolved.filter((link) => !inDocument(link.from) && inDocument(link.to)),
  }
}

/** The annotator's claims as core/linking takes them, in the document they now belong to. */
export function linkableClaims(data: AnnotatorData): LinkableClaim[] {
  return linkingClaims(
    data.claims.values(),
    (claim) => data.index.documentOf(claim)?.id ?? claim.document.id,
  )
}

/** Clusters and the matrix need each document's id and metadata only, not its text. */
export function documentsForClusters(documents: readonly DocumentSummary[]): LinkableDocument[] {
  return documents.map((document) => ({
    id: document.id,
    text: '',
    blocks: [],
    metadata: document.metadata,
  }))
}

/** Clusters with their mentions (quote, outlet, date), as the clusters view lists them. */
export function clusterViews(data: AnnotatorData): ClusterView[] {
  const clusters = buildClusters(
    linkableClaims(data),
    linkingLinks(data.links),
    documentsForClusters(data.documents),
  )
  return withWordings(clusters, data).map((cluster) => ({
    ...cluster,
    mentions: cluster.memberClaimIds.flatMap((id) => {
      const claim = data.claims.get(id)
      return claim ? [clusterMention(claim, data.index)] : []
    }),
  }))
}

function clusterMention(claim: Claim, index: DocumentIndex<DocumentSummary>): ClusterMention {
  const listed = index.documentOf(claim)
  const mention: ClusterMention = {
    claimId: claim.id,
    documentKey: listed?.key ?? null,
    path: listed?.path ?? claim.document.path,
    quote: claim.target.quote.exact,
  }
  if (listed?.metadata.outlet !== undefined) mention.outlet = listed.metadata.outlet
  if (listed?.metadata.published !== undefined) mention.published = listed.metadata.published
  return mention
}

export function withWordings(clusters: readonly Cluster[], data: AnnotatorData): ClusterView[] {
  const pathOf = new Map(data.documents.map((document) => [document.id, document.path]))
  return clusters.map((cluster) => {
    const chosen = chosenClusterWording(cluster.memberClaimIds, data.wordings)
    return {
      ...cluster,
      canonicalWording: chosen ?? cluster.canonicalWording,
      customWording: chosen !== null,
      documentPaths: cluster.documents.map((id) => pathOf.get(id) ?? ''),
    }
  })
}

export function matrixView(data: AnnotatorData, order: MatrixOrder | undefined): MatrixView {
  const claims = linkableClaims(data)
  const links = linkingLinks(data.links)
  const documents = documentsForClusters(data.documents)
  const clusters = withWordings(buildClusters(claims, links, documents), data)
  const matrix = corroborationMatrix(clusters, links, documents, claims, { order })
  const listed = new Map(data.documents.map((document) => [document.id, document]))
  return {
    columns: matrix.columns.map((column) => ({
      ...column,
      documentKey: listed.get(column.documentId)?.key ?? '',
      path: listed.get(column.documentId)?.path ?? '',
    })),
    rows: matrix.rows,
  }
}
