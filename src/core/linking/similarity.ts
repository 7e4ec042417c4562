/**
 * Lexical similarity: how much two passages share their wording, weighted by how rare each word
 * is in the corpus (TF-IDF cosine). Chosen over BM25 because its value is bounded (0..1) and reads
 * as a reason ("similar wording 0.62"), and because a suggestion explains itself by the rare
 * words both passages use.
 *
 * Words are folded (case, diacritics, British/American spelling) and lightly stemmed (plural,
 * -ed, -ing), so "shipped" meets "shipping" and "defence" meets "defense". Digits are left to
 * figures.ts, which compares values rather than strings.
 */

const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each even ever few ' +
    'for from further had has have having he her here hers herself him himself his how however i ' +
    'if in into is it its itself just last least less let like many may me might more most much ' +
    'must my myself no nor not now of off on once one only or other others our ours ourselves out ' +
    'over own per same she should since so some still such than that the their theirs them ' +
    'themselves then there these they this those through thus to too under until up upon us very ' +
    'was we were what when where whether which while who whom whose why will with within without ' +
    'would yet you your yours yourself ' +
    // Reporting verbs and fillers every news sentence has: they say nothing about the claim.
    'said says say saying told tells according added adding reported reportedly also told ' +
    'mr mrs ms dr'
  ).split(' '),
)

/** British spellings folded to one form, so outlets from both sides of the Atlantic meet. */
const SPELLING_FOLDS: Record<string, string> = {
  defence: 'defense',
  defences: 'defenses',
  centre: 'center',
  centres: 'centers',
  metre: 'meter',
  metres: 'meters',
  millimetre: 'millimeter',
  millimetres: 'millimeters',
  kilometre: 'kilometer',
  kilometres: 'kilometers',
  programme: 'program',
  programmes: 'programs',
  harbour: 'harbor',
  labour: 'labor',
  neighbour: 'neighbor',
  neighbours: 'neighbors',
  calibre: 'caliber',
  calibres: 'calibers',
  grey: 'gray',
  practise: 'practice',
  travelled: 'traveled',
  travelling: 'traveling',
  cancelled: 'canceled',
  armour: 'armor',
  armoured: 'armored',
}

const WORD = /[\p{L}][\p{L}\p{M}'’]*/gu

/**
 * Word -> term ('' for a stopword), remembered: a corpus has a few tens of thousands of distinct
 * words, so folding and stemming each once makes tokenising several times faster. Cleared when
 * it grows past a bound so an unusual corpus cannot hold memory forever.
 */
const termOfWord = new Map<string, string>()
const MAX_REMEMBERED_WORDS = 200_000

function termOf(word: string): string {
  let term = termOfWord.get(word)
  if (term === undefined) {
    const folded = foldWord(word)
    term = folded.length < 2 || STOPWORDS.has(folded) ? '' : stem(folded)
    if (termOfWord.size >= MAX_REMEMBERED_WORDS) termOfWord.clear()
    termOfWord.set(word, term)
  }
  return term
}

/** Lower case, no diacritics, British -ise/-our folded: the spelling a term is keyed by. */
function foldWord(word: string): string {
  const lower = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '')
  const folded = SPELLING_FOLDS[lower] ?? lower
  // -ise/-ised/-ising/-isation -> -ize...: organise/organize, mobilised/mobilized.
  return folded.length > 5 ? folded.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1') : folded
}

/**
 * A light stemmer: enough to meet inflections (ships/shipped/shipping -> ship, supplies/supplied
 * -> suppli, estimates/estimated -> estimat) without Porter's surprises on names and jargon.
 */
export function stem(word: string): string {
  let w = word
  if (w.length <= 3) return w
  if (w.endsWith('ies') || w.endsWith('ied')) w = w.slice(0, -3) + 'i'
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (/(?:sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2)
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1)
  if (w.length >= 6 && w.endsWith('ing')) w = undouble(w.slice(0, -3))
  else if (w.length >= 5 && w.endsWith('ed')) w = undouble(w.slice(0, -2))
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1)
  if (w.length > 3 && w.endsWith('y')) w = w.slice(0, -1) + 'i'
  return w
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w
}

/** The content terms of a passage, in order, repeats kept (term frequency counts them). */
export function contentTerms(text: string): string[] {
  return contentTermSpans(text).map((span) => span.term)
}

export interface TermSpan {
  term: string
  /** Offset of the word in the text, so a document is tokenised once for all its passages. */
  start: number
}

export function contentTermSpans(text: string): TermSpan[] {
  const spans: TermSpan[] = []
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0])
    if (term !== '') spans.push({ term, start: match.index })
  }
  return spans
}

/** Smoothed inverse document frequency: rare terms weigh more, a term in every unit still > 0. */
export function inverseDocumentFrequency(unitCount: number, documentFrequency: number): number {
  return Math.log(1 + unitCount / Math.max(1, documentFrequency))
}

/** Sub-linear term frequency: a word said three times is not three times the evidence. */
export function termFrequencyWeight(count: number): number {
  return 1 + Math.log(count)
}

/** A sparse TF-IDF vector, L2-normalised (cosine is then a plain dot product). */
export type TermVector = Map<string, number>

export function termVector(terms: readonly string[], idf: (term: string) => number): TermVector {
  const counts = new Map<string, number>()
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
  const vector: TermVector = new Map()
  let squares = 0
  for (const [term, count] of counts) {
    const weight = termFrequencyWeight(count) * idf(term)
    vector.set(term, weight)
    squares += weight * weight
  }
  const norm = Math.sqrt(squares)
  if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm)
  return vector
}

/** Cosine similarity of two normalised vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [term, weight] of small) {
    const other = large.get(term)
    if (other !== undefined) dot += weight * other
  }
  return dot
}

/** The shared terms that contribute most to the cosine, for a reason ("shared words: rail, bridge"). */
export function topSharedTerms(a: TermVector, b: TermVector, count = 4): string[] {
  const shared: [string, number][] = []
  for (const [term, weight] of a) {
    const other = b.get(term)
    if (other !== undefined) shared.push([term, weight * other])
  }
  return shared
    .sort((x, y) => y[1] - x[1])
    .slice(0, count)
    .map(([term]) => term)
}

/** Each term of a passage with the word it was first written as, to show in reasons. */
export function termSurfaces(text: string): Map<string, string> {
  const surfaces = new Map<string, string>()
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0])
    if (term === '') continue
    if (!surfaces.has(term)) surfaces.set(term, match[0].replace(/['’]s$/, '').toLowerCase())
  }
  return surfaces
}
