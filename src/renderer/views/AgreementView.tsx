/**
 * The agreement dashboard: the figures of getAgreement, each with the number of items it rests
 * on. A pairwise matrix of annotators (on the measure chosen), then tables per field, per label
 * and per document. A click on a figure opens the disagreement queue narrowed to it.
 */
import { useCallback, useState } from 'react'
import { labelBarsSvg, pairMatrixSvg, shownFigure } from '../../core/review/agreement-svg'
import {
  pairFigure,
  PAIR_MEASURE_NAMES,
  PAIR_MEASURES,
  type PairMeasure,
} from '../../core/review/pair-measures'
import type { QueueFilter } from '../../core/review/queue'
import { downloadText } from '../claims/download'
import type { Label } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'
import { LeftOut } from './LeftOut'
import { useViewData } from './use-view-data'

interface AgreementViewProps {
  api: WorkbenchClient
  session: object
  version: number
  labels: readonly Label[]
  nameOf(annotator: string): string
  onFilter(filter: QueueFilter): void
}

export function AgreementView({
  api,
  session,
  version,
  labels,
  nameOf,
  onFilter,
}: AgreementViewProps) {
  const [measure, setMeasure] = useState<PairMeasure>('span-f1')
  const load = useCallback(() => api.getAgreement({}), [api])
  const { data, error, loading } = useViewData({
    load,
    version,
    key: '',
    memory: { owner: session, name: 'agreement' },
  })
  if (!data) {
    return (
      <p className="view-empty">
        {error ? 'Agreement could not be computed.' : loading ? 'Measuring agreement…' : ''}
      </p>
    )
  }
  const { report } = data
  if (report.annotators.length < 2) {
    return (
      <p className="view-empty" data-testid="agreement-empty">
        Agreement compares annotators’ files: this project has{' '}
        {report.annotators.length === 0 ? 'none' : 'only one'} in annotations/.
      </p>
    )
  }
  const labelName = (id: string) => labels.find((label) => label.id === id)?.name ?? id
  const pairOf = (a: string, b: string) =>
    report.pairs.find(
      (pair) => (pair.first === a && pair.second === b) || (pair.first === b && pair.second === a),
    )
  return (
    <div className="agreement-view" data-testid="agreement-view">
      <p className="agreement-summary">
        {report.annotators.length} annotators · {report.documents} documents · {report.claims}{' '}
        claims · {report.units} units
        {data.problems.length > 0 && ` · ${data.problems.length} file(s) left out`}
      </p>
      <LeftOut problems={data.problems} leftOut={data.leftOut} nameOf={nameOf} />

      <section aria-labelledby="pairs-heading">
        <div className="agreement-section-header">
          <h2 id="pairs-heading">Pairs of annotators</h2>
          <select
            aria-label="Measure"
            value={measure}
            onChange={(event) => setMeasure(event.target.value as PairMeasure)}
          >
            {PAIR_MEASURES.map((id) => (
              <option key={id} value={id}>
                {sentenceCase(PAIR_MEASURE_NAMES[id])}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          data-testid="save-matrix-svg"
          onClick={() =>
            downloadText(
              'agreement-matrix.svg',
              pairMatrixSvg(report, { measure, annotatorName: nameOf }),
              SVG_TYPE,
            )
          }
        >
          Save as SVG
        </button>
        <table className="agreement-matrix" data-testid="pair-matrix">
          <thead>
            <tr>
              <th />
              {report.annotators.map((name) => (
                <th key={name} scope="col">
                  {nameOf(name)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.annotators.map((row) => (
              <tr key={row}>
                <th scope="row">{nameOf(row)}</th>
                {report.annotators.map((column) => {
                  const pair = row === column ? undefined : pairOf(row, column)
                  if (!pair) return <td key={column} className="diagonal" />
                  const figure = pairFigure(report, pair, measure)
                  return (
                    <td key={column} style={{ background: heat(figure.value) }}>
                      <button
                        type="button"
                        data-testid="pair-figure"
                        title={`Show the units ${nameOf(row)} and ${nameOf(column)} marked differently`}
                        onClick={() => onFilter({ pair: [pair.first, pair.second] })}
                      >
                        {shownFigure(figure.value)}
                        <small> n={figure.items}</small>
                      </button>
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">Fields of aligned units</h2>
        <table className="agreement-table" data-testid="field-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">α</th>
              <th scope="col">Units</th>
              <th scope="col">Cohen κ</th>
              <th scope="col">Fleiss κ</th>
            </tr>
          </thead>
          <tbody>
            {(['label', 'status', 'certainty'] as const).map((field) => {
              const figures = field === 'label' ? report.overall.labels : report.overall[field]
              return (
                <tr key={field}>
                  <th scope="row">
                    <button type="button" onClick={() => onFilter({ field })}>
                      {field === 'label' ? 'Label' : field === 'status' ? 'Status' : 'Certainty'}
                    </button>
                  </th>
                  <td>{shownFigure(figures.alpha)}</td>
                  <td>{figures.units}</td>
                  <td>{shownFigure(figures.cohenKappa)}</td>
                  <td>{shownFigure(figures.fleissKappa)}</td>
                </tr>
              )
            })}
            <tr>
              <th scope="row">
                <button type="button" onClick={() => onFilter({ field: 'boundaries' })}>
                  Spans (unitizing α<sub>u</sub>)
                </button>
              </th>
              <td>{shownFigure(report.overall.alphaU)}</td>
              <td>{report.units}</td>
              <td />
              <td />
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="labels-heading">
        <div className="agreement-section-header">
          <h2 id="labels-heading">Per label</h2>
          <button
            type="button"
            data-testid="save-labels-svg"
            onClick={() =>
              downloadText('agreement-labels.svg', labelBarsSvg(report, { labelName }), SVG_TYPE)
            }
          >
            Save as SVG
          </button>
        </div>
        <table className="agreement-table" data-testid="label-table">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">
                α<sub>u</sub>
              </th>
              <th scope="col">Claims</th>
              <th scope="col" aria-label="Bar" />
            </tr>
          </thead>
          <tbody>
            {report.perLabel.map((entry) => (
              <tr key={entry.label} data-label={entry.label}>
                <th scope="row">
                  <button type="button" onClick={() => onFilter({ label: entry.label })}>
                    <span className="swatch" aria-hidden="true" /> {labelName(entry.label)}
                  </button>
                </th>
                <td>{shownFigure(entry.alphaU)}</td>
                <td>{entry.claims}</td>
                <td className="bar-cell" aria-hidden="true">
                  <span
                    className="figure-bar"
                    style={{ width: `${Math.max(0, entry.alphaU ?? 0) * 100}%` }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">Per document</h2>
        <table className="agreement-table" data-testid="document-table">
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Label α</th>
              <th scope="col">
                α<sub>u</sub>
              </th>
              <th scope="col">Units</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {report.perDocument.map((entry) => (
              <tr key={entry.path}>
                <th scope="row">
                  <button type="button" onClick={() => onFilter({ document: entry.path })}>
                    {entry.path}
                  </button>
                </th>
                <td>{shownFigure(entry.labels.alpha)}</td>
                <td>{shownFigure(entry.alphaU)}</td>
                <td>{entry.units}</td>
                <td>{entry.claims}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}

const SVG_TYPE = 'image/svg+xml;charset=utf-8'

/** "span F1 (overlapping)" -> "Span F1 (overlapping)", for a menu. */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A cell's tint: red for no agreement, green for full; none where nothing was measured. */
function heat(figure: number | null): string | undefined {
  if (figure === null) return undefined
  const clamped = Math.max(0, Math.min(1, figure))
  const colour = `color-mix(in srgb, #1a9850 ${Math.round(clamped * 100)}%, #d73027)`
  return `color-mix(in srgb, ${colour} 28%, transparent)`
}
