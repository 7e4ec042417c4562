/**
 * What the analyst can do to claims, as plain functions for buttons and keys. Every change goes
 * through one serial queue (see serialQueue.ts) and reports failures as notices; the UI then
 * follows the backend's 'claims-changed' events. A new claim is drawn before the backend
 * answers (the reader's pending highlight), and the next listing replaces it.
 */
import { useCallback, useMemo, useRef, useState } from 'react'
import type {
  AnnotationStatus,
  ClaimListing,
  ClaimPatch,
  ExportRequest,
  HistoryState,
  Label,
  OpenedDocument,
  RelationType,
} from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'
import { PENDING_CLAIM_ID } from '../reader/claimDecorations'
import type { OffsetRange } from '../reader/positions'
import type { ReaderHandle } from '../reader/ReaderView'
import { downloadText } from './download'
import { createSerialQueue } from './serialQueue'
import { claimRangeOf, moveBoundary } from './snap'
import { useReadOnlyGuard } from './useReadOnlyGuard'

/** The focused document and what is selected in it, read when an action runs. */
export interface ClaimContext {
  document: OpenedDocument | null
  listing: ClaimListing | null
  selection: OffsetRange | null
  selectedClaimId: string | null
  reader: ReaderHandle | null
}

interface NewClaimRequest {
  documentKey: string
  range: OffsetRange
  label: string
}

interface ClaimActionsOptions {
  api: WorkbenchClient
  getContext(): ClaimContext
  status: AnnotationStatus | null
  readOnly: string | null
  snap: boolean
  notify(title: string, error: unknown, kind?: 'error' | 'info'): void
  setStatus(status: AnnotationStatus): void
  setHistory(history: HistoryState): void
  select(id: string | null): void
  refreshListing(key: string): void
}

export function useClaimActions(options: ClaimActionsOptions) {
  const { api, getContext, status, readOnly, snap, notify } = options
  const { setStatus, setHistory, select, refreshListing } = options
  const queue = useMemo(() => createSerialQueue(), [])
  /** The claim waiting for the annotator's name (first claim of a new user). */
  const [awaitingAnnotator, setAwaitingAnnotator] = useState<NewClaimRequest | null>(null)
  const [annotatorError, setAnnotatorError] = useState<string | null>(null)
  /** The range last asked for per claim, so quick boundary key presses build on each other. */
  const requestedRange = useRef<{ id: string; range: OffsetRange } | null>(null)

  const refuseIfReadOnly = useReadOnlyGuard(readOnly, notify)

  const create = useCallback(
    (request: NewClaimRequest) => {
      const reader = getContext().reader
      reader?.drawPendingClaim({ id: PENDING_CLAIM_ID, label: request.label, ...request.range })
      reader?.clearSelection()
      queue(() =>
        api.createClaim({
          documentKey: request.documentKey,
          ...request.range,
          label: request.label,
        }),
      )
        .then((claim) => select(claim.id))
        .catch((error: unknown) => {
          notify('Could not create the claim', error)
          refreshListing(request.documentKey) // Takes the pending highlight away.
        })
    },
    [api, getContext, queue, select, notify, refreshListing],
  )

  const createFromSelection = useCallback(
    (label: Label) => {
      const { document, selection } = getContext()
      if (!document || !selection || refuseIfReadOnly()) return
      const range = claimRangeOf(document.text, selection, snap)
      if (!range) return
      const request = { documentKey: document.key, range, label: label.id }
      if (status?.annotator) create(request)
      else setAwaitingAnnotator(request)
    },
    [getContext, refuseIfReadOnly, snap, status, create],
  )

  const confirmAnnotator = useCallback(
    (name: string) => {
      api.setAnnotator(name).then(
        (next) => {
          setStatus(next)
          setAnnotatorError(null)
          const request = awaitingAnnotator
          setAwaitingAnnotator(null)
          if (request) create(request)
        },
        (error: unknown) =>
          setAnnotatorError(error instanceof Error ? error.message : String(error)),
      )
    },
    [api, setStatus, awaitingAnnotator, create],
  )

  const cancelAnnotator = useCallback(() => {
    setAwaitingAnnotator(null)
    setAnnotatorError(null)
  }, [])

  const update = useCallback(
    (id: string, patch: ClaimPatch) => {
      if (refuseIfReadOnly()) return
      queue(() => api.updateClaim(id, patch)).catch((error: unknown) =>
        notify('Could not change the claim', error),
      )
    },
    [api, queue, notify, refuseIfReadOnly],
  )

  const remove = useCallback(
    (id: string) => {
      if (refuseIfReadOnly()) return
      select(null)
      queue(() => api.deleteClaim(id)).catch((error: unknown) =>
        notify('Could not delete the claim', error),
      )
    },
    [api, queue, notify, select, refuseIfReadOnly],
  )

  const step = useCallback(
    (direction: 'undo' | 'redo') => {
      if (refuseIfReadOnly()) return
      requestedRange.current = null
      queue(() => (direction === 'undo' ? api.undo() : api.redo())).then(
        (result) => setHistory(result.history),
        (error: unknown) => notify(`Could not ${direction}`, error),
      )
    },
    [api, queue, notify, setHistory, refuseIfReadOnly],
  )

  /** The selected claim as placed in the focused document. */
  const selectedPlaced = useCallback(() => {
    const { listing, selectedClaimId } = getContext()
    return listing?.claims.find(({ claim }) => claim.id === selectedClaimId) ?? null
  }, [getContext])

  const moveEdge = useCallback(
    (edge: 'start' | 'end', direction: -1 | 1) => {
      const placed = selectedPlaced()
      const { document } = getContext()
      if (!placed || !document) return
      const id = placed.claim.id
      const previous = requestedRange.current
      const base = previous?.id === id ? previous.range : { start: placed.start, end: placed.end }
      const range = moveBoundary(document.text, base, edge, direction, snap)
      if (range.start === base.start && range.end === base.end) return
      requestedRange.current = { id, range }
      update(id, range)
    },
    [getContext, selectedPlaced, snap, update],
  )

  /** The selection as a claim range, or null (nothing selected, or only spaces). */
  const selectionRange = useCallback((): OffsetRange | null => {
    const { document, selection } = getContext()
    return document && selection ? claimRangeOf(document.text, selection, snap) : null
  }, [getContext, snap])

  const setRangeFromSelection = useCallback(() => {
    const placed = selectedPlaced()
    const range = selectionRange()
    if (!placed || !range) return
    requestedRange.current = null
    update(placed.claim.id, range)
    getContext().reader?.clearSelection()
  }, [selectedPlaced, selectionRange, update, getContext])

  const place = useCallback(
    (id: string, range: OffsetRange | null = selectionRange()) => {
      if (!range || refuseIfReadOnly()) return
      queue(() => api.replaceOrphan(id, range.start, range.end)).then(
        () => {
          select(id)
          getContext().reader?.clearSelection()
        },
        (error: unknown) => notify('Could not place the claim', error),
      )
    },
    [api, queue, notify, select, selectionRange, refuseIfReadOnly, getContext],
  )

  /** Any table (claims, links, clusters, the matrix): downloaded, or saved by Electron's dialog. */
  const exportTable = useCallback(
    (request: ExportRequest) => {
      queue(() => api.exportClaims(request)).then(
        (result) => {
          if (!result) return // The save dialog was cancelled.
          if (result.csv !== null) {
            const type = result.fileName.endsWith('.svg')
              ? 'image/svg+xml;charset=utf-8'
              : 'text/csv;charset=utf-8'
            downloadText(result.fileName, result.csv, type)
          } else if (result.savedTo) {
            notify(`Exported ${result.fileName}`, new Error(`Saved to ${result.savedTo}`), 'info')
          }
        },
        (error: unknown) => notify(`Could not export ${request.table ?? 'the claims'}`, error),
      )
    },
    [api, queue, notify],
  )

  const exportClaims = useCallback(
    (scope: 'project' | 'document') => {
      const { document } = getContext()
      if (scope === 'project') exportTable({ scope })
      else if (document) exportTable({ scope, documentKey: document.key })
    },
    [exportTable, getContext],
  )

  /** Resolves to the backend's reason when it refused, or null once saved. */
  const saveSettings = useCallback(
    (update: () => Promise<unknown>): Promise<string | null> =>
      queue(update).then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      ),
    [queue],
  )
  const saveLabels = useCallback(
    (labels: Label[]) => saveSettings(() => api.updateLabels(labels)),
    [api, saveSettings],
  )
  const saveRelations = useCallback(
    (relations: RelationType[]) => saveSettings(() => api.updateRelationTypes(relations)),
    [api, saveSettings],
  )

  return {
    createFromSelection,
    awaitingAnnotator: awaitingAnnotator !== null,
    annotatorError,
    confirmAnnotator,
    cancelAnnotator,
    update,
    remove,
    undo: useCallback(() => step('undo'), [step]),
    redo: useCallback(() => step('redo'), [step]),
    moveEdge,
    setRangeFromSelection,
    place,
    exportClaims,
    exportTable,
    saveLabels,
    saveRelations,
    /** The one queue every change goes through (links share it). */
    queue,
  }
}

export type ClaimActions = ReturnType<typeof useClaimActions>
