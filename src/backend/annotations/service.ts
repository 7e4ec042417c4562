/**
 * The annotation part of the WorkbenchApi: each method is one command run through the session's
 * commit, or one query, on the session of the open project. A new method costs the contract, its
 * argument schema, and one line here over a command or query function.
 */
import type { ClaimListing, LinkListing, OpenedDocument, WorkbenchApi } from '../../shared/api'
import { createClaim, deleteClaim, replaceOrphan, updateClaim } from './commands/claims'
import {
  acceptSuggestion,
  createLink,
  deleteLink,
  setClusterWording,
  updateLink,
} from './commands/links'
import { projectSettings, updateLabels, updateRelationTypes } from './commands/settings'
import { exportDataset } from './dataset-export'
import { importDataset } from './dataset-import'
import * as queries from './queries'
import { BackendError } from '../errors'
import { getAgreement } from './agreement'
import { ColleagueFileCache } from './colleague-files'
import { ReviewSources } from './review-sources'
import {
  addReviewFile,
  getReviewQueue,
  listAnnotatorClaims,
  listAnnotators,
  type OutsideReview,
} from './review'
import { locateClaims } from './locate-claims'
import { listMergeConflicts, settleMergeConflict } from './merge-conflicts'
import { compareWithGold } from '../review/gold-comparison'
import * as review from '../review/review-service'
import type { AnnotationSession } from './session'

export type AnnotationApi = Omit<
  WorkbenchApi,
  | 'getState'
  | 'chooseProject'
  | 'chooseFiles'
  | 'openSampleProject'
  | 'refresh'
  | 'openDocument'
  | 'correctDocument'
  | 'getAnnotationStatus'
  | 'setAnnotator'
>

/** How the annotation API reaches the session of the open project. */
export interface SessionAccess {
  /** The session once the project (and any change of annotator) has settled; 'no-project'. */
  current(): Promise<AnnotationSession>
  /** The same, or null while no project is open. */
  ifAny(): Promise<AnnotationSession | null>
  /** Opens a listed document (single files have no session to ask). */
  openDocument(key: string): Promise<OpenedDocument>
}

export function createAnnotationApi(sessions: SessionAccess): AnnotationApi {
  const current = (): Promise<AnnotationSession> => sessions.current()
  // Colleagues' files parsed once per version on disk, for lanes and the annotator list, and
  // the files reviewed from outside annotations/ in this session.
  const outside: OutsideReview = { files: new ColleagueFileCache(), sources: new ReviewSources() }
  return {
    getProjectSettings: async () => (await current()).read(projectSettings),
    updateLabels: async (labels) => (await current()).runOnSettings(updateLabels, labels),
    updateRelationTypes: async (relations) =>
      (await current()).runOnSettings(updateRelationTypes, relations),

    listClaims: async (documentKey): Promise<ClaimListing> => {
      const session = await sessions.ifAny()
      if (session) return session.read((context) => queries.listClaims(context, documentKey))
      const document = await sessions.openDocument(documentKey)
      return { documentKey, documentId: document.id, claims: [], orphans: [] }
    },
    createClaim: async (input) => (await current()).run(createClaim, input),
    updateClaim: async (id, patch) => (await current()).run(updateClaim, id, patch),
    deleteClaim: async (id) => (await current()).run(deleteClaim, id),
    replaceOrphan: async (id, start, end) => (await current()).run(replaceOrphan, id, start, end),
    undo: async () => (await current()).undo(),
    redo: async () => (await current()).redo(),
    getClaimCounts: async () =>
      (await sessions.ifAny())?.read(queries.claimCounts) ?? { byDocument: {}, byLabel: {} },
    deleteClaimImpact: async (id) =>
      (await current()).read((context) => queries.deleteClaimImpact(context, id)),
    getAgreement: async (request) =>
      (await current()).read(async (context) => {
        // Agreement reads the files: the annotator's own changes must be in theirs first.
        await context.store?.flush()
        return getAgreement(context, request, outside)
      }),
    getReviewQueue: async (request) =>
      (await current()).read(async (context) => {
        await context.store?.flush()
        return getReviewQueue(context, request, outside)
      }),
    listAnnotators: async () =>
      (await current()).read((context) => listAnnotators(context, outside)),
    addReviewFile: async (path) => {
      if (path === undefined) {
        throw new BackendError('invalid-arguments', 'Give the path of the annotator file.')
      }
      return (await current()).read((context) => addReviewFile(context, outside, path))
    },
    listAnnotatorClaims: async (documentKey, annotators) =>
      (await current()).read((context) =>
        listAnnotatorClaims(context, outside, documentKey, annotators),
      ),
    listReviewUnits: async (request) =>
      (await current()).read((context) => review.listReviewUnits(context, request, outside.files)),
    recordDecision: async (request) =>
      (await current()).read((context) => review.recordDecision(context, request, outside.files)),
    removeDecision: async (request) =>
      (await current()).read((context) => review.removeDecision(context, request)),
    mergeGold: async (request) =>
      (await current()).read((context) => review.mergeGold(context, request, outside.files)),
    getReviewStatus: async (request) =>
      (await current()).read((context) => review.getReviewStatus(context, request, outside.files)),
    exportTable: async (request) =>
      (await current()).read(async (context) => {
        // The export reads the files: every change asked for before it must be in them first.
        await context.store?.flush()
        return queries.exportTable(context, request)
      }),
    exportDataset: async (request) =>
      (await current()).read(async (context) => {
        await context.store?.flush()
        return exportDataset(context, request)
      }),
    importDataset: async (request) => importDataset(await current(), request),

    listLinks: async (documentKey): Promise<LinkListing> => {
      const session = await sessions.ifAny()
      if (session) return session.read((context) => queries.listLinks(context, documentKey))
      if (documentKey !== undefined) await sessions.openDocument(documentKey)
      return { documentKey: documentKey ?? null, links: [], backlinks: [] }
    },
    createLink: async (input) => (await current()).run(createLink, input),
    updateLink: async (id, patch) => (await current()).run(updateLink, id, patch),
    deleteLink: async (id) => (await current()).run(deleteLink, id),
    getClusters: async () => (await sessions.ifAny())?.read(queries.clusterViewsOf) ?? [],
    setClusterWording: async (clusterId, text) =>
      (await current()).run(setClusterWording, clusterId, text),
    getMatrix: async (request) =>
      (await sessions.ifAny())?.read((context) => queries.getMatrix(context, request)) ?? {
        columns: [],
        rows: [],
      },
    searchClaims: async (query, limit) =>
      (await sessions.ifAny())?.read((context) => queries.searchClaims(context, query, limit)) ??
      [],
    getSuggestions: async (source, limit, from) =>
      (await current()).read((context) => queries.getSuggestions(context, source, limit, from)),
    acceptSuggestion: async (input) => (await current()).run(acceptSuggestion, input),
    locateClaims: async (claims) =>
      (await current()).read((context) => locateClaims(context, claims)),
    compareWithGold: async (request) =>
      (await current()).read((context) => compareWithGold(context, request, outside.files)),
    listMergeConflicts: async () =>
      (await sessions.ifAny())?.read(listMergeConflicts) ?? Promise.resolve([]),
    settleMergeConflict: async (request) => (await current()).run(settleMergeConflict, request),
  }
}
