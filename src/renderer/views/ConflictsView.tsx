/**
 * The annotator file's conflict list: values a git merge set aside when both copies changed the
 * same field of the same claim, link or cluster wording. Each entry shows the object, the field,
 * the value the file kept and the one set aside (with when it was made), and settles with
 * "Keep current" or "Take other", one undoable step each.
 */
import type { MergeConflictView } from '../../shared/api'

interface ConflictsViewProps {
  conflicts: readonly MergeConflictView[] | null
  loading: boolean
  /** A label's name by its id (label values are ids). */
  labelName(id: string): string
  onSettle(entry: MergeConflictView, take: 'kept' | 'other'): void
  onOpen(entry: MergeConflictView): void
}

export function ConflictsView({
  conflicts,
  loading,
  labelName,
  onSettle,
  onOpen,
}: ConflictsViewProps) {
  if (conflicts === null) {
    return <p className="view-empty">{loading ? 'Reading the conflict list…' : ''}</p>
  }
  if (conflicts.length === 0) {
    return (
      <p className="view-empty" data-testid="conflicts-empty">
        No merge conflicts to settle. When a git merge finds the same field of your file changed
        differently on both sides, it keeps the later value and lists the other here.
      </p>
    )
  }
  return (
    <div className="conflicts-view" data-testid="conflicts-view">
      <p className="conflicts-summary">
        {countText(conflicts.length)} to settle. A git merge kept the later value of each and set
        the other aside.
      </p>
      <ul className="conflict-list">
        {conflicts.map((entry) => (
          <li key={entry.key} className="conflict-entry" data-testid="conflict-entry">
            <div className="conflict-subject">
              <span className="conflict-kind">{entry.kind}</span> <q>{entry.subject.text}</q>
              {entry.subject.documentPath !== null && (
                <>
                  {' '}
                  in{' '}
                  {entry.subject.documentKey !== null ? (
                    <button type="button" className="link-button" onClick={() => onOpen(entry)}>
                      {entry.subject.documentPath}
                    </button>
                  ) : (
                    entry.subject.documentPath
                  )}
                </>
              )}
            </div>
            <table className="conflict-values">
              <tbody>
                <tr>
                  <th scope="row">Field</th>
                  <td>{entry.field ?? `the whole ${entry.kind}`}</td>
                </tr>
                <tr>
                  <th scope="row">Kept</th>
                  <td data-testid="conflict-kept">{valueText(entry, entry.kept, labelName)}</td>
                </tr>
                <tr>
                  <th scope="row">Other</th>
                  <td data-testid="conflict-other">
                    {valueText(entry, entry.other, labelName)}{' '}
                    <span className="conflict-time">
                      (made {new Date(entry.otherTime).toLocaleString()})
                    </span>
                  </td>
                </tr>
              </tbody>
            </table>
            <div className="conflict-actions">
              <button type="button" onClick={() => onSettle(entry, 'kept')}>
                Keep current
              </button>
              <button type="button" onClick={() => onSettle(entry, 'other')}>
                Take other
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function countText(count: number): string {
  return `${count} merge ${count === 1 ? 'conflict' : 'conflicts'}`
}

/** A value as people read it: a label by name, a deletion as such, anything else as JSON. */
function valueText(
  entry: MergeConflictView,
  value: unknown,
  labelName: (id: string) => string,
): string {
  if (value === null || value === undefined) return entry.field === null ? 'deleted' : '(none)'
  if (entry.field === null) return `the ${entry.kind} as it was edited`
  if (entry.field === 'label' && typeof value === 'string') return labelName(value)
  if (typeof value === 'string') return value === '' ? '(empty)' : value
  if (entry.field === 'target' && typeof value === 'object' && 'quote' in value) {
    const quote = (value as { quote?: { exact?: unknown } }).quote?.exact
    if (typeof quote === 'string') return `“${quote}”`
  }
  return JSON.stringify(value)
}
