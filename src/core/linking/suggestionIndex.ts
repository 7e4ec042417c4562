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
  const lowerCaseWords = collectLowerCaseWords(documents)
  const isCommonWord = (word: string) => lowerCaseWords.has(word)
  const readings = documents.map((document) =>
    readDocument(document, aliases, isCommonWord, document.metadata.published),
  )

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
  documents.forEach((document, d) => {
    for (const sentence of segmentSentences(document)) {
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
  for (let u = 0; u < unitCount; u++) {
    const counts = new Map<number, number>()
    for (const span of spansIn(readings[unitDocuments[u]!]!.terms, starts[u]!, ends[u]!)) {
      let id = termIdOf.get(span.term)
      if (id === undefined) {
        id = termNames.length
        termIdOf.set(span.term, id)
        termNames.push(span.term)
        documentFrequency.push(0)
      }
      counts.set(id, (counts.get(id) ?? 0) + 1)
    }
    for (const [id, count] of counts) {
      rawIds.push(id)
      rawCounts.push(count)
      documentFrequency[id]!++
    }
    termOffsets[u + 1] = rawIds.length
  }
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
    const reading = readings[unitDocuments[u]!]!
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
  const figures: Figure[] = []
  const names: NameMention[] = []
  // Block by block: a figure's noun or a name never runs across a heading into a paragraph.
  for (const block of document.blocks) {
    const text = document.text.slice(block.start, block.end)
    const figureOptions = referenceDate === undefined ? {} : { referenceDate }
    for (const figure of extractFigures(text, figureOptions)) {
      figures.push({ ...figure, start: figure.start + block.start, end: figure.end + block.start })
    }
    for (const name of extractNames(text, { aliases, isCommonWord })) {
      names.push({ ...name, start: name.start + block.start, end: name.end + block.start })
    }
  }
  return { terms: contentTermSpans(document.text), figures, names }
}

function collectLowerCaseWords(documents: readonly LinkableDocument[]): Set<string> {
  const words = new Set<string>()
  for (const document of documents) {
    for (const match of document.text.matchAll(/(?<![\p{L}\p{M}'’-])\p{Ll}[\p{L}\p{M}]*/gu)) {
      words.add(match[0])
    }
  }
  return words
}

export function parseTime(date: string | undefined): number | undefined {
  if (date === undefined) return undefined
  const time = Date.parse(date)
  return Number.isNaN(time) ? undefined : time
}

/** The spans whose start lies in [start, end), from a list sorted by start. */
function spansIn(spans: readonly TermSpan[], start: number, end: number): TermSpan[] {
  let low = 0
  let high = spans.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (spans[middle]!.start < start) low = middle + 1
    else high = middle
  }
  const out: TermSpan[] = []
  for (let i = low; i < spans.length && spans[i]!.start < end; i++) out.push(spans[i]!)
  return out
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
