/**
 * Metadata shared by the formats: the field names a plain-text header or a
 * Markdown front matter may use, and date normalisation.
 */
import { normalizeMetadataValue } from './normalize'
import type { DocumentMetadata } from './types'

type Field = keyof DocumentMetadata

/** Accepted names (compared lower-case, with "-", "_" and spaces removed) per field. */
const FIELD_NAMES: Record<Field, readonly string[]> = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'site', 'sitename', 'publication', 'publisher', 'source'],
  author: ['author', 'authors', 'byline', 'by', 'creator'],
  published: ['date', 'published', 'publishedat', 'publishdate', 'pubdate', 'datepublished'],
  url: ['url', 'link', 'canonical', 'canonicalurl', 'sourceurl'],
  language: ['lang', 'language', 'locale'],
}

const FIELD_BY_NAME = new Map<string, Field>(
  (Object.entries(FIELD_NAMES) as [Field, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [name, field] as const),
  ),
)

/** The metadata field a header key names ("Published", "site_name"...), if any. */
export function metadataField(key: string): Field | undefined {
  return FIELD_BY_NAME.get(key.toLowerCase().replace(/[-_\s]/g, ''))
}

/**
 * Turns loosely typed values (YAML scalars, lists of authors, { name } objects)
 * into a string, or undefined when there is nothing usable.
 */
export function metadataText(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return normalizeMetadataValue(value)
  if (Array.isArray(value)) {
    const parts = value.map(metadataText).filter((part): part is string => part !== undefined)
    return parts.length > 0 ? parts.join(', ') : undefined
  }
  if (value !== null && typeof value === 'object' && 'name' in value) {
    return metadataText((value as { name: unknown }).name)
  }
  return undefined
}

/** Sets `field` from `value` unless it is already set (first source wins). */
export function setMetadata(metadata: DocumentMetadata, field: Field, value: unknown): void {
  if (metadata[field] !== undefined) return
  const text = field === 'published' ? normalizeDate(value) : metadataText(value)
  if (text === undefined) return
  if (field === 'url' && !/^https?:\/\//i.test(text)) return
  if (field === 'language') metadata.language = text.replace(/_/g, '-')
  else metadata[field] = text
}

const ISO_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * Publication dates as ISO 8601 where they parse, without inventing precision or
 * depending on the machine's time zone:
 * - ISO dates and date-times are kept as written (a space separator becomes "T"),
 *   so "2024-03-05T09:30:00+02:00" keeps its offset;
 * - other dates with an explicit zone ("Tue, 05 Mar 2024 07:30:00 GMT") become UTC;
 * - dates without a time ("March 5, 2024") become "2024-03-05", and date-times
 *   without a zone become local "YYYY-MM-DDTHH:MM:SS" with no zone;
 * - anything else is kept as the file gives it.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date) return metadataText(value)
  const text = metadataText(value)
  if (text === undefined) return undefined
  const iso = ISO_DATE.exec(text)
  if (iso) {
    const [, date, time, zone] = iso
    return time === undefined
      ? date
      : `${date}T${time}${zone === undefined ? '' : zone.toUpperCase()}`
  }
  const parsed = new Date(text)
  if (Number.isNaN(parsed.getTime()) || !/\d{4}/.test(text)) return text
  const hasTime = /\d:\d\d/.test(text)
  const hasZone = /\b(?:GMT|UTC|Z)\b|[+-]\d{2}:?\d{2}\s*$/i.test(text)
  if (hasTime && hasZone) return parsed.toISOString()
  const pad = (n: number) => String(n).padStart(2, '0')
  const date = `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`
  if (!hasTime) return date
  return `${date}T${pad(parsed.getHours())}:${pad(parsed.getMinutes())}:${pad(parsed.getSeconds())}`
}
