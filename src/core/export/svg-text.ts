/**
 * Text inside an SVG file written by hand: escaped so that no wording, title or outlet can
 * become markup (a claim quoting "<script>" stays text), and shortened for labels without
 * breaking a character apart.
 */

/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; unpaired
 * surrogates): a file containing one does not parse at all, so each becomes U+FFFD.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Text for element content and for attribute values (quotes are escaped too). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (char) => ENTITIES[char]!)
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/**
 * `text` on one line (runs of white space become one space), cut to at most `max` user-perceived
 * characters with an ellipsis; grapheme-wise, so an emoji or accented letter is never split.
 */
export function truncateLabel(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  const parts = [...graphemes.segment(line)].map((part) => part.segment)
  if (parts.length <= max) return line
  return (
    parts
      .slice(0, Math.max(0, max - 1))
      .join('')
      .trimEnd() + '…'
  )
}
