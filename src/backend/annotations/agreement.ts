/**
 * The agreement query: reads every annotator's file of the project (read-only, as exports do),
 * places each claim in its document's current text, and hands the claims and links to
 * core/review for the report. A file with problems is named and left out; claims on documents
 * that are not in the project, or that cannot be placed in the current text, are counted and
 * named rather than silently dropped.
 */
import {
  agreementReport,
  nanAsNull,
  type ReviewClaim,
  type ReviewDocument,
} from '../../core/review'
import type { Claim } from '../../core/model'
import type { AgreementRequest, AgreementResult } from '../../shared/api'
import { BackendError } from '../errors'
import { readAnnotationFolder } from './annotation-folder'
import type { AnnotationContext } from './context'
import { DocumentIndex, placeClaims } from './placement'

const CLUSTER_RELATION = 'same'

export async function getAgreement(
  context: AnnotationContext,
  request: AgreementRequest,
): Promise<AgreementResult> {
  const folder = await readAnnotationFolder(context.dataRoot)
  const wanted = request.annotators
  const files = folder.files.filter((file) => !wanted || wanted.includes(file.annotator))
  const annotators = wanted
    ? wanted.filter((name) => files.some((file) => file.annotator === name))
    : files.map((file) => file.annotator)
  // An annotator asked for whose file is unreadable is among the problems; one without a file
  // at all is a mistake in the request.
  const hasProblem = (name: string) =>
    folder.problems.some((problem) => problem.displayName === `annotations/${name}.json`)
  const absent = (wanted ?? []).find((name) => !annotators.includes(name) && !hasProblem(name))
  if (absent !== undefined) {
    throw new BackendError(
      'annotation-file-problem',
      `There is no annotations/${absent}.json in this project.`,
    )
  }

  const all = context.documents.projectDocuments()
  const documents = request.documents
    ? all.filter((document) => request.documents!.includes(document.path))
    : all
  const index = new DocumentIndex(all)
  const leftOut: AgreementResult['leftOut'] = []
  // Each file's claims by the key of their document, found once.
  const claimsByFile = files.map((file) => {
    const byKey = new Map<string, Claim[]>()
    const notInProject = new Map<string, number>()
    for (const claim of file.file.claims) {
      const document = index.documentOf(claim)
      if (document) {
        const own = byKey.get(document.key)
        if (own) own.push(claim)
        else byKey.set(document.key, [claim])
      } else notInProject.set(claim.document.path, (notInProject.get(claim.document.path) ?? 0) + 1)
    }
    for (const [path, claims] of notInProject) {
      leftOut.push({ annotator: file.annotator, path, reason: 'not-in-project', claims })
    }
    return { file, byKey }
  })

  const reviewed: ReviewDocument[] = []
  for (const document of documents) {
    const opened = await context.documents.open(document.key)
    const claims: ReviewClaim[] = []
    for (const { file, byKey } of claimsByFile) {
      const placed = placeClaims(byKey.get(document.key) ?? [], opened.text, opened.id)
      if (placed.orphans.length > 0) {
        leftOut.push({
          annotator: file.annotator,
          path: document.path,
          reason: 'not-placed',
          claims: placed.orphans.length,
        })
      }
      for (const { claim, start, end } of placed.claims) {
        claims.push({
          id: claim.id,
          annotator: file.annotator,
          start,
          end,
          label: claim.label,
          status: claim.status,
          certainty: claim.certainty,
        })
      }
    }
    reviewed.push({ path: document.path, length: opened.text.length, claims })
  }

  const report = agreementReport({
    annotators,
    documents: reviewed,
    links: new Map(files.map((file) => [file.annotator, file.file.links])),
    undirected: new Set(
      context.settings.relations.filter((relation) => !relation.directed).map((r) => r.id),
    ),
    clusterRelation: CLUSTER_RELATION,
  })
  return {
    report: nanAsNull(report),
    sources: files.map((file) => file.displayName),
    problems: folder.problems.map((problem) => ({
      file: problem.displayName,
      message: problem.message,
    })),
    leftOut,
  }
}
