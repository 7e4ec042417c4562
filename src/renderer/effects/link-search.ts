/**
 * The L dialog's behaviour: typing searches every claim of the project (after a short pause),
 * ↑/↓ move among the rows not linked yet, Enter links the highlighted row, or, typed ahead of
 * the rows (L, Enter at once), the top one once they have arrived. Every handler reads the
 * dialog's state from the store when it runs.
 */
import { freeRow, type LinkTarget } from '../links/link-targets'
import type { LinkSearchDialog } from '../store/dialogs'
import { errorText } from '../store/errors'
import { linkSearchRows, linkSearchSettled, relationsOf } from '../store/selectors'
import type { AppState } from '../store/state'
import type { EffectContext } from './context'
import type { linkEffects } from './links'

/** A pause in typing long enough to be worth a search. */
const SEARCH_DELAY_MS = 80

function dialogOf(state: AppState): LinkSearchDialog | null {
  const open = state.dialogs.open
  return open?.kind === 'link-search' ? open : null
}

/** The row shown highlighted and taken by Enter: `active` when not linked, else the first free. */
export function activeRow(rows: readonly { linked: string | null }[], active: number): number {
  return rows[active]?.linked === null ? active : freeRow(rows, -1, 1)
}

/** The relation a row is linked with: the one chosen with Alt+key, else its suggested one. */
export function relationForRow(row: LinkTarget, chosen: string | null): string {
  return chosen ?? (row.kind === 'suggestion' ? row.suggestion.relation : 'same')
}

export function linkSearchEffects(context: EffectContext, links: ReturnType<typeof linkEffects>) {
  const { api, store } = context
  const { dispatch, getState } = store
  let searchTimer: ReturnType<typeof setTimeout> | null = null

  const link = (row: LinkTarget | undefined) => {
    const dialog = dialogOf(getState())
    if (!dialog || !row || row.linked !== null || dialog.linking) return
    dispatch({ type: 'link-search/linking', linking: true })
    const relation = relationForRow(row, dialog.relation)
    const done =
      row.kind === 'claim'
        ? links.create({
            from: dialog.source.claimId,
            to: { kind: 'claim', claimId: row.hit.claimId },
            relation,
          })
        : links.accept(dialog.source, row.suggestion, relation)
    void done.then((linked) => {
      if (linked) dispatch({ type: 'dialog/close' })
      else dispatch({ type: 'link-search/linking', linking: false })
    })
  }

  const rows = () => {
    const state = getState()
    const dialog = dialogOf(state)
    return dialog ? linkSearchRows(state, dialog) : []
  }

  const toggleRelation = (relation: string) => {
    const dialog = dialogOf(getState())
    if (!dialog) return
    dispatch({
      type: 'link-search/relation',
      relation: dialog.relation === relation ? null : relation,
    })
  }

  return {
    setQuery(query: string) {
      dispatch({ type: 'link-search/query', query })
      if (searchTimer !== null) clearTimeout(searchTimer)
      if (query.trim() === '') return
      searchTimer = setTimeout(() => {
        searchTimer = null
        api.searchClaims(query, 20).then(
          (hits) => dispatch({ type: 'link-search/searched', query, hits }),
          (error: unknown) => dispatch({ type: 'link-search/error', error: errorText(error) }),
        )
      }, SEARCH_DELAY_MS)
    },
    /** ↑ / ↓: the next row not linked yet. */
    move(step: 1 | -1) {
      const dialog = dialogOf(getState())
      if (!dialog) return
      const shown = rows()
      const next = freeRow(shown, activeRow(shown, dialog.active), step)
      if (next >= 0) dispatch({ type: 'link-search/active', index: next })
    },
    hover(index: number) {
      if (rows()[index]?.linked === null) dispatch({ type: 'link-search/active', index })
    },
    toggleRelation,
    /** Alt+letter: the relation with that key, if any; true when it was one. */
    relationKey(letter: string): boolean {
      const relation = relationsOf(getState()).find((candidate) => candidate.key === letter)
      if (relation) toggleRelation(relation.id)
      return relation !== undefined
    },
    enter() {
      const state = getState()
      const dialog = dialogOf(state)
      if (!dialog) return
      if (!linkSearchSettled(state, dialog)) {
        dispatch({ type: 'link-search/enter-queued', queued: true })
        return
      }
      const shown = linkSearchRows(state, dialog)
      link(shown[activeRow(shown, dialog.active)])
    },
    /** Enter typed ahead: called by the loader whenever the state changed. */
    flushQueuedEnter() {
      const state = getState()
      const dialog = dialogOf(state)
      if (!dialog?.enterQueued || !linkSearchSettled(state, dialog)) return
      dispatch({ type: 'link-search/enter-queued', queued: false })
      // The top row: nothing was chosen before the rows arrived.
      const shown = linkSearchRows(state, dialog)
      link(shown[freeRow(shown, -1, 1)])
    },
    pick(index: number) {
      link(rows()[index])
    },
    close() {
      if (searchTimer !== null) clearTimeout(searchTimer)
      dispatch({ type: 'dialog/close' })
    },
  }
}
