/**
 * `corroborate review status <project-folder> [--gold NAME] [--json]`: how far review has come,
 * through the WorkbenchApi's getReviewStatus: units decided, open and stale per reviewer, and
 * the gold file's claims by origin.
 */
import type { ReviewStatus } from '../shared/api'
import { withWorkbench } from './headless'
import { failOnWorkbenchError, openProjectFolder, reporterFor, type Output } from './project-folder'

export async function runReviewStatus(
  projectFolder: string,
  options: { gold: string; json: boolean },
  output: Output,
): Promise<number> {
  const reporter = reporterFor(output)
  return withWorkbench(reporter, (api) =>
    failOnWorkbenchError(reporter, async () => {
      await openProjectFolder(api, reporter, projectFolder)
      const status = await api.getReviewStatus({ gold: options.gold })
      for (const problem of status.problems) reporter.warn(problem.message)
      output.stdout(options.json ? `${JSON.stringify(status, null, 2)}\n` : text(status))
      return 0
    }),
  )
}

function text(status: ReviewStatus): string {
  const lines = [
    `${status.units} unit(s) from ${status.annotators.join(', ') || 'no annotator'}`,
    '',
    '| reviewer | decided | open | stale | no unit now | guidelines need work |',
    '| --- | --- | --- | --- | --- | --- |',
    ...status.reviewers.map(
      (r) =>
        `| ${r.reviewer} | ${r.decided} | ${r.open} | ${r.stale} | ${r.unmatched} | ${r.guidelines} |`,
    ),
  ]
  if (status.reviewers.length === 0) lines.push('', 'No decisions yet (review/*.decisions.json).')
  const gold = status.goldClaims
  lines.push(
    '',
    gold
      ? `annotations/${status.gold}.json: ${gold.unanimous} unanimous, ${gold.automatic} automatic, ` +
          `${gold.adjudicated} adjudicated, ${gold.manual} edited or made by hand; ` +
          `${status.goldConflicts} merge conflict(s) to settle`
      : `No annotations/${status.gold}.json yet: run corroborate merge.`,
  )
  return `${lines.join('\n')}\n`
}
