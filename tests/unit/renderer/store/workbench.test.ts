/**
 * The workbench's effects in Node against the real backend: a project of two articles in a temp
 * folder, opened by a real Workbench and reached through a typed client built the way a door
 * builds it (createClient over dispatch). The transport is spied on (every call recorded, and
 * the answers of chosen methods held until the test releases them), never stood in for.
 *
 * One event subscription feeds the store, the loader asks for what is shown once per change (a
 * burst while a request is in flight costs one more request, not one per change), and A pressed
 * twice accepts once, as the contract now wants it (the claim asked for as source, the
 * suggestion's own relation): the link exists once, in the backend and in the file on disk.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createWorkbench as createBackend,
  dispatch,
  type Workbench as Backend,
} from '../../../../src/backend'
import { readAnnotationFileText } from '../../../../src/core/model'
import type { Claim, WorkbenchEvent, WorkbenchMethod } from '../../../../src/shared/api'
import { createClient } from '../../../../src/shared/client'
import { createWorkbench } from '../../../../src/renderer/effects/workbench'
import {
  acceptableSuggestionOf,
  panelSuggestionsOf,
} from '../../../../src/renderer/store/selectors'
import type { AppState } from '../../../../src/renderer/store/state'
import { fakeParser, tempDir, writeFiles } from '../../backend/helpers'

vi.setConfig({ testTimeout: 30_000 })

const CLAIM_X = 'North Korea has sent more than 13,000 containers of munitions to Russia'
const CLAIM_Y = 'North Korea has sent over 13,000 containers of munitions to Russia'
const CLAIM_Z = 'More than 13,000 containers of North Korean munitions have reached Russia'

const ARTICLES = {
  'a.txt':
    'Shipments continue\n\n' +
    `${CLAIM_X}, officials said.\n\n` +
    'Moscow denied the allegations on Tuesday.',
  'b.txt':
    'Arms for the front\n\n' +
    `${CLAIM_Y}, according to officials.\n\n` +
    `${CLAIM_Z} since August.`,
}

const opened: Backend[] = []

// Coalesced writes finish before helpers.ts removes the temp folders (hooks run in reverse
// order of registration, and helpers.ts registered its hook first, on import).
afterEach(async () => {
  await Promise.all(opened.splice(0).map((backend) => backend.close()))
})

/** Resolves once `predicate` holds, checking after every turn of the event loop. */
async function until(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`)
    await new Promise((next) => setTimeout(next, 2))
  }
}

/**
 * A real backend on a project of a.txt and b.txt, with claim x in a, claims y and z in b, and x
 * linked to y; and the client a door would build on it, with its transport and subscription
 * spied on.
 */
async function project() {
  const root = await tempDir()
  await writeFiles(root, ARTICLES)
  const backend = createBackend({
    settingsDir: await tempDir(),
    samplesDir: await tempDir(),
    parse: fakeParser().parse,
    log: () => {},
    annotationStore: { coalesceMs: 20 },
  })
  opened.push(backend)
  await backend.setAnnotator('alice')
  const state = await backend.openProject(root)
  const keyOf = (path: string) => state.documents.find((doc) => doc.path === path)!.key
  const claimOf = async (path: 'a.txt' | 'b.txt', quote: string): Promise<Claim> => {
    const start = ARTICLES[path].indexOf(quote)
    return backend.createClaim({
      documentKey: keyOf(path),
      start,
      end: start + quote.length,
      label: 'claim',
    })
  }
  const x = await claimOf('a.txt', CLAIM_X)
  const y = await claimOf('b.txt', CLAIM_Y)
  const z = await claimOf('b.txt', CLAIM_Z)
  await backend.createLink({ from: x.id, to: { kind: 'claim', claimId: y.id }, relation: 'same' })

  const calls: { method: WorkbenchMethod; args: unknown[] }[] = []
  const held: { method: WorkbenchMethod; release: () => void }[] = []
  const holding = new Set<WorkbenchMethod>()
  let subscriptions = 0
  const client = createClient(
    async (method, args) => {
      calls.push({ method, args })
      const answer = await dispatch(backend, method, args)
      if (holding.has(method)) {
        await new Promise<void>((release) => held.push({ method, release }))
      }
      return answer
    },
    (listener: (event: WorkbenchEvent) => void) => {
      subscriptions += 1
      const unsubscribe = backend.onEvent(listener)
      return () => {
        subscriptions -= 1
        unsubscribe()
      }
    },
  )
  return {
    root,
    backend,
    client,
    keyA: keyOf('a.txt'),
    keyB: keyOf('b.txt'),
    x,
    y,
    z,
    calls,
    count: (method: WorkbenchMethod) => calls.filter((call) => call.method === method).length,
    subscriptions: () => subscriptions,
    /** Answers of `method` wait for `release` from now on (the backend has answered already). */
    hold: (method: WorkbenchMethod) => holding.add(method),
    held: () => held.length,
    /** Lets the held answers through, and holds no more. */
    release: () => {
      holding.clear()
      held.splice(0).forEach(({ release }) => release())
    },
    /** Lets the held answers of `method` through, and holds no more of them. */
    releaseOnly: (method: WorkbenchMethod) => {
      holding.delete(method)
      for (const answer of held.filter((answer) => answer.method === method)) {
        held.splice(held.indexOf(answer), 1)
        answer.release()
      }
    },
  }
}

/** The renderer's workbench on `setup`'s client, started, with a.txt open. */
async function started() {
  const setup = await project()
  const workbench = createWorkbench(setup.client)
  const stop = workbench.start()
  const state = () => workbench.store.getState()
  await until(() => state().workspace.backend?.project != null, 'the project is in')
  workbench.layout({ type: 'open', key: setup.keyA })
  await until(() => shownAndFresh(state(), setup.keyA), 'a.txt is shown with its claims and links')
  return { ...setup, workbench, stop, state }
}

/** The document `key`, its claims and its links are in, none asked for again or on its way. */
function shownAndFresh(state: AppState, key: string): boolean {
  const fresh = (
    resource: { value: unknown; pending: number | null; stale: boolean } | undefined,
  ) =>
    resource !== undefined &&
    resource.value !== null &&
    resource.pending === null &&
    !resource.stale
  return (
    fresh(state.workspace.documents[key]) &&
    fresh(state.claims.listings[key]) &&
    fresh(state.links.listings[key])
  )
}

describe('the workbench on the real backend', () => {
  it('subscribes once, and loads what is shown: the document, its claims and links', async () => {
    const { stop, state, calls, keyA, x, subscriptions } = await started()
    expect(subscriptions()).toBe(1)
    expect(calls.filter((call) => call.args[0] === keyA).map((call) => call.method)).toEqual([
      'openDocument',
      'listClaims',
      'listLinks',
    ])
    expect(state().workspace.documents[keyA]?.value?.text).toBe(
      'Shipments continue\n\n' +
        `${CLAIM_X}, officials said.\n\n` +
        'Moscow denied the allegations on Tuesday.',
    )
    expect(state().claims.listings[keyA]?.value?.claims.map((placed) => placed.claim.id)).toEqual([
      x.id,
    ])
    expect(
      state().links.listings[keyA]?.value?.links.map((resolved) => resolved.link.from),
    ).toEqual([x.id])
    expect(state().status.annotation?.annotator).toBe('alice')
    stop()
    expect(subscriptions()).toBe(0)
  })

  it('hands over a text with its claims when they come right after it', async () => {
    const { workbench, state, keyB, stop, hold, held, release, releaseOnly } = await started()
    // Whether the state ever had the text without its claims (the reader would be made bare).
    let bare = false
    const unsubscribe = workbench.store.subscribe(() => {
      const text = state().workspace.documents[keyB]?.value != null
      if (text && state().claims.listings[keyB]?.value == null) bare = true
    })
    // The text arrives first, its claims a moment later (well within the wait).
    hold('openDocument')
    hold('listClaims')
    workbench.layout({ type: 'open', key: keyB })
    await until(() => held() === 2, 'the text and the listing are held')
    releaseOnly('openDocument')
    await new Promise((next) => setTimeout(next, 5))
    release()
    await until(() => shownAndFresh(state(), keyB), 'b.txt is shown with its claims')
    expect(bare).toBe(false)
    unsubscribe()
    stop()
  })

  it('shows a text without its claims when the listing is slow, and the claims after', async () => {
    const { workbench, state, hold, held, release, keyB, stop } = await started()
    hold('listClaims')
    workbench.layout({ type: 'open', key: keyB })
    await until(() => held() > 0, 'the listing is held')
    await until(() => state().workspace.documents[keyB]?.value != null, 'the text is shown')
    expect(state().claims.listings[keyB]?.value ?? null).toBeNull()
    release()
    await until(() => shownAndFresh(state(), keyB), 'b.txt is shown with its claims')
    stop()
  })

  it('re-lists on a change, once more for a burst that came while a request was in flight', async () => {
    const { backend, state, count, hold, held, release, keyA, keyB, x } = await started()
    const listing = () => state().claims.listings[keyA]!
    const noteOfX = () =>
      listing().value?.claims.find((placed) => placed.claim.id === x.id)?.claim.note
    const before = count('listClaims')
    hold('listClaims')
    // A change to a.txt (made elsewhere: another window, the command line): listed again.
    await backend.updateClaim(x.id, { note: 'one' })
    await until(() => held() === 1, 'the listing after the first change is held')
    expect(count('listClaims')).toBe(before + 1)
    // Two more while that answer is held: the listing is stale, nothing more is asked yet.
    await backend.updateClaim(x.id, { note: 'two' })
    await backend.updateClaim(x.id, { note: 'three' })
    expect(listing()).toMatchObject({ stale: true })
    expect(listing().pending).not.toBeNull()
    expect(count('listClaims')).toBe(before + 1)
    release()
    await until(
      () => !listing().stale && listing().pending === null && noteOfX() === 'three',
      'the listing shows the last change',
    )
    expect(count('listClaims')).toBe(before + 2)

    // A change elsewhere lists nothing here: it only makes the claim counts stale, and they are
    // asked for again.
    const counts = () => state().claims.counts
    await until(() => !counts().stale && counts().pending === null, 'the counts are in')
    const countsAsked = count('getClaimCounts')
    await backend.createClaim({ documentKey: keyB, start: 0, end: 18, label: 'claim' })
    await until(
      () => !counts().stale && counts().pending === null && counts().value?.byDocument[keyB] === 3,
      'the counts show the new claim',
    )
    expect(count('getClaimCounts')).toBe(countsAsked + 1)
    expect(count('listClaims')).toBe(before + 2)
  })

  it('accepts the first suggestion not linked yet, once for two presses of A', async () => {
    const { root, backend, workbench, state, calls, count, x, y, z } = await started()
    workbench.claims.select(x.id)
    await until(() => acceptableSuggestionOf(state()) !== null, 'the suggestions are in')
    // y, already linked, comes first and is shown as linked; A takes z, the first not linked yet.
    expect(
      panelSuggestionsOf(state()).map(({ target, relation, linkFrom, linked }) => ({
        claimId: target.claimId,
        relation,
        linkFrom,
        linked,
      })),
    ).toEqual([
      { claimId: y.id, relation: 'same', linkFrom: 'source', linked: 'same' },
      { claimId: z.id, relation: 'same', linkFrom: 'source', linked: null },
    ])
    expect(acceptableSuggestionOf(state())?.target.claimId).toBe(z.id)
    expect(count('getSuggestions')).toBe(1)

    workbench.links.acceptFirstSuggestion()
    workbench.links.acceptFirstSuggestion()
    const marked = () =>
      panelSuggestionsOf(state()).find((each) => each.target.claimId === z.id)?.linked ?? null
    await until(
      () =>
        !state().links.suggestions.accepting &&
        !state().links.suggestions.list.stale &&
        state().links.suggestions.list.pending === null &&
        marked() !== null,
      'the suggestions show z linked',
    )
    expect(count('acceptSuggestion')).toBe(1)
    expect(calls.find((call) => call.method === 'acceptSuggestion')!.args[0]).toEqual({
      source: { claimId: x.id },
      target: { claimId: z.id },
      relation: 'same',
      suggested: { relation: 'same', linkFrom: 'source' },
    })
    expect(marked()).toBe('same')
    // The list is asked again after the link, before A may take from it again.
    expect(count('getSuggestions')).toBe(2)
    expect(state().status.notices).toEqual([])

    // The link exists once, in the backend and in the file on disk.
    const between = (link: { from: string; to: { kind: string; claimId?: string } }) =>
      link.to.kind === 'claim' &&
      [link.from, link.to.claimId].sort().join() === [x.id, z.id].sort().join()
    const { links } = await backend.listLinks()
    expect(links.filter((resolved) => between(resolved.link))).toHaveLength(1)
    expect(links).toHaveLength(2)
    await backend.flush()
    const text = await readFile(join(root, 'annotations', 'alice.json'), 'utf8')
    const file = readAnnotationFileText(text, 'alice.json')
    if (!file.ok) throw new Error(file.message)
    expect(file.file.links.filter(between)).toHaveLength(1)
    expect(file.file.links.find(between)).toMatchObject({ from: x.id, relation: 'same' })
    expect(file.file.links).toHaveLength(2)
  })
})
