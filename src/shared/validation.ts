/**
 * Argument schemas of the WorkbenchApi, checked by every door before a call
 * reaches the backend (the renderer is untrusted). Kept apart from api.ts so the
 * renderer bundle carries no validation library.
 */
import { z } from 'zod'
import { claimFieldsPatchSchema } from '../core/model/claim'
import { labelSchema } from '../core/model/labels'
import type { WorkbenchMethod } from './api'

const documentKey = z.string().min(1).max(4096)
const typedPath = z.string().min(1).max(4096)
const claimId = z.string().min(1).max(64)
/** UTF-16 offsets; the backend checks them against the text. */
const offset = z
  .int()
  .min(0)
  .max(2 ** 31)

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
  exportClaims: z.tuple([
    z
      .strictObject({
        scope: z.enum(['project', 'document']),
        documentKey: documentKey.optional(),
        bom: z.boolean().optional(),
      })
      .refine(
        (request) => request.scope === 'project' || request.documentKey !== undefined,
        'a document export needs documentKey',
      ),
  ]),
} satisfies Record<WorkbenchMethod, z.ZodTuple>

export function isWorkbenchMethod(name: unknown): name is WorkbenchMethod {
  return typeof name === 'string' && Object.hasOwn(methodArguments, name)
}
