/**
 * The rows of the L dialog: suggestions for the claim (claims and sentences nobody claimed yet),
 * then, once the analyst types, matching claims from the whole project. Pure: the merge rules
 * (a claim found both ways is listed once, as the suggestion, which says why; the source claim
 * is never its own target; a target already linked is listed, marked, and never taken by Enter)
 * are tested without a browser.
 */
import type { ClaimSearchHit, LinkSuggestion } from '../../shared/api'

export type LinkTarget = (
  | { kind: 'suggestion'; key: string; suggestion: LinkSuggestion }
  | { kind: 'claim'; key: string; hit: ClaimSearchHit }
) & {
  /** The relation id of a link that already joins the source and this target, or null. */
  linked: string | null
}

/** Words of a query, lower-cased, digits without their separators ("13,000" -> "13000"). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(\d)[,.\u00a0\u202f](?=\d{3}\b)/g, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** True when every word of the query starts a word of the text. */
export function matchesQuery(text: string, query: string): boolean {
  const wanted = words(query)
  if (wanted.length === 0) return true
  const have = words(text)
  return wanted.every((word) => have.some((candidate) => candidate.startsWith(word)))
}

export function linkTargets(
  sourceClaimId: string | null,
  suggestions: readonly LinkSuggestion[],
  hits: readonly ClaimSearchHit[],
  query: string,
  /** Claims the source is linked to already, with the relation: search hits say so too. */
  linkedTo: ReadonlyMap<string, string> = new Map(),
): LinkTarget[] {
  const shown = suggestions.filter(
    (suggestion) =>
      matchesQuery(`${suggestion.target.quote} ${suggestion.target.path}`, query) ||
      (query.trim() !== '' &&
        hits.some((hit) => hit.claimId !== null && hit.claimId === suggestion.target.claimId)),
  )
  const rows: LinkTarget[] = shown.map((suggestion) => ({
    kind: 'suggestion',
    key: `s:${suggestion.target.documentKey}:${suggestion.target.start}:${suggestion.target.end}`,
    suggestion,
    linked: suggestion.linked,
  }))
  if (query.trim() === '') return rows
  const suggested = new Set(shown.map((suggestion) => suggestion.target.claimId))
  for (const hit of hits) {
    if (hit.claimId === sourceClaimId || suggested.has(hit.claimId)) continue
    rows.push({
      kind: 'claim',
      key: `c:${hit.claimId}`,
      hit,
      linked: linkedTo.get(hit.claimId) ?? null,
    })
  }
  return rows
}

/**
 * The row `step` rows away from `from` that is not linked yet (wrapping), or -1 when every row
 * is; with `from` -1 and step 1, the first such row: what Enter takes when nothing was chosen.
 */
export function freeRow(
  rows: readonly { linked: string | null }[],
  from: number,
  step: 1 | -1,
): number {
  for (let n = 1; n <= rows.length; n++) {
    const index = (((from + step * n) % rows.length) + rows.length) % rows.length
    if (rows[index]!.linked === null) return index
  }
  return -1
}
