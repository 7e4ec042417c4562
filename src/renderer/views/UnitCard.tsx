/**
 * One unit of the disagreement queue: the passage in its context, and each annotator's version
 * side by side, fields that differ marked, and each version's boundaries shown as a character
 * diff against the first version's (what it adds, what it leaves out).
 */
import { diffChars } from 'diff'
import type { ReactNode } from 'react'
import type { Label, ReviewQueueUnit, ReviewVersion } from '../../shared/api'
import type { ConflictField } from '../../core/review/queue'

export const CONFLICT_NAMES: Record<ConflictField, string> = {
  label: 'Label',
  status: 'Status',
  certainty: 'Certainty',
  attribution: 'Attribution',
  boundaries: 'Boundaries',
  missing: 'Not marked by all',
}

interface UnitCardProps {
  unit: ReviewQueueUnit
  /** The decision bar under the passage. */
  decision?: ReactNode
  labels: readonly Label[]
  /** How review names an annotator (blind mode) and colours them. */
  nameOf(annotator: string): string
  colourOf(annotator: string): string
  onOpenInDocument(unit: ReviewQueueUnit): void
}

const FIELDS: { id: ConflictField; name: string; value(version: ReviewVersion): string }[] = [
  { id: 'status', name: 'Status', value: (version) => version.status },
  { id: 'certainty', name: 'Certainty', value: (version) => version.certainty ?? 'not assessed' },
  { id: 'attribution', name: 'Attributed to', value: (version) => version.attributedTo || '—' },
]

export function UnitCard({
  unit,
  labels,
  nameOf,
  colourOf,
  onOpenInDocument,
  decision,
}: UnitCardProps) {
  const labelName = (id: string) => labels.find((label) => label.id === id)?.name ?? id
  const first = unit.versions[0]
  const conflicts = new Set(unit.conflicts)
  return (
    <article className="unit-card" data-testid="unit-card" aria-label="Unit">
      <header className="unit-card-header">
        <h2>{unit.documentTitle}</h2>
        <ul className="conflict-chips" aria-label="Disagrees on">
          {unit.conflicts.length === 0 ? (
            <li className="chip agreed">Agreed</li>
          ) : (
            unit.conflicts.map((conflict) => (
              <li key={conflict} className="chip" data-conflict={conflict}>
                {CONFLICT_NAMES[conflict]}
              </li>
            ))
          )}
        </ul>
        <button type="button" onClick={() => onOpenInDocument(unit)}>
          Open in document
        </button>
      </header>
      <p className="unit-context" data-testid="unit-context">
        …{unit.before}
        <mark>{unit.text}</mark>
        {unit.after}…
      </p>
      {decision}
      <div className="versions" style={{ gridTemplateColumns: `repeat(${columns(unit)}, 1fr)` }}>
        {unit.versions.map((version) => (
          <section
            key={version.annotator}
            className="version"
            data-testid="version"
            data-annotator={version.annotator}
            style={{ borderTopColor: colourOf(version.annotator) }}
          >
            <h3>{nameOf(version.annotator)}</h3>
            <p
              className={conflicts.has('label') ? 'version-label differs' : 'version-label'}
              data-label={version.label}
            >
              <span className="swatch" aria-hidden="true" /> {labelName(version.label)}
            </p>
            <blockquote
              className={conflicts.has('boundaries') ? 'version-quote differs' : 'version-quote'}
              data-testid="version-quote"
            >
              {first && version !== first ? (
                <QuoteDiff from={first.quote} to={version.quote} />
              ) : (
                version.quote
              )}
            </blockquote>
            <dl>
              {FIELDS.map((field) => (
                <div key={field.id} className={conflicts.has(field.id) ? 'differs' : undefined}>
                  <dt>{field.name}</dt>
                  <dd>{field.value(version)}</dd>
                </div>
              ))}
              {version.note && (
                <div>
                  <dt>Note</dt>
                  <dd>{version.note}</dd>
                </div>
              )}
            </dl>
          </section>
        ))}
        {unit.missing.map((annotator) => (
          <section key={annotator} className="version missing" data-testid="version-missing">
            <h3>{nameOf(annotator)}</h3>
            <p>Did not mark this passage.</p>
          </section>
        ))}
      </div>
    </article>
  )
}

function columns(unit: ReviewQueueUnit): number {
  return Math.max(1, Math.min(3, unit.versions.length + unit.missing.length))
}

/** `to` as a character diff from `from`: added characters marked, removed ones struck through. */
function QuoteDiff({ from, to }: { from: string; to: string }) {
  return (
    <>
      {diffChars(from, to).map((part, index) =>
        part.added ? (
          <ins key={index} title="Not in the first version">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} title="Only in the first version">
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </>
  )
}
