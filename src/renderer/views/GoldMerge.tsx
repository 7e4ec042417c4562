/**
 * Building the gold file from the review queue: the reviewers' decisions, and for the units
 * nobody decided a strategy (unanimous units only, units where the others are silent, or a
 * number of identical versions), or taking back what the strategies added. What was merged is
 * said in numbers; the gold file is an ordinary annotator file (annotations/gold.json).
 */
import { useState } from 'react'
import type { MergeStrategy } from '../../core/review/gold/build-gold'

const STRATEGIES: { id: string; name: string; strategy: MergeStrategy }[] = [
  { id: 'none', name: 'Decisions only', strategy: { kind: 'none' } },
  { id: 'unanimous', name: 'Decisions, and unanimous units', strategy: { kind: 'unanimous' } },
  {
    id: 'silent-others',
    name: 'Decisions, and units where the others are silent',
    strategy: { kind: 'silent-others' },
  },
  {
    id: 'min-votes-2',
    name: 'Decisions, and units with 2 identical versions',
    strategy: { kind: 'min-votes', votes: 2 },
  },
]

interface GoldMergeProps {
  /** Merges (or undoes); resolves once done, a failure told as a notice. */
  onMerge(strategy: MergeStrategy, undoAutomatic: boolean): Promise<void>
}

export function GoldMerge({ onMerge }: GoldMergeProps) {
  const [chosen, setChosen] = useState(STRATEGIES[1]!.id)
  const [busy, setBusy] = useState(false)
  const run = (undoAutomatic: boolean) => {
    const strategy = STRATEGIES.find((entry) => entry.id === chosen)!.strategy
    setBusy(true)
    onMerge(strategy, undoAutomatic).finally(() => setBusy(false))
  }
  return (
    <div className="gold-merge" role="group" aria-label="Gold file">
      <select
        aria-label="Merge strategy"
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
      >
        {STRATEGIES.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
      </select>
      <button type="button" data-testid="merge-gold" disabled={busy} onClick={() => run(false)}>
        Merge into gold
      </button>
      <button
        type="button"
        disabled={busy}
        title="Remove what the strategies added (hand edits and decisions stay)"
        onClick={() => run(true)}
      >
        Undo automatic
      </button>
    </div>
  )
}
