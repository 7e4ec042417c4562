/**
 * Sentences that are page furniture rather than reporting: cross-link lead-ins ("Read also: …"),
 * "Related" lists, appeals for support, cookie notices, copyright lines. Plain-text and Markdown
 * articles keep them in their text, and a cross-link headline repeats a claim's words almost
 * verbatim, so without a penalty it outranks the article sentence that actually reports it.
 *
 * Conservative on purpose: each pattern needs the furniture's own wording (a lead-in at the very
 * start, or an appeal/notice phrase), never a topic word, so reporting is never marked down.
 */

const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  // Cross-link lead-ins, at the start of the sentence only.
  /^(?:read (?:also|more)|see also|related(?: (?:articles?|stories|coverage|reading))?|more on this(?: story)?|recommended|editor'?s picks?)\s*[:–—|-]/i,
  // Appeals for money or sign-ups.
  /\bsupport (?:independent|our|quality) journalism\b/i,
  /^(?:subscribe|sign up|donate)\b.*\b(?:newsletter|today|now|journalism)\b/i,
  // Cookie and consent notices.
  /\b(?:we|this (?:site|website)) uses? cookies\b/i,
  /\bcookie (?:policy|settings|preferences)\b/i,
  // Copyright footers.
  /^(?:©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
]

/** True when the sentence reads as page furniture rather than reporting. */
export function isBoilerplateSentence(text: string): boolean {
  const trimmed = text.trim()
  return BOILERPLATE_PATTERNS.some((pattern) => pattern.test(trimmed))
}
