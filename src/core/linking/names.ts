/**
 * Names in a passage, and whether two passages name the same entities. Outlets transliterate
 * (Shoigu / Shoygu), abbreviate (DIA), misspell (Tumangan) and attribute to capitals (Pyongyang
 * for North Korea); a shared name is strong evidence that two sentences are about one thing.
 *
 * Names are capitalised phrases ("Defense Intelligence Agency", "Kim Jong-un"), resolved through
 * the alias table to one key per entity. What is not in the table keys by its folded spelling.
 */
import { DEFAULT_ALIASES, type AliasEntry } from './aliases'
import { TITLE_ABBREVIATIONS } from './sentences'

export interface NameMention {
  /** The words as written ("Shoygu", "Defense Intelligence Agency"). */
  text: string
  /** The entity's key: the folded canonical name from the alias table, else the folded text. */
  key: string
  /** Keys of entities this name stands in for ("pyongyang" -> ["north korea"]). */
  standsFor: string[]
  start: number
  end: number
}

export interface AliasTable {
  /** The entity key for a folded spelling, if the table knows it. */
  keyOf(folded: string): string | undefined
  /** What the entity with this key stands in for. */
  standsFor(key: string): string[]
  /** The display name of an entity key ("dia" is shown as "Defense Intelligence Agency"). */
  displayName(key: string): string | undefined
  /** The longest number of words of any spelling, to bound phrase lookups. */
  readonly longestSpelling: number
}

/**
 * The generic transliteration fold: case, diacritics, apostrophes, a possessive "'s", dots,
 * hyphens as spaces, and y -> i (Shoygu/Shoigu, Sergey/Sergei). Lossy on purpose: it is a key,
 * never shown.
 */
export function foldName(name: string): string {
  let folded = foldedNames.get(name)
  if (folded === undefined) {
    folded = foldNameUncached(name)
    if (foldedNames.size >= 100_000) foldedNames.clear()
    foldedNames.set(name, folded)
  }
  return folded
}

/** Names recur across a corpus: each spelling is folded once. */
const foldedNames = new Map<string, string>()

function foldNameUncached(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s$/g, '')
    .replace(/\./g, '')
    .replace(/[-‐–—/]/g, ' ')
    .replace(/y/g, 'i')
    .replace(/\s+/g, ' ')
    .trim()
}

export function createAliasTable(entries: readonly AliasEntry[] = DEFAULT_ALIASES): AliasTable {
  const keyBySpelling = new Map<string, string>()
  const standsForByKey = new Map<string, string[]>()
  const displayByKey = new Map<string, string>()
  let longestSpelling = 1
  for (const entry of entries) {
    const key = foldName(entry.name)
    displayByKey.set(key, entry.name)
    for (const spelling of [entry.name, ...(entry.variants ?? [])]) {
      const folded = foldName(spelling)
      keyBySpelling.set(folded, key)
      longestSpelling = Math.max(longestSpelling, folded.split(' ').length)
    }
    if (entry.standsFor?.length) {
      const existing = standsForByKey.get(key) ?? []
      standsForByKey.set(key, [...existing, ...entry.standsFor.map(foldName)])
    }
  }
  return {
    keyOf: (folded) => keyBySpelling.get(folded),
    standsFor: (key) => standsForByKey.get(key) ?? [],
    displayName: (key) => displayByKey.get(key),
    longestSpelling,
  }
}

const DEFAULT_TABLE = createAliasTable()

/**
 * Capitalised words that are not names when they open a sentence, and words that never are
 * names (months and weekdays are dates: core/linking/figures reads them).
 */
const NOT_NAMES = new Set(
  (
    'a an the this that these those there their they them it its he she his her we our you your ' +
    'i in on at to of for from by with as and or but if when while where which who what why how ' +
    'after before since during until about above over under between according also all any both ' +
    'each every few many more most much some such no not nor only other own same so than too very ' +
    'can could may might must shall should will would is was were are be been being has have had ' +
    'do does did one two three four five six seven eight nine ten here now then yet still even ' +
    'last next first second new however meanwhile instead although though because despite ' +
    'read related editor home support by mr mrs ms dr ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun'
  ).split(' '),
)

/** Lower-case words that may join capitalised words inside one name ("Centre for Arms Control"). */
const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'la', 'le', 'al', 'bin', 'von', 'van', 'and'])

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*/gu

export interface NameOptions {
  aliases?: AliasTable
  /**
   * True for words that are ordinary words, not names, when capitalised at a sentence start.
   * The suggestion index passes "appears in lower case somewhere in the corpus".
   */
  isCommonWord?: (lowerCaseWord: string) => boolean
}

interface Word {
  text: string
  start: number
  end: number
  capitalised: boolean
  /** Preceded by a sentence break (or the start of the text). */
  opensSentence: boolean
  /** An abbreviated title or rank ("Gen.", "Lt."): it stands before a name, it is none. */
  title: boolean
}

/** The names in `text`, in order. */
export function extractNames(text: string, options: NameOptions = {}): NameMention[] {
  const aliases = options.aliases ?? DEFAULT_TABLE
  const isCommon = options.isCommonWord ?? (() => false)
  const mentions: NameMention[] = []
  for (const phrase of capitalisedPhrases(text, isCommon)) {
    resolvePhrase(text, phrase, aliases, mentions)
  }
  return STATE_MEDIA_HINT.test(text) ? withStateMedia(text, mentions) : mentions
}

const STATE_MEDIA_HINT = /\bstate\b/i
/** "state media", "state-run television", "the state news agency": a government's voice. */
const STATE_MEDIA =
  /\bstate(?:[- ]run|[- ]controlled)?[ -](?:media|television|tv|news agency|broadcaster|press)\b/gi
/** What joins the country to its state media: "North Korea's state media", "Russian state TV". */
const COUNTRY_BEFORE = /^(?:['’]s)?\s+$/
/** "state media in Pyongyang", "the state television of Belarus". */
const COUNTRY_AFTER = /^\s+(?:in|of)\s+$/

/**
 * Attribution to a country's state media stands in for its government, like its capital does:
 * "North Korea's state media called the report a fabrication" and "Pyongyang called the report
 * a fabrication" report one denial. Only when the text says whose media they are (just before,
 * or "in"/"of" just after): a bare "state media" could be any country's.
 */
function withStateMedia(text: string, mentions: NameMention[]): NameMention[] {
  const found: NameMention[] = []
  for (const match of text.matchAll(STATE_MEDIA)) {
    const start = match.index
    const end = start + match[0].length
    const before = mentions.findLast(
      (name) => name.end <= start && COUNTRY_BEFORE.test(text.slice(name.end, start)),
    )
    const after = mentions.find(
      (name) => name.start >= end && COUNTRY_AFTER.test(text.slice(end, name.start)),
    )
    const country = before ?? after
    if (country === undefined || mentions.some((name) => name.start < end && start < name.end))
      continue
    const governments = country.standsFor.length > 0 ? country.standsFor : [country.key]
    found.push({
      text: match[0],
      key: `${governments[0]} ${foldName(match[0])}`,
      standsFor: governments,
      start,
      end,
    })
  }
  if (found.length === 0) return mentions
  return [...mentions, ...found].sort((a, b) => a.start - b.start)
}

function wordsOf(text: string): Word[] {
  const words: Word[] = []
  let previousEnd = 0
  for (const match of text.matchAll(WORD)) {
    // Trailing dots and hyphens belong to the sentence, not the word ("Rason." "U.S." stays).
    let raw = match[0]
    if (TRAILING_PUNCTUATION.has(raw[raw.length - 1]!) && !INITIALS.test(raw)) {
      raw = raw.replace(/[.'’-]+$/u, '')
    }
    const start = match.index
    const previous = words.at(-1)
    words.push({
      text: raw,
      start,
      end: start + raw.length,
      capitalised: raw[0] !== raw[0]!.toLowerCase(),
      // The stop of "Gen." ends no sentence: the name after it opens none.
      opensSentence:
        previous === undefined || (!previous.title && breaksSentence(text, previousEnd, start)),
      title: text[start + raw.length] === '.' && TITLES.has(raw.toLowerCase()),
    })
    previousEnd = start + raw.length
  }
  return words
}

const TRAILING_PUNCTUATION = new Set(['.', "'", '’', '-'])
/** Titles and ranks when abbreviated ("Sen." but not "Amartya Sen"). */
const TITLES = new Set(TITLE_ABBREVIATIONS.map((title) => title.toLowerCase()))
const INITIALS = /^(?:\p{L}\.)+$/u
const SENTENCE_BREAK_CHARACTERS = new Set('.!?:;"“”()[]|>\n')

/** True when the text between two words ends a sentence (a stop, a colon, a quote, a line). */
function breaksSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SENTENCE_BREAK_CHARACTERS.has(text[i]!)) return true
  return false
}

/** Runs of capitalised words (with connectors between them), minus sentence-opening common words. */
function capitalisedPhrases(text: string, isCommon: (word: string) => boolean): Word[][] {
  const words = wordsOf(text)
  const phrases: Word[][] = []
  let current: Word[] = []
  const close = () => {
    while (current.length > 0 && !current[current.length - 1]!.capitalised) current.pop()
    if (current.length > 0) phrases.push(current)
    current = []
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const lower = word.text.toLowerCase()
    const joined = current.length > 0 && singleSpaceBetween(text, current.at(-1)!, word)
    if (!joined || word.opensSentence) close()
    if (word.capitalised) {
      // A common word opening a sentence is not a name ("Satellite images showed"), unless a
      // capitalised word follows it ("North Korea has sent": "north" is also a common word).
      const next = words[i + 1]
      const startsPhrase =
        next !== undefined && next.capitalised && singleSpaceBetween(text, word, next)
      const common =
        word.title ||
        NOT_NAMES.has(lower) ||
        (word.opensSentence && !startsPhrase && isCommon(lower))
      if (common && current.length === 0) continue
      if (common) {
        close()
        continue
      }
      current.push(word)
      if (/['’]s$/u.test(word.text)) close()
    } else if (current.length > 0 && CONNECTORS.has(lower) && words[i + 1]?.capitalised) {
      current.push(word)
    } else {
      close()
    }
  }
  close()
  return phrases
}

function singleSpaceBetween(text: string, before: Word, after: Word): boolean {
  return (
    after.start - before.end === 1 && (text[before.end] === ' ' || text[before.end] === '\u00A0')
  )
}

/**
 * Splits a phrase into known entities (longest spelling first) and the unknown rest, so that
 * "US Defense Intelligence Agency" gives the agency and "Russian President Vladimir Putin"
 * gives Russia and Putin.
 */
function resolvePhrase(
  text: string,
  phrase: Word[],
  aliases: AliasTable,
  out: NameMention[],
): void {
  let restStart = 0
  const flushRest = (end: number) => {
    // "Vostochny and Dunai", "Washington and Seoul": two names, unless the table knows the pair.
    let part: Word[] = []
    for (const word of [...phrase.slice(restStart, end), undefined]) {
      if (word !== undefined && word.text.toLowerCase() !== 'and') {
        part.push(word)
        continue
      }
      while (part.length > 0 && !part.at(-1)!.capitalised) part.pop()
      while (part.length > 0 && !part[0]!.capitalised) part.shift()
      if (part.length > 0) out.push(mention(text, part, foldName(spanText(text, part)), aliases))
      part = []
    }
  }
  let i = 0
  while (i < phrase.length) {
    let matched = 0
    let key: string | undefined
    for (let n = Math.min(aliases.longestSpelling, phrase.length - i); n >= 1; n--) {
      key = aliases.keyOf(foldName(spanText(text, phrase.slice(i, i + n))))
      if (key !== undefined) {
        matched = n
        break
      }
    }
    if (matched === 0) {
      i++
      continue
    }
    flushRest(i)
    out.push(mention(text, phrase.slice(i, i + matched), key!, aliases))
    i += matched
    restStart = i
  }
  flushRest(phrase.length)
}

function spanText(text: string, words: Word[]): string {
  return text.slice(words[0]!.start, words.at(-1)!.end)
}

function mention(text: string, words: Word[], key: string, aliases: AliasTable): NameMention {
  const start = words[0]!.start
  const end = words.at(-1)!.end
  const written = text.slice(start, end).replace(/['’]s$/u, '')
  return {
    text: written,
    key,
    standsFor: aliases.standsFor(key),
    start,
    end: start + written.length,
  }
}

/** Folded names shorter than this are not fuzzy-matched: "Kim" and "Kin" are different people. */
export const MIN_FUZZY_NAME_LENGTH = 5
/** Two spellings at least this alike (1 - edits / longer length) are taken as one name. */
export const FUZZY_NAME_THRESHOLD = 0.85

/** 1 - edit distance / longer length over folded spellings: Tumangan vs Tumangang is 0.89. */
export function nameSimilarity(a: string, b: string): number {
  const foldedA = foldName(a)
  const foldedB = foldName(b)
  const longer = Math.max(foldedA.length, foldedB.length)
  if (longer === 0) return 0
  return 1 - editDistance(foldedA, foldedB) / longer
}

/** True when two entity keys are the same name, or spellings of it close enough to be a typo. */
export function fuzzyNameMatch(keyA: string, keyB: string): boolean {
  if (keyA === keyB) return true
  if (Math.min(keyA.length, keyB.length) < MIN_FUZZY_NAME_LENGTH) return false
  // Misspellings keep the first letter; a different one makes a different name (Russia, Prussia).
  if (keyA[0] !== keyB[0]) return false
  const longer = Math.max(keyA.length, keyB.length)
  const allowed = Math.floor(longer * (1 - FUZZY_NAME_THRESHOLD))
  if (Math.abs(keyA.length - keyB.length) > allowed) return false
  return editDistance(keyA, keyB, allowed) <= allowed
}

/** Levenshtein distance; stops early (returns limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  let current = new Array<number>(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMinimum = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      rowMinimum = Math.min(rowMinimum, current[j]!)
    }
    if (rowMinimum > limit) return limit + 1
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]!
}

/** The name as reasons show it: the table's display name, else the words as written. */
export function displayName(mention: NameMention, aliases: AliasTable = DEFAULT_TABLE): string {
  return aliases.displayName(mention.key) ?? mention.text
}

export { DEFAULT_TABLE as DEFAULT_ALIAS_TABLE }
