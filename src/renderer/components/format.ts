/** Small display helpers for the sidebar and the reader header. */

const UNITS = ['KB', 'MB', 'GB', 'TB']

/** "512 B", "12.4 KB", "3.0 MB" (binary multiples, as file managers on most systems show). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} B`
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`
}

/** The date part of an ISO date ("2024-03-01"), or the file's own wording when it is not ISO. */
export function formatDate(published: string | undefined): string | undefined {
  if (!published) return undefined
  const iso = /^\d{4}-\d{2}-\d{2}/.exec(published)
  return iso ? iso[0] : published
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

/** What to call a document: its title, else its file name. */
export function documentLabel(document: { path: string; metadata: { title?: string } }): string {
  const title = document.metadata.title?.trim()
  return title ? title : fileName(document.path)
}

/** "1 character", "48 characters". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
