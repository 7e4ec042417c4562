/**
 * The headless door: commands for pipelines, parsed with node:util parseArgs.
 * Exit codes: 0 done, 1 a file problem, 2 wrong usage.
 */
import { parseArgs } from 'node:util'
import { PAIR_MEASURES, type PairMeasure } from '../core/review/pair-measures'
import { DATASET_EXPORT_FORMATS, DATASET_IMPORT_FORMATS } from '../shared/api'
import type { Output } from './doc-command'
import { warmUpParsing } from './warm-up'

export const USAGE = `Usage: corroborate <command> [options]

Commands:
  doc <file> [--json]   Read an article file (.txt, .md, .html, .pdf, .docx) and print its
                        canonical document as JSON (--json) or a short summary.
  export <project-folder> --out <folder> [--format F] [--annotator NAME] [--bom]
                        Write a dataset from every annotator's file in
                        <project>/annotations/ (or NAME's only). F is one of:
                          csv (default)  claims.csv, links.csv, clusters.csv, and the
                                         corroboration matrix as matrix.csv and
                                         matrix.svg; --bom starts the CSV files with
                                         a UTF-8 BOM (Excel)
                          w3c            annotations.jsonld (W3C Web Annotation)
                          brat           a .txt and .ann per article, annotation.conf
                          jsonl          documents.jsonl, claims.jsonl, links.jsonl
                          claimreview    claimreview.jsonld (schema.org ClaimReview)
  import <project-folder> <file-or-folder> --format F --as NAME
                        Import another tool's annotations into a new annotator file,
                        <project>/annotations/NAME.json, placing each claim in the
                        project's articles by its quote. F: w3c (Web Annotation JSON),
                        brat (a folder of .ann files beside their .txt, or one .ann),
                        labelstudio (Label Studio's JSON export), jsonl (this app's
                        JSONL export: a folder with claims.jsonl and links.jsonl).
  suggest <project-folder> --doc <file> --quote "<text>" [--limit N] [--json]
                        Rank the claims and sentences of the project's other
                        articles likely linked to the quoted passage of <file>
                        (a path in the project), with the reasons. N: 1-50, default 10.
  agree <project-folder> [--annotators a,b] [--documents p,q] [--format md|csv|json]
        [--fail-below measure=value ...] [--svg-matrix <file> [--svg-measure M]]
        [--svg-labels <file>]
                        Agreement of the annotators' files in <project>/annotations/
                        (or those named): spans, labels, status, certainty, links and
                        clusters, overall, per pair, label and document. Exits 3 when a
                        figure is below its --fail-below floor; measures: labels-alpha,
                        status-alpha, certainty-alpha, alpha-u, span-f1, span-f1-exact,
                        link-f1, cluster-f1. --svg-matrix writes the pairwise matrix
                        of annotators as an SVG picture, coloured by M: span-f1
                        (default), span-f1-exact, labels-alpha, labels-kappa, link-f1,
                        relation-kappa, cluster-f1; --svg-labels the bars of alpha_u
                        per label.
  diff <a.json> <b.json> [--doc <path>] [--project <folder>] [--json]
                        The claims and links that differ between two annotator files:
                        claims aligned into units per document, compared on label,
                        status, certainty, attribution, boundaries, note and tags.
                        Files in one project's annotations/ folder (or --project) are
                        placed in the current texts, others compared as stored.
                        Exits 0 when they agree, 1 when they differ, 2 on bad input.
  merge <project-folder> --strategy S [--into NAME] [--undo-automatic] [--json]
                        Build or update the gold file, <project>/annotations/NAME.json
                        (default gold), from the reviewers' decisions in review/ and,
                        for units nobody decided, the strategy S: unanimous (every
                        annotator made the same claim), silent-others (all who made
                        one agree), min-votes=N (N identical versions), or none.
                        --undo-automatic removes what strategies added (not what was
                        edited by hand). Decisions and hand edits are never overwritten.
  review status <project-folder> [--gold NAME] [--json]
                        Units decided, open and stale per reviewer; the gold file's
                        claims by origin.
  git-setup <project-folder>
                        Register the merge driver for annotations/*.json and
                        review/*.decisions.json in the repository's .git/config and the
                        project's .gitattributes (run once per clone; idempotent).
  merge-driver <base> <ours> <theirs> [<path>]
                        Git's merge driver (%O %A %B %P): merges two versions of an
                        annotation or decisions file by id into <ours>; never writes
                        conflict markers. Exits 1, <ours> untouched, when a version
                        cannot be read.

Options:
  -h, --help            Show this help.
`

export async function runCli(argv: string[], output: Output): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        out: { type: 'string' },
        annotator: { type: 'string' },
        bom: { type: 'boolean' },
        doc: { type: 'string' },
        quote: { type: 'string' },
        limit: { type: 'string' },
        annotators: { type: 'string' },
        documents: { type: 'string' },
        format: { type: 'string' },
        'fail-below': { type: 'string', multiple: true },
        as: { type: 'string' },
        project: { type: 'string' },
        'svg-matrix': { type: 'string' },
        'svg-measure': { type: 'string' },
        'svg-labels': { type: 'string' },
        into: { type: 'string' },
        strategy: { type: 'string' },
        'undo-automatic': { type: 'boolean' },
        gold: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    return usageError(output, (error as Error).message)
  }
  const { values, positionals } = parsed
  if (values.help) {
    output.stdout(USAGE)
    return 0
  }
  const [command, ...rest] = positionals
  if (command === undefined) return usageError(output, 'No command given.')
  if (command === 'merge-driver') {
    // Git runs this once per file: it loads JSON and core/model only (no workbench).
    if (rest.length < 3 || rest.length > 4) {
      return usageError(output, 'merge-driver takes the files %O %A %B (and %P).')
    }
    const { runMergeDriver } = await import('./merge-driver-command')
    return runMergeDriver(
      { base: rest[0]!, ours: rest[1]!, theirs: rest[2]!, name: rest[3] },
      output,
    )
  }
  if (command === 'git-setup') {
    if (rest.length !== 1) return usageError(output, 'git-setup takes exactly one project folder.')
    const { runGitSetup } = await import('./git-setup-command')
    return runGitSetup(rest[0]!, output)
  }
  if (command === 'merge') {
    if (rest.length !== 1) return usageError(output, 'merge takes exactly one project folder.')
    const undoAutomatic = values['undo-automatic'] === true
    if (values.strategy === undefined && !undoAutomatic) {
      return usageError(output, 'merge needs --strategy unanimous|silent-others|min-votes=N|none.')
    }
    const { parseStrategy, runMergeCommand } = await import('./merge-command')
    const strategy = parseStrategy(values.strategy ?? 'none')
    if (typeof strategy === 'string') return usageError(output, strategy)
    return runMergeCommand(
      rest[0]!,
      { into: values.into ?? 'gold', strategy, undoAutomatic, json: values.json === true },
      output,
    )
  }
  if (command === 'review') {
    if (rest[0] !== 'status' || rest.length !== 2) {
      return usageError(output, 'review takes "status" and one project folder.')
    }
    const { runReviewStatus } = await import('./review-command')
    return runReviewStatus(
      rest[1]!,
      { gold: values.gold ?? 'gold', json: values.json === true },
      output,
    )
  }
  if (command === 'doc') {
    if (rest.length !== 1) return usageError(output, 'doc takes exactly one file.')
    // Loaded on demand: the backend takes a while to load, help and usage errors need not wait.
    await warmUpParsing()
    const { runDocCommand } = await import('./doc-command')
    return runDocCommand(rest[0], values.json === true, output)
  }
  if (command === 'export') {
    if (rest.length !== 1) return usageError(output, 'export takes exactly one project folder.')
    if (values.out === undefined) return usageError(output, 'export needs --out <folder>.')
    const format = values.format ?? 'csv'
    if (format !== 'csv' && !isOneOf(DATASET_EXPORT_FORMATS, format)) {
      return usageError(output, `--format must be csv, ${DATASET_EXPORT_FORMATS.join(', ')}.`)
    }
    if (format !== 'csv' && values.bom === true) {
      return usageError(output, '--bom is for the CSV files only.')
    }
    await warmUpParsing()
    const { runExportCommand } = await import('./export-command')
    return runExportCommand(
      rest[0],
      { out: values.out, format, annotator: values.annotator, bom: values.bom === true },
      output,
    )
  }
  if (command === 'import') {
    if (rest.length !== 2) {
      return usageError(output, 'import takes a project folder and a file or folder to import.')
    }
    if (values.format === undefined || !isOneOf(DATASET_IMPORT_FORMATS, values.format)) {
      return usageError(output, `import needs --format ${DATASET_IMPORT_FORMATS.join('|')}.`)
    }
    if (values.as === undefined) return usageError(output, 'import needs --as <annotator>.')
    await warmUpParsing()
    const { runImportCommand } = await import('./import-command')
    return runImportCommand(rest[0], rest[1], { format: values.format, as: values.as }, output)
  }
  if (command === 'suggest') {
    if (rest.length !== 1) return usageError(output, 'suggest takes exactly one project folder.')
    if (values.doc === undefined) return usageError(output, 'suggest needs --doc <file>.')
    if (values.quote === undefined || values.quote.trim() === '') {
      return usageError(output, 'suggest needs --quote "<text>".')
    }
    const limit = values.limit === undefined ? 10 : Number(values.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
      return usageError(output, '--limit must be a whole number from 1 to 50.')
    }
    await warmUpParsing()
    const { runSuggestCommand } = await import('./suggest-command')
    return runSuggestCommand(
      rest[0],
      { doc: values.doc, quote: values.quote, limit, json: values.json === true },
      output,
    )
  }
  if (command === 'agree') {
    if (rest.length !== 1) return usageError(output, 'agree takes exactly one project folder.')
    const format = values.format ?? 'md'
    if (format !== 'md' && format !== 'csv' && format !== 'json') {
      return usageError(output, '--format must be md, csv or json.')
    }
    const list = (text: string | undefined) =>
      text === undefined
        ? undefined
        : text
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean)
    let svgMeasure: PairMeasure | undefined
    const measure = values['svg-measure']
    if (measure !== undefined) {
      if (values['svg-matrix'] === undefined) {
        return usageError(output, '--svg-measure goes with --svg-matrix <file>.')
      }
      if (!isOneOf(PAIR_MEASURES, measure)) {
        return usageError(output, `--svg-measure must be one of ${PAIR_MEASURES.join(', ')}.`)
      }
      svgMeasure = measure
    }
    await warmUpParsing()
    const { runAgreeCommand } = await import('./agree-command')
    return runAgreeCommand(
      rest[0],
      {
        annotators: list(values.annotators),
        documents: list(values.documents),
        format,
        failBelow: values['fail-below'] ?? [],
        svgMatrix: values['svg-matrix'],
        svgMeasure,
        svgLabels: values['svg-labels'],
      },
      output,
    )
  }
  if (command === 'diff') {
    if (rest.length !== 2) return usageError(output, 'diff takes exactly two annotator files.')
    const { runDiffCommand } = await import('./diff-command')
    return runDiffCommand(
      rest[0],
      rest[1],
      { doc: values.doc, project: values.project, json: values.json === true },
      output,
    )
  }
  return usageError(output, `Unknown command "${command}".`)
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value)
}

function usageError(output: Output, message: string): number {
  output.stderr(`corroborate: ${message}\n\n${USAGE}`)
  return 2
}
