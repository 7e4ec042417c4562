/** States and answers for the store's tests: a project of two documents, with claims in both. */
import { DEFAULT_LABELS } from '../../../../src/core/model/labels'
import { DEFAULT_RELATION_TYPES } from '../../../../src/core/model/relations'
import type {
  ChangeSummary,
  ClaimListing,
  ListedClaim,
  LinkSuggestion,
  OpenedDocument,
  ProjectSettings,
  SuggestionListing,
  WorkbenchState,
} from '../../../../src/shared/api'
import type { Action } from '../../../../src/renderer/store/actions'
import { appReducer, initialState, type AppState } from '../../../../src/renderer/store/state'
import { listedClaimWith } from '../../core/model/claim-builder'

export const SETTINGS: ProjectSettings = {
  labels: [...DEFAULT_LABELS],
  relations: [...DEFAULT_RELATION_TYPES],
  file: 'corroborate.json',
  readOnly: null,
}

export function backendState(
  root = '/work/project',
  ids = { a: 'id-a', b: 'id-b' },
): WorkbenchState {
  const summary = (key: 'a' | 'b') => ({
    key,
    path: `${key}.txt`,
    id: ids[key],
    format: 'text' as const,
    metadata: {},
    size: 100,
    warnings: [],
  })
  return {
    project: { root, name: 'project', isSample: false },
    documents: [summary('a'), summary('b')],
    problems: [],
    firstRun: false,
    capabilities: { nativeDialogs: false },
  }
}

/** A claim as a listing carries it (the listing says which document it is on). */
export function claim(id: string, quote = `quote of ${id}`): ListedClaim {
  return listedClaimWith({ id, quote })
}

export function listing(documentKey: 'a' | 'b', ...claims: ListedClaim[]): ClaimListing {
  return {
    documentKey,
    documentId: `id-${documentKey}`,
    claims: claims.map((each, index) => ({
      claim: each,
      start: index * 10,
      end: index * 10 + 5,
      placement: 'exact',
    })),
    orphans: [],
  }
}

export function change(patch: Partial<ChangeSummary> = {}): ChangeSummary {
  return {
    cause: 'command',
    description: 'Change',
    claimPaths: [],
    linkPaths: [],
    links: false,
    settings: null,
    correctedPaths: [],
    history: { canUndo: true, canRedo: false, undoLabel: 'Change', redoLabel: null },
    ...patch,
  }
}

export function suggestion(
  claimId: string,
  linked: string | null = null,
  start = 0,
): LinkSuggestion {
  return {
    target: {
      kind: 'claim',
      claimId,
      documentKey: 'b',
      documentId: 'id-b',
      path: 'b.txt',
      start,
      end: start + 5,
      quote: `quote of ${claimId}`,
    },
    score: 0.5,
    relation: 'same',
    linkFrom: 'source',
    linked,
    reasons: [],
    signals: { figures: 0, names: 0, wording: 0.5 },
  }
}

export function suggestions(claimId: string, ...list: LinkSuggestion[]): SuggestionListing {
  return {
    source: { claimId, documentKey: 'a', path: 'a.txt', start: 0, end: 5, quote: 'q' },
    suggestions: list,
    warnings: [],
  }
}

export function reduce(state: AppState, ...actions: Action[]): AppState {
  return actions.reduce(appReducer, state)
}

/**
 * A project with documents a and b side by side (b focused), settings in, and the claim
 * listings given, as the loader would have left them.
 */
export function readingState(listings: { a?: ClaimListing; b?: ClaimListing } = {}): AppState {
  let request = 100
  const loaded = (what: 'claims', key: 'a' | 'b', value: ClaimListing): Action[] => [
    { type: 'load/started', what, key, request: ++request },
    { type: 'load/arrived', what, key, request, value },
  ]
  const opened = (key: 'a' | 'b'): Action[] => [
    { type: 'load/started', what: 'document', key, request: ++request },
    { type: 'load/arrived', what: 'document', key, request, value: document(key) },
  ]
  return reduce(
    initialState({ snap: true }),
    { type: 'backend/state', state: backendState() },
    {
      type: 'backend/session',
      status: {
        annotator: 'alice',
        save: { status: 'saved', message: null, file: 'annotations/alice.json' },
        history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
      },
      settings: SETTINGS,
    },
    { type: 'layout', action: { type: 'open', key: 'a' } },
    { type: 'layout', action: { type: 'open-beside', key: 'b' } },
    ...opened('a'),
    ...opened('b'),
    ...(listings.a ? loaded('claims', 'a', listings.a) : []),
    ...(listings.b ? loaded('claims', 'b', listings.b) : []),
  )
}

export function document(key: 'a' | 'b'): OpenedDocument {
  const text = 'North Korea shipped 13,000 containers.'
  return {
    key,
    path: `${key}.txt`,
    id: `id-${key}`,
    format: 'text',
    metadata: {},
    text,
    blocks: [{ type: 'paragraph', start: 0, end: text.length }],
    warnings: [],
  }
}

/** The end of a link for claim `id` of document `key`, as the effects build it. */
export function end(id: string, documentKey: 'a' | 'b') {
  return {
    claimId: id,
    documentKey,
    path: `${documentKey}.txt`,
    quote: `quote of ${id}`,
    label: 'claim',
  }
}
