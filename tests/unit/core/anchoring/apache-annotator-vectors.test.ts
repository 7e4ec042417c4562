// Apache Annotator selector test cases (Apache-2.0, see PROVENANCE.md). They are written
// against a DOM: each HTML snippet is parsed with jsdom, its text content is the text we anchor
// in, and every expected DOM range (XPath + UTF-16 offset) becomes an offset in that text.
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import {
  createOffsetConverter,
  describeRange,
  findExactQuoteMatches,
  fromCodePointPosition,
  matchQuote,
  toCodePointPosition,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextRange,
} from '../../../../src/core/anchoring'
import { loadVectors } from './external-vectors'

interface RangeInfo {
  startContainerXPath: string
  startOffset: number
  endContainerXPath: string
  endOffset: number
}

interface MatchCase<S> {
  html: string
  selector: S
  expected: RangeInfo[]
}

interface DescribeCase {
  html: string
  range: RangeInfo
  options: Record<string, unknown>
  expected: Required<TextQuoteSelector>
}

interface ApacheVectors {
  _source: string
  'text-quote_match-cases': { testCases: Record<string, MatchCase<TextQuoteSelector>> }
  'text-quote_describe-cases': Record<string, Record<string, DescribeCase>>
  'text-position_match-cases': { testCases: Record<string, MatchCase<TextPositionSelector>> }
}

const vectors = loadVectors<ApacheVectors>('apache-annotator-selector-cases.json')

/** The parsed document's text (every text node, <head> included) and a DOM-to-offset map. */
function parse(html: string): {
  text: string
  offsetOf: (xpath: string, offset: number) => number
} {
  const { window } = new JSDOM(html)
  const { document } = window
  const walker = document.createTreeWalker(document, window.NodeFilter.SHOW_TEXT)
  const nodeStarts = new Map<Node, number>()
  let text = ''
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodeStarts.set(node, text.length)
    text += node.nodeValue ?? ''
  }
  const offsetOf = (xpath: string, offset: number) => {
    const found = document.evaluate(
      xpath,
      document,
      null,
      window.XPathResult.FIRST_ORDERED_NODE_TYPE,
      null,
    ).singleNodeValue
    const start = found ? nodeStarts.get(found) : undefined
    if (start === undefined) throw new Error(`${xpath} is not a text node of ${html}`)
    return start + offset
  }
  return { text, offsetOf }
}

function rangeOf(parsed: ReturnType<typeof parse>, info: RangeInfo): TextRange {
  return {
    start: parsed.offsetOf(info.startContainerXPath, info.startOffset),
    end: parsed.offsetOf(info.endContainerXPath, info.endOffset),
  }
}

const quoteMatchCases = Object.entries(vectors['text-quote_match-cases'].testCases)
const describeCases = Object.entries(vectors['text-quote_describe-cases']).flatMap(
  ([group, cases]) =>
    Object.entries(cases).map(([name, c]) => ({ name: `${group}: ${name}`, ...c })),
)
const positionCases = Object.entries(vectors['text-position_match-cases'].testCases)

describe('Apache Annotator selector cases', () => {
  it('has the sections and case counts this suite runs', () => {
    expect(Object.keys(vectors).sort()).toEqual([
      '_source',
      'text-position_match-cases',
      'text-quote_describe-cases',
      'text-quote_match-cases',
    ])
    expect(quoteMatchCases).toHaveLength(25)
    expect(describeCases).toHaveLength(22)
    expect(positionCases).toHaveLength(7)
  })

  describe('TextQuoteSelector match: findExactQuoteMatches gives every expected range', () => {
    it.each(quoteMatchCases)('%s', (_name, c) => {
      const parsed = parse(c.html)
      const expected = c.expected.map((info) => rangeOf(parsed, info))
      expect(findExactQuoteMatches(parsed.text, c.selector)).toEqual(expected)
    })
  })

  describe('TextQuoteSelector match: matchQuote picks one of the expected ranges', () => {
    // matchQuote is fuzzy and answers with its single best candidate, so it is held to the
    // cases that have at least one literal match and a non-empty quote (an empty quote is
    // not something it anchors). Where exactly one range is expected it must be that one.
    const fuzzyCases = quoteMatchCases.filter(([, c]) => c.expected.length > 0 && c.selector.exact)
    it('runs the 15 cases with a non-empty quote and a literal match', () => {
      expect(fuzzyCases).toHaveLength(15)
    })
    it.each(fuzzyCases)('%s', (_name, c) => {
      const parsed = parse(c.html)
      const expected = c.expected.map((info) => rangeOf(parsed, info))
      const { exact, prefix, suffix } = c.selector
      const match = matchQuote(parsed.text, exact, { prefix, suffix })!
      const found = { start: match.start, end: match.end }
      if (expected.length === 1) expect(found).toEqual(expected[0])
      else expect(expected).toContainEqual(found)
    })
  })

  describe('TextQuoteSelector describe', () => {
    // Apache's describe chooses the shortest context that makes a quote unique (and has
    // options for that); ours always takes up to 32 units each side, as Hypothesis does. So
    // for every case we check what must agree: the quote itself; both contexts being cut from
    // the same surrounding text (one prefix ends the other, one suffix begins the other);
    // Apache's selector naming exactly the range under strict matching; and our selector
    // finding the range again, strictly and with matchQuote.
    it.each(describeCases)('$name', (c) => {
      const parsed = parse(c.html)
      const { start, end } = rangeOf(parsed, c.range)
      const ours = describeRange(parsed.text, start, end).quote
      expect(ours.exact).toBe(c.expected.exact)
      const prefixesAgree =
        ours.prefix.endsWith(c.expected.prefix) || c.expected.prefix.endsWith(ours.prefix)
      const suffixesAgree =
        ours.suffix.startsWith(c.expected.suffix) || c.expected.suffix.startsWith(ours.suffix)
      expect(prefixesAgree && suffixesAgree).toBe(true)
      expect(findExactQuoteMatches(parsed.text, c.expected)).toEqual([{ start, end }])
      expect(findExactQuoteMatches(parsed.text, ours)).toContainEqual({ start, end })
      if (ours.exact) {
        const match = matchQuote(parsed.text, ours.exact, ours)
        expect(match).toMatchObject({ start, end })
      }
    })
  })

  describe('TextPositionSelector match (code points)', () => {
    it.each(positionCases)('%s', (_name, c) => {
      const parsed = parse(c.html)
      const converter = createOffsetConverter(parsed.text)
      const [expected] = c.expected.map((info) => rangeOf(parsed, info))
      const utf16 = fromCodePointPosition(converter, c.selector)
      expect({ start: utf16.start, end: utf16.end }).toEqual(expected)
      expect(toCodePointPosition(converter, utf16)).toEqual(c.selector)
    })
  })
})
