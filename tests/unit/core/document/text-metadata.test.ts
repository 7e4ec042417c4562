import { describe, expect, it } from 'vitest'
import { readHeaderDate } from '../../../../src/core/document/text-date'
import { cleanTitle } from '../../../../src/core/document/text-metadata'
import { parseString } from './helpers'
import { pastedPages } from './pasted-pages'

const BODY =
  'Hundreds of bakers marched through the capital on Monday to protest a new tax on flour, which they say will double the price of bread.'

describe('metadata of the synthetic pasted pages', () => {
  const expected: Record<string, object> = {
    'agency-site.txt': {
      title: 'Drone sightings close Halvard airport for third night in a row',
      outlet: 'Baltica Press Agency',
      published: '2026-11-18T22:05:00',
    },
    'donation-heavy.txt': {
      title: 'Mine inspectors found faults at Kordal shaft months before collapse, records show',
      author: 'Jonah Weller',
      outlet: 'Lantern Independent',
      published: '2026-06-03',
    },
    // Only an "Updated" time: no publication date rather than a wrong one, and no outlet named.
    'live-blog.txt': { title: 'Storm Odile: coastal towns without power as winds reach 140 km/h' },
    'syndicated.txt': {
      title: 'Port of Calden tests driverless cranes as union warns of job losses',
      author: 'Lina Okafor',
      outlet: 'Harbour Ledger',
    },
    'tabloid.txt': {
      title: 'Escaped llama halts rush-hour trains for two hours after bolting from petting farm',
      author: 'Kerry Duff',
      outlet: 'The Daily Blare',
      published: '2026-05-09T07:15:00+01:00',
    },
    'think-tank.txt': {
      title: 'Why the Kessel Strait toll dispute will outlast the summit',
      author: 'Ana Rivero',
      outlet: 'Institute for Northern Maritime Policy',
      published: '2026-06-15',
    },
    'wire-agency.txt': {
      title: 'Floodgate failure forces evacuation of 4,000 in Varnholm valley',
      author: 'Petra Lindqvist and Amadou Keita',
      outlet: 'Coastline News Agency',
      published: '2026-03-14T09:42:00+01:00',
    },
  }

  for (const page of pastedPages()) {
    it(`reads title, outlet, author and date of ${page.name}`, () => {
      expect(parseString(page.text, page.name).metadata).toEqual(expected[page.name])
    })
  }
})

describe('metadata from the text', () => {
  it('never takes navigation for the title, and unglues a section label from the headline', () => {
    const doc = parseString(
      `Go to Contents Go to Navigation\nPolitics\nPoliticsBakers protest new flour tax\n${BODY}`,
      'a.txt',
    )
    expect(doc.metadata.title).toBe('Bakers protest new flour tax')
    expect(cleanTitle('World | Bakers protest new flour tax')).toBe('Bakers protest new flour tax')
    expect(cleanTitle('McDonald workers strike')).toBe('McDonald workers strike')
    expect(cleanTitle('Analysis: why bread costs more')).toBe('Analysis: why bread costs more')
  })

  it('reads the date from the header, never from the body', () => {
    const doc = parseString(
      `Bakers protest new flour tax\nBy Ana Lind\n${BODY}\nThe tax was first proposed on March 3, 2025, the ministry said in a statement.`,
      'a.txt',
    )
    expect(doc.metadata.author).toBe('Ana Lind')
    expect(doc.metadata.published).toBeUndefined()
  })

  it('takes the first date of a line, not what follows "updated"', () => {
    expect(readHeaderDate('10:05 KST, October 8, 2026 | updated: 14:30 KST, October 9, 2026')).toBe(
      '2026-10-08T10:05:00+09:00',
    )
    expect(readHeaderDate('Updated 18:24 CET, 2 October 2026')).toBeUndefined()
  })

  it('gives no date rather than a guessed year or a day and month that could be swapped', () => {
    expect(readHeaderDate('March 14')).toBeUndefined()
    expect(readHeaderDate('3/4/2026')).toBeUndefined()
    expect(readHeaderDate('25/4/2026')).toBe('2026-04-25')
    expect(readHeaderDate('Politics 22:05 November 18, 2026')).toBe('2026-11-18T22:05:00')
    expect(readHeaderDate('15 June 2026')).toBe('2026-06-15')
  })

  it('reads the outlet from a wire dateline, an appeal, a syndication line or a copyright line', () => {
    const outlet = (...lines: string[]) =>
      parseString(['Bakers protest new flour tax', ...lines].join('\n'), 'a.txt').metadata.outlet
    expect(outlet(`OSTRAND, Aug. 27 (Lagoon Courier) -- ${BODY}`)).toBe('Lagoon Courier')
    expect(outlet(BODY, 'A message from The Morning Loaf: we need your help.')).toBe(
      'The Morning Loaf',
    )
    expect(outlet(BODY, 'Read the original article on Flour Weekly.', '© 2026 Newsfeed')).toBe(
      'Flour Weekly',
    )
    expect(outlet(BODY, 'Copyright © 2026 Bread & Butter Media Ltd. All rights reserved.')).toBe(
      'Bread & Butter Media',
    )
    expect(outlet(BODY)).toBeUndefined()
  })

  it('keeps a header or front matter over what the text says', () => {
    const doc = parseString(
      `Title: Official headline\nOutlet: The Morning Loaf\n\nOther headline\nBy Ana Lind\n${BODY}\n© 2026 Newsfeed`,
      'a.txt',
    )
    expect(doc.metadata).toMatchObject({
      title: 'Official headline',
      outlet: 'The Morning Loaf',
      author: 'Ana Lind',
    })
  })
})
