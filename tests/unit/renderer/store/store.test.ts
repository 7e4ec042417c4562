/** The store: state changes at once; listeners are told after each change, or once after a hold. */
import { describe, expect, it } from 'vitest'
import { createStore } from '../../../../src/renderer/store/store'

const counter = () => createStore<number, 'add' | 'same'>((n, a) => (a === 'add' ? n + 1 : n), 0)

describe('store', () => {
  it('tells its listeners after every change, not after an action that changed nothing', () => {
    const store = counter()
    const seen: number[] = []
    store.subscribe(() => seen.push(store.getState()))
    store.dispatch('add')
    store.dispatch('same')
    store.dispatch('add')
    expect(seen).toEqual([1, 2])
  })

  it('changes the state at once during a hold, and tells the listeners once when it ends', async () => {
    const store = counter()
    const seen: number[] = []
    store.subscribe(() => seen.push(store.getState()))
    let release!: () => void
    store.hold(new Promise<void>((resolve) => (release = resolve)))
    store.dispatch('add')
    store.dispatch('add')
    expect(store.getState()).toBe(2)
    expect(seen).toEqual([])
    release()
    await Promise.resolve()
    await Promise.resolve()
    expect(seen).toEqual([2])
    store.dispatch('add')
    expect(seen).toEqual([2, 3])
  })

  it('waits for every hold, a failed one included, and stays quiet when nothing changed', async () => {
    const store = counter()
    let calls = 0
    store.subscribe(() => calls++)
    let first!: () => void
    let second!: (error: Error) => void
    store.hold(new Promise<void>((resolve) => (first = resolve)))
    store.hold(new Promise<void>((_, reject) => (second = reject)))
    store.dispatch('add')
    first()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(calls).toBe(0)
    second(new Error('gone'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(calls).toBe(1)

    store.hold(Promise.resolve())
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(calls).toBe(1)
  })
})
