/**
 * The sidebar's annotators: every annotator file of the project with its counts (in all and in
 * the document being read), a checkbox drawing a colleague's claims as a lane in the reader,
 * and blind mode, which names them A, B, C wherever review shows them.
 */
import type { AnnotatorSummary } from '../../shared/api'

export interface AnnotatorRow {
  summary: AnnotatorSummary
  /** As review shows the name (a letter in blind mode). */
  shownAs: string
  colour: string
  laneShown: boolean
}

interface AnnotatorListProps {
  rows: readonly AnnotatorRow[]
  /** The project-relative path of the document being read, for its counts; null: none. */
  documentPath: string | null
  blind: boolean
  onShowLane(annotator: string, shown: boolean): void
  onBlind(blind: boolean): void
  /** Reviews an annotator file from outside annotations/. */
  onAddFile(): void
}

export function AnnotatorList({
  rows,
  documentPath,
  blind,
  onShowLane,
  onBlind,
  onAddFile,
}: AnnotatorListProps) {
  return (
    <section
      className="annotator-list"
      data-testid="annotator-list"
      aria-labelledby="annotators-heading"
    >
      <div className="annotator-list-header">
        <h2 id="annotators-heading">Annotators</h2>
        <label title="Name annotators A, B, C in review">
          <input
            type="checkbox"
            data-testid="blind-mode"
            checked={blind}
            onChange={(event) => onBlind(event.target.checked)}
          />
          Blind
        </label>
      </div>
      <ul>
        {rows.map(({ summary, shownAs, colour, laneShown }) => {
          const inDocument = documentPath === null ? null : (summary.byDocument[documentPath] ?? 0)
          return (
            <li
              key={summary.name}
              data-testid="annotator"
              data-annotator={summary.name}
              className={summary.problem ? 'has-problem' : undefined}
              title={summary.problem ?? summary.file}
            >
              <label>
                <input
                  type="checkbox"
                  data-testid="lane-toggle"
                  checked={summary.current || laneShown}
                  disabled={summary.current || summary.problem !== null}
                  aria-label={
                    summary.current ? 'Your own claims' : `Show ${shownAs}’s claims as a lane`
                  }
                  onChange={(event) => onShowLane(summary.name, event.target.checked)}
                />
                <span
                  className="lane-swatch"
                  aria-hidden="true"
                  style={summary.current ? undefined : { background: colour }}
                />
                <span className="annotator-name">
                  {shownAs}
                  {summary.current && <span className="annotator-you"> (you)</span>}
                </span>
              </label>
              {summary.problem ? (
                <span className="annotator-problem" role="img" aria-label={summary.problem}>
                  ⚠
                </span>
              ) : (
                <span className="annotator-counts" data-testid="annotator-counts">
                  {inDocument !== null && (
                    <span title="Claims in this document">{inDocument} · </span>
                  )}
                  <span title="Claims in the project">{summary.claims}</span>
                </span>
              )}
            </li>
          )
        })}
      </ul>
      <button
        type="button"
        className="link-button"
        data-testid="review-file"
        title="Review a colleague’s annotator file kept outside annotations/ (read-only)"
        onClick={onAddFile}
      >
        Review a file…
      </button>
    </section>
  )
}
