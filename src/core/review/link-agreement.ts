/**
 * Agreement on links, through aligned units: two annotators' links are the same link when their
 * ends fall in the same units (or name the same outside address) and they carry the same
 * relation. An undirected relation ("same claim") matches either way round.
 *
 * F1 = 2 * matches / (links of the first + links of the second), one-to-one. Relation agreement
 * looks only at the pairs of ends both annotators linked (whatever the relation, either
 * direction): the share of those pairs on which they chose the same relation, and Cohen's kappa
 * over them. A directed relation drawn the other way round counts as another relation there
 * ("A supports B" is not "B supports A").
 */
import type { Link } from '../model/link'
import { cohenKappa, contingencyTable } from './agreement/cohen-kappa'
import type { ReviewUnit } from './align'

export interface LinkAgreement {
  first: number
  second: number
  matches: number
  f1: number
  /** Pairs of ends both linked, whatever relation each chose. */
  sharedPairs: number
  /** Of those, pairs with the same relation. */
  sameRelation: number
  /** Cohen's kappa of the relations over the shared pairs (NaN when it cannot be had). */
  relationKappa: number
}

export type ReviewedLink = Pick<Link, 'from' | 'to' | 'relation'>

/**
 * Link agreement of two annotators. `units` are the units of every document (each claim id in
 * at most one unit); `undirected` names the relations whose direction does not matter.
 */
export function linkAgreement(
  units: readonly ReviewUnit[],
  firstLinks: readonly ReviewedLink[],
  secondLinks: readonly ReviewedLink[],
  undirected: ReadonlySet<string>,
): LinkAgreement {
  const unitOf = unitsByClaim(units)
  const keyed = (links: readonly ReviewedLink[]) =>
    links.flatMap((link) => {
      const key = linkKey(link, unitOf, undirected)
      return key ? [key] : []
    })
  const first = keyed(firstLinks)
  const second = keyed(secondLinks)

  const remaining = countOf(second.map((link) => link.full))
  let matches = 0
  for (const link of first) {
    const left = remaining.get(link.full) ?? 0
    if (left > 0) {
      matches++
      remaining.set(link.full, left - 1)
    }
  }

  // Relation agreement over pairs of ends both linked (the first link of each pair counts).
  const secondByPair = new Map<string, string>()
  for (const link of second)
    if (!secondByPair.has(link.pair)) secondByPair.set(link.pair, link.relation)
  const seen = new Set<string>()
  const relationsFirst: string[] = []
  const relationsSecond: string[] = []
  for (const link of first) {
    const other = secondByPair.get(link.pair)
    if (other === undefined || seen.has(link.pair)) continue
    seen.add(link.pair)
    relationsFirst.push(link.relation)
    relationsSecond.push(other)
  }
  const categories = [...new Set([...relationsFirst, ...relationsSecond])].sort()
  const kappa =
    relationsFirst.length === 0
      ? NaN
      : cohenKappa(contingencyTable(relationsFirst, relationsSecond, categories)).kappa
  const total = first.length + second.length
  return {
    // Links whose ends are in no unit (claims left out of the review) are not counted.
    first: first.length,
    second: second.length,
    matches,
    f1: total === 0 ? NaN : (2 * matches) / total,
    sharedPairs: relationsFirst.length,
    sameRelation: relationsFirst.filter((relation, i) => relation === relationsSecond[i]).length,
    relationKappa: kappa,
  }
}

/** How a link is compared (see the top of this file). */
export interface LinkKey {
  /** Relation and ends: equal keys are the same link. */
  full: string
  /** The two ends, unordered: the pair relation agreement looks at. */
  pair: string
  /** The relation, with its direction relative to the pair when it is directed. */
  relation: string
}

/**
 * The key of a link whose claim ends are looked up in `unitOf` (claim id -> unit id); null when
 * an end is in no unit (a claim left out of the review). An outside end is its normalised
 * address; a relation in `undirected` matches either way round.
 */
export function linkKey(
  link: ReviewedLink,
  unitOf: ReadonlyMap<string, string>,
  undirected: ReadonlySet<string>,
): LinkKey | null {
  const from = unitOf.get(link.from)
  if (from === undefined) return null
  const to =
    link.to.kind === 'outside'
      ? `outside:${normalisedAddress(link.to.url)}`
      : unitOf.get(link.to.claimId)
  if (to === undefined) return null
  const pair: [string, string] = [from, to]
  const unordered = [...pair].sort().join('|')
  const isUndirected = undirected.has(link.relation)
  const withRelation = isUndirected ? unordered : pair.join('>')
  const relation = isUndirected ? link.relation : `${link.relation} ${from <= to ? '→' : '←'}`
  return { full: `${link.relation}|${withRelation}`, pair: unordered, relation }
}

/** Claim id -> unit id, made once per list of units (every pair of annotators reads it). */
const unitMaps = new WeakMap<readonly ReviewUnit[], Map<string, string>>()
function unitsByClaim(units: readonly ReviewUnit[]): Map<string, string> {
  let map = unitMaps.get(units)
  if (!map) {
    map = new Map()
    for (const unit of units) for (const claim of unit.versions.values()) map.set(claim.id, unit.id)
    unitMaps.set(units, map)
  }
  return map
}

function countOf(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

/**
 * An outside address as compared: http and https alike, the host in lower case without "www.",
 * without the fragment,
 * tracking parameters (utm_*) and a trailing slash. Anything that is not a URL compares as typed,
 * trimmed.
 */
export function normalisedAddress(address: string): string {
  let url: URL
  try {
    url = new URL(address.trim())
  } catch {
    return address.trim()
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const params = [...url.searchParams].filter(([name]) => !name.toLowerCase().startsWith('utm_'))
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : ''
  const path = url.pathname.replace(/\/+$/, '')
  const port = url.port ? `:${url.port}` : ''
  return `${url.protocol.replace('https:', 'http:')}//${host}${port}${path}${query}`
}
