/** The claims module: listings and counts go stale with the changes that touch them. */
import { describe, expect, it } from 'vitest'
import { claimListingSettled } from '../../../../src/renderer/store/selectors'
import { change, claim, listing, readingState, reduce } from './fixtures'

describe('claims', () => {
  it('re-counts and re-lists on a change of claims, not on one of links only', () => {
    const state = readingState({ a: listing('a', claim('x', 'a')), b: listing('b') })
    const linksOnly = reduce(state, {
      type: 'backend/changed',
      change: change({ linkPaths: ['a.txt'], links: true }),
    })
    expect(linksOnly.claims.listings.a!.stale).toBe(false)
    const claims = reduce(state, {
      type: 'backend/changed',
      change: change({ claimPaths: ['b.txt'] }),
    })
    expect([claims.claims.listings.a!.stale, claims.claims.listings.b!.stale]).toEqual([
      false,
      true,
    ])
    expect(claims.claims.counts.stale).toBe(true)
  })

  it('forgets the nudged range after an undo, keeps it across its own commands', () => {
    const nudged = reduce(readingState(), {
      type: 'claims/nudged',
      nudge: { claimId: 'x', range: { start: 1, end: 9 } },
    })
    const command = reduce(nudged, {
      type: 'backend/changed',
      change: change({ claimPaths: ['a.txt'] }),
    })
    expect(command.claims.nudge).toEqual({ claimId: 'x', range: { start: 1, end: 9 } })
    const undone = reduce(nudged, {
      type: 'backend/changed',
      change: change({ cause: 'undo', claimPaths: ['a.txt'] }),
    })
    expect(undone.claims.nudge).toBeNull()
  })

  it('lists a document again when asked (a failed change drew a claim that is not there)', () => {
    const state = readingState({ a: listing('a') })
    expect(
      reduce(state, { type: 'claims/relist', documentKey: 'a' }).claims.listings.a!.stale,
    ).toBe(true)
  })

  it('lets a document be drawn once its claims are in or cannot be had, not before', () => {
    const state = readingState({ a: listing('a', claim('x', 'a')) })
    expect(claimListingSettled(state, 'a')).toBe(true)
    // Never asked for, or on its way: the reader waits, to draw text and highlights at once.
    expect(claimListingSettled(state, 'b')).toBe(false)
    const asked = reduce(state, { type: 'load/started', what: 'claims', key: 'b', request: 1 })
    expect(claimListingSettled(asked, 'b')).toBe(false)
    const failed = reduce(asked, { type: 'load/failed', what: 'claims', key: 'b', request: 1 })
    expect(claimListingSettled(failed, 'b')).toBe(true)
    // A newer listing on its way after a change: the last one is drawn meanwhile.
    const changed = reduce(
      state,
      { type: 'backend/changed', change: change({ claimPaths: ['a.txt'] }) },
      { type: 'load/started', what: 'claims', key: 'a', request: 2 },
    )
    expect(claimListingSettled(changed, 'a')).toBe(true)
    expect(claimListingSettled(state, null)).toBe(false)
  })
})
