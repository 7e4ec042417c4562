/**
 * The dialogs module: which dialog (or popup) is open, one at a time, and the state of the L
 * dialog, kept here so its keys read the state when they run rather than a copy of a render.
 */
import type { ClaimSearchHit, NewClaim } from '../../shared/api'
import type { BadgeEvent, ClaimClick } from '../reader/ReaderView'
import type { Action, ClaimEnd } from './actions'

/** The L dialog: link the source claim to a suggestion or to a claim found by searching. */
export interface LinkSearchDialog {
  kind: 'link-search'
  source: ClaimEnd
  query: string
  /** The last search answer with the query it answers: an older query's hits never show. */
  searched: { query: string; hits: readonly ClaimSearchHit[] }
  /** The relation chosen with Alt+key, or null for each row's suggested one. */
  relation: string | null
  /** The highlighted row. */
  active: number
  /** Enter was pressed before the rows for what is typed had arrived: link the top one then. */
  enterQueued: boolean
  linking: boolean
  error: string | null
}

export type Dialog =
  | { kind: 'prompt'; prompt: PromptKind }
  | { kind: 'settings' }
  /** Export a dataset (W3C, brat, JSONL, ClaimReview) or import one into a new annotator file. */
  | { kind: 'dataset'; direction: 'export' | 'import' }
  /** First claim of a new user: their name first, then the claim they asked for. */
  /** `busy` while the name is on its way: a second Enter must not send it (and claim) twice. */
  | { kind: 'annotator'; request: NewClaim; error: string | null; busy: boolean }
  | { kind: 'delete-claim'; claimId: string; links: number }
  | LinkSearchDialog
  | { kind: 'outside'; source: ClaimEnd }
  /** Overlapping claims under a click: pick one. */
  | { kind: 'chooser'; click: ClaimClick }
  /** Correct a document's title, outlet, author, date and address. */
  | { kind: 'document-details'; key: string }

/** What browser mode's path prompt asks for (Electron shows its own dialogs). */
export type PromptKind = 'folder' | 'files' | 'review-file'

export interface DialogsState {
  open: Dialog | null
  /** The link card over a claim's badge (not modal: the keys stay the reader's). */
  card: BadgeEvent | null
}

export const initialDialogs: DialogsState = { open: null, card: null }

function linkSearch(state: DialogsState, change: Partial<LinkSearchDialog>): DialogsState {
  const open = state.open
  return open?.kind === 'link-search' ? { ...state, open: { ...open, ...change } } : state
}

export function dialogsReducer(state: DialogsState, action: Action): DialogsState {
  switch (action.type) {
    case 'dialog/prompt':
      return { ...state, open: { kind: 'prompt', prompt: action.prompt } }
    case 'dialog/settings':
      return { ...state, open: { kind: 'settings' } }
    case 'dialog/dataset':
      return { ...state, open: { kind: 'dataset', direction: action.direction } }
    case 'dialog/annotator':
      return {
        ...state,
        open: { kind: 'annotator', request: action.request, error: null, busy: false },
      }
    case 'dialog/annotator-busy':
      return state.open?.kind === 'annotator'
        ? { ...state, open: { ...state.open, busy: true, error: null } }
        : state
    case 'dialog/annotator-error':
      return state.open?.kind === 'annotator'
        ? { ...state, open: { ...state.open, error: action.error, busy: false } }
        : state
    case 'dialog/delete-claim':
      return {
        ...state,
        open: { kind: 'delete-claim', claimId: action.claimId, links: action.links },
      }
    case 'dialog/link-search':
      return {
        ...state,
        open: {
          kind: 'link-search',
          source: action.source,
          query: '',
          searched: { query: '', hits: [] },
          relation: null,
          active: 0,
          enterQueued: false,
          linking: false,
          error: null,
        },
      }
    case 'dialog/outside':
      return { ...state, open: { kind: 'outside', source: action.source } }
    case 'dialog/chooser':
      return { ...state, open: { kind: 'chooser', click: action.click } }
    case 'dialog/document-details':
      return { ...state, open: { kind: 'document-details', key: action.key } }
    case 'dialog/close':
      return state.open === null ? state : { ...state, open: null }
    case 'link-search/query':
      return linkSearch(state, { query: action.query, active: 0 })
    case 'link-search/searched':
      // An answer to an older query than the one typed now is dropped, not shown over it.
      if (state.open?.kind !== 'link-search' || state.open.query !== action.query) return state
      return linkSearch(state, {
        searched: { query: action.query, hits: action.hits },
        error: null,
      })
    case 'link-search/error':
      return linkSearch(state, { error: action.error })
    case 'link-search/relation':
      return linkSearch(state, { relation: action.relation })
    case 'link-search/active':
      return linkSearch(state, { active: action.index })
    case 'link-search/enter-queued':
      return linkSearch(state, { enterQueued: action.queued })
    case 'link-search/linking':
      return linkSearch(state, { linking: action.linking })
    case 'selection/claim':
      // A claim chosen in the chooser (or anywhere) closes it.
      return state.open?.kind === 'chooser' ? { ...state, open: null } : state
    case 'card/show': {
      // Hovering the badge of a pinned card does not unpin it.
      const { card } = state
      const keep = card?.pinned && card.claimId === action.card.claimId && !action.card.pinned
      return keep ? state : { ...state, card: action.card }
    }
    case 'card/hide':
      return state.card === null || (action.unlessPinned && state.card.pinned)
        ? state
        : { ...state, card: null }
    case 'workspace/view':
      // A card left open would float over another view.
      return state.card === null ? state : { ...state, card: null }
    default:
      return state
  }
}
