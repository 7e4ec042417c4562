/**
 * The shape of a command: a function from the session's context and the caller's input to a
 * change set (null: nothing to change) and the answer the caller gets once it is committed.
 * Commands read the store (taking in colleagues' changes from disk first, where a query they
 * use does) but never change it themselves; the session's `commit` does.
 */
import type { ChangeSet } from '../change-set'
import type { AnnotationContext, CommandContext } from '../context'

export interface CommandOutcome<R> {
  change: ChangeSet | null
  /** Called after the commit, so it can read the state the change produced. */
  answer: (context: AnnotationContext) => R | Promise<R>
}

export type Command<A extends unknown[], R> = (
  context: CommandContext,
  ...args: A
) => CommandOutcome<R> | Promise<CommandOutcome<R>>

/** An outcome whose answer is known before the commit. */
export function outcome<R>(change: ChangeSet | null, answer: R): CommandOutcome<R> {
  return { change, answer: () => answer }
}

/** A command on the project settings (labels, relation types): it needs no annotator file. */
export type SettingsCommand<A extends unknown[], R> = (
  context: AnnotationContext,
  ...args: A
) => CommandOutcome<R> | Promise<CommandOutcome<R>>
