/**
 * Which of the annotator's claims count nowhere now:
 * - orphans: their document's text changed and their passage could not be placed in it with
 *   confidence (an orphan counts nowhere until the analyst places it again; the claim list shows
 *   them under "Needs attention");
 * - claims on page furniture: their passage lies on blocks detected or flipped as furniture
 *   (a teaser, an appeal), which the analyst sees folded in the reader.
 * Clusters, the matrix, search and the claim counts leave both out.
 *
 * Only documents holding claims are opened, and only documents whose content hash differs from
 * the one a claim was made on are searched again, so a project whose files did not change costs
 * one pass over the claims. The answer is kept until the claims (their store revision), the listed
 * documents or the furniture corrections change.
 */
import { isOnFurniture, type Block } from '../../core/document'
import type { Claim } from '../../core/model'
import type { DocumentSummary } from '../../shared/api'
import { DocumentIndex, placeClaims } from './placement'

export interface LeftOut {
  orphans: ReadonlySet<string>
  onFurniture: ReadonlySet<string>
  /** Both: what clusters, the matrix, search and counts leave out. */
  all: ReadonlySet<string>
}

export class PlacementCache {
  private built: { signature: string; leftOut: LeftOut } | null = null

  async leftOut(
    claims: () => Iterable<Claim>,
    claimsRevision: number,
    listed: readonly DocumentSummary[],
    open: (key: string) => Promise<{ text: string; blocks: readonly Block[] }>,
    /** Changes whenever an analyst flips a block (see furnitureSignature in context.ts). */
    furnitureSignature: string,
  ): Promise<LeftOut> {
    const signature =
      `${claimsRevision}\n${furnitureSignature}\n` +
      listed.map((doc) => `${doc.key}\t${doc.path}\t${doc.id}`).join('\n')
    if (this.built?.signature === signature) return this.built.leftOut
    const index = new DocumentIndex(listed)
    const byDocument = new Map<DocumentSummary, Claim[]>()
    for (const claim of claims()) {
      const document = index.documentOf(claim)
      if (!document) continue // No listed document: nothing to place in.
      const list = byDocument.get(document)
      if (list) list.push(claim)
      else byDocument.set(document, [claim])
    }
    const orphans = new Set<string>()
    const onFurniture = new Set<string>()
    for (const [document, list] of byDocument) {
      const { text, blocks } = await open(document.key)
      const hasFurniture = blocks.some((block) => block.boilerplate === true)
      const unchanged = list.every((claim) => claim.document.id === document.id)
      if (unchanged && !hasFurniture) continue
      const placed = placeClaims(list, text, document.id)
      for (const orphan of placed.orphans) orphans.add(orphan.claim.id)
      if (!hasFurniture) continue
      for (const { claim, start, end } of placed.claims) {
        if (isOnFurniture(blocks, start, end)) onFurniture.add(claim.id)
      }
    }
    const leftOut = { orphans, onFurniture, all: new Set([...orphans, ...onFurniture]) }
    this.built = { signature, leftOut }
    return leftOut
  }
}
