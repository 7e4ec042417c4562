/**
 * Loads what the state says is on screen and missing or stale: the documents the panes show,
 * their claim and link listings, the sidebar's claim counts and annotators, and the selected claim's
 * suggestions. It runs after every change of the state (batched into one pass per task), so
 * the modules only say what is stale; when to ask, and asking once, is decided here.
 */
import { WorkbenchError } from '../../shared/api'
import type { Action, LoadKind, Loads } from '../store/actions'
import { needsLoad, type Resource } from '../store/resource'
import { selectedPlacedOf, SUGGESTIONS_ASKED, summariesOf } from '../store/selectors'
import { shownKeys, type AppState } from '../store/state'
import type { EffectContext } from './context'

/**
 * A document's text that arrives while its claims are on their way waits this long for them, so
 * the reader is made with its highlights in one pass (one layout of the page, not two). A long
 * document's listing can take longer; its text is then drawn first.
 */
const TEXT_WAITS_FOR_CLAIMS_MS = 30

export function createLoader(
  context: EffectContext,
  onFailure: (kind: LoadKind, key: string, error: unknown) => void,
) {
  const { api, store } = context
  // TypeScript cannot tie a generic `what` to its union member: the casts say what it can't.
  const dispatch = (action: object) => store.dispatch(action as Action)
  /** Claim listings asked for and not yet answered, by document key. */
  const claimsInFlight = new Set<string>()
  /** Texts held back until their claims arrive (see TEXT_WAITS_FOR_CLAIMS_MS), by document key. */
  const heldTexts = new Map<string, () => void>()
  const releaseText = (key: string) => {
    const release = heldTexts.get(key)
    heldTexts.delete(key)
    release?.()
  }

  const request = <K extends LoadKind>(what: K, key: string, call: () => Promise<Loads[K]>) => {
    const id = context.nextRequest()
    dispatch({ type: 'load/started', what, key, request: id })
    if (what === 'claims') claimsInFlight.add(key)
    // A claim listing answered (or failed): the text it held back follows in the same task, so
    // React draws both in one render.
    const claimsSettled = () => {
      if (what !== 'claims') return
      claimsInFlight.delete(key)
      releaseText(key)
    }
    call().then(
      (value) => {
        const arrived = () => dispatch({ type: 'load/arrived', what, key, request: id, value })
        if (what === 'document' && claimsInFlight.has(key)) {
          heldTexts.set(key, arrived)
          setTimeout(() => releaseText(key), TEXT_WAITS_FOR_CLAIMS_MS)
          return
        }
        arrived()
        claimsSettled()
      },
      (error: unknown) => {
        claimsSettled()
        dispatch({ type: 'load/failed', what, key, request: id })
        onFailure(what, key, error)
      },
    )
  }

  /** The claim whose suggestions are wanted: the L dialog's, else the selected one (documents view). */
  const suggestionsWanted = (state: AppState): string | null => {
    const open = state.dialogs.open
    if (open?.kind === 'link-search') return open.source.claimId
    if (state.workspace.view !== 'documents') return null
    return selectedPlacedOf(state)?.claim.id ?? null
  }

  const load = (state: AppState) => {
    const summaries = summariesOf(state)
    for (const key of shownKeys(state.layout)) {
      if (!summaries.has(key)) continue
      if (needsLoad(state.workspace.documents[key])) {
        request('document', key, () => api.openDocument(key))
      }
      // Claims are listed while the document itself is on its way (the listing names the content
      // hash the sidebar knows), so a document with thousands of claims is drawn once.
      if (needsLoad(state.claims.listings[key])) request('claims', key, () => api.listClaims(key))
      if (needsLoad(state.links.listings[key])) request('links', key, () => api.listLinks(key))
      // The analyst's own claims are drawn as claims, not as a lane.
      const own = state.status.annotation?.annotator
      const shown = state.review.shown.filter((name) => name !== own)
      if (shown.length > 0 && needsLoad(state.review.listings[key])) {
        request('lanes', key, () => api.listAnnotatorClaims(key, [...shown]))
      }
    }
    if (state.workspace.backend?.project && needsLoad(state.review.annotators)) {
      request('annotators', '', () => api.listAnnotators())
    }
    if (state.workspace.view === 'review' && needsLoad(state.review.queue)) {
      const reviewer = state.status.annotation?.annotator ?? undefined
      request('queue', '', () => api.getReviewQueue(reviewer === undefined ? {} : { reviewer }))
    }
    if (
      state.workspace.backend?.project &&
      state.status.annotation?.annotator &&
      needsLoad(state.conflicts.list)
    ) {
      request('conflicts', '', () => api.listMergeConflicts())
    }
    if (state.workspace.backend?.project && needsLoad(state.claims.counts)) {
      request('counts', '', () => api.getClaimCounts())
    }
    const wanted = suggestionsWanted(state)
    const suggestions = state.links.suggestions
    const list: Resource<unknown> | undefined =
      suggestions.claimId === wanted ? suggestions.list : undefined
    if (wanted !== null && (list === undefined || (needsLoad(list) && !suggestions.accepting))) {
      request('suggestions', wanted, () =>
        api.getSuggestions({ claimId: wanted }, SUGGESTIONS_ASKED),
      )
    }
  }

  let scheduled = false
  /** One pass after the current task's dispatches, on the state they left. */
  return function schedule() {
    if (scheduled) return
    scheduled = true
    queueMicrotask(() => {
      scheduled = false
      load(store.getState())
    })
  }
}

/** The path a failed load names: the backend's, the listing's, or a plain description. */
export function failedPath(error: unknown, fallback: string): string {
  return (error instanceof WorkbenchError ? error.file : undefined) ?? fallback
}
