/**
 * `corroborate agree <project-folder> [--annotators a,b] [--documents p,q] [--format md|csv|json]
 * [--fail-below measure=value ...]`: the agreement of the annotators' files, through the
 * WorkbenchApi's getAgreement, as a Markdown report (default), CSV rows or the JSON result.
 * Exits 3 when a figure named with --fail-below is below its floor (or cannot be computed), so a
 * team can gate a pull request on agreement. --svg-matrix and --svg-labels also write the
 * pairwise matrix and the per-label bars as pictures (core/review/agreement-svg.ts).
 */
import { resolve } from 'node:path'
import { writeFileAtomic } from '../backend'
import { toCsv } from '../core/export'
import { labelBarsSvg, pairMatrixSvg, type PairMeasure } from '../core/review'
import type { AgreementResult } from '../shared/api'
import { agreementFigures, parseFloor, type Figure } from './agreement-figures'
import { withWorkbench } from './headless'
import { failOnWorkbenchError, openProjectFolder, reporterFor, type Output } from './project-folder'

export type AgreementFormat = 'md' | 'csv' | 'json'

export interface AgreeOptions {
  annotators?: string[]
  documents?: string[]
  format: AgreementFormat
  failBelow: string[]
  /** Where to write the pairwise matrix picture (SVG), coloured by `svgMeasure`. */
  svgMatrix?: string
  svgMeasure?: PairMeasure
  /** Where to write the per-label bars picture (SVG). */
  svgLabels?: string
}

/** Exit codes: 0 done, 1 a problem with the project, 2 usage, 3 a figure below its floor. */
export async function runAgreeCommand(
  projectFolder: string,
  options: AgreeOptions,
  output: Output,
): Promise<number> {
  const reporter = reporterFor(output)
  const floors = options.failBelow.map(parseFloor)
  const wrong = floors.find((floor) => typeof floor === 'string')
  if (wrong !== undefined) {
    output.stderr(`corroborate: ${wrong}\n`)
    return 2
  }
  return withWorkbench(reporter, (api) =>
    failOnWorkbenchError(reporter, async () => {
      await openProjectFolder(api, reporter, projectFolder)
      const result = await api.getAgreement({
        ...(options.annotators ? { annotators: options.annotators } : {}),
        ...(options.documents ? { documents: options.documents } : {}),
      })
      for (const problem of result.problems) reporter.warn(problem.message)
      const pictures: [string | undefined, () => string][] = [
        [options.svgMatrix, () => pairMatrixSvg(result.report, { measure: options.svgMeasure })],
        [options.svgLabels, () => labelBarsSvg(result.report)],
      ]
      for (const [file, picture] of pictures) {
        if (file === undefined) continue
        try {
          await writeFileAtomic(resolve(file), picture())
        } catch (error) {
          return reporter.fail(`Cannot write ${file}: ${(error as Error).message}`)
        }
      }
      const figures = agreementFigures(result)
      output.stdout(
        options.format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : options.format === 'csv'
            ? figuresCsv(figures)
            : markdown(result, figures),
      )
      let below = false
      for (const floor of floors) {
        if (typeof floor === 'string') continue
        const found = figures.find((f) => f.scope === 'overall' && f.measure === floor.measure)
        const value = found?.value ?? null
        if (value === null || value < floor.floor) {
          below = true
          output.stderr(
            `corroborate: ${floor.measure} is ${value === null ? 'not computable' : value.toFixed(3)}, below ${floor.floor}\n`,
          )
        }
      }
      return below ? 3 : 0
    }),
  )
}

function shown(value: number | null): string {
  return value === null ? '' : value.toFixed(3)
}

function figuresCsv(figures: readonly Figure[]): string {
  return toCsv(
    ['scope', 'subject', 'measure', 'value', 'items'],
    figures.map((f) => [f.scope, f.subject, f.measure, shown(f.value), String(f.items)]),
  )
}

function markdown(result: AgreementResult, figures: readonly Figure[]): string {
  const { report } = result
  const table = (header: string[], rows: string[][]) =>
    [
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
      ...rows.map((row) => `| ${row.join(' | ')} |`),
    ].join('\n')
  const of = (scope: Figure['scope']) => figures.filter((f) => f.scope === scope)
  const lines = [
    `# Agreement: ${report.annotators.join(', ')}`,
    '',
    `${report.documents} document(s), ${report.claims} claim(s) in ${report.units} unit(s), from ${result.sources.join(', ') || 'no files'}.`,
    '',
    '## Overall',
    '',
    table(
      ['measure', 'value', 'items'],
      of('overall').map((f) => [f.measure, shown(f.value) || 'n/a', String(f.items)]),
    ),
    '',
    '## Pairs',
    '',
    table(
      ['pair', 'measure', 'value', 'items'],
      of('pair').map((f) => [f.subject, f.measure, shown(f.value) || 'n/a', String(f.items)]),
    ),
    '',
    '## Labels',
    '',
    table(
      ['label', 'alpha-u', 'claims'],
      of('label').map((f) => [f.subject, shown(f.value) || 'n/a', String(f.items)]),
    ),
    '',
    '## Documents',
    '',
    table(
      ['document', 'measure', 'value', 'items'],
      of('document').map((f) => [f.subject, f.measure, shown(f.value) || 'n/a', String(f.items)]),
    ),
  ]
  if (result.leftOut.length > 0) {
    lines.push('', '## Left out', '')
    for (const item of result.leftOut) {
      const why = item.reason === 'not-in-project' ? 'not in the project' : 'not found in its text'
      lines.push(`- ${item.claims} claim(s) of ${item.annotator} on ${item.path}: ${why}`)
    }
  }
  if (result.problems.length > 0) {
    lines.push('', '## Files left out', '')
    for (const problem of result.problems) lines.push(`- ${problem.message}`)
  }
  return `${lines.join('\n')}\n`
}
