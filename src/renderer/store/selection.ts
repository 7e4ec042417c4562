/**
 * The selection module: the text selected in each pane, the selected claim, and an explicit
 * link in the making. Linking two claims is a gesture of its own (link.withClaim, Shift+L): it
 * marks the selected claim as the link's start, and only then does selecting a claim in another
 * document offer the link bar. Plain clicks never offer it; Escape or selecting nothing ends it.
 */
import type { ClaimListing } from '../../shared/api'
import type { OffsetRange } from '../reader/positions'
import type { Action, ClaimEnd } from './actions'

export interface LinkOffer {
  from: ClaimEnd
  to: ClaimEnd
}

export interface SelectionState {
  /** The reader's text selection in each pane (canonical offsets), by pane id. */
  text: Readonly<Record<string, OffsetRange | null>>
  /** The selected claim, in the focused document. */
  claimId: string | null
  /** The claim a link starts from, while the analyst picks the other end. */
  linkStart: ClaimEnd | null
  /** The two claims the link bar offers to link: start, then a claim of another document. */
  linkOffer: LinkOffer | null
  /**
   * A selected claim to bring into view once its reader shows it (the pane does, after it has
   * drawn the claim): scrolled to, and with `focus` its reader focused.
   */
  reveal: { claimId: string; documentKey: string | null; focus: boolean } | null
}

export const initialSelection: SelectionState = {
  text: {},
  claimId: null,
  linkStart: null,
  linkOffer: null,
  reveal: null,
}

export function selectionReducer(state: SelectionState, action: Action): SelectionState {
  switch (action.type) {
    case 'selection/text': {
      const before = state.text[action.paneId] ?? null
      const range = action.range
      if (before?.start === range?.start && before?.end === range?.end) return state
      return { ...state, text: { ...state.text, [action.paneId]: range } }
    }
    case 'selection/claim': {
      const claim = action.claim
      if (claim === null) {
        if (state.claimId === null && state.linkStart === null) return state
        return { ...state, claimId: null, linkStart: null, linkOffer: null, reveal: null }
      }
      const { linkStart } = state
      const offer =
        linkStart && linkStart.documentKey !== claim.documentKey
          ? { from: linkStart, to: claim }
          : null
      const reveal = action.reveal
        ? { claimId: claim.claimId, documentKey: claim.documentKey, focus: action.reveal.focus }
        : null
      return { ...state, claimId: claim.claimId, linkOffer: offer, reveal }
    }
    case 'selection/jump':
      // Following a link, a cluster or a cell is reading on, not picking a link's other end.
      return {
        ...state,
        claimId: action.claimId,
        linkStart: null,
        linkOffer: null,
        reveal: { claimId: action.claimId, documentKey: action.documentKey, focus: true },
      }
    case 'selection/revealed':
      return state.reveal === null ? state : { ...state, reveal: null }
    case 'linking/start':
      return { ...state, linkStart: action.from, linkOffer: null }
    case 'linking/end':
      return state.linkStart === null && state.linkOffer === null
        ? state
        : { ...state, linkStart: null, linkOffer: null }
    case 'backend/session':
      return { ...state, claimId: null, linkStart: null, linkOffer: null, reveal: null }
    default:
      return state
  }
}

/**
 * A link in the making whose claim is gone from its document's new listing (undone, or deleted
 * by a colleague) is dropped: a relation key would otherwise link from a claim that is not there.
 */
export function withoutGoneLinkEnds(
  selection: SelectionState,
  documentKey: string,
  listing: ClaimListing,
): SelectionState {
  const present = new Set([
    ...listing.claims.map((placed) => placed.claim.id),
    ...listing.orphans.map((orphan) => orphan.claim.id),
  ])
  const gone = (end: ClaimEnd | null | undefined) =>
    end != null && end.documentKey === documentKey && !present.has(end.claimId)
  const offer = selection.linkOffer
  if (!gone(selection.linkStart) && !gone(offer?.from) && !gone(offer?.to)) return selection
  return { ...selection, linkStart: null, linkOffer: null }
}
