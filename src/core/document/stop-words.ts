/**
 * English function words, the stop list of the furniture detector (furniture.ts). jusText's
 * observation: running prose is dense in function words ("the", "of", "that"), while menus,
 * tags, teasers and buttons are nouns and names. The list is short on purpose: the density of
 * these words separates prose from labels well enough, and a longer list adds nothing.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each few for from ' +
    'further had has have having he her here hers herself him himself his how i if in into is it ' +
    'its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were ' +
    'what when where which while who whom why will with would you your yours yourself ' +
    'yourselves said says say would may might must shall one two which whose there’s it’s ' +
    "it's that's"
  ).split(' '),
)

/** Share of the words of `text` that are stop words (0 when it has no words). */
export function stopWordDensity(words: readonly string[]): number {
  if (words.length === 0) return 0
  let count = 0
  for (const word of words) if (ENGLISH_STOP_WORDS.has(word)) count++
  return count / words.length
}

/** Lower-case words of a block: letters, digits and inner apostrophes. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []
}
