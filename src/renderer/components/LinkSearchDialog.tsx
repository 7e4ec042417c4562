/**
 * The L dialog: link the selected claim to another, from the keyboard. It opens on the
 * suggestions for the claim, best first, the first one not linked yet highlighted, so "L, Enter"
 * accepts it; typing searches every claim of the project by quote, label or document. ↑/↓ move,
 * Enter links, Alt+<relation key> picks the relation (otherwise the suggested one, or "same
 * claim"). Targets linked already are listed, marked, and skipped. Its state lives in the store
 * (dialogs module); its behaviour in effects/link-search.ts.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { RelationType } from '../../shared/api'
import { shortQuote } from '../claims/claim-text'
import { activeRow, relationForRow } from '../effects/link-search'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import type { LinkTarget } from '../links/link-targets'
import type { LinkSearchDialog as DialogState } from '../store/dialogs'
import { linkSearchRows, relationsOf } from '../store/selectors'
import { ModalDialog } from './ModalDialog'

export function LinkSearchDialog({ dialog }: { dialog: DialogState }) {
  const { linkSearch } = useWorkbench()
  const relations = useAppState(relationsOf)
  const rows = useAppState((state) => linkSearchRows(state, dialog))
  const loading = useAppState(({ links: { suggestions } }) =>
    suggestions.claimId !== dialog.source.claimId
      ? true
      : suggestions.list.value === null && suggestions.list.pending !== null,
  )
  const listRef = useRef<HTMLUListElement>(null)
  const current = activeRow(rows, dialog.active)
  const { query, relation, source, error } = dialog

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      linkSearch.move(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      linkSearch.enter()
    } else if (event.altKey && /^Key[A-Z]$/.test(event.code)) {
      // event.code, not event.key: Alt+letter types a symbol on macOS keyboards.
      if (linkSearch.relationKey(event.code[3]!.toLowerCase())) event.preventDefault()
    }
  }

  const relationName = (id: string) => relations.find((r) => r.id === id)?.name ?? id

  return (
    <ModalDialog
      className="dialog link-dialog"
      testId="link-dialog"
      labelledBy="link-dialog-title"
      onCancel={linkSearch.close}
    >
      <h2 id="link-dialog-title">Link claim</h2>
      <p className="link-source" title={source.quote}>
        “{shortQuote(source.quote, 160)}”
      </p>
      <input
        type="search"
        data-testid="link-search"
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="link-targets"
        aria-activedescendant={current >= 0 ? `link-target-${current}` : undefined}
        aria-label="Search claims by quote, label or document"
        placeholder="Type to search every claim by quote, label or document"
        value={query}
        onChange={(event) => linkSearch.setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <RelationChoice
        relations={relations}
        chosen={relation}
        onToggle={linkSearch.toggleRelation}
      />
      {error && <p className="field-error">{error}</p>}
      <ul className="link-targets" id="link-targets" role="listbox" ref={listRef}>
        {loading && <li className="link-empty">Looking for likely targets…</li>}
        {!loading && rows.length === 0 && (
          <li className="link-empty">
            {query.trim() === ''
              ? 'No suggestions. Type to search the claims of the project.'
              : 'No claim matches.'}
          </li>
        )}
        {rows.map((row, index) => (
          <TargetRow
            key={row.key}
            id={`link-target-${index}`}
            row={row}
            selected={index === current}
            relationId={row.linked ?? relationForRow(row, relation)}
            relationName={relationName(row.linked ?? relationForRow(row, relation))}
            onPick={() => linkSearch.pick(index)}
            onHover={() => linkSearch.hover(index)}
          />
        ))}
      </ul>
      <p className="dialog-hint">
        <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> link · <kbd>Alt</kbd>+key relation ·{' '}
        <kbd>Esc</kbd> cancel
      </p>
    </ModalDialog>
  )
}

function RelationChoice(props: {
  relations: readonly RelationType[]
  chosen: string | null
  onToggle(relation: string): void
}) {
  return (
    <div className="relation-choice" role="group" aria-label="Relation">
      {props.relations.map((candidate) => (
        <button
          key={candidate.id}
          type="button"
          className="relation-chip"
          data-relation={candidate.id}
          aria-pressed={props.chosen === candidate.id}
          title={candidate.description}
          onClick={() => props.onToggle(candidate.id)}
        >
          <span className="link-dot" aria-hidden="true" />
          {candidate.name} {candidate.key && <kbd>Alt+{candidate.key.toUpperCase()}</kbd>}
        </button>
      ))}
    </div>
  )
}

interface TargetRowProps {
  id: string
  row: LinkTarget
  selected: boolean
  relationId: string
  relationName: string
  onPick(): void
  onHover(): void
}

function TargetRow({
  id,
  row,
  selected,
  relationId,
  relationName,
  onPick,
  onHover,
}: TargetRowProps) {
  const quote = row.kind === 'claim' ? row.hit.quote : row.suggestion.target.quote
  const path = row.kind === 'claim' ? row.hit.path : row.suggestion.target.path
  const kind =
    row.kind === 'claim' || row.suggestion.target.kind === 'claim' ? 'claim' : 'new claim'
  const linked = row.linked !== null
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      aria-disabled={linked || undefined}
      className={['link-target', selected && 'active', linked && 'linked']
        .filter(Boolean)
        .join(' ')}
      data-testid="link-target"
      data-linked={row.linked ?? undefined}
      onClick={linked ? undefined : onPick}
      onMouseMove={onHover}
    >
      <span className="target-head">
        <span className={`target-kind kind-${kind.replace(' ', '-')}`}>{kind}</span>
        <span className="target-path">{path}</span>
        <span className="relation-chip small" data-relation={relationId}>
          <span className="link-dot" aria-hidden="true" />
          {linked ? `linked: ${relationName}` : relationName}
        </span>
      </span>
      <span className="target-quote">{shortQuote(quote, 200)}</span>
      {row.kind === 'suggestion' && row.suggestion.reasons.length > 0 && (
        <span className="target-reasons">{row.suggestion.reasons.join(' · ')}</span>
      )}
    </li>
  )
}
