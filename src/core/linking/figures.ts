/**
 * The figures a passage states, as comparable values. In news claims the numbers carry the
 * claim: "13K", "13,000" and "more than 13 thousand" are one figure written three ways, while
 * "6,700 containers" and "13,000 containers" are two different claims about one quantity (an
 * update, or a contradiction). core/anchoring compares digit runs only; linking needs values.
 *
 * What is read (English news usage):
 *   counts     13,000 / 13K / 13 thousand / 13,000-plus / 3.5 million / 6m / three million
 *   qualifiers more than, over, past, about, roughly, some, nearly, almost, at least, fewer than
 *              are kept beside the value, not folded into it: "more than 13 thousand" is 13,000
 *   ranges     between 30 and 40, 30 to 40, 30-40
 *   calibres   152 mm / 152mm / 152-millimetre; 6-inch -> 152 mm (snapped to a known calibre)
 *   percent    50%, 50 per cent, half, a third, two thirds, a quarter
 *   multiples  twice, double(d), three times, threefold
 *   money      $3bn, US$2 million, EUR/GBP signs, 3,900 won, 5 million dollars
 *   distance   50 km, 50 kilometres, 30 miles (-> km)
 *   dates      2026-08-12, 12 August 2026, August 12, 2026, August 2026, mid-2022, the middle of
 *              2022, late 2022, in 2024, and days and bare month names without a year ("Aug. 27",
 *              "27 August", "in February") when the caller gives a reference date (the
 *              article's publication date). Without one, a day next to a month name is still no
 *              count: the 27 of a dateline "SEOUL, Aug. 27 (Yonhap)" is no figure at all.
 */

export type FigureUnit = 'count' | 'mm' | 'percent' | 'multiple' | 'money' | 'km' | 'date'

export type FigureQualifier = 'more-than' | 'at-least' | 'about' | 'nearly' | 'less-than' | 'up-to'

export type DatePrecision = 'year' | 'part-year' | 'month' | 'day'

export interface Figure {
  /** The value; for dates, the start of the period in ms since the epoch (UTC). */
  value: number
  /** The top of a range ("30 to 40"); for dates, the end of the period (exclusive, ms). */
  upper?: number
  unit: FigureUnit
  qualifier?: FigureQualifier
  /** For counts: the counted thing, singular and lower case ("container", "round"). */
  noun?: string
  /** For money: ISO-like code ("USD", "EUR", "KRW"...). */
  currency?: string
  /** For dates: how precisely the text names the period. */
  precision?: DatePrecision
  /** Set when the value was converted from another unit (inches, miles). */
  convertedFrom?: 'inch' | 'mile'
  /** The text of the figure, qualifier included, and its range in the input. */
  text: string
  start: number
  end: number
}

export interface FigureOptions {
  /**
   * ISO date the text was written (the article's publication date). Bare month names ("in
   * February") are read as the latest such month on or before it; without it they are skipped.
   */
  referenceDate?: string
}

/** Artillery and mortar calibres in mm that inch figures snap to (6-inch -> 152, 4.8-inch -> 122). */
export const KNOWN_CALIBRES_MM = [
  57, 60, 73, 76, 81, 82, 85, 100, 105, 107, 120, 122, 125, 130, 152, 155, 170, 175, 203, 220, 227,
  240, 300,
] as const

/** How far (mm) a converted inch figure may be from a known calibre and still snap to it. */
const CALIBRE_SNAP_TOLERANCE_MM = 2

const MM_PER_INCH = 25.4
const KM_PER_MILE = 1.609344

/** Relative difference under which two values count as the same figure (rounding, conversion). */
export const SAME_VALUE_TOLERANCE = 0.005

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
}

const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
}

const CURRENCY_SIGNS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₩': 'KRW',
  '₽': 'RUB',
}

const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  euro: 'EUR',
  pound: 'GBP',
  won: 'KRW',
  rouble: 'RUB',
  ruble: 'RUB',
  yuan: 'CNY',
  yen: 'JPY',
}

const FRACTIONS: Record<string, number> = {
  half: 50,
  third: 100 / 3,
  'two thirds': 200 / 3,
  quarter: 25,
  'three quarters': 75,
}

/** Qualifiers as they appear just before a figure, longest first so "well over" beats "over". */
const QUALIFIER_PHRASES: [string, FigureQualifier][] = [
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['in excess of', 'more-than'],
  ['upwards of', 'more-than'],
  ['well above', 'more-than'],
  ['well over', 'more-than'],
  ['more than', 'more-than'],
  ['greater than', 'more-than'],
  ['at least', 'at-least'],
  ['fewer than', 'less-than'],
  ['less than', 'less-than'],
  ['just under', 'nearly'],
  ['close to', 'nearly'],
  ['closer to', 'nearly'],
  ['an estimated', 'about'],
  ['approximately', 'about'],
  ['up to', 'up-to'],
  ['roughly', 'about'],
  ['around', 'about'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['above', 'more-than'],
  ['about', 'about'],
  ['some', 'about'],
  ['over', 'more-than'],
  ['past', 'more-than'],
  ['under', 'less-than'],
  ['below', 'less-than'],
  ['circa', 'about'],
  ['c.', 'about'],
  ['~', 'about'],
]

const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(${QUALIFIER_PHRASES.map(([p]) => escapeRegExp(p)).join('|')})\\s*$`,
  'iu',
)
const QUALIFIER_BY_PHRASE = new Map(QUALIFIER_PHRASES)
/** The last word of each qualifier phrase: a figure not preceded by one has no qualifier. */
const QUALIFIER_LAST_WORDS = new Set(QUALIFIER_PHRASES.map(([phrase]) => phrase.split(' ').at(-1)!))

/** The characters of RegExp's \\s, by code. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * A cheap necessary condition for QUALIFIER_BEFORE: the word just before `at` is the last word of
 * a qualifier phrase. Most figures have none, and the full pattern is tried only when it might.
 * Words with non-ASCII letters go to the pattern (its case folding is Unicode's, not ours).
 */
function mayEndWithQualifier(text: string, at: number): boolean {
  let end = at
  const from = Math.max(0, at - 20)
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--
  let begin = end
  while (begin > from && !isSpace(text.charCodeAt(begin - 1))) begin--
  const word = text.slice(begin, end)
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return true
  // The phrase may be glued to what precedes it ("(about"), so try each suffix of the word.
  const lower = word.toLowerCase()
  for (let i = 0; i < lower.length; i++) if (QUALIFIER_LAST_WORDS.has(lower.slice(i))) return true
  return false
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const WORD_NUMBER_NAMES = Object.keys(WORD_NUMBERS).join('|')
/** A number as written: 13,000 / 3.5 / 6 / three / twenty-five. */
const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?|(?:${WORD_NUMBER_NAMES})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)`
/** A scale word after a number: "13 thousand", "6 million", or an abbreviation glued to it: "13K". */
const SCALE = `(?:[\\s-]*(?:hundred|thousand|million|billion|trillion)\\b|(?:k|K|m|mn|mln|bn|b|tn)\\b)`
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}.,])'
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .map((m) => m[0]!.toUpperCase() + m.slice(1))
  .join('|')
const FULL_MONTH_NAMES = Object.keys(MONTHS)
  .filter((m) => m.length > 4 || m === 'may' || m === 'june' || m === 'july')
  .map((m) => m[0]!.toUpperCase() + m.slice(1))
  .join('|')

/**
 * One pass per kind of figure, most specific first: dates before bare numbers ("2026-08-12" is
 * not three counts), calibres and money before counts ("152 mm" is not a count of 152). A span
 * taken by an earlier pass is not read again.
 */
interface Pass {
  /** What the text must contain for the pass to find anything: skips most passes cheaply. */
  needs: 'digit' | 'month' | 'words'
  /**
   * A cheap test the text must pass for the pattern to match anywhere in it (a literal the
   * pattern cannot match without): most blocks name no calibre, currency or distance, and a
   * literal test is far cheaper than a scan with the full pattern.
   */
  hint?: RegExp
  /**
   * Where a match can start, when the pattern opens with a number: the number-like tokens are
   * found in one scan shared by all such passes, and the pattern is tried only at each of them
   * (sticky), instead of at every character of the block.
   */
  starts?: RegExp
  pattern: RegExp
  /**
   * The figure; null when the match is none of this pass's (the span stays free for the next
   * passes); NOT_A_FIGURE when it is, yet gives no figure (the span is taken all the same).
   */
  read: (
    match: RegExpExecArray,
    text: string,
    options: FigureOptions,
  ) => FigureDraft | typeof NOT_A_FIGURE | null
}

/**
 * What a pass reads for a span that is no figure, yet must not be read as one by a later pass: a
 * day of a month that no reference date places in a year ("Aug. 27" is not a count of 27).
 */
const NOT_A_FIGURE = 'not-a-figure'

/** A day number after its month ("Aug. 27", "August 27th"), not the start of a longer number. */
const DAY_AFTER_MONTH = `(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}]|[,.]\\d)`

/**
 * Every place a number (digits or a word number) starts, as the passes' NOT_AFTER_WORD sees
 * it: a superset of where those passes can match, so trying them only there finds the same.
 */
const NUMBER_STARTS = new RegExp(`${NOT_AFTER_WORD}(?:\\d|${WORD_NUMBER_NAMES})`, 'giu')
/** Number starts, and "between" (the range pass also matches "between 30 and 40"). */
const RANGE_STARTS = new RegExp(
  `\\bbetween\\s|${NOT_AFTER_WORD}(?:\\d|${WORD_NUMBER_NAMES})`,
  'giu',
)
const MONTH_HINT = new RegExp(`\\b(?:${MONTH_NAMES})`)

type FigureDraft = Omit<Figure, 'text' | 'start' | 'end' | 'qualifier'> & {
  /** Qualifier read inside the match ("-plus"); the words before it are looked at afterwards. */
  qualifier?: FigureQualifier
  /** False for dates: "about" before "2024" is not a qualifier of the year. */
  qualifiable?: boolean
}

const PASSES: Pass[] = [
  {
    // 2026-08-12
    needs: 'digit',
    hint: /\d{4}-\d/,
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => dayFigure(+m[1]!, +m[2]!, +m[3]!),
  },
  {
    // 12 August 2026, Wed 12 Aug. 2026
    needs: 'digit',
    hint: MONTH_HINT,
    pattern: new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => dayFigure(+m[3]!, monthNumber(m[2]!), +m[1]!),
  },
  {
    // August 12, 2026
    needs: 'digit',
    hint: MONTH_HINT,
    pattern: new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => dayFigure(+m[3]!, monthNumber(m[1]!), +m[2]!),
  },
  {
    // August 2026
    needs: 'digit',
    hint: MONTH_HINT,
    pattern: new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => {
      const month = monthNumber(m[1]!)
      return periodFigure(+m[2]!, month, month, 'month')
    },
  },
  {
    // Aug. 27, August 27th: a day whose year the reference date gives (a dateline's day)
    needs: 'digit',
    hint: MONTH_HINT,
    pattern: new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+${DAY_AFTER_MONTH}`, 'gu'),
    read: (m, _text, options) => dayWithoutYear(monthNumber(m[1]!), +m[2]!, options),
  },
  {
    // 27 August, 27th Aug.: the same, written day first
    needs: 'digit',
    hint: MONTH_HINT,
    pattern: new RegExp(
      `${NOT_AFTER_WORD}(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\b\\.?`,
      'gu',
    ),
    read: (m, _text, options) => dayWithoutYear(monthNumber(m[2]!), +m[1]!, options),
  },
  {
    // mid-2022, late 2022, early-2023
    needs: 'digit',
    hint: /mid|early|late/i,
    pattern: /\b(mid|early|late)[\s-](\d{4})\b/gi,
    read: (m) => partOfYear(m[1]!.toLowerCase(), +m[2]!),
  },
  {
    // the middle of 2022, the end of 2022
    needs: 'digit',
    hint: /of\s+\d{4}/i,
    pattern: /\b(?:the\s+)?(middle|beginning|start|end|first half|second half)\s+of\s+(\d{4})\b/gi,
    read: (m) => partOfYear(m[1]!.toLowerCase(), +m[2]!),
  },
  {
    // A bare month: needs the article's date to know which year. Capitalised only ("may" is a verb).
    needs: 'month',
    pattern: new RegExp(`\\b(${FULL_MONTH_NAMES})\\b(?!\\s+\\d)`, 'g'),
    read: (m, _text, options) => bareMonth(monthNumber(m[1]!), options),
  },
  {
    // A year on its own ("in 2024"), unless a counted noun follows ("2000 containers").
    needs: 'digit',
    hint: /(?:19|20)\d\d/,
    pattern: /(?<![\p{L}\p{N}.,$€£])(19\d\d|20\d\d)(?![\p{N}]|[,.]\d)/gu,
    read: (m, text) => {
      const after = text.slice(m.index + m[0].length)
      if (/^\s*(?:mm|millimet|inch|km|kilomet|%|per\s?cent)/i.test(after)) return null
      if (countedNounAfter(after) !== undefined) return null
      return periodFigure(+m[1]!, 1, 12, 'year')
    },
  },
  {
    // 152 mm, 152mm, 152-millimetre
    needs: 'words',
    hint: /mm|millimet/i,
    starts: NUMBER_STARTS,
    pattern: new RegExp(
      `${NOT_AFTER_WORD}(${NUMBER})\\s*-?\\s*(?:mm|millimet(?:re|er)s?)(?![\\p{L}])`,
      'giu',
    ),
    read: (m) => ({ unit: 'mm', value: parseNumber(m[1]!) }),
  },
  {
    // 6-inch, 4.8 inch, 8 inches
    needs: 'words',
    hint: /inch/i,
    starts: NUMBER_STARTS,
    pattern: new RegExp(`${NOT_AFTER_WORD}(${NUMBER})\\s*-?\\s*inch(?:es)?\\b`, 'giu'),
    read: (m) => ({
      unit: 'mm',
      value: snapToCalibre(parseNumber(m[1]!) * MM_PER_INCH),
      convertedFrom: 'inch',
    }),
  },
  {
    // $3bn, US$ 2 million, €5m
    needs: 'words',
    hint: /[$€£¥₩₽]/,
    pattern: new RegExp(`(US\\$|\\$|€|£|¥|₩|₽)\\s?(${NUMBER})(${SCALE})?`, 'giu'),
    read: (m) => ({
      unit: 'money',
      value: parseNumber(m[2]!) * scaleOf(m[3]),
      currency: CURRENCY_SIGNS[m[1]!.toLowerCase()]!,
    }),
  },
  {
    // 3,900 won, 5 million dollars
    needs: 'words',
    hint: /dollar|euro|pound|won|rouble|ruble|yuan|yen/i,
    starts: NUMBER_STARTS,
    pattern: new RegExp(
      `${NOT_AFTER_WORD}(${NUMBER})(${SCALE})?\\s+(dollar|euro|pound|won|rouble|ruble|yuan|yen)s?\\b`,
      'giu',
    ),
    read: (m) => ({
      unit: 'money',
      value: parseNumber(m[1]!) * scaleOf(m[2]),
      currency: CURRENCY_WORDS[m[3]!.toLowerCase()]!,
    }),
  },
  {
    // 50 km, 50 kilometres, 30 miles
    needs: 'words',
    hint: /km|kilomet|mile/i,
    starts: NUMBER_STARTS,
    pattern: new RegExp(
      `${NOT_AFTER_WORD}(${NUMBER})\\s*-?\\s*(km|kilomet(?:re|er)s?|miles?)(?![\\p{L}])`,
      'giu',
    ),
    read: (m) => {
      const miles = /^mile/i.test(m[2]!)
      const value = parseNumber(m[1]!) * (miles ? KM_PER_MILE : 1)
      return miles ? { unit: 'km', value, convertedFrom: 'mile' } : { unit: 'km', value }
    },
  },
  {
    // 50%, 50 per cent, 50 percent
    needs: 'words',
    hint: /%|per\s?cent/i,
    starts: NUMBER_STARTS,
    pattern: new RegExp(`${NOT_AFTER_WORD}(${NUMBER})\\s*(?:%|per\\s?cent\\b)`, 'giu'),
    read: (m) => ({ unit: 'percent', value: parseNumber(m[1]!) }),
  },
  {
    // half, a third, two thirds, a quarter (not "the second half of 2022", taken as a date)
    needs: 'words',
    hint: /half|third|quarter/i,
    pattern:
      /\b(?:(?:a|one)\s+)?(half|third|quarter|two thirds|three quarters)\b(?![\s-]+(?:of\s+)?(?:19|20)\d\d)/gi,
    read: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 12), m.index)
      const word = m[1]!.toLowerCase()
      // "third" and "quarter" alone are ordinals or calendar quarters unless "a"/"one" precedes.
      if (word !== 'half' && !/^(?:a|one|two|three)\s/i.test(m[0])) return null
      if (/\b(?:first|second|other)\s+$/i.test(before)) return null
      return { unit: 'percent', value: FRACTIONS[word]! }
    },
  },
  {
    // twice, double(d), tripled, three times, threefold
    needs: 'words',
    hint: /twice|doubl|tripl|times|fold/i,
    pattern: new RegExp(
      `\\b(?:(twice)|(doubl(?:e[sd]?|ing))|(tripl(?:e[sd]?|ing))|(${NUMBER})\\s*(?:times\\b(?!\\s+(?:a|per|each|every)\\b)|-?fold\\b))`,
      'giu',
    ),
    read: (m) => {
      if (m[1] || m[2]) return { unit: 'multiple', value: 2 }
      if (m[3]) return { unit: 'multiple', value: 3 }
      return { unit: 'multiple', value: parseNumber(m[4]!) }
    },
  },
  {
    // between 30 and 40; 30 to 40; 30-40 (a count with an upper bound)
    needs: 'words',
    hint: /between|[-–]|to/i,
    starts: RANGE_STARTS,
    pattern: new RegExp(
      `(?:\\bbetween\\s+)(${NUMBER})(${SCALE})?\\s+and\\s+(${NUMBER})(${SCALE})?(?![\\p{L}\\p{N}])|${NOT_AFTER_WORD}(${NUMBER})(${SCALE})?\\s*(?:-|–|\\bto\\b)\\s*(${NUMBER})(${SCALE})?(?![\\p{L}\\p{N}])`,
      'giu',
    ),
    read: (m, text) => {
      // "from 6,700 to 13,000" is a change between two figures, not a range.
      if (!m[1] && /\bfrom\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) return null
      const [low, lowScale, high, highScale] = m[1] ? m.slice(1, 5) : m.slice(5, 9)
      const upperScale = scaleOf(highScale)
      // "3 to 4 million": the scale written once applies to both ends.
      const lower = parseNumber(low!) * (lowScale ? scaleOf(lowScale) : upperScale)
      const upper = parseNumber(high!) * upperScale
      if (!(upper > lower)) return null
      return withNoun({ unit: 'count', value: lower, upper }, text, m.index, m.index + m[0].length)
    },
  },
  {
    // 13,000 / 13K / 13 thousand / 13,000-plus / 3.5 million / three million
    needs: 'words',
    starts: NUMBER_STARTS,
    pattern: new RegExp(`${NOT_AFTER_WORD}(${NUMBER})(${SCALE})?(-plus\\b|\\+)?`, 'giu'),
    read: (m, text) => {
      const draft: FigureDraft = { unit: 'count', value: parseNumber(m[1]!) * scaleOf(m[2]) }
      if (m[3]) draft.qualifier = 'more-than'
      return withNoun(draft, text, m.index, m.index + m[0].length)
    },
  },
]

const MONTH_NAME = new RegExp(`\\b(?:${FULL_MONTH_NAMES})\\b`)
/** Words that can make a figure without a digit: word numbers, fractions, multiples, signs. */
const WORD_TRIGGER = new RegExp(
  `\\b(?:${WORD_NUMBER_NAMES}|half|third|thirds|quarter|quarters|twice|doubl\\w*|tripl\\w*|\\w+fold)\\b|[$€£¥₩₽]`,
  'i',
)

/** Every figure in `text`, in text order. */
export function extractFigures(text: string, options: FigureOptions = {}): Figure[] {
  const taken: [number, number][] = []
  const figures: Figure[] = []
  const digit = /\d/.test(text)
  const has = {
    digit,
    month: MONTH_NAME.test(text),
    // Only asked when there is no digit: with one, the 'words' passes run anyway.
    words: !digit && WORD_TRIGGER.test(text),
  }
  if (!has.digit && !has.month && !has.words) return figures
  const hinted = new Map<RegExp, boolean>()
  const startLists = new Map<RegExp, number[]>()
  for (const pass of PASSES) {
    if (!has[pass.needs] && !(pass.needs === 'words' && has.digit)) continue
    if (pass.hint !== undefined) {
      let ok = hinted.get(pass.hint)
      if (ok === undefined) hinted.set(pass.hint, (ok = pass.hint.test(text)))
      if (!ok) continue
    }
    for (const m of passMatches(pass, text, startLists)) {
      const start = m.index
      const end = start + m[0].length
      if (taken.some(([s, e]) => start < e && s < end)) continue
      const draft = pass.read(m, text, options)
      if (draft === null) continue
      if (draft !== NOT_A_FIGURE && !Number.isFinite(draft.value)) continue
      taken.push([start, end])
      if (draft !== NOT_A_FIGURE) figures.push(finish(draft, text, start, end))
    }
  }
  return figures.sort((a, b) => a.start - b.start)
}

/**
 * The pattern's successive non-overlapping matches, as a global scan finds them. With `starts`,
 * the pattern is tried (sticky) only at the candidate starts, skipping those inside the previous
 * match as the global scan would: the same matches for a fraction of the work.
 */
function* passMatches(
  pass: Pass,
  text: string,
  startLists: Map<RegExp, number[]>,
): Generator<RegExpExecArray> {
  const { pattern, starts } = pass
  if (starts === undefined) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) pattern.lastIndex++
      else yield m
    }
    return
  }
  let candidates = startLists.get(starts)
  if (candidates === undefined) {
    candidates = []
    starts.lastIndex = 0
    for (let m = starts.exec(text); m !== null; m = starts.exec(text)) candidates.push(m.index)
    startLists.set(starts, candidates)
  }
  const sticky = stickyVersion(pattern)
  let scanned = 0
  for (const at of candidates) {
    if (at < scanned) continue
    sticky.lastIndex = at
    const m = sticky.exec(text)
    if (m === null || m[0].length === 0) continue
    scanned = at + m[0].length
    yield m
  }
}

const stickyPatterns = new Map<RegExp, RegExp>()

function stickyVersion(pattern: RegExp): RegExp {
  let sticky = stickyPatterns.get(pattern)
  if (sticky === undefined) {
    sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y')
    stickyPatterns.set(pattern, sticky)
  }
  return sticky
}

/** Adds the qualifier written before the figure ("more than", "about") and the span. */
function finish(draft: FigureDraft, text: string, start: number, end: number): Figure {
  // Copied field by field: object rest/spread is several times slower here, in the hottest loop.
  const figure: Figure = { value: draft.value, unit: draft.unit, text: '', start, end }
  if (draft.upper !== undefined) figure.upper = draft.upper
  if (draft.qualifier !== undefined) figure.qualifier = draft.qualifier
  if (draft.noun !== undefined) figure.noun = draft.noun
  if (draft.currency !== undefined) figure.currency = draft.currency
  if (draft.precision !== undefined) figure.precision = draft.precision
  if (draft.convertedFrom !== undefined) figure.convertedFrom = draft.convertedFrom
  if (draft.qualifiable !== false && mayEndWithQualifier(text, start)) {
    const before = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, start - 20), start))
    if (before) {
      const phrase = before[1]!
      figure.qualifier ??= QUALIFIER_BY_PHRASE.get(phrase.toLowerCase())
      figure.start = start - (before[0].length - before[0].indexOf(phrase))
    }
  }
  figure.text = text.slice(figure.start, figure.end)
  return figure
}

function parseNumber(written: string): number {
  const lower = written.toLowerCase()
  if (/^\d/.test(lower)) return Number(lower.replace(/,/g, ''))
  const [tens, units] = lower.split('-')
  return (WORD_NUMBERS[tens!] ?? NaN) + (units ? (WORD_NUMBERS[units] ?? NaN) : 0)
}

function scaleOf(written: string | undefined): number {
  if (!written) return 1
  const word = written.replace(/[\s-]/g, '')
  // "13K" and "13k" are thousands; "6M" and "6m" are millions, "B" and "bn" billions.
  return SCALES[word.toLowerCase()] ?? 1
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')]!
}

function snapToCalibre(mm: number): number {
  let best = mm
  let bestDistance = CALIBRE_SNAP_TOLERANCE_MM
  for (const calibre of KNOWN_CALIBRES_MM) {
    const distance = Math.abs(calibre - mm)
    if (distance <= bestDistance) {
      best = calibre
      bestDistance = distance
    }
  }
  return best === mm ? Math.round(mm * 10) / 10 : best
}

function dayFigure(year: number, month: number, day: number): FigureDraft | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const value = Date.UTC(year, month - 1, day)
  return { unit: 'date', value, upper: value + 86_400_000, precision: 'day', qualifiable: false }
}

/** The months `firstMonth`..`lastMonth` (1-based, inclusive) of `year`. */
function periodFigure(
  year: number,
  firstMonth: number,
  lastMonth: number,
  precision: DatePrecision,
): FigureDraft {
  return {
    unit: 'date',
    value: Date.UTC(year, firstMonth - 1, 1),
    upper: Date.UTC(year, lastMonth, 1),
    precision,
    qualifiable: false,
  }
}

/** "mid-2022" is read as April to September: wide enough that "July 2022" falls inside it. */
function partOfYear(part: string, year: number): FigureDraft {
  if (part === 'early' || part === 'beginning' || part === 'start')
    return periodFigure(year, 1, 4, 'part-year')
  if (part === 'late' || part === 'end') return periodFigure(year, 9, 12, 'part-year')
  if (part === 'first half') return periodFigure(year, 1, 6, 'part-year')
  if (part === 'second half') return periodFigure(year, 7, 12, 'part-year')
  return periodFigure(year, 4, 9, 'part-year')
}

function bareMonth(month: number, options: FigureOptions): FigureDraft | null {
  const reference = referenceDateOf(options)
  if (reference === undefined) return null
  const referenceMonth = reference.getUTCMonth() + 1
  const year = reference.getUTCFullYear() - (month > referenceMonth ? 1 : 0)
  return periodFigure(year, month, month, 'month')
}

/**
 * A day of a month without its year, as a bare month is read: the latest such day on or before
 * the reference date. Without a reference it is no figure, but no count either. A "day" past 31
 * is no day ("in May 40 soldiers died"): the other passes read it.
 */
function dayWithoutYear(
  month: number,
  day: number,
  options: FigureOptions,
): FigureDraft | typeof NOT_A_FIGURE | null {
  if (day < 1 || day > 31) return null
  const reference = referenceDateOf(options)
  if (reference === undefined) return NOT_A_FIGURE
  const year = reference.getUTCFullYear()
  const referenceDay = Date.UTC(year, reference.getUTCMonth(), reference.getUTCDate())
  return dayFigure(Date.UTC(year, month - 1, day) > referenceDay ? year - 1 : year, month, day)
}

/** The caller's reference date, when it gives a valid one. */
function referenceDateOf(options: FigureOptions): Date | undefined {
  const reference = options.referenceDate ? new Date(options.referenceDate) : undefined
  return reference === undefined || Number.isNaN(reference.getTime()) ? undefined : reference
}

const NOT_NOUNS = new Set([
  'a',
  'an',
  'and',
  'or',
  'the',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'than',
  'that',
  'this',
  'its',
  'his',
  'her',
  'their',
  'is',
  'was',
  'were',
  'are',
  'has',
  'had',
  'have',
  'as',
  'per',
  'more',
  'less',
  'times',
  'plus',
  'years',
  'ago',
  'also',
  'says',
  'said',
  'before',
  'after',
  'since',
  'during',
  'until',
  'into',
  'over',
  'under',
  'between',
  'against',
  'about',
  'each',
  'every',
  'later',
  'earlier',
])

/** Plurals without an -s: counted things all the same ("10,000 people"). */
const UNMARKED_PLURALS = new Set([
  'people',
  'personnel',
  'staff',
  'aircraft',
  'police',
  'children',
  'men',
  'women',
])

/**
 * The counted thing after a number: the first plural word among the next few ("6,700 shipping
 * containers" -> container, "3 million 152mm artillery shells" -> shell), else the next word
 * when `singularWord` allows it. A year followed by any word is no year ("2000 containers"), but
 * "the 13K estimate" or "the 6,700 figure" count no estimates or figures: a count takes a
 * singular word only when it is one ("one ship").
 */
function countedNounAfter(after: string, singularWord = true): string | undefined {
  const words = after
    .slice(0, 60)
    .match(/[\p{L}][\p{L}'’-]*|[\p{N}][\p{L}\p{N}.,]*|[^\s\p{L}\p{N}]/gu)
  if (!words) return undefined
  let first: string | undefined
  for (const word of words.slice(0, 4)) {
    if (/^[^\p{L}\p{N}-]$/u.test(word)) break
    if (/\p{N}/u.test(word) || word === '-') continue
    const lower = word.toLowerCase()
    if (NOT_NOUNS.has(lower) || /^\p{Lu}/u.test(word)) break
    if (isPlural(lower) || UNMARKED_PLURALS.has(lower)) return singular(lower)
    first ??= lower
  }
  return singularWord ? first : undefined
}

/** "the number of shipping containers ... at about 13,000": the counted thing named before. */
const COUNTED_BEFORE =
  /\b(?:number|count|total|tally|estimate)\s+of\s+(?:[\p{L}-]+\s+)?([\p{L}-]+s)\b/iu

function withNoun(draft: FigureDraft, text: string, start: number, end: number): FigureDraft {
  const noun =
    countedNounAfter(text.slice(end), draft.value === 1 && draft.upper === undefined) ??
    COUNTED_BEFORE.exec(text.slice(Math.max(0, start - 100), start))?.[1]?.toLowerCase()
  if (noun !== undefined) draft.noun = singular(noun)
  return draft
}

function isPlural(word: string): boolean {
  return word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)
}

/** Light singular: containers -> container, boxes -> box, batteries -> battery. */
export function singular(word: string): string {
  if (!isPlural(word)) return word
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y'
  if (/(?:xes|ches|shes|sses)$/.test(word)) return word.slice(0, -2)
  return word.slice(0, -1)
}

/** True when both figures state the same value in the same unit (dates: overlapping periods). */
export function sameFigure(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit) return false
  if (a.unit === 'money' && a.currency !== b.currency) return false
  if (a.unit === 'date') return a.value < b.upper! && b.value < a.upper! && closePrecision(a, b)
  if (a.upper !== undefined || b.upper !== undefined) {
    return closeValues(a.value, b.value) && closeValues(a.upper ?? a.value, b.upper ?? b.value)
  }
  return closeValues(a.value, b.value)
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, 'part-year': 1, month: 2, day: 3 }

/**
 * "mid-2022" is "July 2022" give or take, and "12 August" is "August"; but a bare "2026" is not
 * "January 2026": a year contains every month and would match every date of the story.
 */
function closePrecision(a: Figure, b: Figure): boolean {
  return Math.abs(PRECISION_RANK[a.precision ?? 'day'] - PRECISION_RANK[b.precision ?? 'day']) <= 1
}

function closeValues(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_VALUE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))
}

/** Units in which two different values about one thing say different things. */
const CONFLICTING_UNITS = new Set<FigureUnit>(['count', 'percent', 'money', 'multiple', 'km'])

/** Counts further apart than this are taken to be about different things, not a revision. */
const MAX_CONFLICT_RATIO = 4

/**
 * True when the figures look like two estimates of one quantity that disagree: the same unit,
 * the same counted thing, values of one magnitude yet not equal ("6,700 containers" vs
 * "13,000 containers", "nearly half" vs "a third"). Calibres and dates never conflict: a
 * passage naming 122 mm rockets does not deny 152 mm shells.
 */
export function conflictingFigures(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit || !CONFLICTING_UNITS.has(a.unit) || sameFigure(a, b)) return false
  if (a.unit === 'money' && a.currency !== b.currency) return false
  if (a.unit === 'count' && (a.noun === undefined || a.noun !== b.noun)) return false
  const [low, high] = a.value < b.value ? [a.value, b.value] : [b.value, a.value]
  if (low <= 0) return false
  // Ranges that overlap ("30 to 40" vs "more than 35") are not a disagreement.
  if (a.upper !== undefined && b.value >= a.value && b.value <= a.upper) return false
  if (b.upper !== undefined && a.value >= b.value && a.value <= b.upper) return false
  return high / low <= MAX_CONFLICT_RATIO
}

/**
 * Index keys under which a figure is found: equal figures share a key. Values are rounded to
 * three significant digits (tolerance of rounding); dates give one key per month they cover.
 */
export function figureKeys(figure: Figure): string[] {
  if (figure.unit === 'date') {
    const keys: string[] = []
    const start = new Date(figure.value)
    const end = figure.upper!
    for (
      let month = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
      month < end;
      month = nextMonth(month)
    ) {
      keys.push(`date:${new Date(month).toISOString().slice(0, 7)}`)
    }
    return keys
  }
  const prefix = figure.unit === 'money' ? `money:${figure.currency}` : figure.unit
  const keys = [`${prefix}:${roundSignificant(figure.value)}`]
  if (figure.upper !== undefined) keys.push(`${prefix}:${roundSignificant(figure.upper)}`)
  return keys
}

/** The key shared by all figures about one counted thing, whatever their value ("count~container"). */
export function quantityKey(figure: Figure): string | undefined {
  if (!CONFLICTING_UNITS.has(figure.unit)) return undefined
  if (figure.unit === 'count') return figure.noun === undefined ? undefined : `count~${figure.noun}`
  return figure.unit === 'money' ? `money~${figure.currency}` : `${figure.unit}~`
}

function nextMonth(ms: number): number {
  const date = new Date(ms)
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)
}

function roundSignificant(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(3))
}

/** The figure as a reason reads it: "13,000", "152 mm", "50%", "x2", "mid-2022". */
export function formatFigure(figure: Figure): string {
  const number = (value: number) =>
    value.toLocaleString('en-US', { maximumFractionDigits: figure.unit === 'percent' ? 0 : 2 })
  switch (figure.unit) {
    case 'mm':
      return `${number(figure.value)} mm`
    case 'percent':
      return `${number(figure.value)}%`
    case 'multiple':
      return `x${number(figure.value)}`
    case 'km':
      return `${number(figure.value)} km`
    case 'money':
      return `${figure.currency} ${number(figure.value)}`
    case 'date':
      return figure.text
    default:
      return figure.upper === undefined
        ? number(figure.value)
        : `${number(figure.value)}-${number(figure.upper)}`
  }
}
