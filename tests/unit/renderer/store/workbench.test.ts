/**
 * The workbench's effects against a stand-in API, in Node: one event subscription feeds the
 * store, the loader asks for what is shown once per change (a burst while a request is in flight
 * costs one more request, not one per change), and A pressed twice accepts once, as the
 * contract now wants it (the claim asked for as source, the suggestion's own relation).
 */
import { describe, expect, it } from 'vitest'
import type { WorkbenchEvent } from '../../../../src/shared/api'
import type { WorkbenchClient } from '../../../../src/shared/client'
import { createWorkbench } from '../../../../src/renderer/effects/workbench'
import { acceptableSuggestionOf } from '../../../../src/renderer/store/selectors'
import {
  backendState,
  change,
  claim,
  document,
  listing,
  SETTINGS,
  suggestion,
  suggestions,
} from './fixtures'

/** Lets every pending promise callback and microtask run. */
const settle = () => new Promise((done) => setTimeout(done, 0))

function fakeApi() {
  const calls: { method: string; args: unknown[] }[] = []
  const listeners: ((event: WorkbenchEvent) => void)[] = []
  const held: { release: () => void }[] = []
  let holding = false
  const answer =
    <T>(method: string, value: (...args: never[]) => T) =>
    (...args: unknown[]) => {
      calls.push({ method, args })
      const result = value(...(args as never[]))
      if (!holding) return Promise.resolve(result)
      return new Promise<T>((resolve) => held.push({ release: () => resolve(result) }))
    }
  const status = {
    annotator: 'alice',
    save: { status: 'saved' as const, message: null, file: 'annotations/alice.json' },
    history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
  }
  const api = {
    onEvent(listener: (event: WorkbenchEvent) => void) {
      listeners.push(listener)
      return () => listeners.splice(listeners.indexOf(listener), 1)
    },
    getState: answer('getState', () => backendState()),
    getAnnotationStatus: answer('getAnnotationStatus', () => status),
    getProjectSettings: answer('getProjectSettings', () => SETTINGS),
    openDocument: answer('openDocument', (key: 'a' | 'b') => document(key)),
    listClaims: answer('listClaims', (key: 'a' | 'b') =>
      key === 'a' ? listing('a', claim('x', 'a')) : listing('b', claim('y', 'b')),
    ),
    listLinks: answer('listLinks', (key: string) => ({
      documentKey: key,
      links: [],
      backlinks: [],
    })),
    getClaimCounts: answer('getClaimCounts', () => ({ byDocument: {}, byLabel: {} })),
    getSuggestions: answer('getSuggestions', () =>
      suggestions('x', suggestion('y', 'same'), suggestion('z', null, 20)),
    ),
    acceptSuggestion: answer('acceptSuggestion', () => ({ link: {}, createdClaims: [] })),
  }
  return {
    api: api as unknown as WorkbenchClient,
    calls,
    count: (method: string) => calls.filter((call) => call.method === method).length,
    emit: (event: WorkbenchEvent) => listeners.forEach((listener) => listener(event)),
    listeners,
    hold: () => (holding = true),
    releaseAll: () => {
      holding = false
      held.splice(0).forEach((call) => call.release())
    },
  }
}

async function started() {
  const fake = fakeApi()
  const workbench = createWorkbench(fake.api)
  const stop = workbench.start()
  await settle()
  workbench.layout({ type: 'open', key: 'a' })
  await settle()
  return { fake, workbench, stop }
}

describe('the workbench', () => {
  it('subscribes once, and loads what is shown: the document, its claims and links', async () => {
    const { fake, workbench, stop } = await started()
    expect(fake.listeners).toHaveLength(1)
    expect(fake.calls.filter((call) => call.args[0] === 'a').map((call) => call.method)).toEqual([
      'openDocument',
      'listClaims',
      'listLinks',
    ])
    expect(workbench.store.getState().claims.listings.a?.value?.claims).toHaveLength(1)
    stop()
    expect(fake.listeners).toHaveLength(0)
  })

  it('re-lists on a change, once more for a burst that came while a request was in flight', async () => {
    const { fake } = await started()
    const before = fake.count('listClaims')
    fake.hold()
    fake.emit({ type: 'changed', change: change({ claimPaths: ['a.txt'] }) })
    await settle()
    fake.emit({ type: 'changed', change: change({ claimPaths: ['a.txt'] }) })
    fake.emit({ type: 'changed', change: change({ claimPaths: ['a.txt'] }) })
    await settle()
    expect(fake.count('listClaims')).toBe(before + 1)
    fake.releaseAll()
    await settle()
    fake.releaseAll()
    await settle()
    expect(fake.count('listClaims')).toBe(before + 2)
    // A change elsewhere lists nothing here.
    fake.emit({ type: 'changed', change: change({ claimPaths: ['b.txt'] }) })
    await settle()
    expect(fake.count('listClaims')).toBe(before + 2)
  })

  it('accepts the first suggestion not linked yet, once for two presses of A', async () => {
    const { fake, workbench } = await started()
    workbench.claims.select('x')
    await settle()
    expect(acceptableSuggestionOf(workbench.store.getState())?.target.claimId).toBe('z')
    workbench.links.acceptFirstSuggestion()
    workbench.links.acceptFirstSuggestion()
    await settle()
    expect(fake.count('acceptSuggestion')).toBe(1)
    expect(fake.calls.find((call) => call.method === 'acceptSuggestion')!.args[0]).toEqual({
      source: { claimId: 'x' },
      target: { claimId: 'z' },
      relation: 'same',
      suggested: { relation: 'same', linkFrom: 'source' },
    })
    // The list is asked again after the link, before A may take from it again.
    expect(fake.count('getSuggestions')).toBe(2)
  })
})
