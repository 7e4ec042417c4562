/**
 * What the file says about the article, above its text (not part of the canonical text), with
 * the analyst's corrections applied and a button to correct it.
 */
import type { DocumentSummary, OpenedDocument } from '../../shared/api'
import { formatDate, formatSize } from './format'

interface ReaderHeaderProps {
  document: OpenedDocument
  summary: DocumentSummary | undefined
  /** Opens the dialog correcting title, outlet, author, date and address. */
  onEditDetails(): void
}

export function ReaderHeader({ document, summary, onEditDetails }: ReaderHeaderProps) {
  const { outlet, author, published, url } = document.metadata
  const facts = [outlet, author, formatDate(published)].filter((fact): fact is string => !!fact)
  return (
    <header className="reader-header">
      {facts.length > 0 && <p className="reader-facts">{facts.join(' · ')}</p>}
      <p className="reader-source">
        <span className="reader-path">{document.path}</span>
        {summary && <span> · {formatSize(summary.size)}</span>}
        {url && <span className="reader-url"> · {url}</span>}
        <button
          type="button"
          className="link-button reader-details"
          data-testid="edit-details"
          title="Correct the title, outlet, author, date or address (Edit > Document Details…)"
          onClick={onEditDetails}
        >
          Details…
        </button>
      </p>
      {document.warnings.length > 0 && (
        <ul className="reader-warnings" aria-label="Warnings about this file">
          {document.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </header>
  )
}
