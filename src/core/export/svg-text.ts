/**
 * Text inside an SVG file written by hand: escaped so that no wording, title or outlet can
 * become markup (a claim quoting "<script>" stays text), shortened for labels without
 * breaking a character apart, and measured by estimate; and the opening every picture shares.
 * Used by matrix.svg and the agreement pictures (core/review/agreement-svg.ts).
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

/** A little wider than the average sans-serif character at 12 px: labels stay off the grid. */
export const SVG_CHAR_WIDTH = 6.5

/**
 * Estimated width in px of the longest label, plus `padding`: a fixed per-character width
 * rather than font metrics, so a picture is the same bytes on every machine.
 */
export function estimatedTextWidth(labels: readonly string[], padding: number): number {
  let longest = 0
  for (const label of labels) longest = Math.max(longest, [...label].length)
  return Math.ceil(longest * SVG_CHAR_WIDTH) + padding
}

export function plural(n: number): string {
  return n === 1 ? '' : 's'
}

export interface SvgOpening {
  width: number
  height: number
  /** Prefix of the title's and description's ids: unique when pictures share a page. */
  id: string
  title: string
  description: string
  fontSize: number
}

/**
 * The XML declaration, the root element (an image labelled by its title and description, for
 * screen readers), the title, the description and a white background. Close with `</svg>`.
 */
export function svgOpening(picture: SvgOpening): string[] {
  const { width, height, id } = picture
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${escapeXml(id)}-title ${escapeXml(id)}-desc" ` +
      `font-family="sans-serif" font-size="${picture.fontSize}" fill="#222222">`,
    `<title id="${escapeXml(id)}-title">${escapeXml(picture.title)}</title>`,
    `<desc id="${escapeXml(id)}-desc">${escapeXml(picture.description)}</desc>`,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ]
}
