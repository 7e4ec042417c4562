/**
 * Word snapping of claim ranges on news-shaped text: sloppy drags become clean spans, figures
 * and names are never cut, quotes and closing punctuation are kept, emoji stay whole.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  claimRangeOf,
  moveBoundary,
  snapToWords,
  stepOffset,
} from '../../../src/renderer/claims/snap'

/** The snapped text of the part of `text` between the first `from` and the end of `to`. */
function snapped(text: string, from: string, to: string = from): string | null {
  const start = text.indexOf(from)
  const end = text.indexOf(to, start) + to.length
  if (start < 0 || end < start) throw new Error('bad fixture')
  const range = snapToWords(text, { start, end })
  return range && text.slice(range.start, range.end)
}

/** Snaps [start, end) given by two offsets. */
function snappedAt(text: string, start: number, end: number): string | null {
  const range = snapToWords(text, { start, end })
  return range && text.slice(range.start, range.end)
}

const WIRE =
  'North Korea has sent more than 13,000 containers of munitions to Russia since mid-2022, ' +
  'according to a Defense Intelligence Agency assessment.'

describe('snapToWords', () => {
  it('expands a drag that starts and ends inside words to the whole words', () => {
    expect(snapped(WIRE, 'ontainers of mun', 'ontainers of mun')).toBe('containers of munitions')
    expect(snapped(WIRE, 'orth Korea has se')).toBe('North Korea has sent')
  })

  it('keeps figures whole: thousands separators, decimals, ranges and times', () => {
    expect(snapped(WIRE, '3,0')).toBe('13,000')
    const text = 'Prices rose 3.5 per cent, to $1.2 billion, at 10:30 on Tuesday.'
    expect(snapped(text, '.5 per')).toBe('3.5 per')
    expect(snapped(text, '1.2 bil')).toBe('$1.2 billion')
    expect(snapped(text, '0:3')).toBe('10:30')
  })

  it('keeps hyphenated words and possessives whole', () => {
    expect(snapped(WIRE, 'id-20')).toBe('mid-2022')
    const text = "The Kremlin's spokesman called it “baseless”."
    expect(snapped(text, "emlin's spok")).toBe("Kremlin's spokesman")
  })

  it('drops white space and clause separators at the ends', () => {
    expect(snapped(WIRE, ' has sent', 'Russia since mid-2022, ')).toBe(
      'has sent more than 13,000 containers of munitions to Russia since mid-2022',
    )
    expect(snapped(WIRE, ', according', 'assessment')).toBe(
      'according to a Defense Intelligence Agency assessment',
    )
    const list = 'Officials said: the shells failed; some exploded.'
    expect(snapped(list, ': the', 'failed;')).toBe('the shells failed')
  })

  it('keeps the closing punctuation and quotes of the statement', () => {
    expect(snapped(WIRE, 'according', 'assessment.')).toBe(
      'according to a Defense Intelligence Agency assessment.',
    )
    const quote = 'The spokesman said the report was “baseless”. Then he left.'
    expect(snapped(quote, '“baseless”.')).toBe('“baseless”.')
    const inner = 'He called it “baseless” and left.'
    expect(snapped(inner, ' “base', 'less” ')).toBe('“baseless”')
    expect(snapped(inner, 'aseles')).toBe('baseless')
    expect(snapped('He said "no comment" today.', '"no', 'ment"')).toBe('"no comment"')
    expect(snapped('Turnout was 64%, officials said.', '64%,')).toBe('64%')
    expect(snapped('Turnout was 64%, officials said.', '6')).toBe('64%')
    expect(snapped('The agency (DIA) said so.', '(DI', 'A)')).toBe('(DIA)')
  })

  it('keeps emoji whole, with skin tones, joiners and flags, and never splits a surrogate pair', () => {
    const text = 'Fans cheered 🎉🎉 and waved 🇰🇷 flags; one wrote 👍🏽 then 👨‍👩‍👧 left.'
    const party = text.indexOf('🎉')
    // A range that starts in the middle of the first emoji's surrogate pair.
    expect(snappedAt(text, party + 1, party + 3)).toBe('🎉🎉')
    expect(snapped(text, 'aved 🇰', '🇷')).toBe('waved 🇰🇷')
    const thumb = text.indexOf('👍')
    expect(snappedAt(text, thumb + 1, thumb + 2)).toBe('👍🏽')
    const family = text.indexOf('👨')
    expect(snappedAt(text, family + 3, family + 4)).toBe('👨‍👩‍👧')
  })

  it('returns null when only white space or punctuation is selected', () => {
    expect(snapped(WIRE, ', ')).toBeNull()
    expect(snappedAt(WIRE, 5, 5)).toBeNull()
    expect(snapped('Word — word', ' — ')).toBeNull()
  })

  it('never crosses the blank line between blocks', () => {
    const text = 'First paragraph ends here.\n\nSecond starts here.'
    expect(snapped(text, 'here.\n\nSec')).toBe('here.\n\nSecond')
    expect(snapped(text, '.\n\n', '.\n\n')).toBeNull()
  })

  it('is idempotent, stays inside the text and never returns an empty or split range', () => {
    const alphabet = fc.constantFrom(...Array.from('ab 1,.;:-’"“”()$%🎉👍🏽\n'), 'e\u0301', '👨‍👩‍👧')
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const range = snapToWords(text, {
            start: a % (text.length + 1),
            end: b % (text.length + 1),
          })
          if (range === null) return
          expect(range.start).toBeGreaterThanOrEqual(0)
          expect(range.end).toBeLessThanOrEqual(text.length)
          expect(range.start).toBeLessThan(range.end)
          expect(text.charCodeAt(range.start)).not.toSatisfy(isLowSurrogate)
          expect(text.charCodeAt(range.end)).not.toSatisfy(isLowSurrogate)
          expect(snapToWords(text, range)).toEqual(range)
        },
      ),
    )
  })
})

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

describe('claimRangeOf', () => {
  it('snaps when snapping is on, and only trims white space when it is off', () => {
    const start = WIRE.indexOf(' containers')
    const range = { start, end: start + 13 }
    expect(WIRE.slice(range.start, range.end)).toBe(' containers o')
    const on = claimRangeOf(WIRE, range, true)!
    expect(WIRE.slice(on.start, on.end)).toBe('containers of')
    const off = claimRangeOf(WIRE, range, false)!
    expect(WIRE.slice(off.start, off.end)).toBe('containers o')
    expect(claimRangeOf(WIRE, { start: 5, end: 6 }, false)).toBeNull()
  })
})

describe('moving a claim boundary', () => {
  const text = 'Moscow denied the allegations, calling them “baseless”. 🎉 Done.'
  const range = { start: text.indexOf('denied'), end: text.indexOf('allegations') + 11 }
  const quoted = (r: { start: number; end: number }) => text.slice(r.start, r.end)

  it('grows and shrinks the end by word', () => {
    expect(quoted(range)).toBe('denied the allegations')
    expect(quoted(moveBoundary(text, range, 'end', 1, true))).toBe(
      'denied the allegations, calling',
    )
    expect(quoted(moveBoundary(text, range, 'end', -1, true))).toBe('denied the')
  })

  it('grows and shrinks the start by word', () => {
    expect(quoted(moveBoundary(text, range, 'start', -1, true))).toBe(
      'Moscow denied the allegations',
    )
    expect(quoted(moveBoundary(text, range, 'start', 1, true))).toBe('the allegations')
  })

  it('moves by one character (one code point) when not by word', () => {
    expect(quoted(moveBoundary(text, range, 'end', 1, false))).toBe('denied the allegations,')
    expect(quoted(moveBoundary(text, range, 'start', 1, false))).toBe('enied the allegations')
    const party = text.indexOf('🎉')
    const emoji = { start: party - 2, end: party }
    expect(quoted(moveBoundary(text, emoji, 'end', 1, false))).toBe('. 🎉')
  })

  it('never empties the range nor leaves the text', () => {
    const word = { start: 0, end: 6 }
    expect(moveBoundary(text, word, 'end', -1, true)).toEqual(word)
    expect(moveBoundary(text, word, 'start', -1, true)).toEqual(word)
    expect(moveBoundary(text, { start: 0, end: 1 }, 'end', -1, false)).toEqual({ start: 0, end: 1 })
    const last = { start: text.length - 5, end: text.length }
    expect(moveBoundary(text, last, 'end', 1, true)).toEqual(last)
  })

  it('steps over a whole emoji', () => {
    const at = text.indexOf('🎉')
    expect(stepOffset(text, at, 1, false)).toBe(at + 2)
    expect(stepOffset(text, at + 2, -1, false)).toBe(at)
  })
})
