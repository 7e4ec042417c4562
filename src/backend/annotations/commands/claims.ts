/**
 * Claim commands: create, edit (fields and range), re-place an orphan, delete with its links.
 * The backend takes quote, prefix and suffix from its own parse of the document, never from the
 * caller.
 */
import { claimFieldsPatchSchema, newClaimId, nextTimestamp, type Claim } from '../../../core/model'
import type { ClaimPatch, DeletedClaim, NewClaim } from '../../../shared/api'
import { BackendError } from '../../errors'
import { changeSet, created, edited, removed } from '../change-set'
import {
  checkLabel,
  currentDocumentOf,
  describeDocumentRange,
  existingClaim,
  isProjectDocument,
  targetOf,
  type CommandContext,
} from '../context'
import { outcome, type Command } from './command'

export const createClaim: Command<[NewClaim], Claim> = async (context, input) => {
  const claim = await newClaim(context, input)
  return outcome(changeSet('Create claim', { claims: [created(claim)] }), claim)
}

/** A new claim over a range of a project document, checked but not stored. */
export async function newClaim(context: CommandContext, input: NewClaim): Promise<Claim> {
  if (!isProjectDocument(context, input.documentKey)) {
    throw new BackendError(
      'not-in-project',
      'Claims can be made on the documents of a project only. Open the folder as a project.',
    )
  }
  checkLabel(context, input.label)
  const document = await context.documents.open(input.documentKey)
  const range = describeDocumentRange(document, input.start, input.end)
  const now = nextTimestamp(null)
  return {
    id: newClaimId(),
    document: { id: document.id, path: document.path },
    target: targetOf(range),
    label: input.label,
    attributedTo: '',
    status: 'asserted',
    certainty: null,
    note: '',
    tags: [],
    annotator: context.annotator,
    created: now,
    updated: now,
  }
}

export const updateClaim: Command<[string, ClaimPatch], Claim> = (context, id, patch) =>
  editClaim(context, id, patch, 'Edit claim')

/** Places a claim (an orphan, or a moved claim being confirmed) at a range of its current text. */
export const replaceOrphan: Command<[string, number, number], Claim> = (context, id, start, end) =>
  editClaim(context, id, { start, end }, 'Re-place claim')

async function editClaim(
  context: CommandContext,
  id: string,
  patch: ClaimPatch,
  description: string,
) {
  const claim = existingClaim(context, id)
  const { start, end, ...fields } = patch
  const checked = claimFieldsPatchSchema.safeParse(fields)
  if (!checked.success) {
    throw new BackendError('invalid-range', `Invalid change: ${checked.error.issues[0]?.message}`)
  }
  if (checked.data.label !== undefined) checkLabel(context, checked.data.label)
  let next: Claim = { ...claim, ...definedOnly(checked.data) }
  if (start !== undefined || end !== undefined) {
    if (start === undefined || end === undefined) {
      throw new BackendError('invalid-range', 'Give both start and end to move a claim.')
    }
    const document = await currentDocumentOf(context, claim)
    const range = describeDocumentRange(document, start, end)
    next = { ...next, document: { id: document.id, path: document.path }, target: targetOf(range) }
  }
  if (JSON.stringify(next) === JSON.stringify(claim)) return outcome(null, claim)
  next.updated = nextTimestamp(claim.updated)
  return outcome(changeSet(description, { claims: [edited(claim, next)] }), next)
}

/** Deletes the claim and its links in one step: no link ever points at a deleted claim. */
export const deleteClaim: Command<[string], DeletedClaim> = (context, id) => {
  const claim = existingClaim(context, id)
  const links = context.store.linksOf(id)
  return outcome(
    changeSet('Delete claim', { claims: [removed(claim)], links: links.map(removed) }),
    { removedLinks: links.length },
  )
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>
}
