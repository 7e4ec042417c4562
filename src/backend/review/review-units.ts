/**
 * The units of review, read from disk: every annotator's file of the project (but the gold file)
 * read-only, each claim placed in its document's current text, and aligned per document into
 * units (core/review/align.ts) with their keys (core/review/gold/unit-key.ts). The decisions
 * queue, the merge into gold and the review status are built on this.
 *
 * The units are always those of every readable annotator file, so that a unit's key does not
 * depend on who asks: a decision made on a unit is found again by the next reader.
 */
import { alignClaims } from '../../core/review'
import { unitKey, type GoldUnit, type GoldVersion } from '../../core/review/gold'
import type { AnnotationFile, ClusterWording, Link } from '../../core/model'
import type { AgreementResult } from '../../shared/api'
import { annotatorFileNames, DEFAULT_GOLD } from '../annotations/annotation-folder'
import { ColleagueFileCache } from '../annotations/colleague-files'
import type { AnnotationContext } from '../annotations/context'
import { readReviewedDocuments } from '../annotations/review'
import { ReviewSources } from '../annotations/review-sources'

export { DEFAULT_GOLD }

export interface LoadedUnit extends GoldUnit {
  documentKey: string
  kind: 'identical' | 'overlapping' | 'single'
  start: number
  end: number
}

export interface LoadedReview {
  gold: string
  /** The annotators whose files were read, in name order (the gold file excluded). */
  annotators: string[]
  units: LoadedUnit[]
  links: Map<string, Link[]>
  /** Each annotator's cluster wordings. */
  wordings: Map<string, ClusterWording[]>
  /** The gold file as it is on disk: null when absent. */
  goldFile: AnnotationFile | null
  /** Files that could not be read (the gold file's included). */
  problems: { file: string; message: string }[]
  leftOut: AgreementResult['leftOut']
}

/**
 * Reads the project's annotator files through `files`, the cache of parsed files the queue,
 * lanes and agreement read through (a file not changed on disk is not parsed again), and places
 * and aligns their claims with the queue's own reading (readReviewedDocuments): one alignment
 * for the queue, the decisions and the gold merge. Only the files in annotations/ count (not
 * files reviewed from elsewhere for a session), so that the units, and the decisions keyed by
 * them, are the same for the app and the CLI.
 */
export async function loadReview(
  context: AnnotationContext,
  gold: string = DEFAULT_GOLD,
  documentPaths?: readonly string[],
  files: ColleagueFileCache = new ColleagueFileCache(),
): Promise<LoadedReview> {
  // Review reads the files: the annotator's own changes must be in theirs first.
  await context.store?.flush()
  const names = await annotatorFileNames(context.dataRoot)
  const read = await readReviewedDocuments(
    context,
    {
      annotators: names.filter((name) => name !== gold),
      ...(documentPaths ? { documents: [...documentPaths] } : {}),
    },
    { files, sources: new ReviewSources() },
    { claimedOnly: true },
  )
  const units: LoadedUnit[] = []
  for (const { document, id, text, claims } of read.documents) {
    for (const unit of alignClaims(claims, read.annotators)) {
      const versions: GoldVersion[] = read.annotators.flatMap((annotator) => {
        const version = unit.versions.get(annotator)
        return version
          ? [{ annotator, claim: version.claim, start: version.start, end: version.end }]
          : []
      })
      units.push({
        key: unitKey(versions.map((version) => version.claim.id)),
        document: { id, path: document.path, text },
        documentKey: document.key,
        versions,
        kind: unit.kind,
        start: Math.min(...versions.map((version) => version.start)),
        end: Math.max(...versions.map((version) => version.end)),
      })
    }
  }
  // Its problems, if any, are among the folder's (read.problems).
  const goldRead = names.includes(gold) ? await files.read(context.dataRoot, gold) : null
  return {
    gold,
    annotators: read.annotators,
    units,
    links: new Map(read.files.map((file) => [file.annotator, file.file.links])),
    wordings: new Map(read.files.map((file) => [file.annotator, file.file.clusters])),
    goldFile: goldRead?.ok ? goldRead.file : null,
    problems: read.problems,
    leftOut: read.leftOut,
  }
}
