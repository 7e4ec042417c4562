/**
 * The smallest store that does the job: one immutable state, changed only by dispatching plain
 * actions through a pure reducer, with listeners told after each change. React reads it through
 * `useSyncExternalStore` (see effects/workbench-context.tsx); effects (backend calls) live apart and only
 * dispatch. Hand-written rather than a library: it is these thirty lines, and the reducers,
 * selectors and effects around it are what matters.
 */

export interface Store<S, A> {
  getState(): S
  dispatch(action: A): void
  /** Calls `listener` after every dispatch that changed the state; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
  /**
   * Holds the listeners' calls until `until` settles, then calls them once if the state changed
   * meanwhile. The state itself changes at once (getState sees it); only the views follow later.
   * For a key whose visible result is drawn outside React (a new claim's highlight): the frame
   * that shows it is not held up by re-rendering the panels.
   */
  hold(until: Promise<unknown>): void
}

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial
  const listeners = new Set<() => void>()
  let holds = 0
  let changedWhileHeld = false
  const notify = () => {
    if (holds > 0) {
      changedWhileHeld = true
      return
    }
    changedWhileHeld = false
    for (const listener of [...listeners]) listener()
  }
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action)
      if (next === state) return
      state = next
      notify()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    hold(until) {
      holds++
      const release = () => {
        holds--
        if (holds === 0 && changedWhileHeld) notify()
      }
      until.then(release, release)
    },
  }
}

/**
 * Remembers the last result of a derivation by the identity of its inputs, so a selector that
 * builds a new object (a map of links by claim) returns the same object while its inputs are
 * the same objects: React re-renders, and the reader redraws, only when something changed.
 */
export function memoize<I extends readonly unknown[], R>(derive: (...inputs: I) => R) {
  let last: { inputs: I; result: R } | null = null
  return (...inputs: I): R => {
    if (
      last &&
      last.inputs.length === inputs.length &&
      last.inputs.every((x, i) => x === inputs[i])
    ) {
      return last.result
    }
    const result = derive(...inputs)
    last = { inputs, result }
    return result
  }
}
