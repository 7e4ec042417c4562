/** The workspace module: the backend's listing, the settings, the documents loaded for reading. */
import { describe, expect, it } from 'vitest'
import { backendState, change, readingState, reduce } from './fixtures'

describe('workspace', () => {
  it('drops a loaded document whose file changed, so that it is loaded again', () => {
    const state = readingState()
    expect(Object.keys(state.workspace.documents)).toEqual(['a', 'b'])
    const edited = reduce(state, {
      type: 'backend/state',
      state: backendState(undefined, { a: 'id-a', b: 'id-b2' }),
    })
    expect(Object.keys(edited.workspace.documents)).toEqual(['a'])
  })

  it('forgets a document that failed to open', () => {
    const state = reduce(
      readingState(),
      { type: 'load/started', what: 'document', key: 'a', request: 500 },
      { type: 'load/failed', what: 'document', key: 'a', request: 500 },
    )
    expect(Object.keys(state.workspace.documents)).toEqual(['b'])
  })

  it('takes the settings of a new session, with a new session object', () => {
    const state = readingState()
    const next = reduce(state, {
      type: 'backend/session',
      status: state.status.annotation!,
      settings: null,
    })
    expect(next.workspace.settings).toBeNull()
    expect(next.workspace.session).not.toBe(state.workspace.session)
  })
  it('reads a corrected document again (a furniture flip, its undo), keeping it shown meanwhile', () => {
    const state = readingState()
    const undone = reduce(state, {
      type: 'backend/changed',
      change: change({ cause: 'undo', correctedPaths: ['b.txt'] }),
    })
    expect(undone.workspace.documents.b!.stale).toBe(true)
    expect(undone.workspace.documents.b!.value).toBe(state.workspace.documents.b!.value)
    expect(undone.workspace.documents.a).toBe(state.workspace.documents.a)
    // A change that corrects nothing leaves the documents as they are.
    const edited = reduce(state, {
      type: 'backend/changed',
      change: change({ claimPaths: ['a.txt'] }),
    })
    expect(edited.workspace).toBe(state.workspace)
  })
})
