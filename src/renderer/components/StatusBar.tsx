/** The bottom line: the project, and the selection of the focused reader in canonical offsets. */
import type { OffsetRange } from '../reader/positions'
import { plural } from './format'

interface StatusBarProps {
  projectName: string | null
  documentCount: number
  problemCount: number
  selection: OffsetRange | null
}

export function StatusBar({ projectName, documentCount, problemCount, selection }: StatusBarProps) {
  return (
    <footer className="status-bar">
      <span className="status-project" data-testid="project-name">
        {projectName ?? 'No project'}
      </span>
      <span className="status-counts">
        {plural(documentCount, 'document')}
        {problemCount > 0 && ` · ${plural(problemCount, 'problem')}`}
      </span>
      <span
        className="status-selection"
        data-testid="selection-status"
        data-start={selection ? String(selection.start) : ''}
        data-end={selection ? String(selection.end) : ''}
        aria-live="polite"
      >
        {selection
          ? `Selection ${selection.start}–${selection.end} (${plural(selection.end - selection.start, 'character')})`
          : 'No selection'}
      </span>
    </footer>
  )
}
