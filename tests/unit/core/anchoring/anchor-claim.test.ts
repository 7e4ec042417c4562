// Re-anchoring claims in a synthetic news article after the kinds of edit outlets make:
// corrections, inserted paragraphs, duplicated or deleted passages, changed figures.
import { describe, expect, it } from 'vitest'
import {
  anchorClaim,
  createOffsetConverter,
  describeRange,
  fromCodePointPosition,
  MIN_CONTEXT_SIMILARITY,
  MIN_QUOTE_SIMILARITY,
  textSimilarity,
  toCodePointPosition,
  type DescribedRange,
} from '../../../../src/core/anchoring'

const HEADLINE = 'North Korean munitions keep flowing to Russia, US intelligence says'
const LEAD =
  'WASHINGTON — North Korea has shipped more than 13,000 containers of munitions to Russia ' +
  'since mid-2022, US officials said on Thursday, citing a Defense Intelligence Agency report.'
const DETAIL =
  'The shipments are believed to include artillery shells and short-range ballistic ' +
  'missiles, which Russian forces have fired at Ukrainian cities throughout the winter.'
const DENIAL =
  'Moscow denied the allegations. A Kremlin spokesman called the report a fabrication and ' +
  'said its cooperation with Pyongyang broke no international law.'
const CAVEAT =
  'Analysts cautioned that satellite imagery alone cannot establish what the containers held.'
const LOOKALIKE =
  'South Korea’s spy agency put the figure lower, saying North Korea has shipped more than ' +
  '6,700 containers of munitions to Russia since mid-2022, though it gave no source.'

const article = (...paragraphs: string[]) => paragraphs.join('\n\n')
const ORIGINAL = article(HEADLINE, LEAD, DETAIL, DENIAL, CAVEAT)

const SHIPMENTS =
  'North Korea has shipped more than 13,000 containers of munitions to Russia since mid-2022'
const DENIED = 'Moscow denied the allegations.'
const SHELLS = 'artillery shells and short-range ballistic missiles'

/** The selectors an analyst's claim on the first occurrence of `quote` would have saved. */
function claim(text: string, quote: string): DescribedRange {
  const start = text.indexOf(quote)
  if (start === -1) throw new Error(`"${quote}" is not in the text`)
  return describeRange(text, start, start + quote.length)
}

describe('anchorClaim on a news article', () => {
  const shipments = claim(ORIGINAL, SHIPMENTS)
  const denial = claim(ORIGINAL, DENIED)

  it('finds an unchanged claim at its saved position without searching', () => {
    expect(anchorClaim(ORIGINAL, shipments)).toEqual({
      status: 'exact',
      start: shipments.position.start,
      end: shipments.position.end,
    })
  })

  it('keeps a claim exact when only text after it changed', () => {
    const edited = article(HEADLINE, LEAD, DETAIL, DENIAL, CAVEAT + ' Updated at 14:00 GMT.')
    expect(anchorClaim(edited, shipments)).toEqual({
      status: 'exact',
      start: shipments.position.start,
      end: shipments.position.end,
    })
  })

  it('moves a claim with its quote intact when text before it changed', () => {
    const newHeadline = 'Pyongyang has sent Moscow vast quantities of munitions, report finds'
    const edited = article(newHeadline, LEAD, DETAIL, DENIAL, CAVEAT)
    const shift = newHeadline.length - HEADLINE.length
    const result = anchorClaim(edited, shipments)
    expect(result).toMatchObject({
      status: 'moved',
      start: shipments.position.start + shift,
      end: shipments.position.end + shift,
      score: 1,
    })
    expect(anchorClaim(edited, denial)).toMatchObject({ status: 'moved', score: 1 })
  })

  it('moves a claim whose wording was lightly corrected, with a score below 1', () => {
    const corrected = LEAD.replace('has shipped', 'has sent')
    const edited = article(HEADLINE, 'Correction appended.', corrected, DETAIL, DENIAL, CAVEAT)
    const result = anchorClaim(edited, shipments)
    expect(result.status).toBe('moved')
    if (result.status !== 'moved') return
    expect(edited.slice(result.start, result.end)).toBe(SHIPMENTS.replace('shipped', 'sent'))
    expect(result.score).toBeLessThan(1)
    expect(result.score).toBeGreaterThanOrEqual(MIN_QUOTE_SIMILARITY)
  })

  it('orphans a claim whose wording was rewritten beyond the minimum similarity', () => {
    const rewritten = LEAD.replace(
      SHIPMENTS,
      'Pyongyang sent upward of 13,000 crates of weapons to the Kremlin since mid-2022',
    )
    const edited = article(HEADLINE, rewritten, DETAIL, DENIAL, CAVEAT)
    expect(anchorClaim(edited, shipments)).toMatchObject({ status: 'orphan' })
  })

  it('orphans a claim whose figure was corrected: it is a different claim now', () => {
    const edited = article(HEADLINE, LEAD.replace('13,000', '13,500'), DETAIL, DENIAL, CAVEAT)
    expect(anchorClaim(edited, claim(ORIGINAL, SHIPMENTS))).toMatchObject({
      status: 'orphan',
      reason: 'figures-changed',
    })
  })

  it('orphans a claim whose passage was deleted', () => {
    const edited = article(HEADLINE, DETAIL, DENIAL, CAVEAT)
    expect(anchorClaim(edited, shipments)).toMatchObject({ status: 'orphan' })
  })

  it('never gives a deleted claim to a lookalike passage with a different figure', () => {
    const edited = article(HEADLINE, LOOKALIKE, DETAIL, DENIAL, CAVEAT)
    const result = anchorClaim(edited, shipments)
    expect(result).toMatchObject({ status: 'orphan', reason: 'figures-changed' })
    // The lookalike was the nearest candidate, and is reported as such, not taken.
    if (result.status === 'orphan') {
      expect(edited.slice(result.nearest!.start, result.nearest!.end)).toContain('6,700')
    }
  })

  it('keeps the claim on its own passage when a lookalike is added before it', () => {
    const edited = article(HEADLINE, LOOKALIKE, LEAD, DETAIL, DENIAL, CAVEAT)
    const result = anchorClaim(edited, shipments)
    expect(result).toMatchObject({ status: 'moved', score: 1 })
    if (result.status === 'moved') expect(edited.slice(result.start, result.end)).toBe(SHIPMENTS)
    expect(result).toMatchObject({ start: edited.indexOf(SHIPMENTS) })
  })

  it('follows a passage moved elsewhere in the article', () => {
    const edited = article(HEADLINE, DETAIL, DENIAL, CAVEAT, LEAD)
    expect(anchorClaim(edited, shipments)).toMatchObject({
      status: 'moved',
      start: edited.indexOf(SHIPMENTS),
      score: 1,
    })
  })

  describe('duplicated paragraphs', () => {
    it('stays on the copy whose context matches', () => {
      // The lead pasted twice, and the headline reworded so the old offset no longer fits.
      const edited = article('UPDATED: ' + HEADLINE, LEAD, LEAD, DETAIL, DENIAL, CAVEAT)
      const first = edited.indexOf(SHIPMENTS)
      expect(edited.indexOf(SHIPMENTS, first + 1)).toBeGreaterThan(first)
      expect(anchorClaim(edited, shipments)).toMatchObject({ status: 'moved', start: first })
    })

    it('uses the old offset when an edit damaged the context of both copies alike', () => {
      // " (updated)" lands inside the saved prefix of the first copy; the second copy's prefix
      // is another paragraph's end. Both match the saved prefix about half way.
      const edited = article(HEADLINE + ' (updated)', LEAD, LEAD, DETAIL, DENIAL, CAVEAT)
      const first = edited.indexOf(SHIPMENTS)
      expect(anchorClaim(edited, shipments)).toMatchObject({ status: 'moved', start: first })
    })

    it('uses the old offset when both copies have the same context', () => {
      // SHELLS sits mid-paragraph: its 32 units of context are inside DETAIL in both copies.
      const shells = claim(ORIGINAL, SHELLS)
      const edited = article(HEADLINE + ' (updated)', LEAD, DETAIL, DETAIL, DENIAL, CAVEAT)
      const first = edited.indexOf(SHELLS)
      expect(edited.indexOf(SHELLS, first + 1)).toBeGreaterThan(first)
      expect(anchorClaim(edited, shells)).toMatchObject({ status: 'moved', start: first })
    })

    it('orphans the claim when neither context nor the old offset tells the copies apart', () => {
      const shells = claim(ORIGINAL, SHELLS)
      // DETAIL pasted in before the lead: the copies straddle the old offset at similar
      // distances, and their contexts are identical.
      const edited = article(HEADLINE, DETAIL, LEAD, DETAIL, DENIAL, CAVEAT)
      const distances = [edited.indexOf(SHELLS), edited.lastIndexOf(SHELLS)].map((at) =>
        Math.abs(at - shells.position.start),
      )
      expect(Math.max(...distances)).toBeLessThan(2 * Math.min(...distances))
      expect(anchorClaim(edited, shells)).toMatchObject({ status: 'orphan', reason: 'ambiguous' })

      // And a position saved exactly halfway between two adjacent copies.
      const adjacent = article(HEADLINE, DETAIL, DETAIL, DENIAL, CAVEAT)
      const first = adjacent.indexOf(SHELLS)
      const midway = (first + adjacent.indexOf(SHELLS, first + 1)) / 2
      const stale = {
        ...shells,
        position: { ...shells.position, start: midway, end: midway + SHELLS.length },
      }
      expect(anchorClaim(adjacent, stale)).toMatchObject({ status: 'orphan', reason: 'ambiguous' })
    })

    it('orphans an exact quote repeated where none of the copies has its context', () => {
      const edited = article(
        HEADLINE,
        LEAD,
        'Asked on Friday about the shipments, officials were brief. ' + DENIED,
        DETAIL,
        'A day later the foreign ministry repeated the line: ' + DENIED,
        CAVEAT,
      )
      expect(anchorClaim(edited, denial)).toMatchObject({ status: 'orphan', reason: 'ambiguous' })
    })
  })

  describe('astral characters before a claim', () => {
    // Flags are pairs of astral regional indicators, the ship is astral, the arrow is not.
    const emoji = '🇰🇵🚢➡️🇷🇺 '
    const withEmoji = article(emoji + HEADLINE, LEAD, DETAIL, DENIAL, CAVEAT)

    it('moves the claim by the UTF-16 length of what was inserted', () => {
      expect(emoji.length).toBe(13)
      expect(anchorClaim(withEmoji, shipments)).toMatchObject({
        status: 'moved',
        start: shipments.position.start + emoji.length,
        end: shipments.position.end + emoji.length,
        score: 1,
      })
    })

    it('exports the claim in code points, which count each emoji once', () => {
      const { position } = claim(withEmoji, SHIPMENTS)
      const converter = createOffsetConverter(withEmoji)
      const exported = toCodePointPosition(converter, position)
      expect([...emoji]).toHaveLength(8)
      expect(exported.start).toBe(position.start - (emoji.length - 8))
      expect(exported.start).toBe([...withEmoji.slice(0, position.start)].length)
      expect(exported.end - exported.start).toBe(SHIPMENTS.length)
      expect(fromCodePointPosition(converter, exported)).toEqual(position)
    })
  })
})

describe('the minimum context similarity', () => {
  it('sits well above what unrelated text scores against a saved context', () => {
    const text = article(HEADLINE, LEAD, DETAIL, DENIAL, CAVEAT, LOOKALIKE)
    const scores: number[] = []
    for (let saved = 0; saved + 32 <= text.length; saved += 11) {
      for (let other = 0; other + 32 <= text.length; other += 17) {
        if (Math.abs(saved - other) < 64) continue
        scores.push(textSimilarity(text.slice(other, other + 32), text.slice(saved, saved + 32)))
      }
    }
    scores.sort((a, b) => a - b)
    const median = scores[Math.floor(scores.length / 2)]
    const p99 = scores[Math.floor(scores.length * 0.99)]
    expect(median).toBeLessThan(0.35)
    expect(p99).toBeLessThan(MIN_CONTEXT_SIMILARITY - 0.05)
    // One side intact, the other unrelated, still passes on a typical edit.
    expect((1 + median) / 2).toBeGreaterThanOrEqual(MIN_CONTEXT_SIMILARITY)
  })
})
