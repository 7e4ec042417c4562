/**
 * The selection module: linking two claims is an explicit gesture (link.withClaim). Plain
 * clicks never offer the link bar; the claim marked as the start, then a claim selected in
 * another document, does; Escape (linking/end) or selecting nothing cancels.
 */
import { describe, expect, it } from 'vitest'
import { initialSelection, selectionReducer } from '../../../../src/renderer/store/selection'
import { claim, end, listing, readingState, reduce } from './fixtures'

const select = (state = initialSelection, claim: ReturnType<typeof end> | null) =>
  selectionReducer(state, { type: 'selection/claim', claim })

describe('selection: linking two claims', () => {
  it('never offers the link bar for plain selections, even across documents', () => {
    const state = select(select(initialSelection, end('x', 'a')), end('y', 'b'))
    expect(state.claimId).toBe('y')
    expect(state.linkOffer).toBeNull()
  })

  it('offers it once a start is marked and a claim of another document is selected', () => {
    let state = select(initialSelection, end('x', 'a'))
    state = selectionReducer(state, { type: 'linking/start', from: end('x', 'a') })
    expect(state.linkOffer).toBeNull()
    // Another claim of the same document: still waiting for the other document.
    state = select(state, end('x2', 'a'))
    expect(state.linkOffer).toBeNull()
    expect(state.linkStart?.claimId).toBe('x')
    state = select(state, end('y', 'b'))
    expect(state.linkOffer).toEqual({ from: end('x', 'a'), to: end('y', 'b') })
  })

  it('drops a link in the making when its start is gone from the new listing (undone)', () => {
    let state = reduce(
      readingState({ a: listing('a', claim('x')), b: listing('b', claim('y')) }),
      { type: 'selection/claim', claim: end('x', 'a') },
      { type: 'linking/start', from: end('x', 'a') },
    )
    expect(state.selection.linkStart?.claimId).toBe('x')
    // Another listing of the same document without x: its creation was undone.
    state = reduce(
      state,
      { type: 'load/started', what: 'claims', key: 'a', request: 900 },
      { type: 'load/arrived', what: 'claims', key: 'a', request: 900, value: listing('a') },
    )
    expect(state.selection.linkStart).toBeNull()
    expect(state.selection.linkOffer).toBeNull()
  })

  it('cancels on Escape, on selecting nothing and on following a link', () => {
    const started = selectionReducer(select(initialSelection, end('x', 'a')), {
      type: 'linking/start',
      from: end('x', 'a'),
    })
    const offered = select(started, end('y', 'b'))
    const escaped = selectionReducer(offered, { type: 'linking/end' })
    expect([escaped.linkStart, escaped.linkOffer]).toEqual([null, null])
    expect(escaped.claimId).toBe('y')
    const nothing = select(offered, null)
    expect([nothing.linkStart, nothing.linkOffer, nothing.claimId]).toEqual([null, null, null])
    const jumped = selectionReducer(started, {
      type: 'selection/jump',
      claimId: 'z',
      documentKey: 'b',
    })
    expect([jumped.linkStart, jumped.linkOffer]).toEqual([null, null])
    expect(jumped.reveal).toEqual({ claimId: 'z', documentKey: 'b', focus: true })
  })

  it('keeps each pane its own text selection, and the same object for the same range', () => {
    const once = selectionReducer(initialSelection, {
      type: 'selection/text',
      paneId: 'pane-1',
      range: { start: 1, end: 4 },
    })
    const again = selectionReducer(once, {
      type: 'selection/text',
      paneId: 'pane-1',
      range: { start: 1, end: 4 },
    })
    expect(again).toBe(once)
    expect(once.text).toEqual({ 'pane-1': { start: 1, end: 4 } })
  })
})
