/** Small pure helpers about claims for the panel: filtering, ordering, completion values. */
import type { ClaimStatus, PlacedClaim } from '../../shared/api'

export const STATUSES: readonly ClaimStatus[] = ['asserted', 'alleged', 'denied', 'confirmed']
export const CERTAINTY_CHOICES = ['', 'low', 'medium', 'high'] as const

export interface ClaimFilter {
  /** Label ids to show; empty: all. */
  labels: ReadonlySet<string>
  status: ClaimStatus | ''
  text: string
}

export const NO_FILTER: ClaimFilter = { labels: new Set(), status: '', text: '' }

export function isFiltering(filter: ClaimFilter): boolean {
  return filter.labels.size > 0 || filter.status !== '' || filter.text.trim() !== ''
}

/** The claims that pass the filter, in text order (the listing's order). */
export function filterClaims(claims: readonly PlacedClaim[], filter: ClaimFilter): PlacedClaim[] {
  const needle = filter.text.trim().toLocaleLowerCase()
  return claims.filter(({ claim }) => {
    if (filter.labels.size > 0 && !filter.labels.has(claim.label)) return false
    if (filter.status !== '' && claim.status !== filter.status) return false
    if (needle === '') return true
    return [claim.quote, claim.attributedTo, claim.note, ...claim.tags].some((field) =>
      field.toLocaleLowerCase().includes(needle),
    )
  })
}

/** Earlier "attributed to" values of the document's claims, most used first, for completion. */
export function attributionSuggestions(claims: readonly PlacedClaim[]): string[] {
  const counts = new Map<string, number>()
  for (const { claim } of claims) {
    const value = claim.attributedTo.trim()
    if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value)
}

/** Tags typed as "a, b" or one by one: trimmed, without ";" or duplicates. */
export function parseTags(input: string): string[] {
  return input
    .split(/[,\n]/)
    .map((tag) => tag.replace(/;/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((tag) => tag.length > 0)
}

/** The claim after (step 1) or before (-1) the current one, wrapping; the first when none. */
export function neighbourClaim(
  claims: readonly PlacedClaim[],
  currentId: string | null,
  step: 1 | -1,
): PlacedClaim | null {
  if (claims.length === 0) return null
  const index = claims.findIndex(({ claim }) => claim.id === currentId)
  if (index < 0) return step > 0 ? claims[0]! : claims[claims.length - 1]!
  return claims[(index + step + claims.length) % claims.length]!
}

/** A short quote for lists: the first words, with an ellipsis in the middle of long ones. */
export function shortQuote(quote: string, max = 140): string {
  const flat = quote.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const half = Math.floor((max - 1) / 2)
  return `${flat.slice(0, half).trimEnd()}…${flat.slice(flat.length - half).trimStart()}`
}
