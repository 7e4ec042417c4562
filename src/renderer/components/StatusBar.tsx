/**
 * The bottom line: the project, whether the annotator's work is on disk, and the selection of the
 * focused reader in canonical offsets.
 */
import type { SaveState } from '../../shared/api'
import type { OffsetRange } from '../reader/positions'
import { fileName, plural } from './format'

interface StatusBarProps {
  projectName: string | null
  documentCount: number
  problemCount: number
  selection: OffsetRange | null
  save: SaveState | null
  annotator: string | null
}

export function StatusBar(props: StatusBarProps) {
  const { projectName, documentCount, problemCount, selection, save, annotator } = props
  return (
    <footer className="status-bar">
      <span className="status-project" data-testid="project-name">
        {projectName ?? 'No project'}
      </span>
      <span className="status-counts">
        {plural(documentCount, 'document')}
        {problemCount > 0 && ` · ${plural(problemCount, 'problem')}`}
      </span>
      {annotator && <span className="status-annotator">Annotator: {annotator}</span>}
      {save && <SaveStatus save={save} />}
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

/** "Saved", "Saving…", or why the work is not on disk, naming the file. */
function SaveStatus({ save }: { save: SaveState }) {
  const file = save.file ? fileName(save.file) : null
  const text =
    save.status === 'saved'
      ? 'Saved'
      : save.status === 'saving'
        ? 'Saving…'
        : save.status === 'error'
          ? `Not saved: ${save.message ?? 'the file could not be written'}`
          : `Read-only${file ? ` (${file})` : ''}: ${save.message ?? ''}`
  return (
    <span
      className={`save-state save-${save.status}`}
      data-testid="save-state"
      data-status={save.status}
      role={save.status === 'error' || save.status === 'read-only' ? 'alert' : 'status'}
      title={save.file ?? undefined}
    >
      {text}
    </span>
  )
}
