/**
 * The units of review, read from disk: every annotator's file of the project (but the gold file)
 * read-only, each claim placed in its document's current text, and aligned per document into
 * units (core/review/align.ts) with their keys (core/review/gold/unit-key.ts). The decisions
 * queue, the merge into gold and the review status are built on this.
 *
 * The units are always those of every readable annotator file, so that a unit's key does not
 * depend on who asks: a decision made on a unit is found again by the next reader.
 */
import { alignClaims, type AlignedClaim } from '../../core/review'
import { unitKey, type GoldUnit, type GoldVersion } from '../../core/review/gold'
import type { AnnotationFile, Claim, ClusterWording, Link } from '../../core/model'
import type { AgreementResult } from '../../shared/api'
import { readAnnotationFolder } from '../annotations/annotation-folder'
import type { AnnotationContext } from '../annotations/context'
import { DocumentIndex, placeClaims } from '../annotations/placement'

export const DEFAULT_GOLD = 'gold'

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

interface PlacedVersion extends AlignedClaim {
  claim: Claim
}

export async function loadReview(
  context: AnnotationContext,
  gold: string = DEFAULT_GOLD,
  documentPaths?: readonly string[],
): Promise<LoadedReview> {
  // Review reads the files: the annotator's own changes must be in theirs first.
  await context.store?.flush()
  const folder = await readAnnotationFolder(context.dataRoot)
  const goldEntry = folder.files.find((file) => file.annotator === gold)
  const files = folder.files.filter((file) => file.annotator !== gold)
  const annotators = files.map((file) => file.annotator)
  const all = context.documents.projectDocuments()
  const documents = documentPaths ? all.filter((d) => documentPaths.includes(d.path)) : all
  const index = new DocumentIndex(all)
  const leftOut: AgreementResult['leftOut'] = []
  const byFile = files.map((file) => {
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
    return { annotator: file.annotator, byKey }
  })

  const units: LoadedUnit[] = []
  for (const document of documents) {
    if (!byFile.some((file) => file.byKey.has(document.key))) continue
    const opened = await context.documents.open(document.key)
    const placed: PlacedVersion[] = []
    for (const { annotator, byKey } of byFile) {
      const result = placeClaims(byKey.get(document.key) ?? [], opened.text, opened.id)
      if (result.orphans.length > 0) {
        leftOut.push({
          annotator,
          path: document.path,
          reason: 'not-placed',
          claims: result.orphans.length,
        })
      }
      for (const { claim, start, end } of result.claims) {
        placed.push({ id: claim.id, annotator, start, end, label: claim.label, claim })
      }
    }
    for (const unit of alignClaims(placed, annotators)) {
      const versions: GoldVersion[] = annotators.flatMap((annotator) => {
        const version = unit.versions.get(annotator)
        return version
          ? [{ annotator, claim: version.claim, start: version.start, end: version.end }]
          : []
      })
      units.push({
        key: unitKey(versions.map((version) => version.claim.id)),
        document: { id: opened.id, path: document.path, text: opened.text },
        documentKey: document.key,
        versions,
        kind: unit.kind,
        start: Math.min(...versions.map((version) => version.start)),
        end: Math.max(...versions.map((version) => version.end)),
      })
    }
  }
  return {
    gold,
    annotators,
    units,
    links: new Map(files.map((file) => [file.annotator, file.file.links])),
    wordings: new Map(files.map((file) => [file.annotator, file.file.clusters])),
    goldFile: goldEntry?.file ?? null,
    problems: folder.problems.map((problem) => ({
      file: problem.displayName,
      message: problem.message,
    })),
    leftOut,
  }
}
