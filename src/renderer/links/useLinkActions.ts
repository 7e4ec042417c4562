/**
 * What the analyst can do to links, as plain functions for buttons, keys and dialogs. Link
 * commands share the claims' serial queue (the backend sees changes in the order they were
 * made, undo included) and report failures as notices. The backend announces every change
 * ('links-changed', 'claims-changed'), which bumps the data version; each success bumps it too,
 * so the view follows even a door that drops events.
 */
import { useCallback } from 'react'
import type {
  AcceptSuggestion,
  LinkPatch,
  LinkSuggestion,
  NewLink,
  OutsideSource,
  SuggestionListing,
} from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'
import type { SerialQueue } from '../claims/serialQueue'
import { useReadOnlyGuard } from '../claims/useReadOnlyGuard'

interface LinkActionsOptions {
  api: WorkbenchClient
  queue: SerialQueue
  readOnly: string | null
  notify(title: string, error: unknown, kind?: 'error' | 'info'): void
  /** After a change: links, clusters and the matrix may differ. */
  changed(): void
}

export function useLinkActions(options: LinkActionsOptions) {
  const { api, queue, readOnly, notify, changed } = options

  const refuseIfReadOnly = useReadOnlyGuard(readOnly, notify)

  /** Resolves true once the link exists; false when it could not be made (a notice says why). */
  const create = useCallback(
    (input: NewLink): Promise<boolean> => {
      if (refuseIfReadOnly()) return Promise.resolve(false)
      return queue(() => api.createLink(input)).then(
        () => {
          changed()
          return true
        },
        (error: unknown) => {
          notify('Could not link the claims', error)
          return false
        },
      )
    },
    [api, queue, notify, changed, refuseIfReadOnly],
  )

  /** Links a claim to an outside source; resolves to the reason it failed, or null. */
  const linkOutside = useCallback(
    (from: string, source: OutsideSource, relation: string, note: string) => {
      if (readOnly !== null) return Promise.resolve(readOnly)
      const to = { kind: 'outside' as const, ...source }
      return queue(() => api.createLink({ from, to, relation, note })).then(
        () => {
          changed()
          return null
        },
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
    },
    [api, queue, readOnly, changed],
  )

  const update = useCallback(
    (id: string, patch: LinkPatch) => {
      if (refuseIfReadOnly()) return
      queue(() => api.updateLink(id, patch)).then(changed, (error: unknown) =>
        notify('Could not change the link', error),
      )
    },
    [api, queue, notify, changed, refuseIfReadOnly],
  )

  const remove = useCallback(
    (id: string) => {
      if (refuseIfReadOnly()) return
      queue(() => api.deleteLink(id)).then(changed, (error: unknown) =>
        notify('Could not delete the link', error),
      )
    },
    [api, queue, notify, changed, refuseIfReadOnly],
  )

  /**
   * Links the source of a suggestion listing to one suggestion, with `relation` (the suggested
   * one by default). An unannotated sentence is claimed first, with the source claim's label.
   */
  const accept = useCallback(
    (
      listing: SuggestionListing,
      suggestion: LinkSuggestion,
      label: string,
      relation: string = suggestion.relation,
    ): Promise<boolean> => {
      if (refuseIfReadOnly()) return Promise.resolve(false)
      const { source } = listing
      const sourceRef: AcceptSuggestion['from'] =
        source.claimId !== null
          ? { claimId: source.claimId }
          : { documentKey: source.documentKey, start: source.start, end: source.end, label }
      const { target } = suggestion
      const targetRef: AcceptSuggestion['to'] =
        target.claimId !== null
          ? { claimId: target.claimId }
          : { documentKey: target.documentKey, start: target.start, end: target.end, label }
      // An update points from the newer figure to the one it replaces; a relation the analyst
      // chose instead starts at their claim.
      const fromTarget = suggestion.linkFrom === 'target' && relation === suggestion.relation
      const [from, to] = fromTarget ? [targetRef, sourceRef] : [sourceRef, targetRef]
      return queue(() => api.acceptSuggestion({ from, to, relation })).then(
        () => {
          changed()
          return true
        },
        (error: unknown) => {
          notify('Could not accept the suggestion', error)
          return false
        },
      )
    },
    [api, queue, notify, changed, refuseIfReadOnly],
  )

  return { create, linkOutside, update, remove, accept }
}

export type LinkActions = ReturnType<typeof useLinkActions>
