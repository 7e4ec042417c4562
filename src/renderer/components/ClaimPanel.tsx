/**
 * The right-hand panel for the focused document: export, filters, the claim list, the selected
 * claim's editor and the claims that need attention.
 */
import { useMemo, useState, type ReactNode } from 'react'
import type { ClaimListing, ClaimPatch, ClaimStatus, ExportRequest, Label } from '../../shared/api'
import type { BadgesByClaim } from '../claims/drawn-claims'
import {
  NO_FILTER,
  STATUSES,
  attributionSuggestions,
  filterClaims,
  isFiltering,
  type ClaimFilter,
} from '../claims/claim-text'
import { ClaimEditor } from './ClaimEditor'
import { ClaimList } from './ClaimList'
import { NeedsAttention } from './NeedsAttention'
import { plural } from './format'

interface ClaimPanelProps {
  listing: ClaimListing | null
  labels: readonly Label[]
  selectedId: string | null
  readOnly: boolean
  hasSelection: boolean
  placingId: string | null
  onSelect(id: string): void
  onChange(id: string, patch: ClaimPatch): void
  onDelete(id: string): void
  onPlace(id: string): void
  onConfirmPlace(id: string): void
  onStartPlacing(id: string | null): void
  onExport(request: ExportRequest): void
  /** Link badges of the claims, for the list. */
  badges: BadgesByClaim
  /** Shown under the selected claim's editor: its links and suggestions. */
  children?: ReactNode
}

/** The tables the export menu offers beside the claims. */
const MORE_EXPORTS: { id: string; name: string; request: ExportRequest }[] = [
  { id: 'links', name: 'Links (links.csv)', request: { scope: 'project', table: 'links' } },
  {
    id: 'clusters',
    name: 'Clusters (clusters.csv)',
    request: { scope: 'project', table: 'clusters' },
  },
  {
    id: 'matrix-csv',
    name: 'Matrix (matrix.csv)',
    request: { scope: 'project', table: 'matrix', format: 'csv' },
  },
  {
    id: 'matrix-svg',
    name: 'Matrix image (matrix.svg)',
    request: { scope: 'project', table: 'matrix', format: 'svg' },
  },
]

export function ClaimPanel(props: ClaimPanelProps) {
  const { listing, labels, selectedId, readOnly } = props
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER)
  const claims = useMemo(() => listing?.claims ?? [], [listing])
  const shown = useMemo(() => filterClaims(claims, filter), [claims, filter])
  const suggestions = useMemo(() => attributionSuggestions(claims), [claims])
  const labelsById = useMemo(() => new Map(labels.map((label) => [label.id, label])), [labels])
  const selected = claims.find(({ claim }) => claim.id === selectedId) ?? null

  const toggleLabel = (id: string) =>
    setFilter((current) => {
      const next = new Set(current.labels)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return { ...current, labels: next }
    })

  return (
    <aside className="claim-panel" aria-label="Claims">
      <div className="panel-header">
        <h2>
          Claims <span className="panel-count">{claims.length}</span>
        </h2>
        <div className="panel-actions">
          <button
            type="button"
            data-testid="export-document"
            title="Export this document's claims as CSV"
            onClick={() =>
              listing && props.onExport({ scope: 'document', documentKey: listing.documentKey })
            }
          >
            Export document
          </button>
          <button
            type="button"
            data-testid="export"
            title="Export every claim of the project as CSV (Ctrl+E)"
            onClick={() => props.onExport({ scope: 'project' })}
          >
            Export all
          </button>
          <select
            aria-label="Export another table"
            data-testid="export-more"
            value=""
            onChange={(event) => {
              const chosen = MORE_EXPORTS.find((option) => option.id === event.target.value)
              if (chosen) props.onExport(chosen.request)
            }}
          >
            <option value="" disabled>
              More…
            </option>
            {MORE_EXPORTS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="claim-filters" role="group" aria-label="Filter claims">
        <input
          type="search"
          data-testid="claim-filter-text"
          placeholder="Filter by text, source, note, tag"
          aria-label="Filter claims by text"
          value={filter.text}
          onChange={(event) => setFilter({ ...filter, text: event.target.value })}
        />
        <select
          aria-label="Filter claims by status"
          data-testid="claim-filter-status"
          value={filter.status}
          onChange={(event) =>
            setFilter({ ...filter, status: event.target.value as ClaimStatus | '' })
          }
        >
          <option value="">Any status</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        <div className="filter-labels">
          {labels.map((label) => (
            <button
              key={label.id}
              type="button"
              className="filter-label"
              data-label={label.id}
              aria-pressed={filter.labels.has(label.id)}
              onClick={() => toggleLabel(label.id)}
            >
              <span className="swatch" aria-hidden="true" />
              {label.name}
            </button>
          ))}
        </div>
      </div>

      <div className="panel-scroll">
        {listing === null ? (
          <p className="panel-empty">Loading claims…</p>
        ) : claims.length === 0 ? (
          <p className="panel-empty">
            No claims yet. Select a passage, then press a label&apos;s key (1–9) or pick it from the
            bar above the selection.
          </p>
        ) : (
          isFiltering(filter) && (
            <p className="panel-filtered">
              {plural(shown.length, 'claim')} of {claims.length}{' '}
              <button type="button" className="link" onClick={() => setFilter(NO_FILTER)}>
                Clear filters
              </button>
            </p>
          )
        )}
        <ClaimList
          claims={shown}
          labels={labelsById}
          selectedId={selectedId}
          badges={props.badges}
          onSelect={props.onSelect}
        />
        {listing && (
          <NeedsAttention
            orphans={listing.orphans}
            placingId={props.placingId}
            hasSelection={props.hasSelection}
            readOnly={readOnly}
            onStartPlacing={props.onStartPlacing}
            onPlace={props.onPlace}
            onDelete={props.onDelete}
          />
        )}
      </div>

      {selected && (
        <div className="selected-claim" data-testid="selected-claim">
          <ClaimEditor
            key={selected.claim.id}
            placed={selected}
            labels={labels}
            suggestions={suggestions}
            readOnly={readOnly}
            onChange={props.onChange}
            onDelete={() => props.onDelete(selected.claim.id)}
            onConfirmPlace={() => props.onConfirmPlace(selected.claim.id)}
          />
          {props.children}
        </div>
      )}
    </aside>
  )
}
