/**
 * The find bar of one pane. Matching and highlighting live in reader/find.ts;
 * this only edits the query and moves between matches.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react'

interface FindBarProps {
  query: string
  matchCount: number
  /** Index of the current match, or -1. */
  current: number
  /** Changes whenever the bar should take focus again (Ctrl+F while it is open). */
  focusRequest: number
  onQueryChange(query: string): void
  onNext(): void
  onPrevious(): void
  onClose(): void
}

export function FindBar(props: FindBarProps) {
  const { query, matchCount, current, focusRequest, onQueryChange, onNext, onPrevious, onClose } =
    props
  const inputRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [focusRequest])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      if (event.shiftKey) onPrevious()
      else onNext()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    }
  }

  const noMatches = query.length > 0 && matchCount === 0
  return (
    <div className="find-bar" role="search">
      <input
        ref={inputRef}
        className={noMatches ? 'find-input no-matches' : 'find-input'}
        data-testid="find-input"
        type="search"
        value={query}
        placeholder="Find in document"
        aria-label="Find in document"
        title="Find in document (Enter: next, Shift+Enter: previous, Escape: close)"
        spellCheck={false}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {query.length === 0
          ? ''
          : matchCount === 0
            ? 'No matches'
            : `${current + 1} of ${matchCount}`}
      </span>
      <button
        type="button"
        className="icon-button"
        title="Previous match (Shift+Enter)"
        aria-label="Previous match"
        disabled={matchCount === 0}
        onClick={onPrevious}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        title="Next match (Enter)"
        aria-label="Next match"
        disabled={matchCount === 0}
        onClick={onNext}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon-button"
        title="Close (Escape)"
        aria-label="Close find"
        onClick={onClose}
      >
        ×
      </button>
    </div>
  )
}
