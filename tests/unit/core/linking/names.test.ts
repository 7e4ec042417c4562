import { describe, expect, it } from 'vitest'
import {
  createAliasTable,
  editDistance,
  extractNames,
  foldName,
  fuzzyNameMatch,
  nameSimilarity,
} from '../../../../src/core/linking'

const keys = (text: string, isCommonWord?: (word: string) => boolean) =>
  extractNames(text, isCommonWord ? { isCommonWord } : {}).map((name) => name.key)

describe('foldName', () => {
  it('folds transliteration variants to one key', () => {
    expect(foldName('Shoygu')).toBe(foldName('Shoigu'))
    expect(foldName('Kim Jong-un')).toBe(foldName('Kim Jong Un'))
    expect(foldName('Amélie Durand-Pryce')).toBe('amelie durand price')
    expect(foldName('U.S.')).toBe('us')
    expect(foldName('Seoul’s')).toBe('seoul')
  })
})

describe('extractNames', () => {
  it('finds capitalised phrases with their ranges', () => {
    const text =
      'Satellite images reviewed by the Kestrel Open Source Lab showed wagons at Tumangang.'
    const names = extractNames(text, { isCommonWord: (word) => word === 'satellite' })
    expect(names.map((n) => n.text)).toEqual(['Kestrel Open Source Lab', 'Tumangang'])
    for (const name of names) expect(text.slice(name.start, name.end)).toBe(name.text)
  })

  it('keeps connectors inside names and drops sentence-opening common words', () => {
    expect(
      extractNames('Dana Okafor of the Halvorsen Centre for Arms Control said.').map((n) => n.text),
    ).toEqual(['Dana Okafor', 'Halvorsen Centre for Arms Control'])
    expect(keys('The Kremlin spokesman said. Most of them are shells.')).toEqual(['kremlin'])
    // "north" is a common word, but "North Korea" at a sentence start is still a name.
    expect(keys('North Korea has sent shells.', (word) => word === 'north')).toEqual([
      'north korea',
    ])
  })

  it('reads an abbreviated title or rank as no name, and the name after it as opening nothing', () => {
    expect(
      extractNames('Sen. Ilse Marr asked Lt. Col. Ivo Pent and Rep. Tova Lind to testify.').map(
        (n) => n.text,
      ),
    ).toEqual(['Ilse Marr', 'Ivo Pent', 'Tova Lind'])
    // "baker" is a common word, yet after "Gen." it is no sentence opener: a name.
    expect(keys('Gen. Baker inspected the Ostrand quays.', (word) => word === 'baker')).toEqual([
      'baker',
      'ostrand',
    ])
    // Without the stop it is a name like any other.
    expect(keys('The economist Ruma Sen visited Ostrand.')).toEqual(['ruma sen', 'ostrand'])
  })

  it('resolves aliases, abbreviations and demonyms through the table', () => {
    expect(keys('according to a DIA report')).toEqual(keys('the Defense Intelligence Agency said'))
    // The longest known spelling wins: "US Defense Intelligence Agency" is the agency.
    expect(keys('Last week the US Defense Intelligence Agency put a number')).toEqual([
      'defense intelligence agenci',
    ])
    expect(keys('a US report')).toEqual(keys('an American report'))
    expect(keys('the port of Rajin')).toEqual(keys('the port of Najin'))
    expect(keys('the station of Khasan')).toEqual(keys('the station of Hasan'))
    expect(keys('Sergei Shoigu visited')).toEqual(keys('Sergei Shoygu visited'))
    expect(keys('Kim Jong Un travelled')).toEqual(keys('Kim Jong-un’s public appearances'))
    expect(keys('North Korean shells')).toEqual(keys('North Korea’s shells'))
    expect(keys('Russian President Vladimir Putin signed')).toEqual([
      'russia',
      'president',
      'vladimir putin',
    ])
  })

  it('records what capitals stand in for, without merging them with the country', () => {
    const [pyongyang] = extractNames('Pyongyang called the report a fabrication')
    expect(pyongyang!.key).not.toBe('north korea')
    expect(pyongyang!.standsFor).toEqual(['north korea'])
    const [rason] = extractNames('the port of Rason')
    expect(rason!.key).not.toBe(keys('Rajin')[0])
    expect(rason!.standsFor).toEqual(keys('Rajin'))
  })

  it('takes an extended alias table from settings', () => {
    const aliases = createAliasTable([{ name: 'Vostochny', variants: ['Vostochnyy Port'] }])
    expect(extractNames('ships at Vostochnyy Port', { aliases }).map((n) => n.key)).toEqual([
      'vostochni',
    ])
  })
})

describe('names joined by "and"', () => {
  it('reads two names unless the table knows the pair', () => {
    expect(extractNames('barges bound for Lodz and Brest').map((n) => n.text)).toEqual([
      'Lodz',
      'Brest',
    ])
    const aliases = createAliasTable([{ name: 'Trinidad and Tobago' }])
    expect(extractNames('ships from Trinidad and Tobago', { aliases }).map((n) => n.text)).toEqual([
      'Trinidad and Tobago',
    ])
  })
})

describe('state media', () => {
  const aliases = createAliasTable([
    { name: 'Norland', variants: ['Norlandic'] },
    { name: 'Halden', standsFor: ['Norland'] },
  ])
  const standIns = (text: string) =>
    extractNames(text, { aliases })
      .filter((n) => /state/.test(n.text))
      .map((n) => [n.text, n.standsFor])

  it('stands in for the country the text says it belongs to', () => {
    expect(standIns('Norland’s state media called it a provocation')).toEqual([
      ['state media', ['norland']],
    ])
    expect(standIns('Norlandic state-run television said so')).toEqual([
      ['state-run television', ['norland']],
    ])
    // Through a capital, before or after: "state media in Halden".
    expect(standIns('state media in Halden reported the launch')).toEqual([
      ['state media', ['norland']],
    ])
  })

  it('leaves state media of no stated country alone', () => {
    expect(standIns('state media reported the launch')).toEqual([])
    expect(standIns('the state of Norland media')).toEqual([])
  })

  it('knows state news agencies in the built-in table', () => {
    const [kcna] = extractNames('KCNA said the test was routine')
    expect(kcna!.standsFor).toEqual(['north korea'])
  })
})

describe('fuzzy names', () => {
  it('matches a misspelt place, not a different name', () => {
    expect(nameSimilarity('Tumangan', 'Tumangang')).toBeCloseTo(8 / 9)
    expect(fuzzyNameMatch(foldName('Tumangan'), foldName('Tumangang'))).toBe(true)
    expect(fuzzyNameMatch(foldName('Vladivostock'), foldName('Vladivostok'))).toBe(true)
    expect(fuzzyNameMatch(foldName('Russia'), foldName('Prussia'))).toBe(false)
    expect(fuzzyNameMatch(foldName('Kim'), foldName('Kin'))).toBe(false)
    expect(fuzzyNameMatch(foldName('Dunai'), foldName('Dubai'))).toBe(false)
  })

  it('computes edit distance, stopping early past a limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2)
  })
})
