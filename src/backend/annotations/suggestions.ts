/**
 * Link suggestions over a project: the suggestion index of core/linking built from the project's
 * parsed documents and the annotator's claims (placed in the documents' current texts), and its
 * answers resolved to documents, keys and quotes. Used by the session (cached, see
 * SuggestionIndexCache) and by `corroborate suggest`.
 */
import {
  createSuggestionIndex,
  suggestLinks,
  type LinkableClaim,
  type LinkableDocument,
  type Suggestion,
  type SuggestionIndex,
} from '../../core/linking'
import { isOnFurniture } from '../../core/document'
import type { Claim } from '../../core/model'
import type { LinkSuggestion, SuggestionListing } from '../../shared/api'
import { DocumentIndex, placeClaims } from './placement'

/** A parsed project document with the key the listing gave it (the CLI uses its path). */
export interface CorpusDocument extends LinkableDocument {
  key: string
  path: string
}

export interface SuggestionCorpusView {
  documents: readonly CorpusDocument[]
  index: SuggestionIndex
  /** Claims by id, with their range in the current text. */
  claims: ReadonlyMap<string, LinkableClaim>
}

/** Places each claim in its document's current text; claims that cannot be placed are left out. */
export function placeForLinking(
  claims: Iterable<Claim>,
  documents: readonly CorpusDocument[],
): LinkableClaim[] {
  const index = new DocumentIndex(documents)
  const byDocument = new Map<CorpusDocument, Claim[]>()
  for (const claim of claims) {
    const document = index.documentOf(claim)
    if (!document) continue
    const list = byDocument.get(document) ?? []
    list.push(claim)
    byDocument.set(document, list)
  }
  const placed: LinkableClaim[] = []
  for (const [document, list] of byDocument) {
    for (const { claim, start, end } of placeClaims(list, document.text, document.id).claims) {
      // A claim on page furniture is never a candidate, as the furniture itself is not.
      if (isOnFurniture(document.blocks, start, end)) continue
      placed.push({
        id: claim.id,
        documentId: document.id,
        start,
        end,
        quote: document.text.slice(start, end),
        label: claim.label,
      })
    }
  }
  return placed
}

export function buildSuggestionCorpus(
  documents: readonly CorpusDocument[],
  claims: Iterable<Claim>,
): SuggestionCorpusView {
  const placed = placeForLinking(claims, documents)
  return {
    documents,
    index: createSuggestionIndex({ documents, claims: placed }),
    claims: new Map(placed.map((claim) => [claim.id, claim])),
  }
}

/** Suggestions for `source` (a placed claim, or a range with id '' not claimed yet), resolved. */
export function suggestFor(
  corpus: SuggestionCorpusView,
  source: LinkableClaim,
  limit: number,
): SuggestionListing {
  const document = corpus.documents.find((candidate) => candidate.id === source.documentId)
  if (!document) throw new Error(`suggestFor: document ${source.documentId} is not in the corpus`)
  const suggestions = suggestLinks({ claim: source, document }, corpus.index, { limit })
  const byId = new Map(corpus.documents.map((candidate) => [candidate.id, candidate]))
  return {
    source: {
      claimId: source.id === '' ? null : source.id,
      documentKey: document.key,
      path: document.path,
      start: source.start,
      end: source.end,
      quote: source.quote,
    },
    suggestions: suggestions.map((suggestion) => resolveSuggestion(suggestion, byId)),
    warnings: [],
  }
}

function resolveSuggestion(
  suggestion: Suggestion,
  documents: ReadonlyMap<string, CorpusDocument>,
): LinkSuggestion {
  const { target } = suggestion
  const document = documents.get(target.documentId)!
  return {
    target: {
      kind: target.kind,
      claimId: target.kind === 'claim' ? target.claimId : null,
      documentKey: document.key,
      documentId: document.id,
      path: document.path,
      start: target.start,
      end: target.end,
      quote: document.text.slice(target.start, target.end),
    },
    score: suggestion.score,
    relation: suggestion.relation,
    // An update links the older claim to the newer one.
    linkFrom:
      suggestion.relation === 'updates' && suggestion.newer === 'source' ? 'target' : 'source',
    reasons: suggestion.reasons,
    signals: suggestion.signals,
    // Only the session knows the annotator's links: it marks linked targets (queries.ts).
    linked: null,
  }
}

/**
 * The session's suggestion index, rebuilt lazily: only when asked for after the claims (their
 * store revision) or the listed documents changed. Parsed documents are kept by path and content
 * hash, so a rebuild after a new claim parses nothing again.
 */
export class SuggestionIndexCache {
  private parsed = new Map<string, CorpusDocument>()
  private parsedWithFurniture = ''
  private built: { signature: string; corpus: SuggestionCorpusView } | null = null

  async get(
    listed: readonly { key: string; path: string; id: string }[],
    open: (key: string) => Promise<CorpusDocument>,
    claims: () => Iterable<Claim>,
    claimsRevision: number,
    /** Changes when the analyst flips a block: the documents' furniture is then read again. */
    furnitureSignature = '',
  ): Promise<SuggestionCorpusView> {
    const signature =
      `${claimsRevision}\n${furnitureSignature}\n` +
      listed.map((doc) => `${doc.key}\t${doc.path}\t${doc.id}`).join('\n')
    // A flip changes a document's blocks, not its id: read the documents again, not stale blocks.
    if (furnitureSignature !== this.parsedWithFurniture) {
      this.parsed.clear()
      this.parsedWithFurniture = furnitureSignature
    }
    if (this.built?.signature === signature) return this.built.corpus
    const documents: CorpusDocument[] = []
    const parsed = new Map<string, CorpusDocument>()
    for (const summary of listed) {
      const cacheKey = `${summary.path}\t${summary.id}`
      const document = this.parsed.get(cacheKey) ?? (await open(summary.key))
      parsed.set(cacheKey, { ...document, key: summary.key })
      documents.push({ ...document, key: summary.key })
    }
    this.parsed = parsed
    const corpus = buildSuggestionCorpus(documents, claims())
    this.built = { signature, corpus }
    return corpus
  }
}
