/**
 * Queries of an annotation session: listings, counts, links, clusters, the matrix, search,
 * suggestions and exports. They change nothing of their own; most first take in what colleagues
 * or other programs saved to the annotator's file since (syncFromDisk, which announces what it
 * merged like any other change).
 */
import { linkedClaimIds, type Claim } from '../../core/model'
import type {
  ClaimCounts,
  ClaimListing,
  ClaimSearchHit,
  ClusterView,
  DeleteClaimImpact,
  ExportRequest,
  ExportResult,
  LinkListing,
  MatrixRequest,
  MatrixView,
  SuggestionListing,
  SuggestionSourceRef,
  SuggestionsFrom,
} from '../../shared/api'
import { BackendError } from '../errors'
import { readAnnotationFolder, readFolderForExport } from './annotation-folder'
import {
  describeDocumentRange,
  documentIndex,
  existingClaim,
  furnitureSignature,
  isProjectDocument,
  type AnnotationContext,
} from './context'
import { buildExportFile, exportSpec } from './export-tables'
import {
  clusterViews,
  listLinks as resolveLinks,
  matrixView,
  type AnnotatorData,
} from './link-views'
import { listedClaim, placeClaims } from './placement'
import type { LeftOut } from './placement-cache'
import {
  buildSuggestionCorpus,
  suggestFor,
  type CorpusDocument,
  type SuggestionCorpusView,
} from './suggestions'
import type { LinkableClaim } from '../../core/linking'

/**
 * The annotator's claims on one document, placed in its current text. A moved claim keeps its
 * saved target until the analyst confirms the new place (replaceOrphan) or changes its range.
 */
export async function listClaims(
  context: AnnotationContext,
  documentKey: string,
): Promise<ClaimListing> {
  const document = await context.documents.open(documentKey)
  const listing: ClaimListing = { documentKey, documentId: document.id, claims: [], orphans: [] }
  const store = context.store
  if (!store || !isProjectDocument(context, documentKey)) return listing
  await store.syncFromDisk()
  const index = documentIndex(context)
  const mine = [...store.all()].filter((claim) => index.belongsTo(claim, document))
  const { claims, orphans } = placeClaims(mine, document.text, document.id)
  return {
    ...listing,
    claims: claims.map((placed) => ({ ...placed, claim: listedClaim(placed.claim) })),
    orphans: orphans.map((orphan) => ({ ...orphan, claim: listedClaim(orphan.claim) })),
  }
}

/**
 * Claims per document and per label; orphans count for their document, claims on page furniture
 * nowhere.
 */
export async function claimCounts(context: AnnotationContext): Promise<ClaimCounts> {
  const counts: ClaimCounts = { byDocument: {}, byLabel: {} }
  const index = documentIndex(context)
  const { onFurniture } = await leftOut(context)
  for (const claim of context.store?.all() ?? []) {
    if (onFurniture.has(claim.id)) continue
    counts.byLabel[claim.label] = (counts.byLabel[claim.label] ?? 0) + 1
    const document = index.documentOf(claim)
    if (document) counts.byDocument[document.key] = (counts.byDocument[document.key] ?? 0) + 1
  }
  return counts
}

export function deleteClaimImpact(context: AnnotationContext, id: string): DeleteClaimImpact {
  existingClaim(context, id)
  return { links: context.store?.linksOf(id).length ?? 0 }
}

export async function listLinks(
  context: AnnotationContext,
  documentKey?: string,
): Promise<LinkListing> {
  if (documentKey !== undefined && !isProjectDocument(context, documentKey)) {
    await context.documents.open(documentKey) // 'unknown-document' for unknown keys.
    return { documentKey, links: [], backlinks: [] }
  }
  await context.store?.syncFromDisk()
  return resolveLinks(annotatorData(context, new Set()), documentKey ?? null)
}

export async function clusterViewsOf(context: AnnotationContext): Promise<ClusterView[]> {
  await context.store?.syncFromDisk()
  return clusterViews(annotatorData(context, (await leftOut(context)).all))
}

export async function getMatrix(
  context: AnnotationContext,
  request: MatrixRequest = {},
): Promise<MatrixView> {
  await context.store?.syncFromDisk()
  return matrixView(annotatorData(context, (await leftOut(context)).all), request.order)
}

/** The annotator's claims matching `query`, best first (claim-search.ts). */
export async function searchClaims(
  context: AnnotationContext,
  query: string,
  limit = 20,
): Promise<ClaimSearchHit[]> {
  const store = context.store
  if (!store || query.trim() === '') return []
  await store.syncFromDisk()
  const index = context.caches.search.get(
    () => store.all(),
    store.claimsRevision,
    context.documents.projectDocuments(),
    context.settings.labels,
  )
  // Orphans are found (they still say what they claim); claims on furniture are not.
  const { onFurniture } = await leftOut(context)
  if (onFurniture.size === 0) return index.search(query, limit)
  return index
    .search(query, limit + onFurniture.size)
    .filter((hit) => !onFurniture.has(hit.claimId))
    .slice(0, limit)
}

/**
 * Ranked suggestions for a claim or a range. Among the candidates: the annotator's claims, or
 * with `from` 'everyone' the claims of every annotator's file of the project (the CLI's corpus).
 * Targets already linked to the source are marked, not hidden: the analyst sees what is done.
 */
export async function getSuggestions(
  context: AnnotationContext,
  source: SuggestionSourceRef,
  limit = 10,
  from: SuggestionsFrom = 'annotator',
): Promise<SuggestionListing> {
  await context.store?.syncFromDisk()
  const warnings: string[] = []
  const corpus =
    from === 'everyone' ? await everyonesCorpus(context, warnings) : await ownCorpus(context)
  const listing = suggestFor(corpus, suggestionSource(context, corpus, source), limit)
  const linked = linkedTo(context, listing.source.claimId)
  return {
    ...listing,
    suggestions: listing.suggestions.map((suggestion) => ({
      ...suggestion,
      linked: (suggestion.target.claimId !== null && linked.get(suggestion.target.claimId)) || null,
    })),
    warnings,
  }
}

/** The other end of each link of a claim, with the link's relation. */
function linkedTo(context: AnnotationContext, claimId: string | null): Map<string, string> {
  const ends = new Map<string, string>()
  if (claimId === null) return ends
  for (const link of context.store?.linksOf(claimId) ?? []) {
    for (const id of linkedClaimIds(link)) if (id !== claimId) ends.set(id, link.relation)
  }
  return ends
}

function ownCorpus(context: AnnotationContext): Promise<SuggestionCorpusView> {
  return context.caches.suggestions.get(
    context.documents.projectDocuments(),
    (key) => context.documents.open(key),
    () => context.store?.all() ?? [],
    context.store?.claimsRevision ?? 0,
    furnitureSignature(context),
  )
}

/** Every annotator's claims; files that cannot be read are named in `warnings` and left out. */
async function everyonesCorpus(
  context: AnnotationContext,
  warnings: string[],
): Promise<SuggestionCorpusView> {
  const documents: CorpusDocument[] = []
  for (const listed of context.documents.projectDocuments()) {
    documents.push({ ...(await context.documents.open(listed.key)), key: listed.key })
  }
  const folder = await readAnnotationFolder(context.dataRoot)
  for (const problem of folder.problems)
    warnings.push(`${problem.message} Its claims are left out.`)
  return buildSuggestionCorpus(
    documents,
    folder.files.flatMap((file) => file.file.claims),
  )
}

/** The claim (placed in its current text) or the range suggestions are asked for. */
function suggestionSource(
  context: AnnotationContext,
  corpus: SuggestionCorpusView,
  source: SuggestionSourceRef,
): LinkableClaim {
  if ('claimId' in source) {
    const claim = existingClaim(context, source.claimId)
    const placed = corpus.claims.get(claim.id)
    if (placed) return placed
    // An orphan: its saved words still say what it claims.
    const listed = documentIndex(context).documentOf(claim)
    const document = listed && corpus.documents.find((doc) => doc.key === listed.key)
    if (!document) {
      throw new BackendError(
        'unknown-document',
        `${claim.document.path} is no longer in the project; there is nothing to compare with.`,
      )
    }
    const { start, end } = claim.target.position
    return { id: claim.id, documentId: document.id, start, end, quote: claim.target.quote.exact }
  }
  const document = corpus.documents.find((doc) => doc.key === source.documentKey)
  if (!document) {
    throw new BackendError(
      'not-in-project',
      'Suggestions are made within a project. Open the folder as a project.',
    )
  }
  const range = describeDocumentRange(document, source.start, source.end)
  const { start, end } = range.position
  // The passage may be a claim already: then that claim asks (and is not its own candidate).
  for (const claim of corpus.claims.values()) {
    if (claim.documentId === document.id && claim.start === start && claim.end === end) {
      return claim
    }
  }
  return { id: '', documentId: document.id, start, end, quote: range.quote.exact }
}

/**
 * One table of the project (export-tables.ts) from every annotator's file, or one annotator's.
 * The caller writes pending changes first, so the file read holds everything shown.
 */
export async function exportTable(
  context: AnnotationContext,
  request: ExportRequest,
): Promise<ExportResult> {
  const documents = context.documents.projectDocuments()
  const spec = exportSpec(request, documents)
  const files = await readFolderForExport(context.dataRoot, request.annotator)
  const built = await buildExportFile(
    { files: files, documents, open: (key) => context.documents.open(key) },
    spec,
  )
  return {
    fileName: built.fileName,
    format: built.format,
    rows: built.rows,
    text: built.text,
    savedTo: null,
    sources: files.map((file) => file.displayName),
  }
}

const NOTHING_LEFT_OUT: LeftOut = { orphans: new Set(), onFurniture: new Set(), all: new Set() }

/** Orphans and claims on furniture (see placement-cache.ts): they count nowhere. */
function leftOut(context: AnnotationContext): Promise<LeftOut> {
  const store = context.store
  if (!store) return Promise.resolve(NOTHING_LEFT_OUT)
  return context.caches.placement.leftOut(
    () => store.all(),
    store.claimsRevision,
    context.documents.projectDocuments(),
    (key) => context.documents.open(key),
    furnitureSignature(context),
  )
}

/** The annotator's data in the shape link-views.ts takes, without the claims `leftOut`. */
function annotatorData(context: AnnotationContext, leftOut: ReadonlySet<string>): AnnotatorData {
  const store = context.store
  const documents = context.documents.projectDocuments()
  const present = (claim: Claim | undefined) =>
    claim !== undefined && !leftOut.has(claim.id) ? claim : undefined
  return {
    claims: {
      get: (id) => present(store?.get(id)),
      values: () =>
        leftOut.size === 0
          ? (store?.all() ?? [])
          : [...(store?.all() ?? [])].filter((claim) => !leftOut.has(claim.id)),
    },
    links: store ? [...store.allLinks()] : [],
    wordings: store ? [...store.allWordings()] : [],
    relations: context.settings.relations,
    index: documentIndex(context),
    documents,
  }
}
