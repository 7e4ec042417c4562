/**
 * The conditions a command's `when` is made of: named predicates over the state, combined with
 * "and", each possibly negated ("!linkOffered"). Named rather than free functions so that two
 * commands on one key can be shown never to apply at once (one needs what the other excludes):
 * findKeyConflicts (registry.ts) reports the rest.
 */
import {
  focusedDocumentOf,
  focusedTextOf,
  isDialogOpen,
  projectOf,
  readOnlyOf,
  selectedPlacedOf,
} from '../store/selectors'
import type { AppState } from '../store/state'

export const CONDITIONS = {
  /** A project is open (not single files only, not the welcome page). */
  project: (state: AppState) => projectOf(state) !== null,
  /** No dialog or popup owns the keys. */
  noDialog: (state: AppState) => !isDialogOpen(state),
  /** The documents view, not clusters or the matrix. */
  documentsView: (state: AppState) => state.workspace.view === 'documents',
  /** The review queue. */
  reviewView: (state: AppState) => state.workspace.view === 'review',
  /** The focused pane shows a document. */
  documentShown: (state: AppState) => focusedDocumentOf(state) !== undefined,
  /** Changes are allowed (no read-only annotation or settings file). */
  editable: (state: AppState) => readOnlyOf(state) === null,
  /** A claim of the focused document is selected. */
  claimSelected: (state: AppState) => selectedPlacedOf(state) !== null,
  /** Text is selected in the focused reader. */
  textSelected: (state: AppState) => focusedTextOf(state) !== null,
  /** The link bar offers two claims to link. */
  linkOffered: (state: AppState) => state.selection.linkOffer !== null,
} as const

export type ConditionName = keyof typeof CONDITIONS
export type Condition = ConditionName | `!${ConditionName}`

export function holds(conditions: readonly Condition[], state: AppState): boolean {
  return conditions.every((condition) =>
    condition.startsWith('!')
      ? !CONDITIONS[condition.slice(1) as ConditionName](state)
      : CONDITIONS[condition as ConditionName](state),
  )
}

/** Conditions naming the view shown: one view at a time, so two of them never hold at once. */
const VIEWS: readonly Condition[] = ['documentsView', 'reviewView']

/** True when one set needs a condition the other excludes: they never hold at once. */
export function exclusive(a: readonly Condition[], b: readonly Condition[]): boolean {
  const excludes = (x: readonly Condition[], y: readonly Condition[]) =>
    x.some((condition) => y.includes(`!${condition}` as Condition))
  const viewOf = (x: readonly Condition[]) => x.find((condition) => VIEWS.includes(condition))
  const [viewA, viewB] = [viewOf(a), viewOf(b)]
  return excludes(a, b) || excludes(b, a) || (!!viewA && !!viewB && viewA !== viewB)
}
