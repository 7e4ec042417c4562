/**
 * Link suggestions for one claim: the claims and sentences of OTHER documents most likely to say
 * the same thing, or to say something different about the same quantity.
 *
 * Three signals, each explainable in a reason:
 *   figures  the strongest: "13K" and "about 13,000" are one figure; "6,700 containers" and
 *            "13,000 containers" are one quantity with two values (an update or a contradiction)
 *   names    entities both passages name, through aliases, stand-ins and misspellings
 *   wording  TF-IDF cosine of the content words
 * The score is their weighted mean over the signals the claim has (a claim without figures is
 * not marked down for it), in 0..1.
 *
 * Speed: the index's inverted lists give each unit sharing a term, figure or name an approximate
 * score in one pass; only the best SHORTLIST_SIZE units are scored in full.
 */
import {
  conflictingFigures,
  extractFigures,
  figureKeys,
  formatFigure,
  quantityKey,
  sameFigure,
  type Figure,
} from './figures'
import { isBoilerplateSentence } from './boilerplate'
import { extractNames, fuzzyNameMatch, type NameMention } from './names'
import {
  contentTerms,
  termFrequencyWeight,
  termSurfaces,
  inverseDocumentFrequency,
} from './similarity'
import {
  createSuggestionIndex,
  parseTime,
  readDocument,
  STAND_IN_WEIGHT,
  UNIT_CLAIM,
  type SuggestionCorpus,
  type SuggestionIndex,
} from './suggestionIndex'
import type { LinkableClaim, LinkableDocument, LinkRelation } from './types'

export { createSuggestionIndex, type SuggestionCorpus, type SuggestionIndex }

export type SuggestionTarget =
  | { kind: 'claim'; claimId: string; documentId: string; start: number; end: number }
  | { kind: 'sentence'; documentId: string; start: number; end: number; text: string }

export interface Suggestion {
  target: SuggestionTarget
  /** 0..1, higher is more likely linked. */
  score: number
  /** The relation the evidence points to; the analyst decides. */
  relation: LinkRelation
  /** For 'updates': which side is the newer one (the later publication). */
  newer?: 'source' | 'target'
  /** Why, in the analyst's words: "same figure 13,000 (13K)", "shared names: DIA, Tumangang". */
  reasons: string[]
  /** The three signals, for tuning and for the UI to show as bars. */
  signals: { figures: number; names: number; wording: number }
}

export interface SuggestOptions {
  /** How many suggestions to return (default 10). */
  limit?: number
  /** Suggest existing claims (default true). */
  claims?: boolean
  /** Suggest sentences not yet claimed (default true). */
  sentences?: boolean
  /** Suggestions scoring below this are dropped (default 0.05). */
  minScore?: number
  /**
   * Two documents this many days apart or more with different values for one quantity suggest
   * 'updates'; closer in time, 'contradicts' (default 30).
   */
  updateAfterDays?: number
}

export interface SuggestionSource {
  claim: LinkableClaim
  document: LinkableDocument
}

/** Weights of the signals in the score. Figures are the claim in news; names anchor the topic. */
export const SIGNAL_WEIGHTS = { wording: 0.45, figures: 0.35, names: 0.2 } as const
/** A different value for the same quantity is half the evidence of the same value. */
const CONFLICT_CREDIT = 0.5
/** Dates ("since mid-2022") recur across a story: they count for half a figure. */
const DATE_WEIGHT = 0.5
/** A misspelt name (Tumangan) counts nearly as much as the name. */
const FUZZY_NAME_CREDIT = 0.9
/** Share of all units above which a word is too common to shortlist by. */
const COMMON_TERM_SHARE = 0.05
/** Units scored in full after the one-pass approximate score. */
const SHORTLIST_SIZE = 150
/**
 * Without a disagreeing figure, a candidate worded this alike, or stating at least half of the
 * claim's figures, is suggested as 'same'; one sharing only names and a few words, 'supports'.
 */
const SAME_WORDING = 0.2
/** A sentence this much covered by an existing claim is offered as that claim instead. */
const CLAIMED_SENTENCE_OVERLAP = 0.5
const DAY_MS = 86_400_000
/**
 * What a sentence that reads as page furniture ("Read also: …", a copyright line) keeps of its
 * score: still offered, but below any article sentence saying the same about as well.
 */
const BOILERPLATE_FACTOR = 0.5

/** What the claim brings to a query. */
interface QueryFeatures {
  termWeights: Map<number, number>
  surfaces: Map<string, string>
  figures: Figure[]
  names: NameMention[]
  /** Name key -> weight, with fuzzy variants found in the corpus. */
  nameWeights: Map<string, number>
}

/**
 * Ranks claims and not-yet-claimed sentences of other documents against `source.claim`. Pass an
 * index built by `createSuggestionIndex` to answer many claims against one corpus; passing a
 * corpus builds a throwaway index.
 */
export function suggestLinks(
  source: SuggestionSource,
  corpus: SuggestionCorpus | SuggestionIndex,
  options: SuggestOptions = {},
): Suggestion[] {
  const index = 'unitCount' in corpus ? corpus : createSuggestionIndex(corpus)
  const limit = options.limit ?? 10
  const wantClaims = options.claims ?? true
  const wantSentences = options.sentences ?? true
  const minScore = options.minScore ?? 0.05
  const query = queryFeatures(source, index)
  const sourceDocument = index.documentIndex.get(source.claim.documentId) ?? -1

  const shortlist = shortlistUnits(index, query, (u) => {
    if (index.unitDocument[u] === sourceDocument) return false
    return index.unitKind[u] === UNIT_CLAIM ? wantClaims : wantSentences
  })

  const sourceTime = parseTime(source.document.metadata.published)
  const suggestions: Suggestion[] = []
  for (const [u, wording] of shortlist) {
    if (index.unitKind[u] !== UNIT_CLAIM && isClaimed(index, u)) continue
    const suggestion = scoreUnit(index, query, u, wording, sourceTime, options)
    if (suggestion.score >= minScore) suggestions.push(suggestion)
  }
  suggestions.sort(
    (a, b) =>
      b.score - a.score ||
      kindOrder(a.target) - kindOrder(b.target) ||
      (index.documentIndex.get(a.target.documentId) ?? 0) -
        (index.documentIndex.get(b.target.documentId) ?? 0) ||
      a.target.start - b.target.start,
  )
  return suggestions.slice(0, limit)
}

function kindOrder(target: SuggestionTarget): number {
  return target.kind === 'claim' ? 0 : 1
}

function queryFeatures(source: SuggestionSource, index: SuggestionIndex): QueryFeatures {
  const { claim, document } = source
  const quote = claim.quote || document.text.slice(claim.start, claim.end)
  const isCommonWord = (word: string) => index.lowerCaseWords.has(word)
  let figures: Figure[]
  let names: NameMention[]
  if (document.text.slice(claim.start, claim.end) === quote) {
    // Read in its block, like the index does: the qualifier before it and the noun after it count.
    const reading = readDocument(
      {
        ...document,
        blocks: document.blocks.filter((b) => b.end > claim.start && b.start < claim.end),
      },
      index.aliases,
      isCommonWord,
      document.metadata.published,
    )
    figures = reading.figures.filter((f) => f.end > claim.start && f.start < claim.end)
    names = reading.names.filter((n) => n.end > claim.start && n.start < claim.end)
  } else {
    const published = document.metadata.published
    figures = extractFigures(quote, published === undefined ? {} : { referenceDate: published })
    names = extractNames(quote, { aliases: index.aliases, isCommonWord })
  }

  const counts = new Map<string, number>()
  for (const term of contentTerms(quote)) counts.set(term, (counts.get(term) ?? 0) + 1)
  const termWeights = new Map<number, number>()
  let squares = 0
  for (const [term, count] of counts) {
    const id = index.termIdOf.get(term)
    const idf = id === undefined ? inverseDocumentFrequency(index.unitCount, 0) : index.termIdf[id]!
    const weight = termFrequencyWeight(count) * idf
    squares += weight * weight
    // Terms the corpus never uses still count in the norm: they are wording nothing shares.
    if (id !== undefined) termWeights.set(id, weight)
  }
  const norm = Math.sqrt(squares) || 1
  for (const [id, weight] of termWeights) termWeights.set(id, weight / norm)

  const nameWeights = new Map<string, number>()
  for (const name of names) {
    nameWeights.set(name.key, 1)
    for (const key of name.standsFor) {
      if (!nameWeights.has(key)) nameWeights.set(key, STAND_IN_WEIGHT)
    }
    for (const key of fuzzyVariants(index, name.key)) {
      if (!nameWeights.has(key)) nameWeights.set(key, FUZZY_NAME_CREDIT)
    }
  }
  return { termWeights, surfaces: termSurfaces(quote), figures, names, nameWeights }
}

/** Corpus names that are likely misspellings of `key` ("tumangan" for "tumangang"). */
function fuzzyVariants(index: SuggestionIndex, key: string): string[] {
  const bucket = index.nameKeysByInitial.get(key[0] ?? '') ?? []
  return bucket.filter((other) => other !== key && fuzzyNameMatch(key, other))
}

/**
 * One pass over the inverted lists: exact wording cosine per unit, plus an approximate share of
 * the claim's figures and names. Returns the best units with their wording cosine.
 */
function shortlistUnits(
  index: SuggestionIndex,
  query: QueryFeatures,
  eligible: (unit: number) => boolean,
): [number, number][] {
  const wording = new Float32Array(index.unitCount)
  const features = new Float32Array(index.unitCount)
  const touched: number[] = []
  const seen = new Uint8Array(index.unitCount)
  const touch = (u: number) => {
    if (seen[u] === 0) {
      seen[u] = 1
      touched.push(u)
    }
  }
  // Words in more than COMMON_TERM_SHARE of all units are left out of this pass (the exact
  // cosine of the shortlist counts them): a unit sharing only "said" and "Russia" is no candidate.
  const maxPostings = Math.max(1, COMMON_TERM_SHARE * index.unitCount)
  const selective = [...query.termWeights].filter(
    ([termId]) => index.termPostings[termId]!.units.length <= maxPostings,
  )
  const scanned = selective.length > 0 ? selective : [...query.termWeights]
  for (const [termId, weight] of scanned) {
    const { units, weights } = index.termPostings[termId]!
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!
      wording[u]! += weight * weights[i]!
      touch(u)
    }
  }
  const featureKeys = new Map<string, number>()
  for (const figure of query.figures) {
    const keys = figureKeys(figure)
    const weight = figure.unit === 'date' ? DATE_WEIGHT : 1
    for (const key of keys) featureKeys.set(`f:${key}`, weight / keys.length)
    const quantity = quantityKey(figure)
    if (quantity !== undefined) featureKeys.set(`q:${quantity}`, CONFLICT_CREDIT)
  }
  for (const [key, weight] of query.nameWeights) featureKeys.set(`n:${key}`, weight)
  let featureTotal = 0
  for (const [key, weight] of featureKeys) {
    const postings = index.featurePostings.get(key)
    const idf = index.featureIdf(key)
    featureTotal += weight * idf
    if (postings === undefined) continue
    for (let i = 0; i < postings.units.length; i++) {
      const u = postings.units[i]!
      features[u]! += weight * idf * postings.weights[i]!
      touch(u)
    }
  }
  const featureScale = featureTotal > 0 ? 1 / featureTotal : 0
  const best = new TopK(SHORTLIST_SIZE)
  for (const u of touched) {
    if (!eligible(u)) continue
    best.offer(u, SIGNAL_WEIGHTS.wording * wording[u]! + 0.5 * features[u]! * featureScale)
  }
  return best.items().map((u) => [u, exactCosine(index, query, u)])
}

function exactCosine(index: SuggestionIndex, query: QueryFeatures, u: number): number {
  let dot = 0
  for (let i = index.termOffsets[u]!; i < index.termOffsets[u + 1]!; i++) {
    const weight = query.termWeights.get(index.termIds[i]!)
    if (weight !== undefined) dot += weight * index.termWeights[i]!
  }
  return dot
}

function isClaimed(index: SuggestionIndex, u: number): boolean {
  const start = index.unitStart[u]!
  const end = index.unitEnd[u]!
  let covered = 0
  for (const [claimStart, claimEnd] of index.claimRanges[index.unitDocument[u]!]!) {
    if (claimStart >= end) break
    covered += Math.max(0, Math.min(end, claimEnd) - Math.max(start, claimStart))
  }
  return covered >= CLAIMED_SENTENCE_OVERLAP * (end - start)
}

function scoreUnit(
  index: SuggestionIndex,
  query: QueryFeatures,
  u: number,
  wording: number,
  sourceTime: number | undefined,
  options: SuggestOptions,
): Suggestion {
  const reasons: string[] = []
  const figures = compareFigures(index, query.figures, index.unitFigures[u]!)
  reasons.push(...figures.reasons)
  const names = compareNames(index, query, index.unitNames[u]!)
  if (names.reason) reasons.push(names.reason)
  if (wording >= 0.05) reasons.push(wordingReason(index, query, u, wording))

  let weighted = SIGNAL_WEIGHTS.wording * wording
  let total = SIGNAL_WEIGHTS.wording
  if (figures.total > 0) {
    weighted += SIGNAL_WEIGHTS.figures * figures.score
    total += SIGNAL_WEIGHTS.figures
  }
  if (names.total > 0) {
    weighted += SIGNAL_WEIGHTS.names * names.score
    total += SIGNAL_WEIGHTS.names
  }
  let score = weighted / total

  const d = index.unitDocument[u]!
  // Only sentences: a claim is an analyst's choice, whatever it looks like.
  if (
    index.unitKind[u] !== UNIT_CLAIM &&
    isBoilerplateSentence(index.documents[d]!.text.slice(index.unitStart[u]!, index.unitEnd[u]!))
  ) {
    score *= BOILERPLATE_FACTOR
    reasons.push('looks like page furniture (a cross-link, appeal or notice)')
  }
  const documentId = index.documents[d]!.id
  const start = index.unitStart[u]!
  const end = index.unitEnd[u]!
  const target: SuggestionTarget =
    index.unitKind[u] === UNIT_CLAIM
      ? { kind: 'claim', claimId: index.unitClaimId[u]!, documentId, start, end }
      : {
          kind: 'sentence',
          documentId,
          start,
          end,
          text: index.documents[d]!.text.slice(start, end),
        }
  const suggestion: Suggestion = {
    target,
    score,
    relation: 'supports',
    reasons,
    signals: { figures: figures.score, names: names.score, wording },
  }
  const targetTime = index.published[d]
  if (figures.conflicts > 0 && figures.conflictsOnly) {
    const apart = sourceTime !== undefined && targetTime !== undefined ? targetTime - sourceTime : 0
    const updateAfter = (options.updateAfterDays ?? 30) * DAY_MS
    if (Math.abs(apart) >= updateAfter) {
      suggestion.relation = 'updates'
      suggestion.newer = apart > 0 ? 'target' : 'source'
    } else {
      suggestion.relation = 'contradicts'
    }
  } else if (wording >= SAME_WORDING || (figures.total > 0 && figures.matchedShare >= 0.5)) {
    suggestion.relation = 'same'
  }
  return suggestion
}

interface FigureComparison {
  score: number
  total: number
  /** Share (by weight) of the claim's non-date figures found with the same value. */
  matchedShare: number
  conflicts: number
  /** True when every conflicting quantity has no matching value on the other side either. */
  conflictsOnly: boolean
  reasons: string[]
}

function compareFigures(
  index: SuggestionIndex,
  mine: readonly Figure[],
  theirs: readonly Figure[],
): FigureComparison {
  let score = 0
  let total = 0
  let matched = 0
  let matchable = 0
  let conflicts = 0
  let conflictsOnly = true
  const same: string[] = []
  const different: string[] = []
  for (const figure of mine) {
    const weight =
      (figure.unit === 'date' ? DATE_WEIGHT : 1) * index.featureIdf(`f:${figureKeys(figure)[0]}`)
    total += weight
    if (figure.unit !== 'date') matchable += weight
    const match = theirs.find((other) => sameFigure(figure, other))
    if (match) {
      score += weight
      if (figure.unit !== 'date') matched += weight
      same.push(sameFigureReason(figure, match))
      continue
    }
    const conflict = theirs.find((other) => conflictingFigures(figure, other))
    if (conflict) {
      score += CONFLICT_CREDIT * weight
      conflicts++
      // The other side also states this figure elsewhere: a lookalike, not a disagreement.
      if (mine.some((other) => sameFigure(other, conflict))) conflictsOnly = false
      different.push(
        `different figure ${formatFigure(figure)} vs ${formatFigure(conflict)}${figure.noun ? ` ${figure.noun}s` : ''}`,
      )
    }
  }
  const reasons: string[] = []
  if (same.length > 0) reasons.push(`same figure ${same.join(', ')}`)
  reasons.push(...different)
  return {
    score: total > 0 ? score / total : 0,
    total,
    matchedShare: matchable > 0 ? matched / matchable : 0,
    conflicts,
    conflictsOnly,
    reasons,
  }
}

/** "13,000 (13K)": the value, and how the other side wrote it when that differs. */
function sameFigureReason(mine: Figure, theirs: Figure): string {
  const value = formatFigure(mine)
  return theirs.text === value ? value : `${value} (${theirs.text})`
}

function compareNames(
  index: SuggestionIndex,
  query: QueryFeatures,
  theirs: readonly NameMention[],
): { score: number; total: number; reason?: string } {
  const theirKeys = new Set(theirs.map((name) => name.key))
  let score = 0
  let total = 0
  const shared: string[] = []
  const seen = new Set<string>()
  for (const name of query.names) {
    if (seen.has(name.key)) continue
    seen.add(name.key)
    const weight = index.featureIdf(`n:${name.key}`)
    total += weight
    const display = index.aliases.displayName(name.key) ?? name.text
    if (theirKeys.has(name.key)) {
      score += weight
      const written = theirs.find((other) => other.key === name.key)!.text
      shared.push(written === display ? display : `${display} (${written})`)
      continue
    }
    const fuzzy = theirs.find((other) => fuzzyNameMatch(name.key, other.key))
    if (fuzzy) {
      score += FUZZY_NAME_CREDIT * weight
      shared.push(`${display} ~ ${fuzzy.text}`)
      continue
    }
    // "Moscow" for Russia, or "Moscow" and "the Kremlin" both for Russia.
    const other = theirs.find(
      (o) =>
        name.standsFor.includes(o.key) ||
        o.standsFor.includes(name.key) ||
        o.standsFor.some((key) => name.standsFor.includes(key)),
    )
    if (other !== undefined) {
      score += STAND_IN_WEIGHT * weight
      shared.push(`${name.text} ~ ${other.text}`)
    }
  }
  return {
    score: total > 0 ? score / total : 0,
    total,
    ...(shared.length > 0 ? { reason: `shared names: ${shared.join(', ')}` } : {}),
  }
}

function wordingReason(index: SuggestionIndex, query: QueryFeatures, u: number, wording: number) {
  const contributions: [string, number][] = []
  for (let i = index.termOffsets[u]!; i < index.termOffsets[u + 1]!; i++) {
    const mine = query.termWeights.get(index.termIds[i]!)
    if (mine !== undefined)
      contributions.push([index.termNames[index.termIds[i]!]!, mine * index.termWeights[i]!])
  }
  const words = contributions
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([term]) => query.surfaces.get(term) ?? term)
  return `similar wording ${wording.toFixed(2)} (${words.join(', ')})`
}

/** The k best-scoring items, by a min-heap on score. */
class TopK {
  private readonly ids: number[] = []
  private readonly scores: number[] = []

  constructor(private readonly k: number) {}

  offer(id: number, score: number): void {
    if (this.ids.length < this.k) {
      this.ids.push(id)
      this.scores.push(score)
      this.up(this.ids.length - 1)
    } else if (score > this.scores[0]!) {
      this.ids[0] = id
      this.scores[0] = score
      this.down(0)
    }
  }

  items(): number[] {
    return this.ids
      .map((id, i) => [id, this.scores[i]!] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([id]) => id)
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.scores[parent]! <= this.scores[i]!) return
      this.swap(i, parent)
      i = parent
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let smallest = i
      if (left < this.ids.length && this.scores[left]! < this.scores[smallest]!) smallest = left
      if (right < this.ids.length && this.scores[right]! < this.scores[smallest]!) smallest = right
      if (smallest === i) return
      this.swap(i, smallest)
      i = smallest
    }
  }

  private swap(a: number, b: number): void {
    ;[this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!]
    ;[this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!]
  }
}
