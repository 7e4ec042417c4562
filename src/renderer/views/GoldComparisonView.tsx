/**
 * The annotator's own file against the gold file: what the reviewer changed, per document. The
 * same comparison as `corroborate diff you.json gold.json` (core/review/diff.ts), asked of the
 * backend with compareWithGold: units whose fields or boundaries differ, units only one side
 * has, and links.
 */
import { useCallback } from 'react'
import type { DiffVersion, LinkDiff, UnitDiff } from '../../core/review/diff'
import type { GoldComparison, Label } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'
import { useViewData } from './use-view-data'

interface GoldComparisonViewProps {
  api: WorkbenchClient
  session: object
  version: number
  labels: readonly Label[]
  onOpen(documentKey: string, start: number): void
}

const FIELD_NAMES: Record<string, string> = {
  label: 'label',
  status: 'status',
  certainty: 'certainty',
  attributedTo: 'attributed to',
  boundaries: 'boundaries',
  note: 'note',
  tags: 'tags',
}

export function GoldComparisonView({
  api,
  session,
  version,
  labels,
  onOpen,
}: GoldComparisonViewProps) {
  const load = useCallback(() => api.compareWithGold({}), [api])
  const { data, error, loading } = useViewData<GoldComparison>({
    load,
    version,
    key: '',
    memory: { owner: session, name: 'gold-comparison' },
  })
  if (!data) {
    return (
      <p className="view-empty">
        {error ? 'Your file could not be compared with gold.' : loading ? 'Comparing…' : ''}
      </p>
    )
  }
  const labelName = (id: string) => labels.find((label) => label.id === id)?.name ?? id
  const { diff } = data
  const changed = diff.documents.filter((document) => document.differences.length > 0)
  return (
    <div className="gold-view" data-testid="gold-view">
      <p className="gold-summary">
        Your claims ({diff.a}) against {diff.b}:{' '}
        {diff.identical
          ? 'they agree.'
          : `${changed.reduce((n, d) => n + d.differences.length, 0)} differences in ${
              changed.length
            } ${changed.length === 1 ? 'document' : 'documents'}, ${
              diff.links.differences.length
            } in links.`}
      </p>
      {data.problem !== null && (
        <p className="review-problems" data-testid="gold-problem">
          {data.problem}
        </p>
      )}
      {changed.map((document) => (
        <section key={`${document.path}\u0000${document.placement}`} className="gold-document">
          <h2>
            {document.path}
            {document.placement === 'stored' && ' (as the files store it)'}
          </h2>
          <ul className="gold-differences">
            {document.differences.map((unit, i) => (
              <li key={i} className={`gold-unit ${unit.kind}`} data-testid="gold-unit">
                <UnitLine
                  unit={unit}
                  labelName={labelName}
                  onOpen={
                    data.documentKeys[document.path] !== undefined &&
                    document.placement === 'current'
                      ? () => onOpen(data.documentKeys[document.path]!, (unit.a ?? unit.b)!.start)
                      : null
                  }
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {diff.links.differences.length > 0 && (
        <section className="gold-document">
          <h2>Links</h2>
          <ul className="gold-differences">
            {diff.links.differences.map((link, i) => (
              <li key={i} className={`gold-unit ${link.kind}`} data-testid="gold-link">
                <LinkLine link={link} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

function UnitLine({
  unit,
  labelName,
  onOpen,
}: {
  unit: UnitDiff
  labelName(id: string): string
  onOpen: (() => void) | null
}) {
  const version = (unit.a ?? unit.b)!
  const shownFields = unit.fields.filter((field) => field !== 'boundaries')
  const heading =
    unit.kind === 'only-a'
      ? 'Only in yours'
      : unit.kind === 'only-b'
        ? 'Only in gold'
        : `Changed: ${unit.fields.map((field) => FIELD_NAMES[field] ?? field).join(', ')}`
  return (
    <>
      <div className="gold-unit-heading">
        <strong>{heading}</strong>{' '}
        {unit.boundaries ? (
          <q className="gold-quote">
            {unit.boundaries.quote.map((part, i) =>
              part.change === 'added' ? (
                <ins key={i}>{part.text}</ins>
              ) : part.change === 'removed' ? (
                <del key={i}>{part.text}</del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </q>
        ) : (
          <q className="gold-quote">{version.quote}</q>
        )}
        {onOpen && (
          <button type="button" className="link-button" onClick={onOpen}>
            Open in document
          </button>
        )}
      </div>
      {/* Boundaries show in the quote's diff above; a table only for the fields besides. */}
      {unit.kind === 'changed' && shownFields.length > 0 && (
        <table className="gold-fields">
          <thead>
            <tr>
              <th />
              <th scope="col">Yours</th>
              <th scope="col">Gold</th>
            </tr>
          </thead>
          <tbody>
            {shownFields.map((field) => (
              <tr key={field}>
                <th scope="row">{FIELD_NAMES[field] ?? field}</th>
                <td>{fieldText(unit.a!, field, labelName)}</td>
                <td>{fieldText(unit.b!, field, labelName)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unit.kind !== 'changed' && <span className="gold-label"> {labelName(version.label)}</span>}
    </>
  )
}

function fieldText(
  version: DiffVersion,
  field: UnitDiff['fields'][number],
  labelName: (id: string) => string,
): string {
  switch (field) {
    case 'label':
      return labelName(version.label)
    case 'tags':
      return version.tags.join(', ') || '(none)'
    case 'boundaries':
      return version.quote
    default: {
      const value = version[field]
      return value === '' ? '(none)' : String(value)
    }
  }
}

function LinkLine({ link }: { link: LinkDiff }) {
  const version = (link.a ?? link.b)!
  const end = (e: typeof version.from) =>
    e.kind === 'claim' ? `“${e.quote}”` : e.kind === 'outside' ? e.title || e.url : e.claimId
  const heading =
    link.kind === 'only-a'
      ? 'Only in yours'
      : link.kind === 'only-b'
        ? 'Only in gold'
        : `Changed: ${link.fields.join(', ')}`
  return (
    <>
      <strong>{heading}</strong> {end(version.from)} — {version.relation} — {end(version.to)}
    </>
  )
}
