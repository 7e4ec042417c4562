/**
 * Which command a key press runs: the first command of the registry with a matching key whose
 * conditions hold, unless the key belongs to the field it was typed in. Pure over its inputs.
 */
import type { AppState } from '../store/state'
import { belongsToField, matchesKey, parseKey, type FieldKind, type KeyInput } from './keys'
import { canRun, type Command } from './registry'

export function commandForKey(
  commands: readonly Command[],
  event: KeyInput,
  /** What kind of form field the key was typed in (fieldOf), or null. */
  field: FieldKind,
  state: AppState,
): Command | null {
  for (const command of commands) {
    for (const key of command.keys) {
      const parsed = parseKey(key)
      if (matchesKey(parsed, event) && !belongsToField(field, parsed) && canRun(command, state)) {
        return command
      }
    }
  }
  return null
}
