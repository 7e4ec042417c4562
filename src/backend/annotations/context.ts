/**
 * What commands and queries see of an open annotation session: the annotator's store, the
 * project settings, the project's documents, and the caches queries keep. Plus the look-ups both
 * need, each with the message a person reads when it fails.
 */
import { describeRange, type DescribedRange } from '../../core/anchoring'
import type { Claim, Link } from '../../core/model'
import type { DocumentSummary, OpenedDocument } from '../../shared/api'
import { BackendError } from '../errors'
import type { Log } from '../settings'
import type { AnnotationStore } from './annotation-store'
import type { ClaimSearchCache } from './claim-search'
import { DocumentIndex } from './placement'
import type { PlacementCache } from './placement-cache'
import type { ProjectSettingsStore } from './project-settings-store'
import type { SuggestionIndexCache } from './suggestions'

/** What the session needs of the workspace: the listing and a way to read documents. */
export interface DocumentAccess {
  /** Parses a listed document (cached); throws BackendError('unknown-document') for unknown keys. */
  open(key: string): Promise<OpenedDocument>
  /** The documents of the project folder (not single files opened on their own). */
  projectDocuments(): DocumentSummary[]
}

export interface AnnotationContext {
  /** Null until the user has given a name: nothing can be written then. */
  readonly annotator: string | null
  readonly store: AnnotationStore | null
  readonly settings: ProjectSettingsStore
  readonly documents: DocumentAccess
  /** The folder holding annotations/ and corroborate.json. */
  readonly dataRoot: string
  readonly log: Log
  readonly caches: {
    readonly suggestions: SuggestionIndexCache
    readonly search: ClaimSearchCache
    readonly placement: PlacementCache
  }
}

/** The context a command runs in: the session checked there is a writable annotator file. */
export interface CommandContext extends AnnotationContext {
  readonly annotator: string
  readonly store: AnnotationStore
}

export function existingClaim(context: AnnotationContext, id: string): Claim {
  const claim = context.store?.get(id)
  if (!claim) {
    throw new BackendError(
      'unknown-claim',
      'This claim no longer exists (it was deleted or undone).',
    )
  }
  return claim
}

export function existingLink(context: AnnotationContext, id: string): Link {
  const link = context.store?.getLink(id)
  if (!link) {
    throw new BackendError('unknown-link', 'This link no longer exists (it was deleted or undone).')
  }
  return link
}

export function checkLabel(context: AnnotationContext, id: string): void {
  if (!context.settings.hasLabel(id)) {
    throw new BackendError('unknown-label', `There is no label "${id}" in this project.`)
  }
}

export function isProjectDocument(context: AnnotationContext, key: string): boolean {
  return context.documents.projectDocuments().some((document) => document.key === key)
}

/**
 * A string that changes whenever the analyst flips a block between article and furniture: the
 * caches of what counts (placement-cache.ts, the suggestion index) are rebuilt on a change.
 */
export function furnitureSignature(context: AnnotationContext): string {
  const flips: string[] = []
  for (const [id, correction] of Object.entries(context.settings.documentCorrections)) {
    if (correction.furniture !== undefined)
      flips.push(`${id}:${JSON.stringify(correction.furniture)}`)
  }
  return flips.join('\n')
}

export function documentIndex(context: AnnotationContext): DocumentIndex<DocumentSummary> {
  return new DocumentIndex(context.documents.projectDocuments())
}

/** The current text of a claim's document, for a new range. */
export async function currentDocumentOf(
  context: AnnotationContext,
  claim: Claim,
): Promise<OpenedDocument> {
  const listed = documentIndex(context).documentOf(claim)
  if (!listed) {
    throw new BackendError(
      'unknown-document',
      `${claim.document.path} is no longer in the project; the claim cannot be placed.`,
    )
  }
  return context.documents.open(listed.key)
}

/** Quote, prefix, suffix and position of [start, end) in a document, or 'invalid-range'. */
export function describeDocumentRange(
  document: Pick<OpenedDocument, 'text' | 'path'>,
  start: number,
  end: number,
): DescribedRange {
  if (!(start < end)) {
    throw new BackendError(
      'invalid-range',
      'A claim needs at least one character: end must be after start.',
    )
  }
  try {
    return describeRange(document.text, start, end)
  } catch (error) {
    if (error instanceof RangeError) {
      throw new BackendError(
        'invalid-range',
        `${error.message} of ${document.path}.`,
        document.path,
      )
    }
    throw error
  }
}

/** A claim's target (the W3C selectors it keeps) from a described range. */
export function targetOf(range: DescribedRange): Claim['target'] {
  return {
    position: { start: range.position.start, end: range.position.end },
    quote: { exact: range.quote.exact, prefix: range.quote.prefix, suffix: range.quote.suffix },
  }
}
