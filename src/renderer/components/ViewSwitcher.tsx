/**
 * Switches the workspace between reading documents and the project-wide views. Their keys
 * (Alt+1 to Alt+7) are the catalog's view commands, run by the command registry.
 */
import { commandSpec } from '../../shared/commands'
import type { WorkspaceView } from '../views/types'

/** "Alt+Digit1" as people read it: "Alt+1". */
const shortcutOf = (id: Parameters<typeof commandSpec>[0]) =>
  commandSpec(id).keys[0]?.replace('Digit', '') ?? ''

const VIEWS: { id: WorkspaceView; name: string; shortcut: string }[] = [
  { id: 'documents', name: 'Documents', shortcut: shortcutOf('view.documents') },
  { id: 'clusters', name: 'Clusters', shortcut: shortcutOf('view.clusters') },
  { id: 'matrix', name: 'Matrix', shortcut: shortcutOf('view.matrix') },
  { id: 'review', name: 'Review', shortcut: shortcutOf('view.review') },
  { id: 'agreement', name: 'Agreement', shortcut: shortcutOf('view.agreement') },
  { id: 'gold', name: 'Gold', shortcut: shortcutOf('view.gold') },
  { id: 'conflicts', name: 'Conflicts', shortcut: shortcutOf('view.conflicts') },
]

interface ViewSwitcherProps {
  view: WorkspaceView
  onChange(view: WorkspaceView): void
}

export function ViewSwitcher({ view, onChange }: ViewSwitcherProps) {
  return (
    <div className="view-switcher" role="tablist" aria-label="Workspace view">
      {VIEWS.map((candidate) => (
        <button
          key={candidate.id}
          type="button"
          role="tab"
          aria-selected={candidate.id === view}
          className={candidate.id === view ? 'active' : undefined}
          title={`${candidate.name} (${candidate.shortcut})`}
          onClick={() => onChange(candidate.id)}
        >
          {candidate.name}
        </button>
      ))}
    </div>
  )
}
