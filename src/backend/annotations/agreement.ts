/**
 * The agreement query: reads every annotator's file of the project (read-only, as exports do),
 * places each claim in its document's current text, and hands the claims and links to
 * core/review for the report. A file with problems is named and left out; claims on documents
 * that are not in the project, or that cannot be placed in the current text, are counted and
 * named rather than silently dropped.
 */
import { agreementReport, nanAsNull } from '../../core/review'
import type { AgreementRequest, AgreementResult } from '../../shared/api'
import type { AnnotationContext } from './context'
import { readReviewedDocuments, type OutsideReview } from './review'

const CLUSTER_RELATION = 'same'

export async function getAgreement(
  context: AnnotationContext,
  request: AgreementRequest,
  outside?: OutsideReview,
): Promise<AgreementResult> {
  const read = await readReviewedDocuments(context, request, outside)
  const report = agreementReport({
    annotators: read.annotators,
    documents: read.documents.map(({ document, text, claims }) => ({
      path: document.path,
      length: text.length,
      claims,
    })),
    links: new Map(read.files.map((file) => [file.annotator, file.file.links])),
    undirected: new Set(
      context.settings.relations.filter((relation) => !relation.directed).map((r) => r.id),
    ),
    clusterRelation: CLUSTER_RELATION,
  })
  return {
    report: nanAsNull(report),
    sources: read.files.map((file) => file.displayName),
    problems: read.problems,
    leftOut: read.leftOut,
  }
}
