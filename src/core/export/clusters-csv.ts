/**
 * clusters.csv: one row per cluster of 'same' claims, for a project. Clusters are built per
 * annotator file (links join claims of one file), with every claim in one: a claim linked to
 * nothing is a cluster of one, so that the file accounts for every claim.
 *
 * Columns (stable; new ones are only ever added at the end):
 *   cluster_id                  the smallest member claim id (stable while that claim exists)
 *   canonical_wording           the wording the analyst chose, else the earliest mention's quote
 *   member_claim_ids            ";"-joined, in order of appearance
 *   document_ids, document_paths ";"-joined, the documents holding a member, in order of
 *                               appearance (ids and paths line up)
 *   first_appearance_document   path of the earliest published document carrying the claim
 *   first_appearance_date       its publication date as the article gives it (empty: unknown)
 *   annotator                   whose file the cluster comes from
 */
import {
  buildClusters,
  chosenClusterWording,
  linkingClaims,
  linkingLinks,
  type LinkableDocument,
} from '../linking'
import type { Claim } from '../model/claim'
import type { ClusterWording, Link } from '../model/link'
import type { ExportDocument } from './claims-csv'
import { toCsv, type CsvOptions } from './csv-cells'

export const CLUSTER_CSV_COLUMNS = [
  'cluster_id',
  'canonical_wording',
  'member_claim_ids',
  'document_ids',
  'document_paths',
  'first_appearance_document',
  'first_appearance_date',
  'annotator',
] as const

export type ClusterCsvColumn = (typeof CLUSTER_CSV_COLUMNS)[number]

/** ";" cannot occur in claim ids or document ids; paths containing it are rare and quoted. */
export const LIST_SEPARATOR = ';'

/** What one annotator file contributes. */
export interface AnnotatorClusterInput {
  annotator: string
  claims: readonly Claim[]
  links: readonly Link[]
  clusters: readonly ClusterWording[]
}

/** A project document as clusters need it: no text, only what orders and names it. */
export type ClusterDocument = Pick<ExportDocument, 'id' | 'path' | 'metadata'>

/**
 * The content hash of the document a claim is in now (found by path, then hash, as everywhere
 * else), or its saved one when its file is gone.
 */
export type DocumentIdOf = (claim: Claim) => string

/** The rows of one annotator's clusters, in order of first appearance. */
export function clusterRows(
  input: AnnotatorClusterInput,
  documentIdOf: DocumentIdOf,
  projectDocuments: readonly ClusterDocument[],
): string[][] {
  const linkable: LinkableDocument[] = projectDocuments.map((document) => ({
    id: document.id,
    text: '',
    blocks: [],
    metadata: document.metadata,
  }))
  const pathOf = new Map<string, string>()
  for (const document of projectDocuments) {
    if (!pathOf.has(document.id)) pathOf.set(document.id, document.path)
  }
  // A claim whose article is gone keeps its saved path.
  for (const claim of input.claims) {
    if (!pathOf.has(claim.document.id)) pathOf.set(claim.document.id, claim.document.path)
  }
  const clusters = buildClusters(
    linkingClaims(input.claims, documentIdOf),
    linkingLinks(input.links),
    linkable,
  )
  return clusters.map((cluster) => [
    cluster.id,
    chosenClusterWording(cluster.memberClaimIds, input.clusters) ?? cluster.canonicalWording,
    cluster.memberClaimIds.join(LIST_SEPARATOR),
    cluster.documents.join(LIST_SEPARATOR),
    cluster.documents.map((id) => pathOf.get(id) ?? '').join(LIST_SEPARATOR),
    pathOf.get(cluster.firstAppearance.documentId) ?? '',
    cluster.firstAppearance.published ?? '',
    input.annotator,
  ])
}

/** clusters.csv for annotator files in the order given. */
export function clustersCsv(
  inputs: readonly AnnotatorClusterInput[],
  documentIdOf: DocumentIdOf,
  projectDocuments: readonly ClusterDocument[],
  options: CsvOptions = {},
): string {
  const rows = inputs.flatMap((input) => clusterRows(input, documentIdOf, projectDocuments))
  return toCsv(CLUSTER_CSV_COLUMNS, rows, options)
}
