import { describe, expect, it } from 'vitest'
import {
  conflictingFigures,
  extractFigures,
  figureKeys,
  formatFigure,
  sameFigure,
  type Figure,
} from '../../../../src/core/linking'

/** The one figure of `text` (fails when there is not exactly one). */
function only(text: string, referenceDate?: string): Figure {
  const figures = extractFigures(text, referenceDate ? { referenceDate } : {})
  expect(figures, text).toHaveLength(1)
  return figures[0]!
}

function summary(text: string, referenceDate?: string) {
  return extractFigures(text, referenceDate ? { referenceDate } : {}).map((f) => [
    f.text,
    f.unit,
    f.value,
    f.qualifier ?? null,
  ])
}

describe('counts', () => {
  it.each([
    ['13,000 containers', 13_000, undefined],
    ['13K containers', 13_000, undefined],
    ['13k containers', 13_000, undefined],
    ['13 thousand containers', 13_000, undefined],
    ['13,000-plus containers', 13_000, 'more-than'],
    ['more than 13 thousand containers', 13_000, 'more-than'],
    ['about 13,000 containers', 13_000, 'about'],
    ['nearly 13,000 containers', 13_000, 'nearly'],
    ['at least 13,000 containers', 13_000, 'at-least'],
    ['over 13,000 containers', 13_000, 'more-than'],
    ['6 million rounds', 6_000_000, undefined],
    ['6m rounds', 6_000_000, undefined],
    ['6,000,000 rounds', 6_000_000, undefined],
    ['Some 6 million rounds', 6_000_000, 'about'],
    ['3.5 million shells', 3_500_000, undefined],
    ['Three million shells', 3_000_000, undefined],
    ['twenty-five wagons', 25, undefined],
  ])('%s is %d (%s)', (text, value, qualifier) => {
    const figure = only(text)
    expect(figure).toMatchObject({ unit: 'count', value })
    expect(figure.qualifier).toBe(qualifier)
  })

  it('keeps the qualifier in the figure text and range, not in the value', () => {
    const text = 'North Korea has sent more than 13 thousand containers'
    const figure = only(text)
    expect(figure.text).toBe('more than 13 thousand')
    expect(text.slice(figure.start, figure.end)).toBe(figure.text)
  })

  it('treats all spellings of one value as the same figure, whatever the qualifier', () => {
    const spellings = [
      '13,000',
      '13K',
      '13 thousand',
      '13,000-plus',
      'more than 13 thousand',
      'about 13,000',
    ]
    const figures = spellings.map((text) => only(`${text} containers`))
    for (const a of figures) for (const b of figures) expect(sameFigure(a, b)).toBe(true)
    expect(new Set(figures.map((f) => figureKeys(f).join()))).toEqual(new Set(['count:13000']))
    expect(formatFigure(figures[1]!)).toBe('13,000')
  })

  it('reads the counted thing, after the number or named before it', () => {
    expect(only('roughly 6,700 shipping containers loaded with ammunition').noun).toBe('container')
    expect(only('more than 3 million 152mm artillery shells'.replace('152mm ', '')).noun).toBe(
      'shell',
    )
    expect(extractFigures('more than 3 million 152mm artillery shells')[0]!.noun).toBe('shell')
    expect(only('13,000 boxes of North Korean ammunition').noun).toBe('box')
    expect(
      only('puts the number of shipping containers North Korea has sent at about 13,000').noun,
    ).toBe('container')
    expect(only('fewer than 10 before the war').noun).toBeUndefined()
  })

  it('takes a singular word for the counted thing only after "one"', () => {
    // "the 9K estimate" counts no estimates: it and "9,000 barrels" are not two values of one thing.
    expect(only('the 9K estimate was revised').noun).toBeUndefined()
    expect(only('the 2,500 figure came from port records').noun).toBeUndefined()
    expect(only('one tanker left the port').noun).toBe('tanker')
    expect(only('some 10,000 people crossed the bridge').noun).toBe('people')
    expect(conflictingFigures(only('the 9K estimate'), only('7,000 barrels'))).toBe(false)
  })

  it('reads ranges, and a change between two figures as two figures', () => {
    expect(only('between 30 and 40 covered rail wagons')).toMatchObject({
      value: 30,
      upper: 40,
      noun: 'wagon',
    })
    expect(only('30 to 40 wagons')).toMatchObject({ value: 30, upper: 40 })
    expect(only('3 to 4 million rounds')).toMatchObject({ value: 3_000_000, upper: 4_000_000 })
    expect(summary('The jump from 6,700 to 13,000 containers')).toEqual([
      ['6,700', 'count', 6700, null],
      ['13,000', 'count', 13000, null],
    ])
  })
})

describe('calibres', () => {
  it.each([
    ['152 mm shells', 152],
    ['152mm shells', 152],
    ['152-millimetre shells', 152],
    ['152 millimeter shells', 152],
    ['6-inch shells', 152],
    ['6 inch shells', 152],
    ['122 mm rockets', 122],
    ['122-millimetre rockets', 122],
    ['4.8-inch rockets', 122],
    ['155mm NATO rounds', 155],
    ['8-inch guns', 203],
  ])('%s is %d mm', (text, mm) => {
    expect(only(text)).toMatchObject({ unit: 'mm', value: mm })
  })

  it('matches metric and imperial calibres, but not two different calibres', () => {
    expect(sameFigure(only('152 mm'), only('6-inch'))).toBe(true)
    expect(sameFigure(only('122 mm'), only('4.8-inch'))).toBe(true)
    expect(sameFigure(only('152 mm'), only('155 mm'))).toBe(false)
    expect(only('6-inch').convertedFrom).toBe('inch')
    expect(formatFigure(only('6-inch'))).toBe('152 mm')
  })

  it('keeps an inch figure far from any calibre as converted millimetres', () => {
    expect(only('a 1-inch pipe').value).toBeCloseTo(25.4)
  })

  it('does not read a calibre as a count', () => {
    expect(summary('more than 3 million 152mm shells')).toEqual([
      ['more than 3 million', 'count', 3_000_000, 'more-than'],
      ['152mm', 'mm', 152, null],
    ])
  })
})

describe('percentages, fractions and multiples', () => {
  it.each([
    ['50% of the shells', 50, undefined],
    ['50 per cent of the shells', 50, undefined],
    ['50 percent of the shells', 50, undefined],
    ['nearly half of the artillery shells', 50, 'nearly'],
    ['closer to a third of Russian artillery fire', 100 / 3, 'nearly'],
    ['fell by about a third in September', 100 / 3, 'about'],
    ['two thirds of the stock', 200 / 3, undefined],
    ['a quarter of the fleet', 25, undefined],
  ])('%s is %d%%', (text, value, qualifier) => {
    const figure = extractFigures(text).find((f) => f.unit === 'percent')!
    expect(figure.value).toBeCloseTo(value)
    expect(figure.qualifier).toBe(qualifier)
  })

  it('sees "nearly half" and "a third" as disagreeing shares, and "half" and 50% as one', () => {
    const half = only('nearly half of the shells')
    expect(conflictingFigures(half, only('closer to a third of the shells'))).toBe(true)
    expect(sameFigure(half, only('50% of the shells'))).toBe(true)
  })

  it('does not read ordinals or the half of a year as fractions', () => {
    expect(extractFigures('the third convoy').filter((f) => f.unit === 'percent')).toEqual([])
    expect(only('in the second half of 2022')).toMatchObject({
      unit: 'date',
      precision: 'part-year',
    })
  })

  it.each([
    ['almost twice the figure', 2, 'nearly'],
    ['roughly double the figure', 2, 'about'],
    ['the count had roughly doubled', 2, 'about'],
    ['three times as many', 3, undefined],
    ['a threefold rise', 3, undefined],
  ])('%s is x%d', (text, value, qualifier) => {
    expect(only(text)).toMatchObject({ unit: 'multiple', value })
    expect(only(text).qualifier).toBe(qualifier)
  })
})

describe('money and distance', () => {
  it('reads currencies by sign and by word, with scales', () => {
    expect(only('a $3bn deal')).toMatchObject({ unit: 'money', value: 3e9, currency: 'USD' })
    expect(only('from 3,900 won a month')).toMatchObject({
      unit: 'money',
      value: 3900,
      currency: 'KRW',
    })
    expect(only('€5m in fines')).toMatchObject({ unit: 'money', value: 5e6, currency: 'EUR' })
    expect(sameFigure(only('$3bn'), only('€3bn'))).toBe(false)
  })

  it('reads kilometres and converts miles', () => {
    expect(only('about 50 kilometres north of Rason')).toMatchObject({
      unit: 'km',
      value: 50,
      qualifier: 'about',
    })
    expect(only('50 km north')).toMatchObject({ unit: 'km', value: 50 })
    expect(only('31 miles north').value).toBeCloseTo(49.9, 1)
  })
})

describe('dates', () => {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`)

  it.each([
    ['2026-08-12', '2026-08-12', '2026-08-13', 'day'],
    ['Wed 12 Aug 2026 18.05 BST', '2026-08-12', '2026-08-13', 'day'],
    ['October 8, 2026', '2026-10-08', '2026-10-09', 'day'],
    ['August 2026', '2026-08-01', '2026-09-01', 'month'],
    ['since mid-2022', '2022-04-01', '2022-10-01', 'part-year'],
    ['since the middle of 2022', '2022-04-01', '2022-10-01', 'part-year'],
    ['since late 2022', '2022-09-01', '2023-01-01', 'part-year'],
    ['In 2024 Russia vetoed', '2024-01-01', '2025-01-01', 'year'],
  ])('%s is [%s, %s)', (text, from, to, precision) => {
    const figure = extractFigures(text).find((f) => f.unit === 'date')!
    expect(figure).toMatchObject({ value: day(from), upper: day(to), precision })
  })

  it('reads a bare month as the latest one on or before the article date', () => {
    expect(only('officials gave in February', '2026-08-12T18:05:00+01:00').value).toBe(
      day('2026-02-01'),
    )
    expect(only('counts peaked in November', '2026-03-03').value).toBe(day('2025-11-01'))
    expect(extractFigures('officials gave in February')).toEqual([])
  })

  it('reads a day next to a month name as a date, never as a count', () => {
    // A wire dateline: without the article's date the day is no figure at all.
    const dateline = 'VELDMOOR, Aug. 27 (Lagoon Courier) -- Barges left the quay at dawn.'
    expect(extractFigures(dateline)).toEqual([])
    for (const text of ['Aug 27', 'August 27th', 'the 27 August convoy', 'on 27th Aug. the pier']) {
      expect(extractFigures(text), text).toEqual([])
    }
    // With it, the day is placed in the latest such day on or before that date.
    expect(only(dateline, '2026-08-27T07:00:00+02:00')).toMatchObject({
      unit: 'date',
      text: 'Aug. 27',
      value: day('2026-08-27'),
      upper: day('2026-08-28'),
      precision: 'day',
    })
    expect(only('the 27 August convoy', '2026-09-02').value).toBe(day('2026-08-27'))
    expect(only('the ferry strike of Sept. 3', '2026-08-30').value).toBe(day('2025-09-03'))
    expect(sameFigure(only('Aug 27', '2026-08-30'), only('27 August 2026'))).toBe(true)
  })

  it('still reads counts after a month name that are no day', () => {
    expect(summary('In March 2,000 pilgrims crossed to Ostrand')).toEqual([
      ['2,000', 'count', 2000, null],
    ])
    expect(summary('By May 40 barges were moored')).toEqual([['40', 'count', 40, null]])
  })

  it('matches dates that overlap at a similar precision only', () => {
    expect(sameFigure(only('since mid-2022'), only('since the middle of 2022'))).toBe(true)
    expect(sameFigure(only('since mid-2022'), only('in July 2022'))).toBe(true)
    expect(sameFigure(only('12 August 2026'), only('August 2026'))).toBe(true)
    expect(sameFigure(only('in 2026'), only('in January 2026'))).toBe(false)
    expect(sameFigure(only('since mid-2022'), only('since late 2023'))).toBe(false)
  })

  it('reads a four-digit count as a count, not a year', () => {
    expect(only('2000 containers')).toMatchObject({ unit: 'count', value: 2000, noun: 'container' })
  })
})

describe('conflicts', () => {
  it('flags a different value for the same counted thing, of one magnitude', () => {
    const feb = only('6,700 containers')
    expect(conflictingFigures(feb, only('13,000 containers'))).toBe(true)
    expect(
      conflictingFigures(only('more than 6 million rounds'), only('roughly 7.5 million rounds')),
    ).toBe(true)
    // Different things, different magnitudes, or different calibres are not disagreements.
    expect(conflictingFigures(feb, only('9,000 wagons'))).toBe(false)
    expect(conflictingFigures(feb, only('6 million containers'))).toBe(false)
    expect(conflictingFigures(only('152 mm'), only('122 mm'))).toBe(false)
    expect(conflictingFigures(feb, only('6,700 containers'))).toBe(false)
    expect(conflictingFigures(only('between 30 and 40 wagons'), only('35 wagons'))).toBe(false)
  })
})
