/**
 * ClaimReview (schema.org, JSON-LD) for the clusters of 'same' claims: claimreview.jsonld, one
 * ClaimReview per cluster of each annotator file (clusters as clusters.csv builds them, a claim
 * linked to nothing being a cluster of one), in a @graph.
 *
 *   claimReviewed                  the cluster's wording (the analyst's, else the earliest
 *                                  mention's quote)
 *   author                         the analyst (annotator) as a Person
 *   itemReviewed                   a Claim:
 *     appearance                   one CreativeWork per article carrying it: headline, url,
 *                                  datePublished, publisher (the outlet) and author as the
 *                                  article says them (absent when unknown)
 *     firstAppearance              the earliest published of those
 *     author                       who the earliest mention attributes the claim to, if anyone
 *     datePublished                the first appearance's date
 *   reviewRating                   only where the analyst gave a rating: a member claim's tag
 *                                  "rating:<words>" (for example "rating:False") becomes
 *                                  {"@type": "Rating", "alternateName": "<words>"}
 *   identifier                     the cluster id (its smallest member claim id)
 */
import {
  buildClusters,
  chosenClusterWording,
  linkingClaims,
  linkingLinks,
  type LinkableDocument,
} from '../linking'
import type { Claim } from '../model/claim'
import { compare, type DatasetExport, type DatasetInput, type DatasetProblem } from './dataset'

export const CLAIM_REVIEW_FILE_NAME = 'claimreview.jsonld'
const RATING_TAG = /^rating:\s*(.+)$/i

type Json = Record<string, unknown>

/** The rating the analyst gave in a member's tag, if any (the first in member order). */
export function ratingOf(claims: readonly Claim[]): string | null {
  for (const claim of claims) {
    for (const tag of claim.tags) {
      const match = RATING_TAG.exec(tag)
      if (match) return match[1]!.trim()
    }
  }
  return null
}

export function claimReviewExport(input: DatasetInput): DatasetExport {
  const problems: DatasetProblem[] = []
  const metadataOf = new Map(input.projectDocuments.map((document) => [document.id, document]))
  const linkable: LinkableDocument[] = input.projectDocuments.map((document) => ({
    id: document.id,
    text: '',
    blocks: [],
    metadata: document.metadata,
  }))
  const documentIdOf = (claim: Claim) => input.documents.find(claim)?.id ?? claim.document.id
  const reviews: Json[] = []
  let claims = 0
  for (const file of input.files) {
    const byId = new Map(file.claims.map((claim) => [claim.id, claim]))
    const clusters = buildClusters(
      linkingClaims(file.claims, documentIdOf),
      linkingLinks(file.links),
      linkable,
    )
    for (const cluster of clusters) {
      const members = cluster.memberClaimIds.map((id) => byId.get(id)!).filter(Boolean)
      claims += members.length
      const appearance = (documentId: string): Json => {
        const document = metadataOf.get(documentId)
        const member = members.find((claim) => documentIdOf(claim) === documentId)
        const metadata = document?.metadata ?? {}
        const work: Json = { '@type': 'CreativeWork' }
        if (metadata.title) work.headline = metadata.title
        if (metadata.url) work.url = metadata.url
        if (metadata.published) work.datePublished = metadata.published
        if (metadata.outlet) work.publisher = { '@type': 'Organization', name: metadata.outlet }
        if (metadata.author) work.author = { '@type': 'Person', name: metadata.author }
        work.name = document?.path ?? member?.document.path ?? documentId
        return work
      }
      const first = byId.get(cluster.firstAppearance.claimId)
      const claim: Json = {
        '@type': 'Claim',
        appearance: cluster.documents.map(appearance),
        firstAppearance: appearance(cluster.firstAppearance.documentId),
      }
      if (first && first.attributedTo !== '') {
        claim.author = { '@type': 'Thing', name: first.attributedTo }
      }
      if (cluster.firstAppearance.published) claim.datePublished = cluster.firstAppearance.published
      const review: Json = {
        '@type': 'ClaimReview',
        identifier: cluster.id,
        claimReviewed:
          chosenClusterWording(cluster.memberClaimIds, file.clusters) ?? cluster.canonicalWording,
        author: { '@type': 'Person', name: file.annotator },
        itemReviewed: claim,
      }
      const rating = ratingOf(members)
      if (rating !== null) review.reviewRating = { '@type': 'Rating', alternateName: rating }
      reviews.push(review)
    }
    const clustered = new Set(clusters.flatMap((cluster) => cluster.memberClaimIds))
    for (const claim of [...file.claims].sort((a, b) => compare(a.id, b.id))) {
      if (!clustered.has(claim.id)) {
        problems.push({
          item: claim.id,
          message: `Claim ${claim.id} is in no cluster; it has no ClaimReview.`,
        })
      }
    }
  }
  const graph = { '@context': 'https://schema.org', '@graph': reviews }
  return {
    files: [{ path: CLAIM_REVIEW_FILE_NAME, text: JSON.stringify(graph, null, 2) + '\n' }],
    claims,
    links: 0,
    problems,
  }
}
