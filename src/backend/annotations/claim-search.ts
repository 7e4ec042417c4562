/**
 * Finding the annotator's claims by what an analyst remembers of them (searchClaims, for the
 * link dialog): a full-text index (MiniSearch: BM25 ranking, prefix and typo-tolerant matching)
 * over each claim's quote, label id and name, attribution and tags, and its document's path,
 * title and outlet. Terms are cut as search-terms.ts says (figures by value, accents folded).
 * Claims holding the query's words as typed rank above those reached by prefix or typo only.
 *
 * Only claims of listed project documents are found: a hit must name a document to open. The
 * index is made on the first search and kept: a search after the claims changed (the store's
 * revision, the signal that also renews the suggestion index) re-indexes the changed claims
 * only; new listed documents or labels make it anew.
 */
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch'
import type { Claim, Label } from '../../core/model'
import type { ClaimSearchHit, DocumentSummary } from '../../shared/api'
import { DocumentIndex } from './placement'
import { fuzziness, processTerm, tokenize } from './search-terms'

interface SearchEntry {
  id: string
  quote: string
  label: string
  attributedTo: string
  tags: string
  /** Outlet, title and path in one field: a word in all three is one match, not three. */
  document: string
}

const FIELDS: (keyof SearchEntry)[] = ['quote', 'label', 'attributedTo', 'tags', 'document']

const SEARCH_OPTIONS: SearchOptions = {
  // The claim's own words weigh most: a word of its document's title is shared by every claim
  // of that document, and in a small project BM25 would rank that rarity above the quote.
  boost: { quote: 3, label: 1.5, attributedTo: 1.5, tags: 1.5, document: 0.6 },
  prefix: true,
  fuzzy: (term) => fuzziness(term),
  combineWith: 'OR',
}

type HitBase = Omit<ClaimSearchHit, 'score'>

export class ClaimSearchIndex {
  private readonly index = new MiniSearch<SearchEntry>({
    fields: FIELDS,
    tokenize: repeatedFieldsOnce(),
    processTerm,
    searchOptions: { ...SEARCH_OPTIONS, tokenize },
  })
  private readonly listed: DocumentIndex<DocumentSummary>
  private readonly labelNames: Map<string, string>
  /** What is indexed: each claim's hit and the `updated` stamp of the version indexed. */
  private readonly indexed = new Map<string, { hit: HitBase; updated: string }>()

  constructor(documents: readonly DocumentSummary[], labels: readonly Label[]) {
    this.listed = new DocumentIndex(documents)
    this.labelNames = new Map(labels.map((label) => [label.id, label.name]))
  }

  /**
   * Brings the index in line with `claims`: indexes new claims, re-indexes changed ones (every
   * change stamps a new `updated`), drops the others. Only what changed is read again, so a
   * new claim costs one claim's indexing, not the whole project's.
   */
  update(claims: Iterable<Claim>): void {
    const current = new Set<string>()
    const added: SearchEntry[] = []
    for (const claim of claims) {
      const before = this.indexed.get(claim.id)
      if (before?.updated === claim.updated) {
        current.add(claim.id)
        continue
      }
      if (before) this.drop(claim.id)
      const entry = this.entryOf(claim)
      if (!entry) continue
      current.add(claim.id)
      added.push(entry)
    }
    for (const id of [...this.indexed.keys()]) if (!current.has(id)) this.drop(id)
    this.index.addAll(added)
  }

  private drop(id: string): void {
    this.index.discard(id)
    this.indexed.delete(id)
  }

  /** The claim as indexed; null when its document is not listed (nothing to open). */
  private entryOf(claim: Claim): SearchEntry | null {
    const document = this.listed.documentOf(claim)
    if (!document) return null
    const { title, outlet } = document.metadata
    const hit: HitBase = {
      claimId: claim.id,
      documentKey: document.key,
      path: document.path,
      quote: claim.target.quote.exact,
      label: claim.label,
    }
    if (outlet !== undefined) hit.outlet = outlet
    if (title !== undefined) hit.title = title
    this.indexed.set(claim.id, { hit, updated: claim.updated })
    return {
      id: claim.id,
      quote: claim.target.quote.exact,
      label: `${claim.label} ${this.labelNames.get(claim.label) ?? ''}`,
      attributedTo: claim.attributedTo,
      tags: claim.tags.join(' '),
      document: [outlet, title, document.path].filter(Boolean).join('\n'),
    }
  }

  /**
   * At most `limit` claims, best first: the claims holding more of the query's words as written
   * come first, then by relevance (see rankScore). Any word may match, by prefix or with a typo.
   */
  search(query: string, limit: number): ClaimSearchHit[] {
    const terms = new Set(
      tokenize(query)
        .map(processTerm)
        .filter((term): term is string => term !== null),
    )
    if (terms.size === 0) return []
    return this.index
      .search(query)
      .map((result) => ({
        ...this.indexed.get(String(result.id))!.hit,
        score: rankScore(result, terms),
      }))
      .sort((a, b) => b.score - a.score || (a.claimId < b.claimId ? -1 : 1))
      .slice(0, limit)
  }
}

/**
 * A hit's score: literal matches first, as a serious search ranks them. BM25 weighs a word by its
 * rarity, so a prefix or typo match of a rare word ("1520" for "152", "millimeters") can outscore
 * the very words typed when those are common in the project, and the passages the analyst meant
 * would sink below lookalikes. So the whole part of the score counts the query's terms the claim
 * holds exactly (MiniSearch's `terms` are the indexed terms that matched: one equal to a query
 * term is a whole-word match, case and accents folded, or a figure of the same value); the
 * fraction orders claims with as many literal words by relevance: BM25 (MiniSearch discounts
 * prefix and typo matches by its default `weights`), scaled by the share of the query's words
 * matched in any way (BM25 alone can put one rare word above all of them), squashed into [0, 1).
 */
function rankScore(result: SearchResult, queryTerms: ReadonlySet<string>): number {
  const matched = new Set(result.terms)
  let literal = 0
  for (const term of queryTerms) if (matched.has(term)) literal++
  const relevance = (result.score * new Set(result.queryTerms).size) / queryTerms.size
  return literal + relevance / (1 + relevance)
}

/**
 * The indexing tokenizer, remembering the terms of fields whose text repeats from claim to claim
 * (a document's names are the same for each of its claims, and so are a label's): reading
 * figures is the costly part of indexing.
 */
function repeatedFieldsOnce(): (text: string, field?: string) => string[] {
  const seen = new Map<string, string[]>()
  return (text, field) => {
    if (field !== 'document' && field !== 'label') return tokenize(text)
    const key = `${field}\n${text}`
    let terms = seen.get(key)
    if (!terms) {
      terms = tokenize(text)
      seen.set(key, terms)
    }
    return terms
  }
}

/**
 * The session's index: made on the first search, brought up to date by the next search after
 * the claims changed (the store's revision), made anew when the listed documents or the labels
 * changed (what every entry's document and label words come from).
 */
export class ClaimSearchCache {
  private built: { context: string; revision: number; index: ClaimSearchIndex } | null = null

  get(
    claims: () => Iterable<Claim>,
    claimsRevision: number,
    documents: readonly DocumentSummary[],
    labels: readonly Label[],
  ): ClaimSearchIndex {
    const context = [
      ...documents.map(
        (doc) =>
          `${doc.key}\t${doc.path}\t${doc.id}\t${doc.metadata.title ?? ''}\t${doc.metadata.outlet ?? ''}`,
      ),
      ...labels.map((label) => `${label.id}\t${label.name}`),
    ].join('\n')
    if (this.built?.context !== context) {
      this.built = { context, revision: NaN, index: new ClaimSearchIndex(documents, labels) }
    }
    if (this.built.revision !== claimsRevision) {
      this.built.index.update(claims())
      this.built.revision = claimsRevision
    }
    return this.built.index
  }
}
