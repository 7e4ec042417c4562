/** Entry point of the `corroborate` command (see bin/corroborate.js). */
import { runCli } from './main'

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    // exitCode, not exit(): large JSON on a pipe must be flushed before exiting.
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `corroborate: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
