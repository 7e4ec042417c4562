/**
 * The index suggestions are drawn from, built once per corpus: every existing claim and every
 * sentence of every document becomes a "unit" with its wording (TF-IDF terms), its figures and
 * its names, and inverted lists lead from a term, a figure or a name to the units holding it.
 * A query then touches only the units that share something with the claim (suggest.ts).
 *
 * Each document is tokenised and read for figures and names once; a claim or a sentence takes
 * the part of that work falling in its range. Claims and sentences overlap, so this halves the
 * build and keeps one reading of each figure (its qualifier, its counted noun) for both.
 */
import { extractFigures, figureKeys, quantityKey, type Figure } from './figures'
import { createAliasTable, extractNames, type AliasTable, type NameMention } from './names'
import {
  readingKey,
  sameCommonWordAnswers,
  sharedReadingCache,
  type CachedReading,
  type ReadingCache,
} from './reading-cache'
import { segmentSentences } from './sentences'
import {
  contentTermSpans,
  inverseDocumentFrequency,
  termFrequencyWeight,
  type TermSpan,
} from './similarity'
import type { LinkableClaim, LinkableDocument } from './types'
import type { AliasEntry } from './aliases'

export interface SuggestionCorpus {
  documents: readonly LinkableDocument[]
  claims: readonly LinkableClaim[]
}

export interface SuggestionIndexOptions {
  /** Alias table entries (project settings); the built-in table by default. */
  aliases?: readonly AliasEntry[]
  /**
   * Where each document's reading is kept between builds (a process-wide cache by default);
   * `false` reads every document afresh.
   */
  readingCache?: ReadingCache | false
}

export const UNIT_CLAIM = 0
export const UNIT_SENTENCE = 1

/** An inverted list: the units holding a key, with the key's weight in each. */
export interface Postings {
  units: Int32Array
  weights: Float32Array
}

/** How much a stand-in ("Moscow" for Russia) counts against the entity itself. */
export const STAND_IN_WEIGHT = 0.5

export interface SuggestionIndex {
  readonly documents: readonly LinkableDocument[]
  readonly documentIndex: ReadonlyMap<string, number>
  /** Publication time of each document (ms), when its metadata gives one. */
  readonly published: readonly (number | undefined)[]
  readonly aliases: AliasTable
  /** Words met in lower case somewhere in the corpus: not names when capitalised at a sentence start. */
  readonly lowerCaseWords: ReadonlySet<string>
  readonly unitCount: number
  readonly unitKind: Uint8Array
  readonly unitDocument: Int32Array
  readonly unitStart: Int32Array
  readonly unitEnd: Int32Array
  readonly unitClaimId: readonly (string | undefined)[]
  /** Unit u's terms are termIds[termOffsets[u] .. termOffsets[u + 1]), L2-normalised weights. */
  readonly termOffsets: Int32Array
  readonly termIds: Int32Array
  readonly termWeights: Float32Array
  readonly unitFigures: readonly (readonly Figure[])[]
  readonly unitNames: readonly (readonly NameMention[])[]
  readonly termIdOf: ReadonlyMap<string, number>
  readonly termNames: readonly string[]
  readonly termIdf: Float64Array
  readonly termPostings: readonly Postings[]
  /** Figure keys ("f:count:13000"), quantity keys ("q:count~container") and names ("n:dia"). */
  readonly featurePostings: ReadonlyMap<string, Postings>
  /** Name keys in the corpus, by first letter, for fuzzy lookups of misspellings. */
  readonly nameKeysByInitial: ReadonlyMap<string, readonly string[]>
  /** Claim ranges per document, sorted by start, to skip sentences already claimed. */
  readonly claimRanges: readonly (readonly [number, number])[][]
  featureIdf(key: string): number
}

/** Per-document reading shared by all its units. */
interface DocumentReading {
  terms: TermSpan[]
  figures: Figure[]
  names: NameMention[]
}

/** Builds the index. Claims whose document is not in the corpus are left out. */
export function createSuggestionIndex(
  corpus: SuggestionCorpus,
  options: SuggestionIndexOptions = {},
): SuggestionIndex {
  const { documents } = corpus
  const aliases = createAliasTable(options.aliases)
  const documentIndex = new Map(documents.map((document, i) => [document.id, i]))
  const published = documents.map((document) => parseTime(document.metadata.published))
  const readings = readCorpus(documents, aliases, options)
  const lowerCaseWords = readings.lowerCaseWords
  // Units: existing claims first, then every sentence.
  const kinds: number[] = []
  const unitDocuments: number[] = []
  const starts: number[] = []
  const ends: number[] = []
  const claimIds: (string | undefined)[] = []
  const claimRanges: [number, number][][] = documents.map(() => [])
  for (const claim of corpus.claims) {
    const d = documentIndex.get(claim.documentId)
    if (d === undefined || !(claim.end > claim.start)) continue
    kinds.push(UNIT_CLAIM)
    unitDocuments.push(d)
    starts.push(claim.start)
    ends.push(claim.end)
    claimIds.push(claim.id)
    claimRanges[d]!.push([claim.start, claim.end])
  }
  for (const ranges of claimRanges) ranges.sort((a, b) => a[0] - b[0])
  documents.forEach((_document, d) => {
    for (const sentence of readings.documents[d]!.sentences) {
      kinds.push(UNIT_SENTENCE)
      unitDocuments.push(d)
      starts.push(sentence.start)
      ends.push(sentence.end)
      claimIds.push(undefined)
    }
  })
  const unitCount = kinds.length

  // Terms: ids, unit-level document frequency, then normalised TF-IDF weights.
  const termIdOf = new Map<string, number>()
  const termNames: string[] = []
  const documentFrequency: number[] = []
  const termOffsets = new Int32Array(unitCount + 1)
  const rawIds: number[] = []
  const rawCounts: number[] = []
  // Each document's words as term ids, once: claims and sentences overlap, so looking up each
  // word per unit would do it twice. Counting uses one scratch array, not a Map per unit.
  const idOf = (term: string) => {
    let id = termIdOf.get(term)
    if (id === undefined) {
      id = termNames.length
      termIdOf.set(term, id)
      termNames.push(term)
      documentFrequency.push(0)
    }
    return id
  }
  const documentTerms = readings.documents.map((reading) => ({
    starts: Int32Array.from(reading.terms, (span) => span.start),
    ids: Int32Array.from(reading.terms, (span) => idOf(span.term)),
  }))
  let scratch = new Int32Array(termNames.length)
  const order: number[] = []
  for (let u = 0; u < unitCount; u++) {
    const { starts: wordStarts, ids } = documentTerms[unitDocuments[u]!]!
    // In order of first use in the unit, as before: sums over a unit's terms keep their order.
    for (let i = firstAtOrAfter(wordStarts, starts[u]!); i < ids.length; i++) {
      if (wordStarts[i]! >= ends[u]!) break
      const id = ids[i]!
      if (scratch[id]++ === 0) order.push(id)
    }
    for (const id of order) {
      rawIds.push(id)
      rawCounts.push(scratch[id]!)
      documentFrequency[id]!++
      scratch[id] = 0
    }
    order.length = 0
    termOffsets[u + 1] = rawIds.length
  }
  scratch = new Int32Array(0)
  const termIdf = new Float64Array(termNames.length)
  for (let t = 0; t < termNames.length; t++) {
    termIdf[t] = inverseDocumentFrequency(unitCount, documentFrequency[t]!)
  }
  const termIds = Int32Array.from(rawIds)
  const termWeights = new Float32Array(rawIds.length)
  for (let u = 0; u < unitCount; u++) {
    let squares = 0
    for (let i = termOffsets[u]!; i < termOffsets[u + 1]!; i++) {
      const weight = termFrequencyWeight(rawCounts[i]!) * termIdf[termIds[i]!]!
      termWeights[i] = weight
      squares += weight * weight
    }
    const norm = Math.sqrt(squares) || 1
    for (let i = termOffsets[u]!; i < termOffsets[u + 1]!; i++) termWeights[i]! /= norm
  }
  const termPostings = invert(termNames.length, termOffsets, termIds, termWeights)

  // Figures and names per unit, and their inverted lists.
  const unitFigures: Figure[][] = []
  const unitNames: NameMention[][] = []
  const features = new FeatureListBuilder()
  for (let u = 0; u < unitCount; u++) {
    const reading = readings.documents[unitDocuments[u]!]!
    const figures = overlapping(reading.figures, starts[u]!, ends[u]!)
    const names = overlapping(reading.names, starts[u]!, ends[u]!)
    unitFigures.push(figures)
    unitNames.push(names)
    for (const [key, weight] of unitFeatureKeys(figures, names)) features.add(key, u, weight)
  }
  const featurePostings = features.build()
  const nameKeysByInitial = new Map<string, string[]>()
  for (const key of featurePostings.keys()) {
    if (!key.startsWith('n:')) continue
    const name = key.slice(2)
    const bucket = nameKeysByInitial.get(name[0]!) ?? []
    bucket.push(name)
    nameKeysByInitial.set(name[0]!, bucket)
  }

  return {
    documents,
    documentIndex,
    published,
    aliases,
    lowerCaseWords,
    unitCount,
    unitKind: Uint8Array.from(kinds),
    unitDocument: Int32Array.from(unitDocuments),
    unitStart: Int32Array.from(starts),
    unitEnd: Int32Array.from(ends),
    unitClaimId: claimIds,
    termOffsets,
    termIds,
    termWeights,
    unitFigures,
    unitNames,
    termIdOf,
    termNames,
    termIdf,
    termPostings,
    featurePostings,
    nameKeysByInitial,
    claimRanges,
    featureIdf: (key) =>
      inverseDocumentFrequency(unitCount, featurePostings.get(key)?.units.length ?? 0),
  }
}

/** The keys a unit is found under, with weights: figures, counted quantities, names. */
export function unitFeatureKeys(
  figures: readonly Figure[],
  names: readonly NameMention[],
): Map<string, number> {
  const keys = new Map<string, number>()
  const put = (key: string, weight: number) => keys.set(key, Math.max(keys.get(key) ?? 0, weight))
  for (const figure of figures) {
    const valueKeys = figureKeys(figure)
    for (const key of valueKeys) put(`f:${key}`, 1 / valueKeys.length)
    const quantity = quantityKey(figure)
    if (quantity !== undefined) put(`q:${quantity}`, 1)
  }
  for (const name of names) {
    put(`n:${name.key}`, 1)
    for (const stoodFor of name.standsFor) put(`n:${stoodFor}`, STAND_IN_WEIGHT)
  }
  return keys
}

export function readDocument(
  document: LinkableDocument,
  aliases: AliasTable,
  isCommonWord: (word: string) => boolean,
  referenceDate: string | undefined,
): DocumentReading {
  return {
    terms: contentTermSpans(document.text),
    figures: readFigures(document, referenceDate),
    names: readNames(document, aliases, isCommonWord),
  }
}

// Block by block: a figure's noun or a name never runs across a heading into a paragraph.

function readFigures(document: LinkableDocument, referenceDate: string | undefined): Figure[] {
  const figures: Figure[] = []
  const figureOptions = referenceDate === undefined ? {} : { referenceDate }
  for (const block of document.blocks) {
    const text = document.text.slice(block.start, block.end)
    for (const figure of extractFigures(text, figureOptions)) {
      figures.push({ ...figure, start: figure.start + block.start, end: figure.end + block.start })
    }
  }
  return figures
}

function readNames(
  document: LinkableDocument,
  aliases: AliasTable,
  isCommonWord: (word: string) => boolean,
): NameMention[] {
  const names: NameMention[] = []
  for (const block of document.blocks) {
    const text = document.text.slice(block.start, block.end)
    for (const name of extractNames(text, { aliases, isCommonWord })) {
      names.push({ ...name, start: name.start + block.start, end: name.end + block.start })
    }
  }
  return names
}

interface CorpusReading {
  documents: CachedReading[]
  lowerCaseWords: Set<string>
}

/**
 * Every document's reading, from the cache when its text, blocks, date and the alias table are
 * unchanged. Names are read last: whether a sentence opener is a name depends on the words the
 * whole corpus writes in lower case.
 */
function readCorpus(
  documents: readonly LinkableDocument[],
  aliases: AliasTable,
  options: SuggestionIndexOptions,
): CorpusReading {
  const cache =
    options.readingCache === false ? undefined : (options.readingCache ?? sharedReadingCache)
  const aliasesKey = options.aliases === undefined ? '' : JSON.stringify(options.aliases)
  const keys = documents.map((document) => readingKey(document, aliasesKey))
  const readings = documents.map((document, d): CachedReading => {
    const cached = cache?.get(keys[d]!)
    if (cached !== undefined) return cached
    return {
      sentences: segmentSentences(document),
      terms: contentTermSpans(document.text),
      figures: readFigures(document, document.metadata.published),
      lowerCaseWords: lowerCaseWordsOf(document.text),
      names: [],
      // No answers recorded yet: a fresh reading never passes for a reusable one (see below).
      commonWordAnswers: new Map([['', true]]),
    }
  })
  const lowerCaseWords = new Set<string>()
  for (const reading of readings)
    for (const word of reading.lowerCaseWords) lowerCaseWords.add(word)
  const isCommonWord = (word: string) => lowerCaseWords.has(word)
  documents.forEach((document, d) => {
    const reading = readings[d]!
    if (sameCommonWordAnswers(reading.commonWordAnswers, isCommonWord)) return
    const answers = new Map<string, boolean>()
    reading.names = readNames(document, aliases, (word) => {
      const answer = isCommonWord(word)
      answers.set(word, answer)
      return answer
    })
    reading.commonWordAnswers = answers
    cache?.set(keys[d]!, reading)
  })
  return { documents: readings, lowerCaseWords }
}

function lowerCaseWordsOf(text: string): string[] {
  const words = new Set<string>()
  for (const match of text.matchAll(/(?<![\p{L}\p{M}'’-])\p{Ll}[\p{L}\p{M}]*/gu)) {
    words.add(match[0])
  }
  return [...words]
}

export function parseTime(date: string | undefined): number | undefined {
  if (date === undefined) return undefined
  const time = Date.parse(date)
  return Number.isNaN(time) ? undefined : time
}

/** The first index whose value is >= `value`, in a sorted array. */
function firstAtOrAfter(values: Int32Array, value: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

/** Items of a list of non-overlapping ranges, in order, that overlap [start, end). */
function overlapping<T extends { start: number; end: number }>(
  items: readonly T[],
  start: number,
  end: number,
): T[] {
  // Non-overlapping and in order, so ends are sorted too: find the first ending after `start`.
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (items[middle]!.end <= start) low = middle + 1
    else high = middle
  }
  const out: T[] = []
  for (let i = low; i < items.length; i++) {
    const item = items[i]!
    if (item.start >= end) break
    if (item.end > start) out.push(item)
  }
  return out
}

function invert(
  termCount: number,
  offsets: Int32Array,
  ids: Int32Array,
  weights: Float32Array,
): Postings[] {
  const sizes = new Int32Array(termCount)
  for (let i = 0; i < ids.length; i++) sizes[ids[i]!]!++
  const postings: Postings[] = Array.from(sizes, (size) => ({
    units: new Int32Array(size),
    weights: new Float32Array(size),
  }))
  const filled = new Int32Array(termCount)
  for (let u = 0; u + 1 < offsets.length; u++) {
    for (let i = offsets[u]!; i < offsets[u + 1]!; i++) {
      const t = ids[i]!
      const at = filled[t]!++
      postings[t]!.units[at] = u
      postings[t]!.weights[at] = weights[i]!
    }
  }
  return postings
}

class FeatureListBuilder {
  private readonly lists = new Map<string, { units: number[]; weights: number[] }>()

  add(key: string, unit: number, weight: number): void {
    let list = this.lists.get(key)
    if (list === undefined) {
      list = { units: [], weights: [] }
      this.lists.set(key, list)
    }
    list.units.push(unit)
    list.weights.push(weight)
  }

  build(): Map<string, Postings> {
    const out = new Map<string, Postings>()
    for (const [key, list] of this.lists) {
      out.set(key, { units: Int32Array.from(list.units), weights: Float32Array.from(list.weights) })
    }
    return out
  }
}
