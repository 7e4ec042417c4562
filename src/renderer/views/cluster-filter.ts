/**
 * Which clusters the clusters view lists: by default those with two or more mentions (a claim
 * linked to nothing is not yet a cluster), optionally the singletons too, narrowed by a text
 * filter over the wording and the mentions' quotes.
 */
import type { ClusterView } from '../../shared/api'

export interface ClusterFilter {
  text: string
  includeSingletons: boolean
}

export interface FilteredClusters {
  shown: ClusterView[]
  /** Clusters with two or more mentions, before the text filter. */
  linked: number
  /** Claims linked to nothing (clusters of one), before the text filter. */
  singletons: number
  /** Mentions in the clusters shown. */
  mentions: number
}

/**
 * Lower case without accents or repeated spaces, so "Kremlin", "kremlin" and "KREMLÏN" match,
 * and typed text matches across a line break in a quote.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Every word of the filter must occur in the wording or in one of the quotes. */
export function matchesFilter(cluster: ClusterView, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const haystack = foldText(
    [cluster.canonicalWording, ...(cluster.mentions ?? []).map((m) => m.quote)].join('\n'),
  )
  return words.every((word) => haystack.includes(word))
}

export function filterClusters(
  clusters: readonly ClusterView[],
  filter: ClusterFilter,
): FilteredClusters {
  const words = foldText(filter.text).split(' ').filter(Boolean)
  const shown: ClusterView[] = []
  let linked = 0
  let singletons = 0
  let mentions = 0
  for (const cluster of clusters) {
    const single = cluster.memberClaimIds.length < 2
    if (single) singletons++
    else linked++
    if (single && !filter.includeSingletons) continue
    if (!matchesFilter(cluster, words)) continue
    shown.push(cluster)
    mentions += cluster.memberClaimIds.length
  }
  return { shown, linked, singletons, mentions }
}
