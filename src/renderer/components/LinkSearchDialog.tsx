/**
 * The L dialog: link the selected claim to another, from the keyboard. It opens on the
 * suggestions for the claim, best first and highlighted, so "L, Enter" accepts the top one;
 * typing searches every claim of the project by quote, label or document. ↑/↓ move, Enter links,
 * Alt+<relation key> picks the relation (otherwise the suggested one, or "same claim").
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type {
  ClaimSearchHit,
  LinkSuggestion,
  RelationType,
  SuggestionListing,
} from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'
import { shortQuote } from '../claims/claimText'
import { linkTargets, type LinkTarget } from '../links/linkTargets'
import { ModalDialog } from './ModalDialog'

const SEARCH_DELAY_MS = 80
const SUGGESTIONS = 8

interface LinkSearchDialogProps {
  api: WorkbenchClient
  source: { claimId: string; quote: string }
  relations: readonly RelationType[]
  onLinkClaim(targetClaimId: string, relation: string): Promise<boolean>
  onAccept(
    listing: SuggestionListing,
    suggestion: LinkSuggestion,
    relation: string,
  ): Promise<boolean>
  onClose(): void
}

export function LinkSearchDialog(props: LinkSearchDialogProps) {
  const { api, source, relations } = props
  const [query, setQuery] = useState('')
  const [listing, setListing] = useState<SuggestionListing | null>(null)
  /** Search results with the query they answer: results of an older query are never shown. */
  const [searched, setSearched] = useState<{ query: string; hits: ClaimSearchHit[] }>({
    query: '',
    hits: [],
  })
  const [active, setActive] = useState(0)
  const [relation, setRelation] = useState<string | null>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'linking'>('loading')
  const [error, setError] = useState<string | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  /** Enter pressed before the rows for what is typed had arrived: link the top one then. */
  const enterQueued = useRef(false)
  const latest = useRef({ query, searched, relation, listing, status })
  useEffect(() => {
    latest.current = { query, searched, relation, listing, status }
  })

  const rowsFor = (
    current: Pick<typeof latest.current, 'query' | 'searched'>,
    suggestions: SuggestionListing | null,
  ) =>
    linkTargets(
      source.claimId,
      suggestions?.suggestions ?? [],
      current.query.trim() !== '' && current.searched.query === current.query
        ? current.searched.hits
        : [],
      current.query,
    )

  const relationFor = (row: LinkTarget, chosen: string | null): string =>
    chosen ?? (row.kind === 'suggestion' ? row.suggestion.relation : 'same')

  const link = (row: LinkTarget | undefined, suggestions: SuggestionListing | null) => {
    if (!row || latest.current.status === 'linking') return
    latest.current.status = 'linking'
    setStatus('linking')
    const chosen = relationFor(row, latest.current.relation)
    const done =
      row.kind === 'claim'
        ? props.onLinkClaim(row.hit.claimId, chosen)
        : suggestions
          ? props.onAccept(suggestions, row.suggestion, chosen)
          : Promise.resolve(false)
    void done.then((linked) => {
      if (linked) return props.onClose()
      latest.current.status = 'ready'
      setStatus('ready')
    })
  }

  /** Whether the rows shown answer what is typed (suggestions loaded, search answered). */
  const settled = (current: typeof latest.current) =>
    current.status !== 'loading' &&
    (current.query.trim() === '' || current.searched.query === current.query)

  const flushQueuedEnter = () => {
    const current = latest.current
    if (!enterQueued.current || !settled(current)) return
    enterQueued.current = false
    link(rowsFor(current, current.listing)[0], current.listing)
  }

  useEffect(() => {
    let cancelled = false
    const arrived = (result: SuggestionListing | null, problem: string | null) => {
      if (cancelled) return
      setListing(result)
      if (problem) setError(problem)
      setStatus('ready')
      latest.current = { ...latest.current, listing: result, status: 'ready' }
      flushQueuedEnter()
    }
    api.getSuggestions({ claimId: source.claimId }, SUGGESTIONS).then(
      (result) => arrived(result, null),
      (reason: unknown) =>
        arrived(
          null,
          `No suggestions: ${reason instanceof Error ? reason.message : String(reason)}`,
        ),
    )
    return () => {
      cancelled = true
    }
    // flushQueuedEnter reads everything it needs from `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, source.claimId])

  useEffect(() => {
    if (query.trim() === '') return
    let cancelled = false
    const timer = setTimeout(() => {
      api.searchClaims(query, 20).then(
        (hits) => {
          if (cancelled) return
          setSearched({ query, hits })
          latest.current = { ...latest.current, searched: { query, hits } }
          flushQueuedEnter()
        },
        (reason: unknown) =>
          !cancelled && setError(reason instanceof Error ? reason.message : String(reason)),
      )
    }, SEARCH_DELAY_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, query])

  const rows = useMemo(
    () => rowsFor({ query, searched }, listing),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [source.claimId, listing, searched, query],
  )
  const current = rows.length === 0 ? -1 : Math.min(active, rows.length - 1)

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (rows.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current + step + rows.length) % rows.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      // Typed ahead of the results (L, Enter at once): the top row, once it is known. The rows
      // are read from `latest`, not from this render: results may have arrived since it.
      const live = latest.current
      if (!settled(live)) enterQueued.current = true
      else {
        const liveRows = rowsFor(live, live.listing)
        link(liveRows[Math.min(Math.max(current, 0), liveRows.length - 1)], live.listing)
      }
    } else if (event.altKey && /^Key[A-Z]$/.test(event.code)) {
      // event.code, not event.key: Alt+letter types a symbol on macOS keyboards.
      const chosen = relations.find((candidate) => candidate.key === event.code[3]!.toLowerCase())
      if (chosen) {
        event.preventDefault()
        setRelation((currentRelation) => (currentRelation === chosen.id ? null : chosen.id))
      }
    }
  }

  const relationName = (id: string) => relations.find((r) => r.id === id)?.name ?? id

  return (
    <ModalDialog
      className="dialog link-dialog"
      testId="link-dialog"
      labelledBy="link-dialog-title"
      onCancel={props.onClose}
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
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <div className="relation-choice" role="group" aria-label="Relation">
        {relations.map((candidate) => (
          <button
            key={candidate.id}
            type="button"
            className="relation-chip"
            data-relation={candidate.id}
            aria-pressed={relation === candidate.id}
            title={candidate.description}
            onClick={() => setRelation(relation === candidate.id ? null : candidate.id)}
          >
            <span className="link-dot" aria-hidden="true" />
            {candidate.name} {candidate.key && <kbd>Alt+{candidate.key.toUpperCase()}</kbd>}
          </button>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
      <ul className="link-targets" id="link-targets" role="listbox" ref={listRef}>
        {status === 'loading' && <li className="link-empty">Looking for likely targets…</li>}
        {status !== 'loading' && rows.length === 0 && (
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
            relationName={relationName(relationFor(row, relation))}
            relationId={relationFor(row, relation)}
            onPick={() => link(row, listing)}
            onHover={() => setActive(index)}
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
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className={selected ? 'link-target active' : 'link-target'}
      data-testid="link-target"
      onClick={onPick}
      onMouseMove={onHover}
    >
      <span className="target-head">
        <span className={`target-kind kind-${kind.replace(' ', '-')}`}>{kind}</span>
        <span className="target-path">{path}</span>
        <span className="relation-chip small" data-relation={relationId}>
          <span className="link-dot" aria-hidden="true" />
          {relationName}
        </span>
      </span>
      <span className="target-quote">{shortQuote(quote, 200)}</span>
      {row.kind === 'suggestion' && row.suggestion.reasons.length > 0 && (
        <span className="target-reasons">{row.suggestion.reasons.join(' · ')}</span>
      )}
    </li>
  )
}
