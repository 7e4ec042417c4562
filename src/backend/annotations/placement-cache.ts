/**
 * Which of the annotator's claims are orphans now: their document's text changed and their
 * passage could not be placed in it with confidence. Clusters and the matrix leave orphans out
 * (an orphan counts nowhere until the analyst places it again); the claim list shows them under
 * "Needs attention".
 *
 * Only documents whose content hash differs from the one a claim was made on are read again, so
 * a project whose files did not change costs one pass over the claims. The answer is kept until
 * the claims (their store revision) or the listed documents change.
 */
import type { Claim } from '../../core/model'
import type { DocumentSummary } from '../../shared/api'
import { DocumentIndex, placeClaims } from './placement'

export class PlacementCache {
  private built: { signature: string; orphans: ReadonlySet<string> } | null = null

  async orphanIds(
    claims: () => Iterable<Claim>,
    claimsRevision: number,
    listed: readonly DocumentSummary[],
    open: (key: string) => Promise<{ text: string }>,
  ): Promise<ReadonlySet<string>> {
    const signature =
      `${claimsRevision}\n` + listed.map((doc) => `${doc.key}\t${doc.path}\t${doc.id}`).join('\n')
    if (this.built?.signature === signature) return this.built.orphans
    const index = new DocumentIndex(listed)
    const moved = new Map<DocumentSummary, Claim[]>()
    for (const claim of claims()) {
      const document = index.documentOf(claim)
      // Same text as when saved: the saved offsets hold. No listed document: nothing to place in.
      if (!document || document.id === claim.document.id) continue
      const list = moved.get(document)
      if (list) list.push(claim)
      else moved.set(document, [claim])
    }
    const orphans = new Set<string>()
    for (const [document, list] of moved) {
      const { text } = await open(document.key)
      for (const orphan of placeClaims(list, text, document.id).orphans) {
        orphans.add(orphan.claim.id)
      }
    }
    this.built = { signature, orphans }
    return orphans
  }
}
