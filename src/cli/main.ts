/**
 * The headless door: commands for pipelines, parsed with node:util parseArgs.
 * Exit codes: 0 done, 1 a file problem, 2 wrong usage.
 */
import { parseArgs } from 'node:util'
import type { Output } from './doc-command'

export const USAGE = `Usage: corroborate <command> [options]

Commands:
  doc <file> [--json]   Read an article file (.txt, .md, .html) and print its
                        canonical document as JSON (--json) or a short summary.

Options:
  -h, --help            Show this help.
`

export async function runCli(argv: string[], output: Output): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
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
  if (command === 'doc') {
    if (rest.length !== 1) return usageError(output, 'doc takes exactly one file.')
    // Loaded on demand: the parsers (jsdom) take a while to load, help and usage errors need not wait.
    const { runDocCommand } = await import('./doc-command')
    return runDocCommand(rest[0], values.json === true, output)
  }
  return usageError(output, `Unknown command "${command}".`)
}

function usageError(output: Output, message: string): number {
  output.stderr(`corroborate: ${message}\n\n${USAGE}`)
  return 2
}
