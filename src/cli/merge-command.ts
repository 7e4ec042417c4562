/**
 * `corroborate merge <project-folder> [--into gold] --strategy unanimous|silent-others|
 * min-votes=N|none [--undo-automatic] [--json]`: builds or updates the gold file from the
 * reviewers' decisions and the strategy, through the WorkbenchApi's mergeGold.
 */
import type { MergeStrategy } from '../core/review/gold/build-gold'
import type { MergeGoldResult } from '../shared/api'
import { withWorkbench } from './headless'
import { failOnWorkbenchError, openProjectFolder, reporterFor, type Output } from './project-folder'

/** The strategy of `--strategy`, or a message saying what is wrong with it. */
export function parseStrategy(text: string): MergeStrategy | string {
  if (text === 'none' || text === 'unanimous' || text === 'silent-others') return { kind: text }
  const votes = /^min-votes=(\d+)$/.exec(text)
  if (votes && Number(votes[1]) >= 1 && Number(votes[1]) <= 1000) {
    return { kind: 'min-votes', votes: Number(votes[1]) }
  }
  return `--strategy must be unanimous, silent-others, min-votes=N (N from 1 to 1000) or none, not "${text}".`
}

export async function runMergeCommand(
  projectFolder: string,
  options: { into: string; strategy: MergeStrategy; undoAutomatic: boolean; json: boolean },
  output: Output,
): Promise<number> {
  const reporter = reporterFor(output)
  return withWorkbench(reporter, (api) =>
    failOnWorkbenchError(reporter, async () => {
      await openProjectFolder(api, reporter, projectFolder)
      const result = await api.mergeGold({
        into: options.into,
        strategy: options.strategy,
        ...(options.undoAutomatic ? { undoAutomatic: true } : {}),
      })
      for (const problem of result.problems) reporter.warn(problem)
      output.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : summary(result))
      return 0
    }),
  )
}

function summary(result: MergeGoldResult): string {
  const counts = (c: MergeGoldResult['claims']) =>
    `${c.added} added, ${c.updated} updated, ${c.removed} removed, ${c.unchanged} unchanged, ` +
    `${c.handEdited} kept as edited by hand, ${c.stale} kept for a stale decision`
  const { units } = result
  return (
    `${result.file}\n` +
    `  claims: ${counts(result.claims)}\n` +
    `  links:  ${counts(result.links)}\n` +
    `  cluster wordings: ${counts(result.clusters)}\n` +
    `  units:  ${units.total} (${units.decided} decided, ${units.open} open, ${units.stale} stale)\n`
  )
}
