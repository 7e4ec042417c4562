/**
 * Starts a parse worker while the rest of the CLI loads (see src/backend/warm-up.ts, the
 * backend's light second entry).
 */
export async function warmUpParsing(): Promise<void> {
  const { warmUpParsing: start } = await import('../backend/warm-up')
  start()
}
