/**
 * The disagreement queue: units of every annotator's claims, conflicts first, narrowed by
 * document, label, field and pair of annotators; N and P move through it (the command
 * registry's review.next / review.previous), the list and the unit card follow.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { CONFLICT_FIELDS, type QueueFilter } from '../../core/review/queue'
import type { Label, ReviewQueueResult, ReviewQueueUnit } from '../../shared/api'
import { LeftOut } from './LeftOut'
import { CONFLICT_NAMES, UnitCard } from './UnitCard'

interface ReviewViewProps {
  queue: ReviewQueueResult | null
  loading: boolean
  units: readonly ReviewQueueUnit[]
  position: number
  filter: QueueFilter
  labels: readonly Label[]
  nameOf(annotator: string): string
  colourOf(annotator: string): string
  onFilter(filter: QueueFilter): void
  onSelect(unit: ReviewQueueUnit): void
  onOpenInDocument(unit: ReviewQueueUnit): void
  /** The decision bar of the unit shown. */
  decision?(unit: ReviewQueueUnit): ReactNode
  /** Building the gold file (GoldMerge.tsx). */
  gold?: ReactNode
}

export function ReviewView(props: ReviewViewProps) {
  const { queue, units, position, filter, labels, nameOf, onFilter, onSelect } = props
  const current = position >= 0 ? units[position] : undefined
  const listRef = useRef<HTMLOListElement>(null)
  useLayoutEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [position, units])

  if (queue === null) {
    return <p className="view-empty">{props.loading ? 'Aligning the annotators’ claims…' : ''}</p>
  }
  if (queue.annotators.length < 2) {
    return (
      <p className="view-empty" data-testid="review-empty">
        Review compares annotators’ files: this project has{' '}
        {queue.annotators.length === 0 ? 'none' : 'only one'} in annotations/. Add a colleague’s
        file there (or pull it with git) to compare.
      </p>
    )
  }
  const documents = [...new Set(queue.units.map((unit) => unit.documentPath))].sort()
  const pairs = queue.annotators.flatMap((first, i) =>
    queue.annotators.slice(i + 1).map((second) => [first, second] as const),
  )
  const set = (patch: Partial<QueueFilter>) => {
    const next: QueueFilter = { ...filter, ...patch }
    for (const key of Object.keys(next) as (keyof QueueFilter)[])
      if (next[key] === undefined) delete next[key]
    onFilter(next)
  }
  return (
    <div className="review-view" data-testid="review-view">
      <div className="review-filters" role="group" aria-label="Narrow the queue">
        <select
          aria-label="Document"
          value={filter.document ?? ''}
          onChange={(event) => set({ document: event.target.value || undefined })}
        >
          <option value="">All documents</option>
          {documents.map((path) => (
            <option key={path} value={path}>
              {path}
            </option>
          ))}
        </select>
        <select
          aria-label="Label"
          value={filter.label ?? ''}
          onChange={(event) => set({ label: event.target.value || undefined })}
        >
          <option value="">All labels</option>
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Disagreement"
          data-testid="filter-field"
          value={filter.field ?? ''}
          onChange={(event) =>
            set({ field: (event.target.value || undefined) as QueueFilter['field'] })
          }
        >
          <option value="">Any disagreement or none</option>
          {CONFLICT_FIELDS.map((field) => (
            <option key={field} value={field}>
              {CONFLICT_NAMES[field]}
            </option>
          ))}
          <option value="agreed">Agreed</option>
        </select>
        <select
          aria-label="Pair of annotators"
          value={filter.pair ? filter.pair.join('\u0000') : ''}
          onChange={(event) =>
            set({
              pair: event.target.value
                ? (event.target.value.split('\u0000') as [string, string])
                : undefined,
            })
          }
        >
          <option value="">All annotators</option>
          {pairs.map(([first, second]) => (
            <option key={`${first}\u0000${second}`} value={`${first}\u0000${second}`}>
              {nameOf(first)} × {nameOf(second)}
            </option>
          ))}
        </select>
        <span className="review-progress" data-testid="review-progress" aria-live="polite">
          {units.length === 0
            ? 'No unit'
            : `${position + 1} of ${units.length}${units.length < queue.units.length ? ` (of ${queue.units.length})` : ''}`}
          {' · '}
          <span data-testid="review-decided">
            {decidedCount(queue)} of {queue.units.length} decided
          </span>
          {' · '}
          <kbd>N</kbd> next <kbd>P</kbd> previous
        </span>
      </div>
      {props.gold}
      <LeftOut problems={queue.problems} leftOut={queue.leftOut} nameOf={nameOf} />
      <div className="review-body">
        <ol className="review-list" ref={listRef} aria-label="Units">
          {units.map((unit, index) => (
            <li
              key={`${unit.documentKey}\u0000${unit.id}`}
              aria-current={index === position}
              data-testid="queue-unit"
            >
              <button type="button" onClick={() => onSelect(unit)}>
                <span className="queue-conflict">
                  {unit.conflicts.length === 0 ? 'Agreed' : CONFLICT_NAMES[unit.conflicts[0]!]}
                  {unit.state !== 'open' && (
                    <span className="queue-state" data-state={unit.state}>
                      {' · '}
                      {unit.state}
                    </span>
                  )}
                </span>
                <span className="queue-text">{unit.text}</span>
                <span className="queue-document">{unit.documentPath}</span>
              </button>
            </li>
          ))}
        </ol>
        {current ? (
          <UnitCard
            unit={current}
            labels={labels}
            nameOf={nameOf}
            colourOf={props.colourOf}
            onOpenInDocument={props.onOpenInDocument}
            decision={props.decision?.(current)}
          />
        ) : (
          <p className="view-empty">No unit matches.</p>
        )}
      </div>
    </div>
  )
}

function decidedCount(queue: ReviewQueueResult): number {
  return queue.units.filter((unit) => unit.state === 'decided').length
}
