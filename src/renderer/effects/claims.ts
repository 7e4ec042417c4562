/**
 * What the analyst does to claims, for buttons, keys and menus. Each reads the state when it
 * runs (store.getState()), sends data-changing calls through the serial queue, and reports
 * failures as notices; the view then follows the backend's 'changed' events.
 */
import type { ClaimPatch, ExportRequest, Label, NewClaim, RelationType } from '../../shared/api'
import { neighbourClaim } from '../claims/claim-text'
import { downloadText } from '../claims/download'
import { claimRangeOf, moveBoundary } from '../claims/snap'
import { PENDING_CLAIM_ID } from '../reader/claim-decorations'
import type { OffsetRange } from '../reader/positions'
import type { ClaimClick } from '../reader/ReaderView'
import { errorText } from '../store/errors'
import {
  claimEndOf,
  focusedDocumentOf,
  focusedKeyOf,
  focusedListingOf,
  focusedPaneOf,
  focusedTextOf,
  linksOfClaim,
  selectedPlacedOf,
  summariesOf,
} from '../store/selectors'
import { afterNextPaint } from '../reader/after-next-paint'
import type { EffectContext } from './context'

const SNAP_STORAGE_KEY = 'corroborate.snapToWords'

/** "Snap selections to words": on by default, remembered in this browser profile. */
export function readSnapPreference(): boolean {
  try {
    return localStorage.getItem(SNAP_STORAGE_KEY) !== 'false'
  } catch {
    return true // Storage may be disabled; the default applies.
  }
}

export function claimEffects(context: EffectContext) {
  const { api, store, queue, panes, fail, inform, refuseIfReadOnly } = context
  const { dispatch, getState } = store

  const focusedReader = () => panes.get(focusedPaneOf(getState()).id)?.reader() ?? null

  /** Selects a claim of the focused document (null: none); `reveal` scrolls to it. */
  const select = (claimId: string | null, reveal?: { focus: boolean }) => {
    const key = focusedKeyOf(getState())
    const end = claimId === null || key === null ? null : claimEndOf(getState(), claimId, key)
    if (claimId !== null && end === null) return
    dispatch({ type: 'selection/claim', claim: end, reveal })
  }

  const create = (request: NewClaim) => {
    const reader = focusedReader()
    // The highlight is what the analyst waits for: it is drawn in this frame. The panels'
    // re-render, clearing the DOM selection and the call to the backend follow once it is
    // painted; the state changes now, so a second key meanwhile finds no selection to claim.
    const painted = afterNextPaint()
    store.hold(painted)
    reader?.drawPendingClaim({ id: PENDING_CLAIM_ID, ...request })
    // The selection became the claim (the DOM's may be gone already, into a dialog).
    dispatch({ type: 'selection/text', paneId: focusedPaneOf(getState()).id, range: null })
    void painted.then(() => reader?.clearSelection())
    queue(() => painted.then(() => api.createClaim(request))).then(
      (claim) => {
        // Selected at once; the panel shows it when the listing the 'changed' event asks for is in.
        if (focusedKeyOf(getState()) !== request.documentKey) return
        dispatch({
          type: 'selection/claim',
          claim: {
            claimId: claim.id,
            documentKey: request.documentKey,
            path: summariesOf(getState()).get(request.documentKey)?.path ?? '',
            quote: claim.target.quote.exact,
            label: claim.label,
          },
        })
      },
      (error: unknown) => {
        fail('Could not create the claim', error)
        // Listed again: the new listing takes the pending highlight away.
        dispatch({ type: 'claims/relist', documentKey: request.documentKey })
      },
    )
  }

  const update = (claimId: string, patch: ClaimPatch) => {
    if (refuseIfReadOnly()) return
    queue(() => api.updateClaim(claimId, patch)).catch((error: unknown) =>
      fail('Could not change the claim', error),
    )
  }

  const remove = (claimId: string) => {
    if (refuseIfReadOnly()) return
    select(null)
    queue(() => api.deleteClaim(claimId)).catch((error: unknown) =>
      fail('Could not delete the claim', error),
    )
  }

  /** The text selection as a claim range, or null (nothing selected, or only spaces). */
  const selectionRange = (): OffsetRange | null => {
    const state = getState()
    const document = focusedDocumentOf(state)
    const text = focusedTextOf(state)
    return document && text ? claimRangeOf(document.text, text, state.claims.snap) : null
  }

  const place = (claimId: string, range: OffsetRange | null = selectionRange()) => {
    if (!range || refuseIfReadOnly()) return
    dispatch({ type: 'claims/placing', claimId: null })
    queue(() => api.replaceOrphan(claimId, range.start, range.end)).then(
      () => {
        select(claimId)
        focusedReader()?.clearSelection()
      },
      (error: unknown) => fail('Could not place the claim', error),
    )
  }

  const exportTable = (request: ExportRequest) => {
    queue(() => api.exportTable(request)).then(
      (result) => {
        if (!result) return // The save dialog was cancelled.
        if (result.text !== null) {
          const type =
            result.format === 'svg' ? 'image/svg+xml;charset=utf-8' : 'text/csv;charset=utf-8'
          downloadText(result.fileName, result.text, type)
        } else if (result.savedTo) {
          inform(`Exported ${result.fileName}`, `Saved to ${result.savedTo}`)
        }
      },
      (error: unknown) => fail(`Could not export ${request.table ?? 'the claims'}`, error),
    )
  }

  /** Resolves to the backend's reason when it refused, or null once saved. */
  const saveSettings = (call: () => Promise<unknown>): Promise<string | null> =>
    queue(call).then(
      () => null,
      (error: unknown) => errorText(error),
    )

  const step = (direction: 'undo' | 'redo') => {
    if (refuseIfReadOnly()) return
    dispatch({ type: 'claims/nudged', nudge: null })
    queue(() => (direction === 'undo' ? api.undo() : api.redo())).catch((error: unknown) =>
      fail(`Could not ${direction}`, error),
    )
  }

  return {
    select,
    /** The reader's text selection changed. */
    selectText(paneId: string, range: OffsetRange | null) {
      dispatch({ type: 'selection/text', paneId, range })
    },
    /** A click in the text: on one claim, on several (the chooser offers them), or on none. */
    clickClaims(click: ClaimClick) {
      if (click.ids.length > 1) dispatch({ type: 'dialog/chooser', click })
      else select(click.ids[0] ?? null)
    },
    /** J / K: the next or previous claim of the focused document. */
    selectNeighbour(step: 1 | -1) {
      const state = getState()
      const next = neighbourClaim(
        focusedListingOf(state)?.claims ?? [],
        state.selection.claimId,
        step,
      )
      if (next) select(next.claim.id, { focus: false })
    },
    /** A label key or button: the selection becomes a claim (after asking who annotates). */
    createFromSelection(label: Label) {
      const state = getState()
      const document = focusedDocumentOf(state)
      const range = selectionRange()
      if (!document || !range || refuseIfReadOnly()) return
      const request = { documentKey: document.key, ...range, label: label.id }
      if (state.status.annotation?.annotator) create(request)
      else dispatch({ type: 'dialog/annotator', request })
    },
    confirmAnnotator(name: string) {
      const open = getState().dialogs.open
      if (open?.kind !== 'annotator' || open.busy) return
      const { request } = open
      dispatch({ type: 'dialog/annotator-busy' })
      queue(() => api.setAnnotator(name)).then(
        (status) => {
          dispatch({ type: 'backend/status', status })
          dispatch({ type: 'dialog/close' })
          create(request)
        },
        (error: unknown) => dispatch({ type: 'dialog/annotator-error', error: errorText(error) }),
      )
    },
    cancelAnnotator() {
      dispatch({ type: 'dialog/close' })
      // The DOM selection went into the dialog's field: the reader's is gone.
      dispatch({ type: 'selection/text', paneId: focusedPaneOf(getState()).id, range: null })
    },
    update,
    /** Delete key or button: a claim with links asks first, since its links go with it. */
    remove(claimId: string) {
      const links = linksOfClaim(getState(), claimId).length
      if (links === 0) remove(claimId)
      else dispatch({ type: 'dialog/delete-claim', claimId, links })
    },
    confirmRemove() {
      const open = getState().dialogs.open
      dispatch({ type: 'dialog/close' })
      if (open?.kind === 'delete-claim') remove(open.claimId)
    },
    undo: () => step('undo'),
    redo: () => step('redo'),
    /** Boundary keys: move the selected claim's start or end by a word (or a character). */
    moveEdge(edge: 'start' | 'end', direction: -1 | 1) {
      const state = getState()
      const placed = selectedPlacedOf(state)
      const document = focusedDocumentOf(state)
      if (!placed || !document) return
      const claimId = placed.claim.id
      const nudge = state.claims.nudge
      const base =
        nudge?.claimId === claimId ? nudge.range : { start: placed.start, end: placed.end }
      const range = moveBoundary(document.text, base, edge, direction, state.claims.snap)
      if (range.start === base.start && range.end === base.end) return
      dispatch({ type: 'claims/nudged', nudge: { claimId, range } })
      update(claimId, range)
    },
    /** R: the selected claim takes the text selection as its range. */
    setRangeFromSelection() {
      const placed = selectedPlacedOf(getState())
      const range = selectionRange()
      if (!placed || !range) return
      dispatch({ type: 'claims/nudged', nudge: null })
      update(placed.claim.id, range)
      focusedReader()?.clearSelection()
    },
    place,
    /** Places a moved claim where it was found (its place as listed now). */
    confirmPlace(claimId: string) {
      const placed = selectedPlacedOf(getState())
      if (placed?.claim.id === claimId) place(claimId, { start: placed.start, end: placed.end })
    },
    startPlacing(claimId: string | null) {
      dispatch({ type: 'claims/placing', claimId })
    },
    placeAtSelection() {
      const placing = getState().claims.placingId
      if (placing) place(placing)
    },
    exportTable,
    exportProject: () => exportTable({ scope: 'project' }),
    saveLabels: (labels: Label[]) => saveSettings(() => api.updateLabels(labels)),
    /** Settings: annotate as someone else; resolves to the backend's refusal, or null. */
    switchAnnotator: (name: string): Promise<string | null> =>
      queue(() => api.setAnnotator(name)).then(
        (status) => {
          dispatch({ type: 'backend/status', status })
          return null
        },
        (error: unknown) => errorText(error),
      ),
    saveRelations: (relations: RelationType[]) =>
      saveSettings(() => api.updateRelationTypes(relations)),
    setSnap(snap: boolean) {
      dispatch({ type: 'claims/snap', snap })
      try {
        localStorage.setItem(SNAP_STORAGE_KEY, String(snap))
      } catch {
        // Not remembered across sessions, still applied now.
      }
    },
  }
}
