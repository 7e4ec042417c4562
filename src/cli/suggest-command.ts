/**
 * `corroborate suggest <project-folder> --doc <file> --quote "<text>" [--limit N] [--json]`:
 * the claims and sentences of the project's other articles most likely linked to a passage of
 * one article, ranked, with the reasons, as the app suggests them (src/core/linking).
 *
 * The passage is found by its quote in the document's canonical text (exactly, or with
 * whitespace folded). The corpus is every article of the project and the claims of every
 * annotator's file; files that cannot be read are named as warnings and left out. Read-only.
 * Offsets in the output are UTF-16 code units of the canonical text, as in the annotation files.
 */
import { locateQuote } from '../core/anchoring'
import type { SuggestionListing } from '../shared/api'
import { withWorkbench } from './headless'
import {
  failOnWorkbenchError,
  openProjectFolder,
  projectRelative,
  reporterFor,
  type Output,
} from './project-folder'

export interface SuggestOptions {
  doc: string
  quote: string
  limit: number
  json: boolean
}

/** Exit codes: 0 done, 1 a problem with the project, the document or the quote. */
export async function runSuggestCommand(
  projectFolder: string,
  options: SuggestOptions,
  output: Output,
): Promise<number> {
  const reporter = reporterFor(output)
  return withWorkbench(reporter, (api) =>
    failOnWorkbenchError(reporter, async () => {
      const wanted = await projectRelative(projectFolder, options.doc)
      const state = await openProjectFolder(api, reporter, projectFolder, [wanted])
      const listed = state.documents.find((document) => document.path === wanted)
      if (!listed) {
        const problem = state.problems.find((candidate) => candidate.path === wanted)
        return reporter.fail(
          problem?.message ?? `${options.doc} is not an article of the project ${projectFolder}.`,
        )
      }
      const document = await api.openDocument(listed.key)
      const range = locateQuote(document.text, options.quote)
      if (!range) return reporter.fail(`The quote was not found in ${options.doc}.`)
      const listing = await api.getSuggestions(
        { documentKey: listed.key, ...range },
        options.limit,
        'everyone',
      )
      for (const warning of listing.warnings) reporter.warn(warning)
      output.stdout(options.json ? jsonOutput(listing) : humanOutput(listing))
      return 0
    }),
  )
}

/** Without the door's document keys (here just the paths again), in a fixed key order. */
function jsonOutput(listing: SuggestionListing): string {
  const { source } = listing
  return (
    JSON.stringify(
      {
        source: {
          claimId: source.claimId,
          path: source.path,
          start: source.start,
          end: source.end,
          quote: source.quote,
        },
        suggestions: listing.suggestions.map((suggestion, index) => ({
          rank: index + 1,
          score: Number(suggestion.score.toFixed(4)),
          relation: suggestion.relation,
          linkFrom: suggestion.linkFrom,
          target: {
            kind: suggestion.target.kind,
            claimId: suggestion.target.claimId,
            path: suggestion.target.path,
            documentId: suggestion.target.documentId,
            start: suggestion.target.start,
            end: suggestion.target.end,
            quote: suggestion.target.quote,
          },
          reasons: suggestion.reasons,
          signals: suggestion.signals,
        })),
      },
      null,
      2,
    ) + '\n'
  )
}

function humanOutput(listing: SuggestionListing): string {
  if (listing.suggestions.length === 0) return 'No suggestions.\n'
  return listing.suggestions
    .map((suggestion, index) => {
      const { target } = suggestion
      const what = target.kind === 'claim' ? 'claim' : 'sentence'
      return (
        `${index + 1}. ${suggestion.relation} (${suggestion.score.toFixed(2)}) ${what} in ${target.path}\n` +
        `   "${target.quote.replace(/\s+/g, ' ')}"\n` +
        suggestion.reasons.map((reason) => `   - ${reason}\n`).join('')
      )
    })
    .join('')
}
