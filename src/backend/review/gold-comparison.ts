/**
 * The compareWithGold query: the current annotator's claims and links against the gold file's,
 * so an annotator sees what the reviewer changed. The same comparison `corroborate diff` makes
 * (core/review/diff.ts: units aligned per document, fields, boundaries, units one side has,
 * links), with the claims of both files placed in the current texts by locateClaims and turned
 * into sides by the one function the CLI uses too (placedDiffSide).
 *
 * The annotator's side is what the session holds (their latest edits, saved or not); the gold
 * file is read from disk through the cache of parsed files, read-only.
 */
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { emptyAnnotationFile } from '../../core/model'
import { diffAnnotations, placedDiffSide } from '../../core/review'
import type { GoldComparison, GoldComparisonRequest } from '../../shared/api'
import { ANNOTATIONS_FOLDER } from '../annotations/annotation-folder'
import type { ColleagueFileCache } from '../annotations/colleague-files'
import type { AnnotationContext } from '../annotations/context'
import { locateClaims } from '../annotations/locate-claims'
import { BackendError } from '../errors'
import { DEFAULT_GOLD } from './review-units'

export async function compareWithGold(
  context: AnnotationContext,
  request: GoldComparisonRequest,
  files: ColleagueFileCache,
): Promise<GoldComparison> {
  const { annotator, store } = context
  if (annotator === null || store === null) {
    throw new BackendError('no-annotator', 'Give your name as annotator to compare with gold.')
  }
  const gold = request.gold ?? DEFAULT_GOLD
  const goldName = `${ANNOTATIONS_FOLDER}/${gold}.json`
  const read = await files.read(context.dataRoot, gold)
  const missing =
    !read.ok &&
    (await access(join(context.dataRoot, goldName)).then(
      () => false,
      () => true,
    ))
  const problem = read.ok
    ? null
    : missing
      ? `There is no ${goldName} yet: merge into gold first.`
      : read.message
  const goldFile = read.ok ? read.file : emptyAnnotationFile(gold)

  const ownClaims = [...store.all()]
  const [ownPlaces, goldPlaces] = await Promise.all([
    locateClaims(context, ownClaims),
    locateClaims(context, goldFile.claims),
  ])
  const own = placedDiffSide(store.file, ownClaims, [...store.allLinks()], ownPlaces)
  const theirs = placedDiffSide(goldName, goldFile.claims, goldFile.links, goldPlaces)
  const undirected = new Set(
    context.settings.relations.filter((relation) => !relation.directed).map((r) => r.id),
  )
  const diff = diffAnnotations(own.side, theirs.side, {
    undirected,
    ...(request.documents ? { documents: request.documents } : {}),
  })
  const documentKeys: Record<string, string> = {}
  for (const document of context.documents.projectDocuments()) {
    documentKeys[document.path] = document.key
  }
  return { annotator, gold, problem, diff, documentKeys }
}
