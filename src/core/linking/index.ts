/**
 * core/linking: claims across sources. Suggests which claims and sentences of other articles
 * say the same thing as a claim (or a different figure for the same quantity), groups claims
 * joined by 'same' links into clusters, and lays clusters against documents in a
 * corroboration matrix. Pure data in, pure data out; the store and the UI are elsewhere.
 *
 *   figures.ts         numbers, units, qualifiers and dates -> comparable values
 *   names.ts           capitalised names, aliases (aliases.ts), transliteration fold, fuzzy match
 *   similarity.ts      wording: terms, light stemming, TF-IDF cosine
 *   sentences.ts       sentence candidates (Intl.Segmenter, mended after abbreviations) per block
 *   suggestionIndex.ts the per-corpus index (inverted lists over terms, figures and names)
 *   readingCache.ts    each document's reading kept between index builds, by content hash
 *   boilerplate.ts     sentences that are page furniture (cross-links, appeals, notices)
 *   roles.ts           who sends to whom: origin and destination of a shipment, for 'contradicts'
 *   suggest.ts         ranking, suggested relation and reasons for one claim
 *   clusters.ts        'same' clusters (union-find) and the corroboration matrix
 *   from-model.ts      core/model's claims, links and cluster wordings in these shapes
 */
export * from './types'
export {
  conflictingFigures,
  extractFigures,
  figureKeys,
  formatFigure,
  KNOWN_CALIBRES_MM,
  sameFigure,
  type DatePrecision,
  type Figure,
  type FigureOptions,
  type FigureQualifier,
  type FigureUnit,
} from './figures'
export { DEFAULT_ALIASES, type AliasEntry } from './aliases'
export {
  createAliasTable,
  editDistance,
  extractNames,
  foldName,
  fuzzyNameMatch,
  nameSimilarity,
  type AliasTable,
  type NameMention,
  type NameOptions,
} from './names'
export {
  contentTerms,
  cosine,
  stem,
  termVector,
  topSharedTerms,
  type TermVector,
} from './similarity'
export { segmentSentences, type SentenceCandidate } from './sentences'
export {
  createSuggestionIndex,
  SIGNAL_WEIGHTS,
  suggestLinks,
  type Suggestion,
  type SuggestionCorpus,
  type SuggestionIndex,
  type SuggestionSource,
  type SuggestionTarget,
  type SuggestOptions,
} from './suggest'
export type { SuggestionIndexOptions } from './suggestion-index'
export { ReadingCache, sharedReadingCache } from './reading-cache'
export { isBoilerplateSentence } from './boilerplate'
export {
  buildClusters,
  corroborationMatrix,
  sortRows,
  type Cluster,
  type ClusterOptions,
  type CorroborationMatrix,
  type MatrixCell,
  type MatrixColumn,
  type MatrixOptions,
  type MatrixOrder,
  type MatrixRow,
} from './clusters'
export { chosenClusterWording, linkingClaims, linkingLinks } from './from-model'
