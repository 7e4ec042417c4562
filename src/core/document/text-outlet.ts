/**
 * The outlet named by an article's own text, strongest signal first:
 * 1. "Read the original article on X" (syndicated copy: X published it first);
 * 2. a wire dateline "CITY, Mon. D (Agency) --" at the start of the body, the agency's name
 *    spelled out where the text writes it in full elsewhere ("CNA" -> "Coastline News Agency");
 * 3. an appeal signed "A message from X:";
 * 4. a copyright line "© 2026 X. All rights reserved." / "Copyright X".
 */

const ORIGINAL =
  /^(?:this (?:article|story) )?(?:was )?(?:originally )?(?:read the original article|first (?:appeared|published)) (?:on|in|at) (?:the )?(.{2,60}?)\.?$/i
const DATELINE =
  /^\p{Lu}[\p{Lu}\p{M} .'/-]{1,40},?\s+(?:[\p{L}.]+\s+\d{1,2}\s+|\d{1,2}\s+[\p{L}.]+\s+)?\(([^()]{2,40})\)\s*(?:-{1,2}|–|—)/u
const MESSAGE_FROM = /^a message from ([^:]{2,60}):/i
const COPYRIGHT =
  /^(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([^.|]{2,80}?)(?:\s*,?\s*\d{4})?\s*(?:[.|]|all rights reserved|$)/i
const COMPANY_SUFFIX = /,?\s+(?:ltd|limited|inc|llc|gmbh|plc|s\.a\.|ag)\.?$/i

export interface OutletLines {
  /** The first lines of the article's body, where a dateline stands. */
  body: readonly string[]
  /** Every line of the document. */
  all: readonly string[]
}

export function readOutlet({ body, all }: OutletLines): string | undefined {
  for (const line of all) {
    const original = ORIGINAL.exec(line)
    if (original) return clean(original[1]!)
  }
  for (const line of body) {
    const dateline = DATELINE.exec(line)
    if (dateline) return spelledOut(clean(dateline[1]!), all)
  }
  for (const line of all) {
    const message = MESSAGE_FROM.exec(line)
    if (message) return clean(message[1]!)
  }
  for (const line of all) {
    const copyright = COPYRIGHT.exec(line)
    if (copyright && /\p{Lu}/u.test(copyright[1]!)) return clean(copyright[1]!)
  }
  return undefined
}

function clean(name: string): string {
  return name
    .trim()
    .replace(COMPANY_SUFFIX, '')
    .replace(/[.,:;]+$/, '')
    .trim()
}

/** "CNA" -> "Coastline News Agency" when the text writes a name with those initials. */
function spelledOut(abbreviation: string, lines: readonly string[]): string {
  if (!/^\p{Lu}{2,6}$/u.test(abbreviation)) return abbreviation
  const words = `(?:\\p{Lu}[\\p{L}&'-]*\\s+(?:(?:of|for|the|and|de|du)\\s+)*)`
  const phrase = new RegExp(`\\b${words}{${abbreviation.length - 1}}\\p{Lu}[\\p{L}&'-]*`, 'gu')
  for (const line of lines) {
    for (const match of line.matchAll(phrase)) {
      const initials = match[0]
        .split(/\s+/)
        .filter((word) => /^\p{Lu}/u.test(word))
        .map((word) => word[0])
        .join('')
      if (initials === abbreviation) return match[0]
    }
  }
  return abbreviation
}
