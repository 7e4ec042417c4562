/**
 * The conflicts module: the conflict list is read again when it may have changed (another
 * session, a merge from disk, a commit that settled or put back an entry, or an edit of an
 * object a listed entry shows), and not after every edit of a file without conflicts.
 */
import { describe, expect, it } from 'vitest'
import type { MergeConflictView } from '../../../../src/shared/api'
import type { Action } from '../../../../src/renderer/store/actions'
import { conflictCountOf } from '../../../../src/renderer/store/conflicts'
import { initialState, type AppState } from '../../../../src/renderer/store/state'
import { change, reduce, SETTINGS } from './fixtures'

const ENTRY: MergeConflictView = {
  key: 'claim:x:label:t1:t2',
  kind: 'claim',
  id: '01939a1e-0000-7000-8000-000000000001',
  field: 'label',
  kept: 'event',
  other: 'claim',
  otherTime: '2026-12-01T00:00:00.000Z',
  recorded: '2026-12-02T00:00:00.000Z',
  subject: {
    exists: true,
    documentKey: 'a',
    documentPath: 'a.txt',
    range: { start: 0, end: 4 },
    text: 'text',
  },
}

let request = 0
function listed(state: AppState, list: MergeConflictView[]): AppState {
  const id = ++request
  return reduce(
    state,
    { type: 'load/started', what: 'conflicts', key: '', request: id },
    { type: 'load/arrived', what: 'conflicts', key: '', request: id, value: list },
  )
}

const changed = (patch: Parameters<typeof change>[0]): Action => ({
  type: 'backend/changed',
  change: change(patch),
})

describe('the conflicts module', () => {
  it('counts the entries listed, and lists again for a new session', () => {
    const start = initialState({ snap: true })
    expect(start.conflicts.list.stale).toBe(true)
    const state = listed(start, [ENTRY])
    expect(conflictCountOf(state)).toBe(1)
    expect(state.conflicts.list.stale).toBe(false)
    const session = reduce(state, {
      type: 'backend/session',
      status: {
        annotator: 'bob',
        save: { status: 'saved', message: null, file: null },
        history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
      },
      settings: SETTINGS,
    })
    expect(session.conflicts.list.stale).toBe(true)
    // The count stays on screen while the new list is on its way.
    expect(conflictCountOf(session)).toBe(1)
  })

  it('lists again after a settlement, a merge from disk or an edit of a listed object', () => {
    const withEntry = listed(initialState({ snap: true }), [ENTRY])
    expect(reduce(withEntry, changed({ conflicts: true })).conflicts.list.stale).toBe(true)
    expect(reduce(withEntry, changed({ cause: 'disk' })).conflicts.list.stale).toBe(true)
    expect(reduce(withEntry, changed({ claimPaths: ['a.txt'] })).conflicts.list.stale).toBe(true)
    // Without entries, an ordinary edit does not cost a listing.
    const none = listed(initialState({ snap: true }), [])
    expect(reduce(none, changed({ claimPaths: ['a.txt'] })).conflicts.list.stale).toBe(false)
    expect(reduce(none, changed({ cause: 'disk' })).conflicts.list.stale).toBe(true)
  })
})
