/**
 * Mounts the command registry: ONE window keydown handler looks keys up in it, Electron's menu
 * clicks (window.corroborate.onCommand) run through it, and a project whose label or relation
 * keys collide with the app's is told so. Renders nothing.
 */
import { useEffect, useMemo } from 'react'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import { labelsOf, relationsOf } from '../store/selectors'
import { commandForKey } from './dispatch-key'
import { fieldOf } from './keys'
import { allCommands, canRun, conflictMessage, findKeyConflicts } from './registry'

export function CommandKeys() {
  const workbench = useWorkbench()
  const labels = useAppState(labelsOf)
  const relations = useAppState(relationsOf)
  const commands = useMemo(() => allCommands(labels, relations), [labels, relations])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog, the find bar or a link card that handled the key keeps it.
      if (event.defaultPrevented) return
      const field = fieldOf(event.target)
      const command = commandForKey(commands, event, field, workbench.store.getState())
      if (!command) return
      event.preventDefault()
      command.run(workbench)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [commands, workbench])

  useEffect(
    () =>
      window.corroborate?.onCommand?.((id) => {
        const command = commands.find((candidate) => candidate.id === id)
        if (command && canRun(command, workbench.store.getState())) command.run(workbench)
      }),
    [commands, workbench],
  )

  // A project's own keys that an app key (or another project key) shadows are reported once
  // per settings, not on every render.
  const conflicts = useMemo(
    () =>
      conflictMessage(
        findKeyConflicts(commands).filter(({ commands: pair }) =>
          pair.some(
            (command) => command.id.startsWith('label.') || command.id.startsWith('relation.'),
          ),
        ),
      ),
    [commands],
  )
  // Keyed by the message: the same settings loaded again (another session) say nothing new.
  useEffect(() => {
    if (conflicts === null) return
    workbench.store.dispatch({
      type: 'notice/add',
      notice: { kind: 'error', title: 'Keys of this project collide', message: conflicts },
    })
  }, [conflicts, workbench])

  return null
}
