/**
 * What a project view should find as it left it when the analyst comes back (the shell unmounts
 * a view when another is shown): the matrix's order, scroll position and active cell, the
 * clusters' filter, and the last data, shown at once while fresh data loads. Kept per project
 * session (the workspace module's `session` object, new with every project or annotator, so
 * one project's matrix never flashes up in another) in memory only: nothing of it is worth a
 * file.
 */
import { useCallback, useState } from 'react'

const memories = new WeakMap<object, Map<string, unknown>>()

function memoryOf(owner: object): Map<string, unknown> {
  let memory = memories.get(owner)
  if (memory === undefined) {
    memory = new Map()
    memories.set(owner, memory)
  }
  return memory
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
