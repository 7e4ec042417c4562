/**
 * Which claims belong to a document, and where they are in its current text.
 *
 * Belonging: a claim belongs to the listed document at its saved path; when no listed document
 * has that path any more (the file was renamed or moved), to a document with its saved content
 * hash. Path first, because two identical copies of an article under two paths must keep
 * their claims where they were made; the hash finds a file that moved.
 */
import { anchorClaim } from '../../core/anchoring'
import { claimSelectors, type Claim } from '../../core/model'
import type { OrphanReason } from '../../core/anchoring/anchor'
import type { ListedClaim } from '../../shared/api'

export interface ListedDocument {
  key: string
  id: string
  path: string
}

/** Finds the listed document of a claim (path first, then content hash). */
export class DocumentIndex<T extends ListedDocument> {
  private readonly byPath = new Map<string, T>()
  private readonly byId = new Map<string, T>()

  constructor(documents: Iterable<T>) {
    for (const document of documents) {
      this.byPath.set(document.path, document)
      if (!this.byId.has(document.id)) this.byId.set(document.id, document)
    }
  }

  documentOf(claim: Claim): T | undefined {
    return this.byPath.get(claim.document.path) ?? this.byId.get(claim.document.id)
  }

  belongsTo(claim: Claim, document: ListedDocument): boolean {
    return this.documentOf(claim)?.key === document.key
  }
}

/** A stored claim and its place in a document's current text (the backend's PlacedClaim). */
export interface Placement {
  claim: Claim
  start: number
  end: number
  placement: 'exact' | 'moved'
}

/** A stored claim that could not be placed (the backend's OrphanClaim). */
export interface Unplaced {
  claim: Claim
  reason: OrphanReason
  nearest: { start: number; end: number } | null
}

/** Places each claim in `text` (the document with content hash `documentId`). */
export function placeClaims(
  claims: Iterable<Claim>,
  text: string,
  documentId: string,
): { claims: Placement[]; orphans: Unplaced[] } {
  const placed: Placement[] = []
  const orphans: Unplaced[] = []
  for (const claim of claims) {
    const { start, end } = claim.target.position
    if (claim.document.id === documentId) {
      // Same text as when saved: the saved offsets hold, no search.
      placed.push({ claim, start, end, placement: 'exact' })
      continue
    }
    const result = anchorClaim(text, claimSelectors(claim))
    if (result.status === 'orphan') {
      const nearest = result.nearest
        ? { start: result.nearest.start, end: result.nearest.end }
        : null
      orphans.push({ claim, reason: result.reason, nearest })
    } else {
      placed.push({ claim, start: result.start, end: result.end, placement: result.status })
    }
  }
  placed.sort((a, b) => a.start - b.start || a.end - b.end || (a.claim.id < b.claim.id ? -1 : 1))
  return { claims: placed, orphans }
}

/** What a listing carries of a stored claim (see ListedClaim in the contract). */
export function listedClaim(claim: Claim): ListedClaim {
  const { id, label, attributedTo, status, certainty, note, tags } = claim
  return { id, label, attributedTo, status, certainty, note, tags, quote: claim.target.quote.exact }
}
