/**
 * The links module and the selectors over it: what a change makes stale, and the suggestion A
 * (or L, Enter) takes: the first one not linked yet, from a list asked after the last change,
 * while no other accept is under way, so a double press links once.
 */
import { describe, expect, it } from 'vitest'
import type { Action } from '../../../../src/renderer/store/actions'
import {
  acceptableSuggestionOf,
  linkSearchRows,
  linkSearchSettled,
} from '../../../../src/renderer/store/selectors'
import type { AppState } from '../../../../src/renderer/store/state'
import type { LinkSearchDialog } from '../../../../src/renderer/store/dialogs'
import {
  change,
  claim,
  end,
  listing,
  readingState,
  reduce,
  suggestion,
  suggestions,
} from './fixtures'

const x = claim('x')
const y = claim('y')

/** Document a focused with claim x selected and its suggestions loaded. */
function withSuggestions(...list: ReturnType<typeof suggestion>[]): AppState {
  return reduce(
    readingState({ a: listing('a', x), b: listing('b', y) }),
    { type: 'layout', action: { type: 'focus', pane: 0 } },
    { type: 'selection/claim', claim: end('x', 'a') },
    { type: 'load/started', what: 'suggestions', key: 'x', request: 7 },
    {
      type: 'load/arrived',
      what: 'suggestions',
      key: 'x',
      request: 7,
      value: suggestions('x', ...list),
    },
  )
}

const reload = (state: AppState, request: number, ...list: ReturnType<typeof suggestion>[]) =>
  reduce(
    state,
    { type: 'load/started', what: 'suggestions', key: 'x', request },
    {
      type: 'load/arrived',
      what: 'suggestions',
      key: 'x',
      request,
      value: suggestions('x', ...list),
    },
  )

describe('accepting suggestions', () => {
  it('takes the first suggestion not linked yet', () => {
    const state = withSuggestions(suggestion('y', 'same'), suggestion('z', null, 20))
    expect(acceptableSuggestionOf(state)?.target.claimId).toBe('z')
  })

  it('takes nothing while an accept is under way or the list is older than the last change', () => {
    let state = withSuggestions(suggestion('y'), suggestion('z', null, 20))
    state = reduce(state, { type: 'suggestions/accepting', target: { documentKey: 'b', start: 0 } })
    // The accepted one left the list at once, yet the next is not offered to a second press.
    expect(state.links.suggestions.list.value?.suggestions.map((s) => s.target.claimId)).toEqual([
      'z',
    ])
    expect(acceptableSuggestionOf(state)).toBeNull()
    state = reduce(state, { type: 'suggestions/accepted' })
    expect(acceptableSuggestionOf(state)).toBeNull()
    // The list asked again after the link: y is marked linked, z is offered.
    state = reload(state, 8, suggestion('y', 'same'), suggestion('z', null, 20))
    expect(acceptableSuggestionOf(state)?.target.claimId).toBe('z')
  })

  it('marks the list stale on any change of claims or links', () => {
    const state = withSuggestions(suggestion('y'))
    const changed = reduce(state, {
      type: 'backend/changed',
      change: change({ claimPaths: ['b.txt'] }),
    })
    expect(changed.links.suggestions.list.stale).toBe(true)
    expect(acceptableSuggestionOf(changed)).toBeNull()
  })
})

describe('the L dialog', () => {
  const open = (state: AppState): [AppState, LinkSearchDialog] => {
    const next = reduce(state, { type: 'dialog/link-search', source: end('x', 'a') })
    return [next, next.dialogs.open as LinkSearchDialog]
  }

  it('lists linked targets marked, and is settled once the list and the search answer', () => {
    const [state, dialog] = open(
      withSuggestions(suggestion('y', 'same'), suggestion('z', null, 20)),
    )
    expect(linkSearchRows(state, dialog).map((row) => row.linked)).toEqual(['same', null])
    expect(linkSearchSettled(state, dialog)).toBe(true)
    const typed = reduce(state, { type: 'link-search/query', query: 'port' })
    const typedDialog = typed.dialogs.open as LinkSearchDialog
    expect(linkSearchSettled(typed, typedDialog)).toBe(false)
    const answered = reduce(typed, { type: 'link-search/searched', query: 'port', hits: [] })
    expect(linkSearchSettled(answered, answered.dialogs.open as LinkSearchDialog)).toBe(true)
  })

  it('waits for a fresh list after a link (L, Enter, L, Enter takes two targets)', () => {
    let state = withSuggestions(suggestion('y'), suggestion('z', null, 20))
    state = reduce(
      state,
      { type: 'suggestions/accepting', target: { documentKey: 'b', start: 0 } },
      { type: 'suggestions/accepted' },
    )
    const [opened, dialog] = open(state)
    expect(linkSearchSettled(opened, dialog)).toBe(false)
    const fresh = reload(opened, 9, suggestion('y', 'same'), suggestion('z', null, 20))
    expect(linkSearchSettled(fresh, dialog)).toBe(true)
    expect(linkSearchRows(fresh, dialog).map((row) => row.linked)).toEqual(['same', null])
  })
})

describe('what a change makes stale', () => {
  const linksLoaded = (state: AppState): AppState => {
    const actions: Action[] = (['a', 'b'] as const).flatMap((key, index): Action[] => [
      { type: 'load/started', what: 'links', key, request: 50 + index },
      {
        type: 'load/arrived',
        what: 'links',
        key,
        request: 50 + index,
        value: { documentKey: key, links: [], backlinks: [] },
      },
    ])
    return reduce(state, ...actions)
  }

  it('re-lists the claims and links of the paths named, and bumps the views on link changes', () => {
    const state = linksLoaded(readingState({ a: listing('a', x), b: listing('b', y) }))
    const next = reduce(state, {
      type: 'backend/changed',
      change: change({ claimPaths: ['a.txt'], linkPaths: ['b.txt'], links: true }),
    })
    expect(next.claims.listings.a!.stale).toBe(true)
    expect(next.claims.listings.b!.stale).toBe(false)
    expect(next.links.listings.a!.stale).toBe(false)
    expect(next.links.listings.b!.stale).toBe(true)
    expect(next.claims.counts.stale).toBe(true)
    expect(next.links.version).toBe(state.links.version + 1)
  })

  it('takes new settings from the change, and the history', () => {
    const state = readingState()
    const settings = {
      ...state.workspace.settings!,
      labels: state.workspace.settings!.labels.slice(0, 2),
    }
    const next = reduce(state, { type: 'backend/changed', change: change({ settings }) })
    expect(next.workspace.settings).toBe(settings)
    expect(next.status.annotation?.history.canUndo).toBe(true)
  })
})
