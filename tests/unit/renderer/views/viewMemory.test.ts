import { describe, expect, it } from 'vitest'
import type { WorkbenchEvent, WorkbenchState } from '../../../../src/shared/api'
import { recall, remember } from '../../../../src/renderer/views/viewMemory'

function stateOf(root: string | null): WorkbenchState {
  return {
    project: root === null ? null : { root, name: root, isSample: false },
    documents: [],
    problems: [],
    firstRun: false,
    capabilities: { nativeDialogs: false },
  }
}

/** A stand-in for the API client: a project open at `root`, and events sent by hand. */
function fakeClient(root: string) {
  const listeners: ((event: WorkbenchEvent) => void)[] = []
  return {
    getState: () => Promise.resolve(stateOf(root)),
    onEvent(listener: (event: WorkbenchEvent) => void) {
      listeners.push(listener)
      return () => {}
    },
    emit(root: string | null) {
      for (const listener of listeners) listener({ type: 'state-changed', state: stateOf(root) })
    },
  }
}

describe('view memory', () => {
  it('keeps values per owner (one per window) and key', () => {
    const window1 = {}
    const window2 = {}
    expect(recall(window1, 'matrix:order')).toBeUndefined()
    remember(window1, 'matrix:order', 'sources')
    remember(window2, 'matrix:order', 'first-appearance')
    expect(recall(window1, 'matrix:order')).toBe('sources')
    expect(recall(window2, 'matrix:order')).toBe('first-appearance')
    remember(window1, 'matrix:order', 'contradictions-first')
    expect(recall(window1, 'matrix:order')).toBe('contradictions-first')
    expect(recall(window1, 'clusters:filter')).toBeUndefined()
  })

  it('remembers falsy values as such', () => {
    const owner = {}
    remember(owner, 'matrix:hide-unlinked', false)
    remember(owner, 'clusters:scroll', 0)
    expect(recall(owner, 'matrix:hide-unlinked')).toBe(false)
    expect(recall(owner, 'clusters:scroll')).toBe(0)
  })
})

describe('view memory and projects', () => {
  it('forgets everything when another project opens, not when the same one changes', async () => {
    const client = fakeClient('/work/a')
    remember(client, 'matrix:order', 'sources')
    await Promise.resolve() // getState answers: the memory knows project a is open.
    client.emit('/work/a') // a file changed in the same project
    expect(recall(client, 'matrix:order')).toBe('sources')
    client.emit('/work/b')
    expect(recall(client, 'matrix:order')).toBeUndefined()
    remember(client, 'matrix:order', 'first-appearance')
    client.emit('/work/b')
    expect(recall(client, 'matrix:order')).toBe('first-appearance')
    client.emit(null) // the project closed
    expect(recall(client, 'matrix:order')).toBeUndefined()
  })
})
