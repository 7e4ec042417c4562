/** The project's label set, loaded with the project and replaced by 'project-settings-changed'. */
import { useEffect, useState } from 'react'
import type { ProjectSettings } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'

export function useProjectSettings(
  api: WorkbenchClient,
  projectRoot: string | null,
): ProjectSettings | null {
  // Remembered with the project they belong to: another project's labels are never shown.
  const [entry, setEntry] = useState<{ root: string; settings: ProjectSettings } | null>(null)
  useEffect(() => {
    if (projectRoot === null) return
    let cancelled = false
    api.getProjectSettings().then(
      (settings) => !cancelled && setEntry({ root: projectRoot, settings }),
      () => undefined, // The project closed meanwhile: the next one brings its own.
    )
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'project-settings-changed') {
        setEntry({ root: projectRoot, settings: event.settings })
      }
    })
    return () => {
      cancelled = true
      unsubscribe()
    }
  }, [api, projectRoot])
  return entry !== null && entry.root === projectRoot ? entry.settings : null
}
