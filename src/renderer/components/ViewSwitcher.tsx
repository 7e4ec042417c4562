/**
 * Switches the workspace between reading documents and the project-wide views.
 * Alt+1 / Alt+2 / Alt+3 switch from anywhere (App binds them).
 */
import type { WorkspaceView } from '../views/types'

const VIEWS: { id: WorkspaceView; name: string; shortcut: string }[] = [
  { id: 'documents', name: 'Documents', shortcut: 'Alt+1' },
  { id: 'clusters', name: 'Clusters', shortcut: 'Alt+2' },
  { id: 'matrix', name: 'Matrix', shortcut: 'Alt+3' },
]

export const VIEW_ORDER: readonly WorkspaceView[] = VIEWS.map((view) => view.id)

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
