/**
 * Undo and redo for this session's changes, kept in the backend (the single source of truth),
 * so undo works the same from the keyboard, a menu or any door. Each step is the change set a
 * command committed; undo commits its inverse, redo commits it again (see change-set.ts).
 */
import type { HistoryState } from '../../shared/api'
import type { ChangeSet } from './change-set'

export type HistoryEntry = ChangeSet

/** Enough for any editing session; older steps are dropped so memory stays bounded. */
export const MAX_HISTORY = 500

export class History {
  private done: HistoryEntry[] = []
  private undone: HistoryEntry[] = []

  /** A new change: it becomes the step to undo, and what was undone can no longer be redone. */
  record(entry: HistoryEntry): void {
    this.done.push(entry)
    if (this.done.length > MAX_HISTORY) this.done.shift()
    this.undone = []
  }

  /** The step to undo, moved to the redo list; the caller commits its inverse. */
  takeUndo(): HistoryEntry | null {
    const entry = this.done.pop()
    if (!entry) return null
    this.undone.push(entry)
    return entry
  }

  takeRedo(): HistoryEntry | null {
    const entry = this.undone.pop()
    if (!entry) return null
    this.done.push(entry)
    return entry
  }

  /** Puts back a step whose undo or redo could not be applied. */
  restoreUndo(entry: HistoryEntry): void {
    this.undone.pop()
    this.done.push(entry)
  }

  restoreRedo(entry: HistoryEntry): void {
    this.done.pop()
    this.undone.push(entry)
  }

  clear(): void {
    this.done = []
    this.undone = []
  }

  get state(): HistoryState {
    const undo = this.done.at(-1)
    const redo = this.undone.at(-1)
    return {
      canUndo: undo !== undefined,
      canRedo: redo !== undefined,
      undoLabel: undo?.description ?? null,
      redoLabel: redo?.description ?? null,
    }
  }
}
