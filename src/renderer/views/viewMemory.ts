/**
 * What a project view should find as it left it when the analyst comes back (the shell unmounts
 * a view when another is shown): the matrix's order, scroll position and active cell, the
 * clusters' filter, and the last data, shown at once while fresh data loads. Kept per API client
 * (one per window, so per project session) in memory only: nothing of it is worth a file.
 */
import { useCallback, useState } from 'react'

import type { WorkbenchEvent, WorkbenchState } from '../../shared/api'

const memories = new WeakMap<object, Map<string, unknown>>()

/** The parts of the API client the memory listens to (tests pass a plain object). */
interface ProjectSource {
  onEvent(listener: (event: WorkbenchEvent) => void): () => void
  getState(): Promise<WorkbenchState>
}

function isProjectSource(owner: object): owner is ProjectSource {
  return 'onEvent' in owner && typeof owner.onEvent === 'function' && 'getState' in owner
}

function memoryOf(owner: object): Map<string, unknown> {
  let memory = memories.get(owner)
  if (memory === undefined) {
    const created = new Map<string, unknown>()
    memory = created
    memories.set(owner, created)
    if (isProjectSource(owner)) forgetOnProjectChange(owner, created)
  }
  return memory
}

/**
 * Another project opened: what was remembered belongs to the last one (its matrix must not
 * flash up for the new project), so it goes. Lives as long as the window's client does.
 */
function forgetOnProjectChange(source: ProjectSource, memory: Map<string, unknown>): void {
  let root: string | null | undefined
  // Which project is open now, asked when the page is idle: not beside the view's own first
  // request, which the analyst is waiting for.
  const ask = () =>
    source.getState().then(
      (state) => {
        if (root === undefined) root = state.project?.root ?? null
      },
      () => {},
    )
  if (typeof requestIdleCallback === 'function') requestIdleCallback(ask, { timeout: 2000 })
  else void ask()
  source.onEvent((event) => {
    if (event.type !== 'state-changed') return
    const next = event.state.project?.root ?? null
    if (next !== root) memory.clear()
    root = next
  })
}

export function recall<T>(owner: object, key: string): T | undefined {
  return memoryOf(owner).get(key) as T | undefined
}

export function remember<T>(owner: object, key: string, value: T): void {
  memoryOf(owner).set(key, value)
}

/** useState that outlives the component: it starts from what was set last time. */
export function useRememberedState<T>(
  owner: object,
  key: string,
  initial: T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => recall<T>(owner, key) ?? initial)
  const set = useCallback(
    (next: T) => {
      remember(owner, key, next)
      setValue(next)
    },
    [owner, key],
  )
  return [value, set]
}
