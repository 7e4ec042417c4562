/** The claims module: listings and counts go stale with the changes that touch them. */
import { describe, expect, it } from 'vitest'
import { change, claim, listing, readingState, reduce } from './fixtures'

describe('claims', () => {
  it('re-counts and re-lists on a change of claims, not on one of links only', () => {
    const state = readingState({ a: listing('a', claim('x')), b: listing('b') })
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
})
