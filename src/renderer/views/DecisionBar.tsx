/**
 * The reviewer's decision on the unit shown: its state (open, decided, stale: a version changed
 * since), and the ways to settle it, each with its key: take a version (1-9), union (U) or
 * intersection (I) of the spans, no claim here (X), withdraw (W). The reason, note and
 * "guidelines need work" go with the next decision. Decisions go to
 * review/<reviewer>.decisions.json (see annotations/README.md).
 */
import { DECISION_REASONS, type DecisionReason } from '../../core/model/provenance'
import type { ReviewQueueUnit } from '../../shared/api'
import type { DecisionDraft } from '../store/review'

const REASON_NAMES: Record<DecisionReason, string> = {
  'ambiguous-text': 'Ambiguous text',
  'guideline-gap': 'Guideline gap',
  'annotator-error': 'Annotator error',
  other: 'Other',
}

interface DecisionBarProps {
  unit: ReviewQueueUnit
  /** The reviewer (the current annotator), or null: nobody to decide as. */
  reviewer: string | null
  draft: DecisionDraft
  nameOf(annotator: string): string
  onTake(n: number): void
  onCombine(kind: 'union' | 'intersection'): void
  onReject(): void
  onWithdraw(): void
  onDraft(draft: Partial<DecisionDraft>): void
}

export function DecisionBar(props: DecisionBarProps) {
  const { unit, reviewer, draft, nameOf } = props
  if (reviewer === null) {
    return (
      <p className="decision-bar" data-testid="decision-bar">
        Name yourself in Settings &gt; Annotator to decide units.
      </p>
    )
  }
  return (
    <section className="decision-bar" data-testid="decision-bar" aria-label="Decision">
      <p className="decision-state" data-state={unit.state} data-testid="decision-state">
        {unit.state === 'open'
          ? 'Open'
          : `${unit.state === 'stale' ? 'Stale (a version changed since): ' : 'Decided: '}${describe(unit, nameOf)}`}
      </p>
      <div className="decision-actions">
        {unit.versions.map((version, index) => (
          <button key={version.annotator} type="button" onClick={() => props.onTake(index + 1)}>
            Take {nameOf(version.annotator)} <kbd>{index + 1}</kbd>
          </button>
        ))}
        {unit.versions.length > 1 && (
          <>
            <button type="button" onClick={() => props.onCombine('union')}>
              Union <kbd>U</kbd>
            </button>
            <button type="button" onClick={() => props.onCombine('intersection')}>
              Intersection <kbd>I</kbd>
            </button>
          </>
        )}
        <button type="button" onClick={props.onReject}>
          No claim here <kbd>X</kbd>
        </button>
        {unit.decision && (
          <button type="button" onClick={props.onWithdraw}>
            Withdraw <kbd>W</kbd>
          </button>
        )}
      </div>
      <div className="decision-draft">
        <select
          aria-label="Reason"
          value={draft.reason ?? ''}
          onChange={(event) =>
            props.onDraft({ reason: (event.target.value || null) as DecisionReason | null })
          }
        >
          <option value="">No reason given</option>
          {DECISION_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {REASON_NAMES[reason]}
            </option>
          ))}
        </select>
        <input
          aria-label="Note"
          placeholder="Note"
          value={draft.note}
          maxLength={20_000}
          onChange={(event) => props.onDraft({ note: event.target.value })}
        />
        <label>
          <input
            type="checkbox"
            checked={draft.guidelines}
            onChange={(event) => props.onDraft({ guidelines: event.target.checked })}
          />
          Guidelines need work
        </label>
      </div>
    </section>
  )
}

function describe(unit: ReviewQueueUnit, nameOf: (annotator: string) => string): string {
  const decision = unit.decision
  if (!decision) return ''
  const action = decision.action
  const what =
    action.kind === 'take'
      ? `take ${nameOf(action.annotator)}`
      : action.kind === 'reject'
        ? 'no claim here'
        : action.kind === 'union' || action.kind === 'intersection'
          ? action.kind
          : action.kind
  return decision.reason ? `${what} (${REASON_NAMES[decision.reason]})` : what
}
