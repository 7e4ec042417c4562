/**
 * What the dataset exporters (W3C Web Annotation, brat, JSONL, ClaimReview) read: the claims
 * and links of one or more annotator files, the articles they are in, and the project's label
 * and relation types. And what they give back: files (a path relative to the export folder and
 * its text) plus what they could not represent, item by item, so nothing is dropped silently.
 */
import type { Claim } from '../model/claim'
import type { Label } from '../model/labels'
import type { ClusterWording, Link } from '../model/link'
import type { RelationType } from '../model/relations'
import type { ExportDocument, ExportDocuments } from './claims-csv'

export interface DatasetAnnotatorFile {
  annotator: string
  claims: readonly Claim[]
  links: readonly Link[]
  clusters: readonly ClusterWording[]
}

export interface DatasetInput {
  /** Every annotator file exported, in file-name order. */
  files: readonly DatasetAnnotatorFile[]
  /** The articles claims are in (found by path, then content hash). */
  documents: ExportDocuments
  /** Every project document, for ClaimReview's appearances and first appearance. */
  projectDocuments: readonly Pick<ExportDocument, 'id' | 'path' | 'metadata'>[]
  labels: readonly Label[]
  relations: readonly RelationType[]
}

export interface DatasetFile {
  /** Relative to the export folder, "/" separated. */
  path: string
  text: string
}

/** Something the format cannot hold, named by the item it concerns. */
export interface DatasetProblem {
  /** The claim or link id (export), or the file and line or item (import). */
  item: string
  message: string
}

export interface DatasetExport {
  files: DatasetFile[]
  claims: number
  links: number
  problems: DatasetProblem[]
}

/** Every claim of the input in a stable order: document path, then position, then id. */
export function allClaims(input: DatasetInput): Claim[] {
  return input.files
    .flatMap((file) => file.claims)
    .sort(
      (a, b) =>
        compare(a.document.path, b.document.path) ||
        a.target.position.start - b.target.position.start ||
        compare(a.id, b.id),
    )
}

/** Every link of the input: annotator, then id (creation order). */
export function allLinks(input: DatasetInput): Link[] {
  return input.files.flatMap((file) => [...file.links].sort((a, b) => compare(a.id, b.id)))
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
