/**
 * What the analyst does to links: link two claims (the link bar, after link.withClaim), accept
 * a suggestion (A, the panel's buttons, the L dialog), link an outside source, edit and delete
 * links, and follow a link to its other passage. Changes share the claims' serial queue.
 */
import type { ClaimRef, LinkPatch, LinkSuggestion, NewLink, OutsideSource } from '../../shared/api'
import type { ClaimEnd } from '../store/actions'
import { errorText } from '../store/errors'
import { acceptableSuggestionOf, readOnlyOf, selectedEndOf } from '../store/selectors'
import type { EffectContext } from './context'

export function linkEffects(context: EffectContext) {
  const { api, store, queue, fail, refuseIfReadOnly } = context
  const { dispatch, getState } = store

  /** Resolves true once the link exists; false when it could not be made (a notice says why). */
  const create = (input: NewLink): Promise<boolean> => {
    if (refuseIfReadOnly()) return Promise.resolve(false)
    return queue(() => api.createLink(input)).then(
      () => true,
      (error: unknown) => {
        fail('Could not link the claims', error)
        return false
      },
    )
  }

  /**
   * Links `source` (the claim the suggestions were asked for) to a suggestion's target with
   * `relation`; the backend decides the direction from what the suggestion proposed. A sentence
   * nobody claimed is claimed first, with the source's label.
   */
  const accept = (
    source: ClaimEnd,
    suggestion: LinkSuggestion,
    relation: string = suggestion.relation,
  ): Promise<boolean> => {
    if (refuseIfReadOnly()) return Promise.resolve(false)
    const { target } = suggestion
    const targetRef: ClaimRef =
      target.claimId !== null
        ? { claimId: target.claimId }
        : {
            documentKey: target.documentKey,
            start: target.start,
            end: target.end,
            label: source.label,
          }
    dispatch({
      type: 'suggestions/accepting',
      target: { documentKey: target.documentKey, start: target.start },
    })
    return queue(() =>
      api.acceptSuggestion({
        source: { claimId: source.claimId },
        target: targetRef,
        relation,
        suggested: { relation: suggestion.relation, linkFrom: suggestion.linkFrom },
      }),
    ).then(
      () => {
        dispatch({ type: 'suggestions/accepted' })
        return true
      },
      (error: unknown) => {
        dispatch({ type: 'suggestions/accepted' })
        fail('Could not accept the suggestion', error)
        return false
      },
    )
  }

  return {
    create,
    accept,
    /** The selected claim as the source of a link, or null. */
    selectedSource: () => selectedEndOf(getState()),
    /** A: the first suggestion not linked yet, once the list answers the last change. */
    acceptFirstSuggestion() {
      const state = getState()
      const source = selectedEndOf(state)
      const suggestion = acceptableSuggestionOf(state)
      if (source && suggestion) void accept(source, suggestion)
    },
    /** link.withClaim: the selected claim starts a link; a claim of another document ends it. */
    startLinking() {
      const source = selectedEndOf(getState())
      if (source) dispatch({ type: 'linking/start', from: source })
    },
    endLinking() {
      dispatch({ type: 'linking/end' })
    },
    /** A relation key or button of the link bar: links the offered pair, from the start claim. */
    linkOffered(relation: string) {
      const offer = getState().selection.linkOffer
      if (!offer) return
      dispatch({ type: 'linking/end' })
      void create({
        from: offer.from.claimId,
        to: { kind: 'claim', claimId: offer.to.claimId },
        relation,
      })
    },
    /** Resolves to the reason it failed, or null once linked. */
    linkOutside(from: string, source: OutsideSource, relation: string, note: string) {
      const reason = readOnlyOf(getState())
      if (reason !== null) return Promise.resolve(reason)
      const to = { kind: 'outside' as const, ...source }
      return queue(() => api.createLink({ from, to, relation, note })).then(
        () => null,
        (error: unknown) => errorText(error),
      )
    },
    setWording: (clusterId: string, wording: string | null) =>
      queue(() => api.setClusterWording(clusterId, wording)),
    update(linkId: string, patch: LinkPatch) {
      if (refuseIfReadOnly()) return
      queue(() => api.updateLink(linkId, patch)).catch((error: unknown) =>
        fail('Could not change the link', error),
      )
    },
    remove(linkId: string) {
      if (refuseIfReadOnly()) return
      queue(() => api.deleteLink(linkId)).catch((error: unknown) =>
        fail('Could not delete the link', error),
      )
    },
    /**
     * Shows a claim from a link, a cluster or a matrix cell: its document comes into view
     * (beside the one being read, for links), and the claim is selected and scrolled to once
     * it is drawn there.
     */
    openClaim(claimId: string, documentKey: string, beside = false) {
      dispatch({ type: 'workspace/view', view: 'documents' })
      dispatch({ type: 'layout', action: { type: 'show', key: documentKey, beside } })
      dispatch({ type: 'selection/jump', claimId, documentKey })
    },
    openSearch() {
      const source = selectedEndOf(getState())
      if (source) dispatch({ type: 'dialog/link-search', source })
    },
    openOutside() {
      const source = selectedEndOf(getState())
      if (source) dispatch({ type: 'dialog/outside', source })
    },
  }
}
