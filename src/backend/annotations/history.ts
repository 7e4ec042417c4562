/**
 * Undo and redo for this session's changes, kept in the backend (the single source of truth),
 * so undo works the same from the keyboard, a menu or any door. Each step records the state of
 * what it touched before and after: undo puts back `before`, redo puts back `after`. A step is
 * either a change of annotations (claims, links and cluster wordings together, so that deleting
 * a claim with its links, or claiming a sentence and linking it, is one step; null = the object
 * did not exist) or a change of the project's label set or relation types.
 */
import type { Claim, ClusterWording, Label, Link, RelationType } from '../../core/model'
import type { HistoryState } from '../../shared/api'

export interface Change<T> {
  id: string
  before: T | null
  after: T | null
}

export type ClaimChange = Change<Claim>
export type LinkChange = Change<Link>
export type WordingChange = Change<ClusterWording>

export type HistoryEntry =
  | {
      kind: 'claims'
      description: string
      changes: ClaimChange[]
      /** Links changed in the same step (created, edited, or deleted with their claim). */
      links?: LinkChange[]
      wordings?: WordingChange[]
    }
  | { kind: 'labels'; description: string; before: Label[]; after: Label[] }
  | { kind: 'relations'; description: string; before: RelationType[]; after: RelationType[] }

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

  /** The step to undo, moved to the redo list; the caller applies its `before`. */
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
