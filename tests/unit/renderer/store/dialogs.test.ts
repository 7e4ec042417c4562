/** The dialogs module: one dialog at a time, the L dialog's own state, and the badge card. */
import { describe, expect, it } from 'vitest'
import {
  dialogsReducer,
  initialDialogs,
  type LinkSearchDialog,
} from '../../../../src/renderer/store/dialogs'
import type { Action } from '../../../../src/renderer/store/actions'
import { end } from './fixtures'

const run = (...actions: Action[]) => actions.reduce(dialogsReducer, initialDialogs)
const card = (claimId: string, pinned: boolean) => ({
  claimId,
  rect: { left: 0, top: 0, bottom: 10 },
  pinned,
})

describe('dialogs', () => {
  it('opens the L dialog afresh, and its query resets the highlighted row', () => {
    const state = run(
      { type: 'dialog/link-search', source: end('x', 'a') },
      { type: 'link-search/active', index: 3 },
      { type: 'link-search/enter-queued', queued: true },
      { type: 'link-search/query', query: 'rajin' },
    )
    const dialog = state.open as LinkSearchDialog
    expect([dialog.query, dialog.active, dialog.enterQueued]).toEqual(['rajin', 0, true])
    // L dialog actions do nothing to another dialog.
    const settings = run({ type: 'dialog/settings' }, { type: 'link-search/query', query: 'x' })
    expect(settings.open).toEqual({ kind: 'settings' })
  })

  it("drops an older query's answer that arrives after the newer query's, and clears an error", () => {
    const typed = run(
      { type: 'dialog/link-search', source: end('x', 'a') },
      { type: 'link-search/query', query: 'abc' },
      { type: 'link-search/error', error: 'Search failed' },
      { type: 'link-search/query', query: 'abcd' },
    )
    const newer = dialogsReducer(typed, { type: 'link-search/searched', query: 'abcd', hits: [] })
    expect((newer.open as LinkSearchDialog).searched).toEqual({ query: 'abcd', hits: [] })
    expect((newer.open as LinkSearchDialog).error).toBeNull()
    const older = dialogsReducer(newer, { type: 'link-search/searched', query: 'abc', hits: [] })
    expect(older).toBe(newer)
  })

  it('keeps the annotator dialog busy while the name is on its way, and free again on an error', () => {
    const request = { documentKey: 'a', start: 0, end: 5, label: 'claim' }
    const busy = run({ type: 'dialog/annotator', request }, { type: 'dialog/annotator-busy' })
    expect(busy.open).toMatchObject({ kind: 'annotator', busy: true })
    const refused = dialogsReducer(busy, { type: 'dialog/annotator-error', error: 'Bad name' })
    expect(refused.open).toMatchObject({ busy: false, error: 'Bad name' })
  })

  it('closes the chooser once a claim is chosen, not another dialog', () => {
    const click = { ids: ['x', 'y'], x: 1, y: 2 }
    expect(
      run({ type: 'dialog/chooser', click }, { type: 'selection/claim', claim: end('x', 'a') })
        .open,
    ).toBeNull()
    expect(
      run({ type: 'dialog/settings' }, { type: 'selection/claim', claim: end('x', 'a') }).open,
    ).toEqual({ kind: 'settings' })
  })

  it('keeps a pinned card while its badge is hovered, and drops any card on another view', () => {
    const pinned = run({ type: 'card/show', card: card('x', true) })
    expect(dialogsReducer(pinned, { type: 'card/show', card: card('x', false) })).toBe(pinned)
    expect(dialogsReducer(pinned, { type: 'card/hide', unlessPinned: true })).toBe(pinned)
    expect(dialogsReducer(pinned, { type: 'card/hide', unlessPinned: false }).card).toBeNull()
    expect(dialogsReducer(pinned, { type: 'workspace/view', view: 'matrix' }).card).toBeNull()
  })
})
