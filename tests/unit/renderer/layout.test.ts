import { describe, expect, it } from 'vitest'
import {
  initialLayout,
  layoutReducer,
  MAX_PANES,
  type LayoutAction,
  type LayoutState,
} from '../../../src/renderer/layout'

function apply(...actions: LayoutAction[]): LayoutState {
  return applyTo(initialLayout, ...actions)
}

function applyTo(state: LayoutState, ...actions: LayoutAction[]): LayoutState {
  return actions.reduce(layoutReducer, state)
}

describe('layoutReducer', () => {
  it('opens documents as tabs of the focused pane, after the active tab', () => {
    const state = apply(
      { type: 'open', key: 'a' },
      { type: 'open', key: 'b' },
      { type: 'activate', pane: 0, key: 'a' },
      { type: 'open', key: 'c' },
      { type: 'open', key: 'b' },
    )
    expect(state.panes).toHaveLength(1)
    expect(state.panes[0]!.tabs).toEqual(['a', 'c', 'b'])
    expect(state.panes[0]!.active).toBe('b')
  })

  it('opens side by side in new panes up to four, then in the pane after the focused one', () => {
    let state = apply({ type: 'open', key: 'a' }, { type: 'open-beside', key: 'b' })
    expect(state.panes.map((pane) => pane.active)).toEqual(['a', 'b'])
    expect(state.focused).toBe(1)
    state = applyTo(state, { type: 'open-beside', key: 'c' }, { type: 'open-beside', key: 'd' })
    expect(state.panes.map((pane) => pane.active)).toEqual(['a', 'b', 'c', 'd'])
    expect(state.panes).toHaveLength(MAX_PANES)
    state = layoutReducer(state, { type: 'open-beside', key: 'e' })
    expect(state.panes.map((pane) => pane.tabs)).toEqual([['a', 'e'], ['b'], ['c'], ['d']])
    expect(state.focused).toBe(0)
  })

  it('shows a document: focuses the pane showing it, else brings its tab forward, else opens it', () => {
    let state = apply({ type: 'open', key: 'a' }, { type: 'open', key: 'x' })
    state = applyTo(state, { type: 'open-beside', key: 'b' }, { type: 'focus', pane: 0 })
    // Shown in pane 1: focus moves there, nothing opens.
    let next = layoutReducer(state, { type: 'show', key: 'b', beside: true })
    expect(next.focused).toBe(1)
    expect(next.panes.map((pane) => pane.tabs)).toEqual([['a', 'x'], ['b']])
    // A background tab of the focused pane, beside: opened in another pane, the focused one stays.
    next = layoutReducer(state, { type: 'show', key: 'a', beside: true })
    expect(next.panes.map((pane) => pane.active)).toEqual(['x', 'b', 'a'])
    // Not open anywhere, beside: a new pane.
    next = layoutReducer(state, { type: 'show', key: 'c', beside: true })
    expect(next.panes.map((pane) => pane.active)).toEqual(['x', 'b', 'c'])
    expect(next.focused).toBe(2)
    // Not beside (from the matrix): in the focused pane.
    next = layoutReducer(state, { type: 'show', key: 'c', beside: false })
    expect(next.panes.map((pane) => pane.active)).toEqual(['c', 'b'])
  })

  it('activates a neighbour when the active tab closes, and collapses an emptied split', () => {
    let state = apply(
      { type: 'open', key: 'a' },
      { type: 'open', key: 'b' },
      { type: 'open', key: 'c' },
      { type: 'activate', pane: 0, key: 'b' },
      { type: 'close', pane: 0, key: 'b' },
    )
    expect(state.panes[0]!.active).toBe('c')
    state = layoutReducer(state, { type: 'open-beside', key: 'd' })
    const rightId = state.panes[1]!.id
    state = layoutReducer(state, { type: 'close', pane: 1, key: 'd' })
    expect(state.panes).toHaveLength(1)
    expect(state.panes[0]!.id).not.toBe(rightId)
    expect(state.focused).toBe(0)
  })

  it('keeps the surviving pane (and its id) when the left pane empties', () => {
    let state = apply({ type: 'open', key: 'a' }, { type: 'open-beside', key: 'b' })
    const rightId = state.panes[1]!.id
    state = layoutReducer(state, { type: 'close-everywhere', key: 'a' })
    expect(state.panes.map((pane) => pane.id)).toEqual([rightId])
    expect(state.focused).toBe(0)
  })

  it('drops tabs of documents that left the project', () => {
    const state = apply(
      { type: 'open', key: 'a' },
      { type: 'open', key: 'b' },
      { type: 'open-beside', key: 'c' },
      { type: 'retain', keys: new Set(['a']) },
    )
    expect(state.panes).toHaveLength(1)
    expect(state.panes[0]!.tabs).toEqual(['a'])
    expect(state.panes[0]!.active).toBe('a')
  })

  it('resets to one empty pane', () => {
    const state = apply(
      { type: 'open', key: 'a' },
      { type: 'open-beside', key: 'b' },
      { type: 'reset' },
    )
    expect(state.panes).toHaveLength(1)
    expect(state.panes[0]!.tabs).toEqual([])
    expect(state.focused).toBe(0)
  })
})
