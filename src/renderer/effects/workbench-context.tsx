/**
 * How components reach the workbench: `useWorkbench()` for its effects, `useAppState(selector)`
 * for what they show. A component re-renders when its selector's result changes (by identity),
 * and never holds a copy of the state of its own.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react'
import type { AppState } from '../store/state'
import type { Workbench } from './workbench'

const WorkbenchContext = createContext<Workbench | null>(null)

export function WorkbenchProvider({
  workbench,
  children,
}: {
  workbench: Workbench
  children: ReactNode
}) {
  return <WorkbenchContext.Provider value={workbench}>{children}</WorkbenchContext.Provider>
}

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext)
  if (workbench === null) throw new Error('useWorkbench outside a WorkbenchProvider')
  return workbench
}

export function useAppState<T>(selector: (state: AppState) => T): T {
  const { store } = useWorkbench()
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()))
}
