/**
 * Adjudication in the backend: the queue of units with the reviewer's decisions, recording and
 * withdrawing decisions, building the gold file, and the review status. Decisions live in
 * review/<reviewer>.decisions.json (decisions-file.ts); the units come from review-units.ts; the
 * merge itself is core/review/gold/build-gold.ts.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { annotatorNameSchema, readAnnotationFileText, type AnnotationFile } from '../../core/model'
import {
  DecisionIndex,
  buildGold,
  fingerprintsOf,
  type Decision,
  type DecisionSet,
  type UnitDecision,
} from '../../core/review/gold'
import type {
  MergeGoldRequest,
  MergeGoldResult,
  RecordDecisionRequest,
  RemoveDecisionRequest,
  ReviewStatus,
  ReviewStatusRequest,
  ReviewUnitsRequest,
  ReviewUnitsResult,
  ReviewUnitView,
} from '../../shared/api'
import { FileChangedError, writeFileAtomic } from '../atomic-write'
import { BackendError } from '../errors'
import { serializeAnnotationFile } from '../annotations/annotation-file-adapter'
import { ANNOTATIONS_FOLDER } from '../annotations/annotation-folder'
import type { ColleagueFileCache } from '../annotations/colleague-files'
import type { AnnotationContext } from '../annotations/context'
import { contentHash } from '../annotations/fingerprint'
import { describe, isErrnoCode } from '../settings'
import { readAllDecisions, readDecisionsFile, writeDecisions } from './decisions-file'
import { DEFAULT_GOLD, loadReview, type LoadedUnit } from './review-units'

const WRITE_ATTEMPTS = 5

function checkedName(name: string, what: string): string {
  const parsed = annotatorNameSchema.safeParse(name)
  if (!parsed.success) {
    throw new BackendError(
      'invalid-annotator',
      `The ${what} name "${name}" cannot be used: ${parsed.error.issues[0]?.message}.`,
    )
  }
  return parsed.data
}

export async function listReviewUnits(
  context: AnnotationContext,
  request: ReviewUnitsRequest,
  /** The cache of parsed files the queue and lanes read through (one per API). */
  cache?: ColleagueFileCache,
): Promise<ReviewUnitsResult> {
  const reviewer = checkedName(request.reviewer, 'reviewer')
  const gold = checkedName(request.gold ?? DEFAULT_GOLD, 'gold file')
  const review = await loadReview(context, gold, request.documents, cache)
  const problems = [...review.problems]
  let decisions: DecisionSet = new Map()
  try {
    decisions = await readDecisionsFile(context.dataRoot, reviewer)
  } catch (error) {
    if (!(error instanceof BackendError)) throw error
    problems.push({ file: error.file ?? '', message: error.message })
  }
  const index = new DecisionIndex(decisions)
  const goldByUnit = new Map(
    (review.goldFile?.claims ?? []).flatMap((claim) =>
      claim.provenance ? [[claim.provenance.unit, claim] as const] : [],
    ),
  )
  const counts = { units: review.units.length, decided: 0, open: 0, stale: 0 }
  const units: ReviewUnitView[] = review.units.map((unit) => {
    const fingerprints = fingerprintsOf(unit.versions.map((version) => version.claim))
    const state = index.stateOf(unit.key, fingerprints)
    counts[state.state]++
    return {
      key: unit.key,
      documentKey: unit.documentKey,
      path: unit.document.path,
      start: unit.start,
      end: unit.end,
      kind: unit.kind,
      versions: unit.versions.map((v) => ({ ...v })),
      fingerprints,
      state: state.state,
      staleBecause: state.staleBecause,
      decision: state.decision,
      gold: goldByUnit.get(unit.key) ?? null,
    }
  })
  return {
    reviewer,
    gold,
    annotators: review.annotators,
    units,
    counts,
    // Only meaningful over the whole project: a document filter leaves other units unasked.
    unmatched: request.documents ? [] : index.unmatched(),
    problems,
    leftOut: review.leftOut,
  }
}

export async function recordDecision(
  context: AnnotationContext,
  request: RecordDecisionRequest,
  /** The cache of parsed files the queue and lanes read through (one per API). */
  cache?: ColleagueFileCache,
): Promise<Decision> {
  const reviewer = checkedName(request.reviewer, 'reviewer')
  const gold = checkedName(request.gold ?? DEFAULT_GOLD, 'gold file')
  const review = await loadReview(context, gold, undefined, cache)
  const unit = review.units.find((candidate) => candidate.key === request.unit)
  if (!unit) {
    throw new BackendError(
      'unknown-unit',
      'This unit is no longer there (an annotator changed or deleted a claim); list the units again.',
    )
  }
  checkAction(context, unit, request)
  const decision: Decision = {
    version: 1,
    unit: unit.key,
    document: unit.document.path,
    fingerprints: fingerprintsOf(unit.versions.map((version) => version.claim)),
    action: request.action,
    reason: request.reason,
    note: request.note ?? '',
    guidelines: request.guidelines ?? false,
    reviewer,
    decided: await decisionTime(context, reviewer, unit.key),
  }
  await writeDecisions(context.dataRoot, reviewer, [decision])
  return decision
}

export async function removeDecision(
  context: AnnotationContext,
  request: RemoveDecisionRequest,
): Promise<Decision> {
  const reviewer = checkedName(request.reviewer, 'reviewer')
  const decisions = await readDecisionsFile(context.dataRoot, reviewer)
  const known = decisions.get(request.unit)
  if (!known || known.action.kind === 'withdrawn') {
    throw new BackendError('unknown-unit', `${reviewer} has no decision on this unit.`)
  }
  const withdrawal: Decision = {
    ...known,
    action: { kind: 'withdrawn' },
    reason: null,
    note: '',
    guidelines: false,
    decided: await decisionTime(context, reviewer, request.unit),
  }
  await writeDecisions(context.dataRoot, reviewer, [withdrawal])
  return withdrawal
}

/** Now, or just after the unit's last line (a clock set back must not lose the new decision). */
async function decisionTime(
  context: AnnotationContext,
  reviewer: string,
  unit: string,
): Promise<string> {
  const known = (await readDecisionsFile(context.dataRoot, reviewer)).get(unit)
  const floor = known ? Date.parse(known.decided) + 1 : -Infinity
  return new Date(Math.max(Date.now(), floor)).toISOString()
}

function checkAction(
  context: AnnotationContext,
  unit: LoadedUnit,
  request: RecordDecisionRequest,
): void {
  const { action } = request
  const has = (annotator: string) => {
    if (!unit.versions.some((version) => version.annotator === annotator)) {
      throw new BackendError('invalid-decision', `This unit has no version by ${annotator}.`)
    }
  }
  switch (action.kind) {
    case 'take':
      has(action.annotator)
      break
    case 'union':
    case 'intersection': {
      has(action.fields)
      const start = Math.max(...unit.versions.map((v) => v.start))
      const end = Math.min(...unit.versions.map((v) => v.end))
      if (action.kind === 'intersection' && !(start < end)) {
        throw new BackendError(
          'invalid-decision',
          'The versions share no character: their intersection is empty.',
        )
      }
      break
    }
    case 'pick':
      has(action.span)
      for (const annotator of Object.values(action.fields ?? {})) has(annotator)
      break
    case 'edit': {
      has(action.from)
      const from = unit.versions.find((version) => version.annotator === action.from)!
      const start = action.start ?? from.start
      const end = action.end ?? from.end
      if (!(start < end) || end > unit.document.text.length) {
        throw new BackendError(
          'invalid-decision',
          `The range ${start}-${end} is not a range of ${unit.document.path} (${unit.document.text.length} characters).`,
        )
      }
      if (action.patch.label !== undefined && !context.settings.hasLabel(action.patch.label)) {
        throw new BackendError(
          'invalid-decision',
          `There is no label "${action.patch.label}" in this project.`,
        )
      }
      break
    }
    case 'reject':
      break
    case 'withdrawn':
      throw new BackendError('invalid-decision', 'Use removeDecision to take a decision back.')
  }
}

/** Every reviewer's decisions together: per unit, the latest decision wins. */
async function allDecisions(dataRoot: string): Promise<{
  index: DecisionIndex
  files: Awaited<ReturnType<typeof readAllDecisions>>
}> {
  const files = await readAllDecisions(dataRoot)
  const merged: DecisionSet = new Map()
  for (const file of files.files) {
    for (const [key, decision] of file.decisions) {
      const known = merged.get(key)
      if (!known || Date.parse(decision.decided) > Date.parse(known.decided)) {
        merged.set(key, decision)
      }
    }
  }
  return { index: new DecisionIndex(merged), files }
}

export async function mergeGold(
  context: AnnotationContext,
  request: MergeGoldRequest,
  /** The cache of parsed files the queue and lanes read through (one per API). */
  cache?: ColleagueFileCache,
): Promise<MergeGoldResult> {
  const gold = checkedName(request.into ?? DEFAULT_GOLD, 'gold file')
  const displayName = `${ANNOTATIONS_FOLDER}/${gold}.json`
  const path = join(context.dataRoot, displayName)
  for (let attempt = 1; ; attempt++) {
    const review = await loadReview(context, gold, undefined, cache)
    const { index, files } = await allDecisions(context.dataRoot)
    // A gold file built without someone's claims or decisions would be wrong: stop, name them.
    const problems = [...review.problems, ...files.problems]
    if (problems.length > 0) {
      throw new BackendError(
        'annotation-file-problem',
        `Cannot merge: ${problems.map((problem) => problem.message).join(' ')} Nothing was written.`,
        problems[0]!.file,
      )
    }
    const existing = await readGoldFile(path, displayName)
    const states = new Map<string, UnitDecision>()
    const decisionOf = (unit: LoadedUnit) => {
      let state = states.get(unit.key)
      if (!state) {
        state = index.stateOf(unit.key, fingerprintsOf(unit.versions.map((v) => v.claim)))
        states.set(unit.key, state)
      }
      return state
    }
    const result = buildGold({
      gold,
      annotators: review.annotators,
      units: review.units,
      decisionOf: (unit) => decisionOf(unit as LoadedUnit),
      strategy: request.strategy,
      undoAutomatic: request.undoAutomatic ?? false,
      links: review.links,
      wordings: review.wordings,
      undirected: new Set(
        context.settings.relations.filter((relation) => !relation.directed).map((r) => r.id),
      ),
      existing: existing.file,
      now: new Date().toISOString(),
    })
    const units = { total: review.units.length, decided: 0, open: 0, stale: 0 }
    for (const unit of review.units) units[decisionOf(unit).state]++
    const text = serializeAnnotationFile(result.file)
    try {
      // Merge before rename: if the gold file changed since it was read (the app, a sync tool),
      // nothing is replaced and the merge runs again on the new file.
      await writeFileAtomic(path, text, {
        unchanged: async () => (await hashOf(path)) === existing.hash,
      })
    } catch (error) {
      if (error instanceof FileChangedError && attempt < WRITE_ATTEMPTS) continue
      throw error
    }
    return {
      file: displayName,
      claims: result.claims,
      links: result.links,
      clusters: result.clusters,
      units,
      problems: result.problems,
    }
  }
}

async function hashOf(path: string): Promise<string | null> {
  try {
    return contentHash(await readFile(path, 'utf8'))
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return null
    throw error
  }
}

/** The gold file and the hash of its text; throws when it exists but cannot be used. */
async function readGoldFile(
  path: string,
  displayName: string,
): Promise<{ file: AnnotationFile | null; hash: string | null }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return { file: null, hash: null }
    throw new BackendError(
      'annotation-file-problem',
      `${displayName} cannot be read (${describe(error)}); nothing was written.`,
      displayName,
    )
  }
  const result = readAnnotationFileText(text, displayName)
  if (!result.ok) {
    throw new BackendError(
      'annotation-file-problem',
      `${result.message} Nothing was written.`,
      displayName,
    )
  }
  return { file: result.file, hash: contentHash(text) }
}

export async function getReviewStatus(
  context: AnnotationContext,
  request: ReviewStatusRequest,
  /** The cache of parsed files the queue and lanes read through (one per API). */
  cache?: ColleagueFileCache,
): Promise<ReviewStatus> {
  const gold = checkedName(request.gold ?? DEFAULT_GOLD, 'gold file')
  const review = await loadReview(context, gold, undefined, cache)
  const files = await readAllDecisions(context.dataRoot)
  const reviewers = files.files.map((file) => {
    const index = new DecisionIndex(file.decisions)
    const counts = { decided: 0, open: 0, stale: 0 }
    let guidelines = 0
    for (const unit of review.units) {
      const state = index.stateOf(unit.key, fingerprintsOf(unit.versions.map((v) => v.claim)))
      counts[state.state]++
      if (state.state === 'decided' && state.decision!.guidelines) guidelines++
    }
    return {
      reviewer: file.reviewer,
      ...counts,
      unmatched: index.unmatched().length,
      guidelines,
    }
  })
  let goldClaims: ReviewStatus['goldClaims'] = null
  if (review.goldFile) {
    goldClaims = { unanimous: 0, automatic: 0, adjudicated: 0, manual: 0 }
    for (const claim of review.goldFile.claims) {
      const how = claim.provenance?.how
      if (!how || claim.updated !== claim.provenance!.merged) goldClaims.manual++
      else goldClaims[how]++
    }
  }
  return {
    gold,
    annotators: review.annotators,
    units: review.units.length,
    reviewers,
    goldClaims,
    goldConflicts: review.goldFile?.conflicts?.length ?? 0,
    problems: [...review.problems, ...files.problems],
  }
}
