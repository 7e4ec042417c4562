/**
 * The ranking rules added for suggestion quality, each on invented sentences (places Veltra,
 * Norland and its capital Halden, Kessaria; none from the sample articles), so that a rule is
 * checked for what it says rather than for the samples it was measured on:
 *   reversed roles      a shipment from A to B against one from B to A is a contradiction
 *                       (an existing claim is read in its sentence for who sends to whom)
 *   headline figure     an agreeing headline figure outranks shared wording around another one
 *   counted thing       "3,100 members, up from 2,400" answers "2,400 members" with 3,100
 *   claim's sentence    the words around a highlighted clause help find its match
 *   stand-ins           "Norlandic state television" speaks for Norland, as its capital does
 *   one passage once    a sentence overlapping a suggested claim gives way to the claim (which
 *                       takes its rank when better), a sentence already offered is not offered
 *                       again: the top N are N distinct passages
 *   datelines           the day of "HALDEN, Aug. 27 (…)" is a date, not a count of 27
 */
import { describe, expect, it } from 'vitest'
import {
  createSuggestionIndex,
  suggestLinks,
  type AliasEntry,
  type LinkableClaim,
  type LinkableDocument,
  type Suggestion,
} from '../../../../src/core/linking'
import { claimIn, makeDocument } from './helpers'

const aliases: AliasEntry[] = [
  { name: 'Norland', variants: ['Norlandic'] },
  { name: 'Veltra', variants: ['Veltran'] },
  { name: 'Halden', standsFor: ['Norland'] },
  { name: 'Vey Palace', standsFor: ['Norland'] },
]

/**
 * Unrelated sentences, as a real corpus has: in a corpus of a few sentences every word is common
 * and the shortlist (words in at most 5% of sentences) would find nothing.
 */
const subjects = ['The weather', 'The council', 'The orchestra', 'The museum', 'The bakery']
const verbs = ['opened late', 'stayed calm', 'was praised', 'drew crowds', 'closed early']
const times = ['on Monday', 'all week', 'in the evening', 'after the holiday']
const filler = makeDocument(
  'filler',
  subjects.flatMap((subject) =>
    verbs.flatMap((verb) => times.map((time) => `${subject} ${verb} ${time}.`)),
  ),
)

/** Suggestions for `quote` in the first document, against all the others (and their claims). */
function suggest(
  documents: LinkableDocument[],
  quote: string,
  claims: LinkableClaim[] = [],
  limit = 20,
): Suggestion[] {
  const index = createSuggestionIndex(
    { documents: [...documents, filler], claims },
    { aliases, readingCache: false },
  )
  const document = documents[0]!
  return suggestLinks({ claim: claimIn(document, quote, 'claim'), document }, index, { limit })
}

function find(suggestions: Suggestion[], words: string): Suggestion | undefined {
  return suggestions.find((s) => s.target.kind === 'sentence' && s.target.text.includes(words))
}

function rankOf(suggestions: Suggestion[], words: string): number {
  return suggestions.findIndex((s) => s.target.kind === 'sentence' && s.target.text.includes(words))
}

const week = (id: string, paragraphs: string[], day: string) =>
  makeDocument(id, paragraphs, { published: `2026-05-${day}` })

describe('reversed roles', () => {
  const documents = [
    week('claim', ['Veltra shipped grain to Norland by barge along the Sava canal.'], '04'),
    week(
      'reversed',
      ['The grain barges leave Norland along the canal and are unloaded at Veltra.'],
      '05',
    ),
    week('undirected', ['Barges on the Sava canal between Norland and Veltra carry grain.'], '05'),
    week('same-way', ['Veltra sends grain to Norland every week.'], '06'),
    week('return', ['In return, Norland sent fuel back to Veltra by barge.'], '06'),
  ]
  const suggestions = suggest(documents, 'Veltra shipped grain to Norland by barge')

  it('suggests "contradicts" for the same parties with their roles swapped, and says why', () => {
    const reversed = find(suggestions, 'are unloaded at Veltra')!
    expect(reversed.relation).toBe('contradicts')
    expect(reversed.reasons).toContain(
      'reversed direction: Veltra → Norland here, Norland → Veltra there',
    )
  })

  it('ranks the explicit reversal above a sentence that names no direction', () => {
    expect(rankOf(suggestions, 'are unloaded at Veltra')).toBeLessThan(
      rankOf(suggestions, 'between Norland and Veltra'),
    )
    expect(find(suggestions, 'between Norland and Veltra')!.relation).not.toBe('contradicts')
  })

  it('agrees with the same direction and leaves a return flow alone', () => {
    const sameWay = find(suggestions, 'every week')!
    expect(sameWay.relation).not.toBe('contradicts')
    expect(sameWay.reasons).toContain('same direction: Veltra → Norland')
    expect(find(suggestions, 'In return')?.relation).not.toBe('contradicts')
  })
})

describe('roles of an existing claim', () => {
  it('are read in its sentence when it leaves out the sender', () => {
    const documents = [
      week('claim', ['Veltra shipped grain to Norland by barge along the Sava canal.'], '04'),
      week('claimed', ['Veltra had shipped more grain to Norland than planned.'], '05'),
    ]
    const index = createSuggestionIndex(
      {
        documents: [...documents, filler],
        claims: [
          claimIn(documents[1]!, 'had shipped more grain to Norland than planned', 'existing'),
        ],
      },
      { aliases, readingCache: false },
    )
    const [best] = suggestLinks(
      {
        claim: claimIn(documents[0]!, 'Veltra shipped grain to Norland', 'claim'),
        document: documents[0]!,
      },
      index,
    )
    expect(best!.target).toMatchObject({ kind: 'claim', claimId: 'existing' })
    expect(best!.reasons).toContain('same direction: Veltra → Norland')
  })
})

describe('the headline figure', () => {
  const documents = [
    week(
      'claim',
      [
        'More than 8 million litres of diesel reached Halden by barge, mostly for the heating plants.',
      ],
      '04',
    ),
    week(
      'wording',
      [
        'An earlier estimate said 5 million litres of diesel reached Halden by barge, mostly for the heating plants.',
      ],
      '05',
    ),
    week('figure', ['Officials in Halden put the total at 8 million litres.'], '05'),
  ]

  it('ranks a sentence agreeing on it above one sharing the wording around another value', () => {
    const suggestions = suggest(
      documents,
      'More than 8 million litres of diesel reached Halden by barge, mostly for the heating plants.',
    )
    expect(rankOf(suggestions, 'put the total')).toBe(0)
    expect(suggestions[0]!.reasons[0]).toBe('same figure 8,000,000 (8 million)')
    expect(find(suggestions, 'earlier estimate')!.relation).toBe('contradicts')
  })
})

describe('the counted thing', () => {
  const documents = [
    week('claim', ['The cooperative now counts 2,400 members.'], '04'),
    week('newer', ['Membership rose to 3,100 members this spring, up from 2,400.'], '05'),
    week('same', ['About 2,400 members attended the annual vote.'], '05'),
  ]
  const suggestions = suggest(documents, 'The cooperative now counts 2,400 members.')

  it('reads a different value for our counted thing as what the other side says of it', () => {
    const newer = find(suggestions, 'up from 2,400')!
    expect(newer.relation).toBe('contradicts')
    expect(newer.reasons).toContain('different figure 2,400 vs 3,100 members')
    expect(find(suggestions, 'annual vote')!.relation).toBe('same')
    expect(rankOf(suggestions, 'annual vote')).toBeLessThan(rankOf(suggestions, 'up from 2,400'))
  })
})

describe("the claim's sentence", () => {
  const documents = [
    week(
      'claim',
      [
        'Dock workers at Kessaria told the union that a growing share of the cranes they operate break down within a week.',
      ],
      '04',
    ),
    week(
      'context',
      ['Kessaria dock workers say a growing share of the cranes break down within a week.'],
      '05',
    ),
    week('clause', ['A growing share of the cranes at the new terminal are electric.'], '05'),
  ]

  it('counts the words around a highlighted clause, less than its own', () => {
    const suggestions = suggest(documents, 'a growing share of the cranes they operate')
    expect(rankOf(suggestions, 'dock workers say')).toBe(0)
    expect(rankOf(suggestions, 'are electric')).toBe(1)
  })
})

describe('attribution stand-ins', () => {
  it('takes a country’s state media for its government, like its capital', () => {
    const documents = [
      week(
        'claim',
        ['Norlandic state television called the inspection report a fabrication.'],
        '04',
      ),
      week('capital', ['Halden called the inspection report a fabrication on Monday.'], '05'),
      week(
        'critics',
        ['The inspection report was called a fabrication by critics in Kessaria.'],
        '05',
      ),
    ]
    const suggestions = suggest(
      documents,
      'state television called the inspection report a fabrication',
    )
    expect(rankOf(suggestions, 'Halden called')).toBe(0)
    expect(suggestions[0]!.reasons.join(' | ')).toContain('state television ~ Halden')
  })

  it('counts two voices of one government above a voice against the country', () => {
    const documents = [
      week('claim', ['Vey Palace dismissed the shipping report as invented.'], '04'),
      week('country', ['Norland dismissed the shipping report as invented.'], '05'),
      week('capital', ['Halden dismissed the shipping report as invented.'], '05'),
    ]
    const suggestions = suggest(documents, 'Vey Palace dismissed the shipping report as invented.')
    expect(rankOf(suggestions, 'Halden dismissed')).toBe(0)
    expect(find(suggestions, 'Halden dismissed')!.signals.names).toBeGreaterThan(
      find(suggestions, 'Norland dismissed')!.signals.names,
    )
  })
})

describe('one passage, offered once', () => {
  const source = week(
    'claim',
    ['Kessaria loaded 4,800 tonnes of rye onto barges for Halden.'],
    '04',
  )
  const report = week(
    'report',
    [
      'Dock clerks in Kessaria logged 4,800 tonnes of rye loaded onto barges for Halden last week, and the harbour office said every quay was full.',
    ],
    '05',
  )
  const others = [
    week('arrivals', ['Halden received rye barges from Kessaria all summer.'], '06'),
    week('prices', ['Rye prices in Halden fell after the Kessaria barges arrived.'], '06'),
    week(
      'tally',
      ['The Kessaria harbour office put the rye shipped to Halden at 4,800 tonnes.'],
      '07',
    ),
  ]
  // The analyst's claim covers less than half of its sentence: the sentence is a candidate too.
  const clause = claimIn(report, '4,800 tonnes of rye loaded onto barges for Halden', 'clause')
  const overlaps = (a: Suggestion, b: Suggestion) =>
    a.target.documentId === b.target.documentId &&
    a.target.start < b.target.end &&
    b.target.start < a.target.end

  it('offers the claim, not also the sentence around it, at the better of their ranks', () => {
    const index = createSuggestionIndex(
      { documents: [source, report, ...others, filler], claims: [clause] },
      { aliases, readingCache: false },
    )
    const ask = (options: { claims?: boolean; sentences?: boolean } = {}) =>
      suggestLinks(
        { claim: claimIn(source, 'Kessaria loaded 4,800 tonnes', 'claim'), document: source },
        index,
        options,
      )
    const suggestions = ask()
    const fromReport = suggestions.filter((s) => s.target.documentId === 'report')
    expect(fromReport.map((s) => s.target)).toEqual([
      expect.objectContaining({ kind: 'claim', claimId: 'clause' }),
    ])
    // Its sentence, with more of the words, outranks the claim alone: the claim takes its place
    // and score, and keeps what it says itself.
    const [sentence] = ask({ claims: false })
    const [claim] = ask({ sentences: false })
    expect(sentence!.target.documentId).toBe('report')
    expect(sentence!.score).toBeGreaterThan(claim!.score)
    expect(suggestions[0]).toEqual({ ...claim, score: sentence!.score })
  })

  it('offers a sentence once when one text is listed twice', () => {
    const suggestions = suggest([source, report, report], 'Kessaria loaded 4,800 tonnes')
    expect(suggestions.filter((s) => s.target.documentId === 'report')).toHaveLength(1)
  })

  it('fills the top N with N distinct passages', () => {
    const suggestions = suggest(
      [source, report, report, ...others],
      'Kessaria loaded 4,800 tonnes',
      [clause],
      4,
    )
    expect(suggestions).toHaveLength(4)
    suggestions.forEach((a, i) =>
      suggestions.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)),
    )
  })
})

describe('datelines', () => {
  it('do not make the day of the month a shared figure', () => {
    const documents = [
      week('claim', ['Customs at Halden counted 27 barges of rye from Kessaria.'], '27'),
      week(
        'dateline',
        ['HALDEN, May 27 (Sava Courier) -- Customs at Halden reopened after the rye strike.'],
        '27',
      ),
    ]
    const dateline = find(suggest(documents, '27 barges of rye from Kessaria'), 'Sava Courier')
    expect(dateline).toBeDefined()
    expect(dateline!.reasons.join(' | ')).not.toContain('same figure')
    expect(dateline!.signals.figures).toBe(0)
  })
})
