/** The root reducer: another project starts every module afresh; listings follow what is shown. */
import { describe, expect, it } from 'vitest'
import { backendState, claim, listing, readingState, reduce } from './fixtures'

describe('the application state', () => {
  it('starts afresh for another project, with a new session for the views to remember by', () => {
    const state = readingState({ a: listing('a', claim('x')) })
    const same = reduce(state, { type: 'backend/state', state: backendState() })
    expect(same.workspace.session).toBe(state.workspace.session)
    expect(same.layout.panes).toHaveLength(2)
    const other = reduce(state, { type: 'backend/state', state: backendState('/work/other') })
    expect(other.workspace.session).not.toBe(state.workspace.session)
    expect(other.layout.panes.map((pane) => pane.tabs)).toEqual([[]])
    expect(other.claims.listings).toEqual({})
    expect(other.workspace.settings).toBeNull()
  })

  it('lists a changed file again, and forgets the listings of documents no longer shown', () => {
    const state = readingState({ a: listing('a'), b: listing('b') })
    const edited = reduce(state, {
      type: 'backend/state',
      state: backendState(undefined, { a: 'id-a2', b: 'id-b' }),
    })
    expect(edited.claims.listings.a!.stale).toBe(true)
    expect(edited.claims.listings.b!.stale).toBe(false)
    const closed = reduce(state, { type: 'layout', action: { type: 'close', pane: 1, key: 'b' } })
    expect(Object.keys(closed.claims.listings)).toEqual(['a'])
  })

  it('returns the same state for an action that changes nothing', () => {
    const state = readingState()
    expect(reduce(state, { type: 'dialog/close' })).toBe(state)
  })
})
