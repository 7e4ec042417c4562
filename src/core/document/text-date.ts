/**
 * Publication dates written in an article's header lines ("Published: 07:15 BST, 9 May 2026",
 * "Politics 22:05 November 18, 2026", "March 14, 2026 9:42 AM GMT+1"), read with chrono-node.
 *
 * No date is better than a wrong one: a date is taken only when its day, month and year are all
 * written (chrono would otherwise fill a missing year from today), never from an all-numeric date
 * whose day and month could be swapped ("3/4/2026"), and never from what follows "Updated" (the
 * time of the last change is not the time of publication). The time is kept when written, with
 * its zone offset when one is written, and no zone otherwise: the machine's zone is never assumed.
 */
// The English parser only: the header lines it reads are matched in English, and loading every
// locale costs a parse worker a few hundred milliseconds at start.
import * as chrono from 'chrono-node/en'

/** chrono resolves relative and partial dates against this; only complete dates are kept. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1))
const AMBIGUOUS_NUMERIC = /^(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}$/
const UPDATED = /\b(?:updated|last modified|modified|edited)\b/i
const TIME_BEFORE = /(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i

/** The publication date in `line`, as ISO 8601, or undefined when none is certain. */
export function readHeaderDate(line: string): string | undefined {
  const updated = UPDATED.exec(line)
  const published = updated === null ? line : line.slice(0, updated.index)
  for (const result of chrono.parse(published, REFERENCE)) {
    const start = result.start
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue
    const numeric = AMBIGUOUS_NUMERIC.exec(result.text.trim())
    if (
      numeric &&
      numeric[1] !== numeric[2] &&
      Number(numeric[1]) <= 12 &&
      Number(numeric[2]) <= 12
    )
      continue
    const date = `${start.get('year')}-${pad(start.get('month')!)}-${pad(start.get('day')!)}`
    let hour = start.isCertain('hour') ? start.get('hour') : null
    let minute = start.get('minute') ?? 0
    if (hour === null) {
      // "22:05 November 18, 2026": chrono reads a time only after the date or with a comma.
      const before = TIME_BEFORE.exec(published.slice(0, result.index))
      if (before) {
        hour = (Number(before[1]) % 12) + (/^p/i.test(before[3] ?? '') ? 12 : 0)
        if (before[3] === undefined) hour = Number(before[1])
        minute = Number(before[2])
      }
    }
    if (hour === null || hour > 23 || minute > 59) return date
    const time = `${date}T${pad(hour)}:${pad(minute)}:00`
    if (!start.isCertain('timezoneOffset')) return time
    return time + offset(start.get('timezoneOffset') ?? 0)
  }
  return undefined
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function offset(minutes: number): string {
  if (minutes === 0) return 'Z'
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}
