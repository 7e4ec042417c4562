/**
 * Review queries: who has annotated the project (listAnnotators), a document's colleagues'
 * claims to draw as lanes (listAnnotatorClaims), and the disagreement queue (getReviewQueue),
 * which shares its reading of the files with the agreement report (readReviewedDocuments).
 *
 * All read-only: a colleague's file is never written, and one with problems is named and left
 * out while the others are reviewed.
 */
import { join, resolve } from 'node:path'
import { alignClaims, reviewQueue, type QueueClaim } from '../../core/review'
import type { Claim } from '../../core/model'
import type {
  AgreementResult,
  AnnotatorLanes,
  AnnotatorSummary,
  DocumentSummary,
  LaneClaim,
  ReviewQueueRequest,
  ReviewQueueResult,
  ReviewVersion,
} from '../../shared/api'
import { DecisionIndex, fingerprintsOf, unitKey } from '../../core/review/gold'
import { BackendError } from '../errors'
import { describe } from '../settings'
import { readDecisionsFile } from '../review/decisions-file'
import {
  ANNOTATIONS_FOLDER,
  annotatorFileNames,
  DEFAULT_GOLD,
  type AnnotationFolderFile,
  type AnnotationFolderProblem,
} from './annotation-folder'
import { ColleagueFileCache, type ColleagueFile } from './colleague-files'
import { ReviewSources } from './review-sources'
import type { AnnotationContext } from './context'
import { DocumentIndex, placeClaims } from './placement'

/** Characters of text shown on either side of a unit in the queue. */
const CONTEXT_CHARACTERS = 80

/** One reviewed document: its listing entry, its text, and every annotator's claims placed. */
export interface ReviewedDocument {
  document: DocumentSummary
  /** The content hash of the text the claims were placed in. */
  id: string
  text: string
  claims: (QueueClaim & { claim: Claim })[]
}

export interface ReviewedDocuments {
  annotators: string[]
  files: AnnotationFolderFile[]
  documents: ReviewedDocument[]
  problems: AgreementResult['problems']
  leftOut: AgreementResult['leftOut']
}

/**
 * Reads every annotator's file (or those asked for) and places their claims in the current
 * text of the project's documents (or those asked for). The annotator's own changes must be
 * flushed to their file first (the service does).
 */
export async function readReviewedDocuments(
  context: AnnotationContext,
  request: ReviewQueueRequest,
  outside: OutsideReview = NO_OUTSIDE,
  /** claimedOnly: leave out documents nobody has a claim on (they make no units). */
  options: { claimedOnly?: boolean } = {},
): Promise<ReviewedDocuments> {
  // Through the cache: a file not changed since the last review is not parsed again.
  const folder: { files: AnnotationFolderFile[]; problems: AnnotationFolderProblem[] } = {
    files: [],
    problems: [],
  }
  const add = (annotator: string, read: ColleagueFile) => {
    if (read.ok) folder.files.push({ displayName: read.displayName, annotator, file: read.file })
    else folder.problems.push({ displayName: read.displayName, message: read.message })
  }
  for (const name of await readAnnotationFolderNames(context.dataRoot)) {
    add(name, await outside.files.read(context.dataRoot, name))
  }
  for (const { annotator, path } of outside.sources.outsideFiles(context.dataRoot)) {
    add(annotator, await outside.files.readFile(path, path))
  }
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
      if (document) pushTo(byKey, document.key, claim)
      else notInProject.set(claim.document.path, (notInProject.get(claim.document.path) ?? 0) + 1)
    }
    for (const [path, claims] of notInProject) {
      leftOut.push({ annotator: file.annotator, path, reason: 'not-in-project', claims })
    }
    return { file, byKey }
  })

  const reviewed: ReviewedDocument[] = []
  for (const document of documents) {
    if (options.claimedOnly && !claimsByFile.some(({ byKey }) => byKey.has(document.key))) continue
    const opened = await context.documents.open(document.key)
    const claims: ReviewedDocument['claims'] = []
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
          attribution: claim.attributedTo,
          claim,
        })
      }
    }
    reviewed.push({ document, id: opened.id, text: opened.text, claims })
  }
  return {
    annotators,
    files,
    documents: reviewed,
    problems: folder.problems.map((problem) => ({
      file: problem.displayName,
      message: problem.message,
    })),
    leftOut,
  }
}

/** Files reviewed from outside annotations/, and the cache they are read through. */
export interface OutsideReview {
  sources: ReviewSources
  files: ColleagueFileCache
}
const NO_OUTSIDE: OutsideReview = {
  sources: new ReviewSources(),
  files: new ColleagueFileCache(),
}

/** The disagreement queue of the project (see core/review/queue.ts), every unit with its text. */
export async function getReviewQueue(
  context: AnnotationContext,
  request: ReviewQueueRequest,
  outside: OutsideReview = NO_OUTSIDE,
): Promise<ReviewQueueResult> {
  // The gold file is what review produces, not one of the versions compared.
  const annotators = request.annotators ?? (await reviewedNames(context, outside))
  const read = await readReviewedDocuments(context, { ...request, annotators }, outside)
  const byPath = new Map(read.documents.map((entry) => [entry.document.path, entry]))
  const problems = [...read.problems]
  const decisions = new DecisionIndex(
    request.reviewer === undefined
      ? new Map()
      : await readDecisionsFile(context.dataRoot, request.reviewer).catch((error: unknown) => {
          if (!(error instanceof BackendError)) throw error
          problems.push({ file: error.file ?? '', message: error.message })
          return new Map()
        }),
  )
  const queue = reviewQueue(
    read.documents.map(({ document, claims }) => ({
      path: document.path,
      units: alignClaims(claims, read.annotators),
    })),
    read.annotators,
  )
  return {
    annotators: read.annotators,
    units: queue.map(({ documentPath, unit, conflicts }) => {
      const { document, text } = byPath.get(documentPath)!
      const claims = [...unit.versions.values()]
      const decided = decisions.stateOf(
        unitKey(claims.map((claim) => claim.id)),
        fingerprintsOf(claims.map((claim) => claim.claim)),
      )
      const start = Math.min(...claims.map((claim) => claim.start))
      const end = Math.max(...claims.map((claim) => claim.end))
      return {
        id: unit.id,
        key: unitKey(claims.map((claim) => claim.id)),
        state: decided.state,
        decision: decided.decision,
        documentKey: document.key,
        documentPath,
        documentTitle: document.metadata.title ?? documentPath,
        start,
        end,
        text: text.slice(start, end),
        before: text.slice(Math.max(0, start - CONTEXT_CHARACTERS), start),
        after: text.slice(end, end + CONTEXT_CHARACTERS),
        versions: read.annotators.flatMap((annotator) => {
          const version = unit.versions.get(annotator)
          return version ? [reviewVersion(version, text)] : []
        }),
        missing: read.annotators.filter((annotator) => !unit.versions.has(annotator)),
        conflicts,
      }
    }),
    problems,
    leftOut: read.leftOut,
  }
}

/** Every annotator with a file, outside ones included, but the gold file. */
async function reviewedNames(context: AnnotationContext, outside: OutsideReview) {
  const names = await readAnnotationFolderNames(context.dataRoot)
  const all = [...names, ...outside.sources.outsideFiles(context.dataRoot).map((f) => f.annotator)]
  return all.filter((name) => name !== DEFAULT_GOLD)
}

function reviewVersion(version: QueueClaim & { claim: Claim }, text: string): ReviewVersion {
  const { claim } = version
  return {
    annotator: version.annotator,
    claimId: claim.id,
    start: version.start,
    end: version.end,
    quote: text.slice(version.start, version.end),
    label: claim.label,
    status: claim.status,
    certainty: claim.certainty,
    attributedTo: claim.attributedTo,
    note: claim.note,
    tags: claim.tags,
    updated: claim.updated,
  }
}

/**
 * Every annotator file of the project, with claim and link counts (the current annotator's
 * from the open store, which may be ahead of their file), or the problem that keeps a file
 * from being read.
 */
export async function listAnnotators(
  context: AnnotationContext,
  { files, sources }: OutsideReview,
): Promise<AnnotatorSummary[]> {
  const names = await annotatorNames(context)
  const summaries: AnnotatorSummary[] = []
  const summaryOf = (name: string, file: string, read: ColleagueFile): AnnotatorSummary =>
    read.ok
      ? {
          name,
          file,
          current: false,
          claims: read.file.claims.length,
          links: read.file.links.length,
          byDocument: countByPath(read.file.claims),
          problem: null,
        }
      : { name, file, current: false, claims: 0, links: 0, byDocument: {}, problem: read.message }
  for (const name of names) {
    const file = `annotations/${name}.json`
    if (name === context.annotator && context.store) {
      // Asked again after each of the analyst's edits: counted without copying the store.
      summaries.push({
        name,
        file,
        current: true,
        claims: context.store.size,
        links: context.store.linkCount,
        byDocument: countByPath(context.store.all()),
        problem: null,
      })
      continue
    }
    summaries.push(summaryOf(name, file, await files.read(context.dataRoot, name)))
  }
  for (const { annotator, path } of sources.outsideFiles(context.dataRoot)) {
    summaries.push(summaryOf(annotator, path, await files.readFile(path, path)))
  }
  return summaries
}

/**
 * Reviews an annotator file from outside annotations/ in this session (read-only). Throws
 * 'annotation-file-problem' naming the file when it cannot be read.
 */
export async function addReviewFile(
  context: AnnotationContext,
  outside: OutsideReview,
  path: string,
): Promise<AnnotatorSummary[]> {
  const absolute = resolve(path)
  const read = await outside.files.readFile(absolute, absolute)
  if (!read.ok) throw new BackendError('annotation-file-problem', read.message, absolute)
  const names = await annotatorNames(context)
  const inFolder = join(context.dataRoot, ANNOTATIONS_FOLDER)
  // A file of the project's own folder is reviewed already, under its own name.
  if (resolve(absolute, '..') !== inFolder) outside.sources.add(context.dataRoot, absolute, names)
  return listAnnotators(context, outside)
}

async function annotatorNames(context: AnnotationContext): Promise<string[]> {
  const folder = await readAnnotationFolderNames(context.dataRoot)
  if (context.annotator !== null && !folder.includes(context.annotator)) {
    folder.push(context.annotator)
    folder.sort()
  }
  return folder
}

/** Names of annotations/*.json, without reading them; a folder that cannot be read is named. */
async function readAnnotationFolderNames(dataRoot: string): Promise<string[]> {
  try {
    return await annotatorFileNames(dataRoot)
  } catch (error) {
    throw new BackendError(
      'annotation-file-problem',
      `${ANNOTATIONS_FOLDER}/ cannot be read (${describe(error)}).`,
      `${ANNOTATIONS_FOLDER}/`,
    )
  }
}

function countByPath(claims: Iterable<Claim>): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const claim of claims) counts[claim.document.path] = (counts[claim.document.path] ?? 0) + 1
  return counts
}

/**
 * Colleagues' claims on one document, placed in its current text, one lane per annotator (in
 * the order asked). Orphans are counted, not drawn.
 */
export async function listAnnotatorClaims(
  context: AnnotationContext,
  { files, sources }: OutsideReview,
  documentKey: string,
  annotators: readonly string[],
): Promise<AnnotatorLanes> {
  const outsidePaths = new Map(
    sources.outsideFiles(context.dataRoot).map((file) => [file.annotator, file.path]),
  )
  const opened = await context.documents.open(documentKey)
  const listed = context.documents.projectDocuments()
  const document = listed.find((entry) => entry.key === documentKey)
  const listedPaths = new Set(listed.map((entry) => entry.path))
  const lanes: AnnotatorLanes['lanes'] = []
  const problems: AnnotatorLanes['problems'] = []
  for (const annotator of annotators) {
    const outsidePath = outsidePaths.get(annotator)
    const read = outsidePath
      ? await files.readFile(outsidePath, outsidePath)
      : await files.read(context.dataRoot, annotator)
    if (!read.ok) {
      problems.push({ file: read.displayName, message: read.message })
      continue
    }
    // Claims saved under this path, and those of a file that moved here (same content hash).
    const own = document ? [...(read.claimsByPath.get(document.path) ?? [])] : []
    for (const [path, claims] of read.claimsByPath) {
      if (listedPaths.has(path)) continue
      own.push(...claims.filter((claim) => claim.document.id === opened.id))
    }
    const placed = placeClaims(own, opened.text, opened.id)
    lanes.push({
      annotator,
      claims: placed.claims.map(({ claim, start, end }): LaneClaim => ({
        id: claim.id,
        start,
        end,
        label: claim.label,
        status: claim.status,
        certainty: claim.certainty,
        attributedTo: claim.attributedTo,
        links: [...(read.relationsByClaim.get(claim.id) ?? [])],
      })),
      orphans: placed.orphans.length,
    })
  }
  return { documentKey, lanes, problems }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const own = map.get(key)
  if (own) own.push(value)
  else map.set(key, [value])
}
