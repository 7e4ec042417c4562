/**
 * Link suggestions for one claim: the claims and sentences of OTHER documents most likely to say
 * the same thing, or to say something different about the same quantity.
 *
 * Three signals, each explainable in a reason:
 *   figures  the strongest: "13K" and "about 13,000" are one figure; "6,700 containers" and
 *            "13,000 containers" are one quantity with two values (an update or a contradiction).
 *            The claim's first figure is its headline and counts double.
 *   names    entities both passages name, through aliases, stand-ins and misspellings; and, when
 *            the claim says who sends what to whom, whether the other side has the same direction
 *            (a shipment "from A to B" against one "from B to A" is a contradiction: roles.ts)
 *   wording  TF-IDF cosine of the content words, the claim's sentence around it counting less
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
import { compareRoles, isCompleteFlow, readRoles, type RoleAgreement, type Roles } from './roles'
import { segmentSentences } from './sentences'
import {
  contentTermSpans,
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
} from './suggestion-index'
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

/**
 * Weights of the signals in the score. Figures are the claim in news: when the claim states one,
 * half the score is whether the other side states it too, so a passage agreeing on it outranks
 * one worded much more alike around a different value (an update or a contradiction, still
 * suggested below it). Names anchor the topic.
 */
export const SIGNAL_WEIGHTS = { figures: 0.5, wording: 0.3, names: 0.2 } as const
/** A different value for the same quantity is half the evidence of the same value. */
const CONFLICT_CREDIT = 0.5
/** The claim's first figure (not a date) is its headline: it counts double among its figures. */
const MAIN_FIGURE_WEIGHT = 2
/**
 * Words of the claim's sentence outside the highlight count this much of the claim's own: a
 * highlighted clause ("complained that a share of the rounds …") leaves out who said it and of
 * what, which the rest of its sentence says.
 */
const CONTEXT_TERM_WEIGHT = 0.3
/** How much who-sends-to-whom counts beside the names, when the claim states a direction. */
const ROLE_WEIGHT = 0.2
/** Dates ("since mid-2022") recur across a story: they count for half a figure. */
const DATE_WEIGHT = 0.5
/**
 * Two stand-ins for one entity in attribution ("the Kremlin said", "Moscow said") are one voice
 * in one role, written two ways: nearly the same name.
 */
const FELLOW_STAND_IN_CREDIT = 0.8
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
  /** Who sends to whom, when the claim says so. */
  roles: Roles | undefined
  /** Ids of the claim's own terms (not only of its sentence around it). */
  ownTerms: Set<number>
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
  return distinctPassages(suggestions).slice(0, limit)
}

/**
 * The ranked suggestions with each passage offered once, before the cut, so that `limit`
 * suggestions are `limit` distinct passages:
 * - A sentence overlapping a claim suggested in the same document is not offered: the claim is
 *   the analyst's own unit of that passage. When the sentence ranks above the claim, the claim
 *   takes its place and score (it stands for its sentence, as when its roles are read), keeping
 *   its own reasons and relation: dropping the sentence alone would sink the passage.
 * - A sentence overlapping a sentence ranked above it is dropped (one text listed twice, under
 *   two paths, gives each of its sentences twice).
 */
function distinctPassages(ranked: readonly Suggestion[]): Suggestion[] {
  const claimsByDocument = new Map<string, Suggestion[]>()
  for (const suggestion of ranked) {
    const { target } = suggestion
    if (target.kind === 'claim') appendTo(claimsByDocument, target.documentId, suggestion)
  }
  const placedClaims = new Set<Suggestion>()
  const sentencesByDocument = new Map<string, SuggestionTarget[]>()
  const distinct: Suggestion[] = []
  for (const suggestion of ranked) {
    const { target } = suggestion
    if (target.kind === 'claim') {
      if (!placedClaims.has(suggestion)) distinct.push(suggestion)
      placedClaims.add(suggestion)
      continue
    }
    const overlaps = (other: SuggestionTarget) =>
      other.start < target.end && target.start < other.end
    const claims = claimsByDocument.get(target.documentId)?.filter((c) => overlaps(c.target))
    if (claims !== undefined && claims.length > 0) {
      // Its best-ranked claim not placed yet takes its place; with none left, it just goes.
      const claim = claims.find((c) => !placedClaims.has(c))
      if (claim !== undefined) {
        placedClaims.add(claim)
        distinct.push({ ...claim, score: suggestion.score })
      }
      continue
    }
    if (sentencesByDocument.get(target.documentId)?.some(overlaps)) continue
    appendTo(sentencesByDocument, target.documentId, target)
    distinct.push(suggestion)
  }
  return distinct
}

function appendTo<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key)
  if (list === undefined) lists.set(key, [item])
  else list.push(item)
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
  let roles: Roles | undefined
  let sentence = quote
  // The claim's own terms, and those of its sentence outside it (weighed less).
  const claimTerms: string[] = []
  const contextTerms: string[] = []
  if (document.text.slice(claim.start, claim.end) === quote) {
    // Read in its block, like the index does: the qualifier before it and the noun after it count.
    const blocks = document.blocks.filter((b) => b.end > claim.start && b.start < claim.end)
    const reading = readDocument(
      { ...document, blocks },
      index.aliases,
      isCommonWord,
      document.metadata.published,
    )
    figures = reading.figures.filter((f) => f.end > claim.start && f.start < claim.end)
    names = reading.names.filter((n) => n.end > claim.start && n.start < claim.end)
    // The claim's sentence: a highlighted clause leaves out who said it and about what.
    let contextStart = claim.start
    let contextEnd = claim.end
    for (const candidate of segmentSentences({ ...document, blocks })) {
      if (candidate.end <= claim.start || candidate.start >= claim.end) continue
      contextStart = Math.min(contextStart, candidate.start)
      contextEnd = Math.max(contextEnd, candidate.end)
    }
    sentence = document.text.slice(contextStart, contextEnd)
    // The claim's roles are those it highlights; whether it is a flow back ("In return, …")
    // may be said anywhere in its sentence.
    roles = readRoles(quote, claim.start, names, sentence)
    for (const span of contentTermSpans(sentence)) {
      const at = contextStart + span.start
      ;(at >= claim.start && at < claim.end ? claimTerms : contextTerms).push(span.term)
    }
  } else {
    const published = document.metadata.published
    figures = extractFigures(quote, published === undefined ? {} : { referenceDate: published })
    names = extractNames(quote, { aliases: index.aliases, isCommonWord })
    roles = readRoles(quote, 0, names)
    for (const span of contentTermSpans(quote)) claimTerms.push(span.term)
  }

  const counts = new Map<string, number>()
  for (const term of claimTerms) counts.set(term, (counts.get(term) ?? 0) + 1)
  const contextCounts = new Map<string, number>()
  for (const term of contextTerms) {
    if (!counts.has(term)) contextCounts.set(term, (contextCounts.get(term) ?? 0) + 1)
  }
  const termWeights = new Map<number, number>()
  let squares = 0
  const weigh = (term: string, count: number, factor: number) => {
    const id = index.termIdOf.get(term)
    const idf = id === undefined ? inverseDocumentFrequency(index.unitCount, 0) : index.termIdf[id]!
    const weight = factor * termFrequencyWeight(count) * idf
    squares += weight * weight
    // Terms the corpus never uses still count in the norm: they are wording nothing shares.
    if (id !== undefined) termWeights.set(id, weight)
  }
  for (const [term, count] of counts) weigh(term, count, 1)
  const ownTerms = new Set(termWeights.keys())
  for (const [term, count] of contextCounts) weigh(term, count, CONTEXT_TERM_WEIGHT)
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
  const surfaces = termSurfaces(sentence)
  for (const [term, surface] of termSurfaces(quote)) surfaces.set(term, surface)
  return { termWeights, ownTerms, surfaces, figures, names, nameWeights, roles }
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
  // Words only of the sentence around the claim are left out too: they refine the ranking of
  // the units the claim's own words, figures and names find, and are not worth the scan.
  const maxPostings = Math.max(1, COMMON_TERM_SHARE * index.unitCount)
  const own = [...query.termWeights].filter(([termId]) => query.ownTerms.has(termId))
  const selective = own.filter(
    ([termId]) => index.termPostings[termId]!.units.length <= maxPostings,
  )
  const scanned = selective.length > 0 ? selective : own
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
  const d = index.unitDocument[u]!
  const documentId = index.documents[d]!.id
  const start = index.unitStart[u]!
  const end = index.unitEnd[u]!
  const text = index.documents[d]!.text.slice(start, end)
  const reasons: string[] = []
  const figures = compareFigures(index, query.figures, index.unitFigures[u]!)
  reasons.push(...figures.reasons)
  const names = compareNames(index, query, index.unitNames[u]!)
  if (names.reason) reasons.push(names.reason)
  let roles: RoleAgreement | undefined
  // A candidate is read in its sentence: an existing claim may leave its sender or receiver just
  // outside its range ("Pyongyang [had shipped … to Russia]"), and stands for that sentence.
  const s = index.unitKind[u] === UNIT_CLAIM ? sentenceUnitOf(index, u) : u
  if (isCompleteFlow(query.roles) && namesBothParties(query.roles, index.unitNames[s]!)) {
    const sentenceStart = index.unitStart[s]!
    const sentence = index.documents[d]!.text.slice(sentenceStart, index.unitEnd[s]!)
    const theirs = readRoles(sentence, sentenceStart, index.unitNames[s]!)
    roles = theirs === undefined ? undefined : compareRoles(query.roles, theirs)
    if (roles !== undefined) reasons.push(roleReason(index, query.roles, roles))
  }
  if (wording >= 0.05) reasons.push(wordingReason(index, query, u, wording))

  let weighted = SIGNAL_WEIGHTS.wording * wording
  let total = SIGNAL_WEIGHTS.wording
  if (figures.total > 0) {
    weighted += SIGNAL_WEIGHTS.figures * figures.score
    total += SIGNAL_WEIGHTS.figures
  }
  // Names and their roles are one signal: who is named and, when the claim says, who sends to
  // whom. The same direction counts in full, the reverse as much as a different figure does.
  let namesWeight = names.total > 0 ? SIGNAL_WEIGHTS.names : 0
  let namesSignal = names.score
  if (isCompleteFlow(query.roles)) {
    const credit = roles === undefined ? 0 : roles.kind === 'same' ? 1 : CONFLICT_CREDIT
    namesSignal = (namesWeight * names.score + ROLE_WEIGHT * credit) / (namesWeight + ROLE_WEIGHT)
    namesWeight += ROLE_WEIGHT
  }
  if (namesWeight > 0) {
    weighted += namesWeight * namesSignal
    total += namesWeight
  }
  let score = weighted / total

  // Only sentences: a claim is an analyst's choice, whatever it looks like.
  if (index.unitKind[u] !== UNIT_CLAIM && isBoilerplateSentence(text)) {
    score *= BOILERPLATE_FACTOR
    reasons.push('looks like page furniture (a cross-link, appeal or notice)')
  }
  const target: SuggestionTarget =
    index.unitKind[u] === UNIT_CLAIM
      ? { kind: 'claim', claimId: index.unitClaimId[u]!, documentId, start, end }
      : { kind: 'sentence', documentId, start, end, text }
  const suggestion: Suggestion = {
    target,
    score,
    relation: 'supports',
    reasons,
    signals: { figures: figures.score, names: namesSignal, wording },
  }
  const targetTime = index.published[d]
  if (roles?.kind === 'reversed') {
    // The same parties with their roles swapped: one of the two has the direction wrong.
    suggestion.relation = 'contradicts'
  } else if (figures.conflicts > 0 && figures.conflictsOnly) {
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

/** True when the names include a sender and a receiver of the flow (else roles cannot agree). */
function namesBothParties(roles: Roles, names: readonly NameMention[]): boolean {
  const has = (keys: ReadonlySet<string>) =>
    names.some((name) => keys.has(name.key) || name.standsFor.some((key) => keys.has(key)))
  return has(roles.origins) && has(roles.destinations)
}

/**
 * The sentence unit holding the start of claim unit `u` (or `u` itself when none does). Sentence
 * units follow all claim units, in document order and by start (see createSuggestionIndex).
 */
function sentenceUnitOf(index: SuggestionIndex, u: number): number {
  const d = index.unitDocument[u]!
  const at = index.unitStart[u]!
  let low = firstSentenceUnit(index)
  let high = index.unitCount
  // The last sentence unit at or before (d, at).
  while (low < high) {
    const middle = (low + high) >>> 1
    const md = index.unitDocument[middle]!
    if (md < d || (md === d && index.unitStart[middle]! <= at)) low = middle + 1
    else high = middle
  }
  const s = low - 1
  return s >= 0 &&
    index.unitKind[s] !== UNIT_CLAIM &&
    index.unitDocument[s] === d &&
    index.unitEnd[s]! > at
    ? s
    : u
}

const firstSentenceUnits = new WeakMap<SuggestionIndex, number>()

function firstSentenceUnit(index: SuggestionIndex): number {
  let first = firstSentenceUnits.get(index)
  if (first === undefined) {
    let low = 0
    let high = index.unitCount
    while (low < high) {
      const middle = (low + high) >>> 1
      if (index.unitKind[middle] === UNIT_CLAIM) low = middle + 1
      else high = middle
    }
    first = low
    firstSentenceUnits.set(index, first)
  }
  return first
}

function roleReason(index: SuggestionIndex, mine: Roles, agreement: RoleAgreement): string {
  const show = (key: string) => index.aliases.displayName(key) ?? mine.written.get(key) ?? key
  const from = show(agreement.from)
  const to = show(agreement.to)
  return agreement.kind === 'same'
    ? `same direction: ${from} → ${to}`
    : `reversed direction: ${from} → ${to} here, ${to} → ${from} there`
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
  const main = mine.find((figure) => figure.unit !== 'date')
  for (const figure of mine) {
    const weight =
      (figure.unit === 'date' ? DATE_WEIGHT : 1) *
      (figure === main ? MAIN_FIGURE_WEIGHT : 1) *
      index.featureIdf(`f:${figureKeys(figure)[0]}`)
    total += weight
    if (figure.unit !== 'date') matchable += weight
    // The same value, preferably of the same counted thing. Writers vary the noun ("450 shells",
    // "450 rounds per container") or leave it out, so another noun still makes the same figure,
    // unless the other side gives a different value for our counted thing: then that is what it
    // says of it, and ours is only mentioned in passing ("16,000 containers, up from 6,700").
    const values = theirs.filter((other) => sameFigure(figure, other))
    const conflict = theirs.find((other) => conflictingFigures(figure, other))
    const match =
      values.find((other) => sameCountedThing(figure, other)) ??
      (conflict === undefined ? values[0] : undefined)
    if (match) {
      score += weight
      if (figure.unit !== 'date') matched += weight
      same.push(sameFigureReason(figure, match))
    } else if (conflict) {
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

/** Both count the same thing (other units carry their own). */
function sameCountedThing(mine: Figure, theirs: Figure): boolean {
  return mine.unit !== 'count' || (mine.noun !== undefined && mine.noun === theirs.noun)
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
    // "Moscow" and "the Kremlin", "state media" and "Pyongyang": two voices of one government,
    // nearly the same actor; "Moscow" for Russia is a stand-in, not the same actor in one role.
    const fellow = theirs.find((o) => o.standsFor.some((key) => name.standsFor.includes(key)))
    const standIn =
      fellow ?? theirs.find((o) => name.standsFor.includes(o.key) || o.standsFor.includes(name.key))
    if (standIn !== undefined) {
      score += (fellow ? FELLOW_STAND_IN_CREDIT : STAND_IN_WEIGHT) * weight
      shared.push(`${name.text} ~ ${standIn.text}`)
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
