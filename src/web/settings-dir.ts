import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where browser mode keeps user settings: CORROBORATE_SETTINGS_DIR when set
 * (tests use a temp folder), else the XDG config folder.
 */
export function browserModeSettingsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CORROBORATE_SETTINGS_DIR) return env.CORROBORATE_SETTINGS_DIR
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), '.config')
  return join(configHome, 'corroborate')
}
