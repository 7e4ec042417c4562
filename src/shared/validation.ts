/**
 * Argument schemas of the WorkbenchApi, checked by every door before a call
 * reaches the backend (the renderer is untrusted). Kept apart from api.ts so the
 * renderer bundle carries no validation library.
 */
import { z } from 'zod'
import { annotatorNameSchema } from '../core/model/annotator'
import { claimFieldsPatchSchema, claimSchema } from '../core/model/claim'
import { documentCorrectionSchema } from '../core/model/document-corrections'
import { labelSchema } from '../core/model/labels'
import {
  MAX_CLUSTER_WORDING_LENGTH,
  MAX_OUTSIDE_QUOTE_LENGTH,
  MAX_OUTSIDE_TEXT_LENGTH,
  outsideDateSchema,
  outsideUrlSchema,
} from '../core/model/link'
import { CERTAINTIES, MAX_NOTE_LENGTH } from '../core/model/claim'
import { relationTypeSchema, MAX_RELATION_TYPES } from '../core/model/relations'
import { DECISION_REASONS } from '../core/model/provenance'
import { decisionActionSchema } from '../core/review/gold/decisions'
import { DATASET_EXPORT_FORMATS, DATASET_IMPORT_FORMATS, type WorkbenchMethod } from './api'

const documentKey = z.string().min(1).max(4096)
const typedPath = z.string().min(1).max(4096)
const claimId = z.string().min(1).max(64)
/** UTF-16 offsets; the backend checks them against the text. */
const offset = z
  .int()
  .min(0)
  .max(2 ** 31)

const relationId = z.string().min(1).max(64)
/** A unit key: claim ids joined by '+' (up to 1,000 versions). */
const unitKey = z.string().min(1).max(40_000)
const labelId = z.string().min(1).max(64)
const linkNote = z.string().max(MAX_NOTE_LENGTH)
const linkConfidence = z.enum(CERTAINTIES).nullable()
const outsideSource = z.strictObject({
  url: outsideUrlSchema,
  title: z.string().max(MAX_OUTSIDE_TEXT_LENGTH),
  publisher: z.string().max(MAX_OUTSIDE_TEXT_LENGTH),
  date: outsideDateSchema,
  quote: z.string().max(MAX_OUTSIDE_QUOTE_LENGTH),
})
const matrixOrder = z.enum(['contradictions-first', 'sources', 'first-appearance'])
/** Tables that lay clusters across documents: a one-document export of them means nothing. */
/** Which annotators and documents review compares (agreement, the queue). */
const reviewRequest = z.strictObject({
  annotators: z.array(annotatorNameSchema).min(1).max(50).optional(),
  documents: z.array(z.string().min(1).max(4096)).min(1).max(10_000).optional(),
})

const spansDocuments = (table: string | undefined) => table === 'clusters' || table === 'matrix'

export const MAX_SEARCH_QUERY_LENGTH = 500
export const MAX_SEARCH_LIMIT = 100

/** An existing claim, or a range to claim first. */
const claimRef = z.union([
  z.strictObject({ claimId }),
  z.strictObject({ documentKey, start: offset, end: offset, label: labelId }),
])

/**
 * Argument schemas, one tuple per method. Doors validate raw input against these
 * before anything reaches the backend.
 */
export const methodArguments = {
  getState: z.tuple([]),
  chooseProject: z.tuple([typedPath.optional()]),
  chooseFiles: z.tuple([z.array(typedPath).max(1000).optional()]),
  openSampleProject: z.tuple([]),
  refresh: z.tuple([]),
  openDocument: z.tuple([documentKey]),
  correctDocument: z.tuple([documentKey, documentCorrectionSchema]),
  getAnnotationStatus: z.tuple([]),
  setAnnotator: z.tuple([z.string().max(1000)]),
  getProjectSettings: z.tuple([]),
  updateLabels: z.tuple([z.array(labelSchema).max(50)]),
  listClaims: z.tuple([documentKey]),
  createClaim: z.tuple([
    z.strictObject({ documentKey, start: offset, end: offset, label: z.string().min(1).max(64) }),
  ]),
  updateClaim: z.tuple([
    claimId,
    claimFieldsPatchSchema
      .extend({ start: offset.optional(), end: offset.optional() })
      .refine(
        (patch) => (patch.start === undefined) === (patch.end === undefined),
        'give both start and end, or neither',
      ),
  ]),
  deleteClaim: z.tuple([claimId]),
  undo: z.tuple([]),
  redo: z.tuple([]),
  replaceOrphan: z.tuple([claimId, offset, offset]),
  getAgreement: z.tuple([reviewRequest]),
  getReviewQueue: z.tuple([reviewRequest.extend({ reviewer: annotatorNameSchema.optional() })]),
  listAnnotators: z.tuple([]),
  addReviewFile: z.tuple([typedPath.optional()]),
  listAnnotatorClaims: z.tuple([documentKey, z.array(annotatorNameSchema).max(50)]),
  listReviewUnits: z.tuple([
    z.strictObject({
      reviewer: annotatorNameSchema,
      gold: annotatorNameSchema.optional(),
      documents: z.array(z.string().min(1).max(4096)).min(1).max(10_000).optional(),
    }),
  ]),
  recordDecision: z.tuple([
    z.strictObject({
      reviewer: annotatorNameSchema,
      unit: unitKey,
      action: decisionActionSchema,
      reason: z.enum(DECISION_REASONS).nullable(),
      note: z.string().max(MAX_NOTE_LENGTH).optional(),
      guidelines: z.boolean().optional(),
      gold: annotatorNameSchema.optional(),
    }),
  ]),
  removeDecision: z.tuple([z.strictObject({ reviewer: annotatorNameSchema, unit: unitKey })]),
  mergeGold: z.tuple([
    z.strictObject({
      into: annotatorNameSchema.optional(),
      strategy: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.enum(['none', 'unanimous', 'silent-others']) }),
        z.strictObject({ kind: z.literal('min-votes'), votes: z.int().min(1).max(1000) }),
      ]),
      undoAutomatic: z.boolean().optional(),
    }),
  ]),
  getReviewStatus: z.tuple([z.strictObject({ gold: annotatorNameSchema.optional() })]),
  exportTable: z.tuple([
    z
      .strictObject({
        table: z.enum(['claims', 'links', 'clusters', 'matrix']).optional(),
        scope: z.enum(['project', 'document']),
        documentKey: documentKey.optional(),
        bom: z.boolean().optional(),
        format: z.enum(['csv', 'svg']).optional(),
        order: matrixOrder.optional(),
        annotator: annotatorNameSchema.optional(),
      })
      .refine(
        (request) => request.scope === 'project' || request.documentKey !== undefined,
        'a document export needs documentKey',
      )
      .refine(
        (request) => request.scope === 'project' || !spansDocuments(request.table),
        "clusters and the matrix span documents: export them with scope 'project'",
      )
      .refine(
        (request) =>
          request.table === 'matrix' || (request.format !== 'svg' && request.order === undefined),
        'format svg and order are for the matrix only',
      ),
  ]),
  exportDataset: z.tuple([
    z.strictObject({
      format: z.enum(DATASET_EXPORT_FORMATS),
      folder: typedPath.optional(),
      annotator: annotatorNameSchema.optional(),
    }),
  ]),
  importDataset: z.tuple([
    z.strictObject({
      format: z.enum(DATASET_IMPORT_FORMATS),
      path: typedPath.optional(),
      // Checked by the backend, which says what is wrong with the name (as setAnnotator).
      annotator: z.string().max(1000),
    }),
  ]),
  getClaimCounts: z.tuple([]),
  deleteClaimImpact: z.tuple([claimId]),
  updateRelationTypes: z.tuple([z.array(relationTypeSchema).max(MAX_RELATION_TYPES)]),
  listLinks: z.tuple([documentKey.optional()]),
  createLink: z.tuple([
    z.strictObject({
      from: claimId,
      to: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('claim'), claimId }),
        outsideSource.extend({ kind: z.literal('outside') }),
      ]),
      relation: relationId,
      note: linkNote.optional(),
      confidence: linkConfidence.optional(),
    }),
  ]),
  updateLink: z.tuple([
    claimId,
    z.strictObject({
      relation: relationId.optional(),
      note: linkNote.optional(),
      confidence: linkConfidence.optional(),
      outside: outsideSource.optional(),
    }),
  ]),
  deleteLink: z.tuple([claimId]),
  getClusters: z.tuple([]),
  setClusterWording: z.tuple([claimId, z.string().max(MAX_CLUSTER_WORDING_LENGTH).nullable()]),
  getMatrix: z.tuple([z.strictObject({ order: matrixOrder }).partial().optional()]),
  searchClaims: z.tuple([
    z.string().max(MAX_SEARCH_QUERY_LENGTH),
    z.int().min(1).max(MAX_SEARCH_LIMIT).optional(),
  ]),
  getSuggestions: z.tuple([
    z.union([
      z.strictObject({ claimId }),
      z.strictObject({ documentKey, start: offset, end: offset }),
    ]),
    z.int().min(1).max(50).optional(),
    z.enum(['annotator', 'everyone']).optional(),
  ]),
  acceptSuggestion: z.tuple([
    z.strictObject({
      source: claimRef,
      target: claimRef,
      relation: relationId,
      suggested: z
        .strictObject({ relation: relationId, linkFrom: z.enum(['source', 'target']) })
        .optional(),
      note: linkNote.optional(),
      confidence: linkConfidence.optional(),
    }),
  ]),
  locateClaims: z.tuple([z.array(claimSchema).max(1_000_000)]),
  compareWithGold: z.tuple([
    z.strictObject({
      gold: annotatorNameSchema.optional(),
      documents: z.array(z.string().min(1).max(4096)).min(1).max(10_000).optional(),
    }),
  ]),
  listMergeConflicts: z.tuple([]),
  settleMergeConflict: z.tuple([
    z.strictObject({ key: z.string().min(1).max(1_000), take: z.enum(['kept', 'other']) }),
  ]),
} satisfies Record<WorkbenchMethod, z.ZodTuple>

export function isWorkbenchMethod(name: unknown): name is WorkbenchMethod {
  return typeof name === 'string' && Object.hasOwn(methodArguments, name)
}
