/**
 * User settings: a small JSON file in the settings folder (Electron's userData,
 * or ~/.config/corroborate in browser mode).
 *
 * A settings file that cannot be understood is never overwritten silently: it is
 * renamed to `settings.corrupt-<time>.json` next to it (so nothing the user had
 * is lost), the problem is logged, and defaults are used. If it cannot even be
 * moved aside, settings stay in memory for this session and nothing is written.
 */
import { mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from './atomic-write'

// Loose: fields written by a newer version are kept when this version rewrites the file.
const settingsSchema = z.looseObject({
  /** Whether the user has ever opened a project; until then the UI offers the sample. */
  hasOpenedProject: z.boolean().default(false),
  lastProject: z.object({ root: z.string(), isSample: z.boolean() }).nullable().default(null),
  /** The annotator name (names the annotation file); null until the user gives one. */
  annotator: z.string().nullable().default(null),
})

export type UserSettings = z.infer<typeof settingsSchema>

export const SETTINGS_FILE_NAME = 'settings.json'

export type Log = (message: string) => void

export class SettingsStore {
  private settings: UserSettings = settingsSchema.parse({})
  private writable: boolean
  private readonly path: string
  private loading: Promise<void> | null = null
  private writes: Promise<void> = Promise.resolve()

  /** `dir` null: settings live in memory only, never read or written (the CLI's pipelines). */
  constructor(
    private readonly dir: string | null,
    private readonly log: Log,
  ) {
    this.path = dir === null ? '' : join(dir, SETTINGS_FILE_NAME)
    this.writable = dir !== null
  }

  get current(): Readonly<UserSettings> {
    return this.settings
  }

  /**
   * Reads the file, once: later calls share the first. `update` waits for it too, so a change
   * made while the file is still being read (at start-up, say, before the UI has asked for
   * anything) is applied on top of what the file holds instead of writing defaults over it: the
   * start-up race that used to wipe the annotator's name.
   */
  load(): Promise<void> {
    this.loading ??= this.readFromDisk()
    return this.loading
  }

  private async readFromDisk(): Promise<void> {
    if (this.dir === null) return
    let raw: string
    try {
      raw = await readFile(this.path, 'utf8')
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT')) return // First run: defaults.
      this.log(`Cannot read settings ${this.path} (${describe(error)}); using defaults.`)
      this.writable = false // Never clobber a file we could not read.
      return
    }
    const parsed = parseSettings(raw)
    if (parsed) {
      this.settings = parsed
      return
    }
    await this.setAsideCorruptFile()
  }

  /**
   * Applies a change and writes the settings. Writes go one after the other, each with the
   * settings as they are when it starts, so an earlier write never lands after a later one.
   */
  update(change: Partial<UserSettings>): Promise<void> {
    const run = this.writes.then(async () => {
      await this.load()
      this.settings = { ...this.settings, ...change }
      if (!this.writable || this.dir === null) return
      try {
        await mkdir(this.dir, { recursive: true })
        // 0o600: the file names the user and their projects.
        await writeFileAtomic(this.path, JSON.stringify(this.settings, null, 2) + '\n', {
          mode: 0o600,
        })
      } catch (error) {
        // Settings are a convenience: failing to save them must not fail the action.
        this.log(`Cannot save settings ${this.path}: ${describe(error)}`)
      }
    })
    this.writes = run.catch(() => undefined)
    return run
  }

  private async setAsideCorruptFile(): Promise<void> {
    if (this.dir === null) return
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const aside = join(this.dir, `settings.corrupt-${stamp}.json`)
    try {
      await rename(this.path, aside)
      this.log(`Settings file ${this.path} is not valid; kept it as ${aside} and using defaults.`)
    } catch (error) {
      this.writable = false
      this.log(
        `Settings file ${this.path} is not valid and could not be moved aside (${describe(error)}); ` +
          'using defaults and not saving settings this session.',
      )
    }
  }
}

function parseSettings(raw: string): UserSettings | null {
  try {
    const result = settingsSchema.safeParse(JSON.parse(raw))
    return result.success ? result.data : null
  } catch {
    return null
  }
}

export function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
