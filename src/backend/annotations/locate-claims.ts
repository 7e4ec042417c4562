/**
 * The locateClaims query: claims of any annotator file placed in the project's current texts,
 * the way listings and agreement place them (placement.ts), for a review that compares files
 * the session does not hold (`corroborate diff`, a file opened from elsewhere). Read-only.
 */
import type { Claim } from '../../core/model'
import type { ClaimLocation } from '../../shared/api'
import type { AnnotationContext } from './context'
import { DocumentIndex, placeClaims } from './placement'

export async function locateClaims(
  context: AnnotationContext,
  claims: readonly Claim[],
): Promise<ClaimLocation[]> {
  const index = new DocumentIndex(context.documents.projectDocuments())
  const locations: ClaimLocation[] = claims.map(() => ({ status: 'not-in-project' }))
  // Claims by document, each document opened (and parsed) once.
  const byKey = new Map<string, { path: string; positions: number[] }>()
  claims.forEach((claim, i) => {
    const document = index.documentOf(claim)
    if (!document) return
    const own = byKey.get(document.key)
    if (own) own.positions.push(i)
    else byKey.set(document.key, { path: document.path, positions: [i] })
  })
  for (const [key, { path, positions }] of byKey) {
    const opened = await context.documents.open(key)
    // Claim ids are unique within a file, not across the files a caller may pass together.
    const at = new Map(positions.map((i) => [claims[i]!, i]))
    const placed = placeClaims(
      positions.map((i) => claims[i]!),
      opened.text,
      opened.id,
    )
    for (const { claim, start, end } of placed.claims) {
      locations[at.get(claim)!] = {
        status: 'placed',
        documentKey: key,
        path,
        start,
        end,
        quote: opened.text.slice(start, end),
      }
    }
    for (const { claim } of placed.orphans) {
      locations[at.get(claim)!] = { status: 'not-placed', documentKey: key, path }
    }
  }
  return locations
}
