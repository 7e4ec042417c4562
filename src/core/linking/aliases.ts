/**
 * Names that mean the same entity, as data. Projects will extend this table from their
 * settings (corroborate.json); the code reads it only through `createAliasTable`.
 *
 * `variants` are the same entity written differently: transliterations (Shoigu / Shoygu),
 * abbreviations (DIA), demonyms used attributively ("North Korean shells" is about North Korea).
 * `standsFor` is weaker: a capital, an institution or a state news agency named in place of a
 * country in attribution ("Pyongyang denied", "the Kremlin said", "KCNA reported"); a country's
 * "state media" stands in for it the same way (names.ts reads whose media they are). Such a match
 * counts for less than a variant, because "Moscow said" and "Russia sent" are not the same actor
 * in the same role; two stand-ins for one country ("the Kremlin said", "Moscow said") are.
 *
 * Spelling differences the generic fold already absorbs (diacritics, y/i, hyphen/space, case,
 * dots in U.S.) need no entry; misspellings ("Tumangan") are caught by fuzzy matching, but a
 * known one is listed so that it matches at full strength.
 */
export interface AliasEntry {
  /** The name shown in reasons. */
  name: string
  /** Other ways of writing the same entity. */
  variants?: string[]
  /** Entities this name commonly stands in for (weaker than a variant). */
  standsFor?: string[]
}

export const DEFAULT_ALIASES: readonly AliasEntry[] = [
  // People
  { name: 'Sergei Shoigu', variants: ['Shoigu', 'Shoygu', 'Sergey Shoygu'] },
  { name: 'Kim Jong Un', variants: ['Kim Jong-un', 'Kim Jong-Un', 'Kim Jongun'] },
  { name: 'Vladimir Putin', variants: ['Putin'] },
  // Places
  {
    name: 'North Korea',
    variants: ['North Korean', 'DPRK', "Democratic People's Republic of Korea"],
  },
  { name: 'South Korea', variants: ['South Korean', 'ROK', 'Republic of Korea'] },
  { name: 'Russia', variants: ['Russian', 'Russian Federation'] },
  { name: 'Ukraine', variants: ['Ukrainian'] },
  {
    name: 'United States',
    variants: ['US', 'USA', 'U.S.', 'United States of America', 'American'],
  },
  { name: 'Pyongyang', standsFor: ['North Korea'] },
  { name: 'Seoul', standsFor: ['South Korea'] },
  { name: 'Moscow', standsFor: ['Russia'] },
  { name: 'Kremlin', variants: ['the Kremlin'], standsFor: ['Russia'] },
  { name: 'Washington', standsFor: ['United States'] },
  { name: 'Kyiv', variants: ['Kiev'], standsFor: ['Ukraine'] },
  { name: 'Rajin', variants: ['Najin'] },
  // Rason is the economic zone that contains the port of Rajin: related, not the same place.
  { name: 'Rason', variants: ['Rajin-Sonbong'], standsFor: ['Rajin'] },
  { name: 'Khasan', variants: ['Hasan'] },
  { name: 'Tumangang', variants: ['Tumangan'] },
  { name: 'Tumen River', variants: ['Tumen'] },
  // Agencies
  {
    name: 'Defense Intelligence Agency',
    variants: ['DIA', 'Defence Intelligence Agency', 'US Defense Intelligence Agency'],
  },
  { name: 'National Intelligence Service', variants: ['NIS'] },
  { name: 'United Nations', variants: ['UN', 'U.N.'] },
  // State news agencies speak for their governments, as capitals do in attribution.
  { name: 'KCNA', variants: ['Korean Central News Agency'], standsFor: ['North Korea'] },
  { name: 'Rodong Sinmun', standsFor: ['North Korea'] },
  { name: 'TASS', standsFor: ['Russia'] },
  {
    name: 'Security Council',
    variants: ['UN Security Council', 'United Nations Security Council'],
  },
]
