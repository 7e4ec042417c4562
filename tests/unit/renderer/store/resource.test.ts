/** Loaded resources: one request at a time, stale marks, answers to old requests dropped. */
import { describe, expect, it } from 'vitest'
import {
  arrived,
  emptyResource,
  failed,
  invalidated,
  needsLoad,
  started,
} from '../../../../src/renderer/store/resource'

describe('resource', () => {
  it('is loaded when missing or stale, never while a request is in flight', () => {
    expect(needsLoad(undefined)).toBe(true)
    const asked = started(emptyResource<string>(), 1)
    expect(needsLoad(asked)).toBe(false)
    // A change while in flight: asked again once the answer is in, not before.
    const stale = invalidated(asked)
    expect(needsLoad(stale)).toBe(false)
    const answered = arrived(stale, 1, 'first')
    expect(answered.value).toBe('first')
    expect(needsLoad(answered)).toBe(true)
  })

  it('drops answers to requests no longer awaited, and keeps the value when one fails', () => {
    const second = started(arrived(started(emptyResource<string>(), 1), 1, 'one'), 2)
    expect(arrived(second, 1, 'late')).toBe(second)
    expect(failed(second, 2)).toEqual({ value: 'one', pending: null, stale: false })
  })
})
