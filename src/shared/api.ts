/**
 * The WorkbenchApi contract: the one interface between the UI and the backend.
 *
 * Three doors implement it on top of one backend (src/backend): Electron IPC
 * (src/main + src/preload), the loopback HTTP bridge of browser mode (src/web)
 * and, for the headless commands, direct calls (src/cli). The renderer only ever
 * sees a `WorkbenchApi`.
 *
 * Every method takes plain JSON arguments and returns plain JSON. Arguments are
 * validated against `methodArguments` (validation.ts) in the backend, because the renderer is
 * untrusted. The renderer never sends file paths to read: it names documents by
 * the opaque `key` the backend gave it in a listing, so it can only reach files
 * the user granted (chose in a dialog, or that lie in the open project).
 */
import type { CanonicalDocument, DocumentMetadata } from '../core/document/types'
// Types only: the renderer bundles this file, and the validation schemas live in validation.ts.
import type { Certainty, Claim, ClaimStatus } from '../core/model/claim'
import type { DocumentCorrection } from '../core/model/document-corrections'
import type { Label } from '../core/model/labels'
import type { Link, LinkEnd, OutsideEnd, OutsideSource } from '../core/model/link'
import type { RelationType } from '../core/model/relations'
import type { Cluster, MatrixColumn, MatrixOrder, MatrixRow } from '../core/linking/clusters'
import type { LinkRelation } from '../core/linking/types'
import type { OrphanReason } from '../core/anchoring/anchor'
import type { AgreementReport, WithNulls } from '../core/review/report'
import type { ConflictField } from '../core/review/queue'
import type { AnnotationDiff } from '../core/review/diff'
import type {
  Decision,
  DecisionAction,
  DecisionState,
  GoldCounts,
  MergeStrategy,
} from '../core/review/gold'
import type { DecisionReason, MergeConflict } from '../core/model/provenance'

/** A document as listed in the sidebar, before it is opened. */
export interface DocumentSummary {
  /** Opaque handle for `openDocument`; stable while the project stays open. */
  key: string
  /** Path relative to the project folder, with "/" separators; the file name for single files. */
  path: string
  /** Content hash, the document id. */
  id: string
  format: CanonicalDocument['format']
  metadata: DocumentMetadata
  /** File size in bytes. */
  size: number
  warnings: string[]
}

/** A file that could not be read, with a message that names it. */
export interface FileProblem {
  path: string
  code: string
  message: string
}

export interface ProjectInfo {
  /** Absolute folder path, for display. */
  root: string
  name: string
  isSample: boolean
}

export interface WorkbenchState {
  project: ProjectInfo | null
  /** Documents of the project (sorted by path), then single files opened on their own. */
  documents: DocumentSummary[]
  problems: FileProblem[]
  /** True until the user has opened any project: the UI then offers the sample project. */
  firstRun: boolean
  /** What this door can do: native dialogs exist in Electron only. */
  capabilities: { nativeDialogs: boolean }
}

/** A document opened for reading. */
export interface OpenedDocument extends CanonicalDocument {
  key: string
  path: string
}

export interface WorkbenchApi {
  getState(): Promise<WorkbenchState>
  /**
   * Asks the user for a project folder. In Electron this shows the native dialog
   * and `typedPath` is ignored; in browser mode the UI asks for a path and passes
   * it. Resolves to the new state, or null when the user cancelled.
   */
  chooseProject(typedPath?: string): Promise<WorkbenchState | null>
  /** Asks the user for single article files to open outside any project. */
  chooseFiles(typedPaths?: string[]): Promise<WorkbenchState | null>
  openSampleProject(): Promise<WorkbenchState>
  /** Re-reads the project folder (new, changed and removed files). */
  refresh(): Promise<WorkbenchState>
  openDocument(key: string): Promise<OpenedDocument>
  /**
   * Corrects a project document's title, outlet, author, date (ISO 8601) or URL (a string sets
   * it, null makes it unknown) or flips blocks between article and furniture (`furniture`: block
   * start offset -> true for furniture). Kept in the project settings (corroborate.json), never
   * in the article file; never changes the text or the id. Throws 'unknown-document',
   * 'no-project', 'read-only'.
   */
  correctDocument(key: string, correction: DocumentCorrection): Promise<WorkbenchState>

  // ---- Claims (annotations). See annotations/README.md for the file format. ----

  /** Who is annotating, the save state of their file, and what undo/redo would do. */
  getAnnotationStatus(): Promise<AnnotationStatus>
  /**
   * Sets the annotator name (kept in the user settings; asked on first run). 1-64 characters,
   * letters, digits, space, ".", "-", "_": it names the file annotations/<name>.json.
   * Throws 'invalid-annotator'. Flushes the previous annotator's file first.
   */
  setAnnotator(name: string): Promise<AnnotationStatus>
  /** The project's label set (from corroborate.json, or the defaults). Throws 'no-project'. */
  getProjectSettings(): Promise<ProjectSettings>
  /**
   * Replaces the label set. Throws 'invalid-labels' (duplicate ids or keys, bad colours...),
   * 'label-in-use' (a removed label still labels some of your claims) or 'read-only'. Undoable.
   */
  updateLabels(labels: Label[]): Promise<ProjectSettings>
  /**
   * The annotator's claims on one document, placed in its current text (UTF-16 offsets), and
   * those that could not be placed. Never writes: a moved claim keeps its saved target until
   * the analyst confirms the new place (replaceOrphan) or changes its range.
   */
  listClaims(documentKey: string): Promise<ClaimListing>
  /**
   * Creates a claim over [start, end) (UTF-16 offsets of the canonical text, start < end, not
   * splitting a surrogate pair). The backend takes quote, prefix and suffix from its own parse.
   * Throws 'invalid-range', 'unknown-label', 'not-in-project', 'no-annotator', 'read-only'.
   */
  createClaim(input: NewClaim): Promise<Claim>
  /** Changes fields and/or the range (start and end together) of a claim. Throws 'unknown-claim'. */
  updateClaim(id: string, patch: ClaimPatch): Promise<Claim>
  /**
   * Deletes a claim and every link touching it, in one undoable step (undo restores both): no
   * link ever dangles. Resolves to how many links went with it (ask deleteClaimImpact first to
   * warn). Throws 'unknown-claim'.
   */
  deleteClaim(id: string): Promise<DeletedClaim>
  /** Undoes the last change of this session (claims and labels); `applied` null: nothing to undo. */
  undo(): Promise<HistoryStep>
  redo(): Promise<HistoryStep>
  /** Places a claim (an orphan, or a moved claim being confirmed) at [start, end) of its document's current text. */
  replaceOrphan(id: string, start: number, end: number): Promise<Claim>
  /**
   * Exports one table: claims.csv, links.csv, clusters.csv, or the corroboration matrix as
   * matrix.csv or matrix.svg, from every annotator's file of the project (as `corroborate export`
   * writes them); claims and links also for one document. Browser mode and CLI: returns the
   * file's text for the UI to download. Electron: shows a save dialog, writes the file, returns
   * `savedTo` and `text: null`; null when the user cancelled. Throws 'invalid-arguments' (a
   * document scope for clusters or the matrix, an SVG of another table), 'not-in-project',
   * 'annotation-file-problem'.
   */
  exportTable(request: ExportRequest): Promise<ExportResult | null>
  /**
   * Exports a dataset into a folder: W3C Web Annotation (annotations.jsonld), brat standoff (a
   * .txt and .ann per article, annotation.conf, visual.conf), JSONL (documents, claims, links)
   * or ClaimReview (claimreview.jsonld), from every annotator's file (or one). Everything is
   * built before anything is written. Browser mode and CLI: into `request.folder` (created if
   * missing). Electron: into a folder chosen in a dialog (`folder` ignored); null when the user
   * cancelled. What the format cannot hold is listed in `problems`, item by item. Throws
   * 'invalid-arguments' (no folder), 'annotation-file-problem', 'export-failed'.
   */
  exportDataset(request: DatasetExportRequest): Promise<DatasetExportResult | null>
  /**
   * Imports W3C Web Annotation JSON, a brat standoff folder (or one .ann beside its .txt) or a
   * Label Studio JSON export (or this app's JSONL export) into a new annotator file, annotations/<annotator>.json, each
   * claim placed in the project's articles by its quote. Labels and relation types the project
   * lacks are added to its settings (a settings change, announced as such). Nothing is written unless the whole file reads:
   * a malformed file throws 'import-failed' naming the file and line or item; what cannot be
   * represented is listed in `problems`. Browser mode and CLI: `request.path`; Electron: a file
   * or folder chosen in a dialog; null when cancelled. Throws 'invalid-annotator',
   * 'annotator-exists', 'import-failed', 'no-project', 'read-only'.
   */
  importDataset(request: DatasetImportRequest): Promise<DatasetImportResult | null>
  /**
   * Agreement among the annotators' files (annotations/*.json): claims aligned into units per
   * document, and agreement on spans, labels, status, certainty, links and clusters (see
   * src/core/review). Read-only: files with problems are listed and left out. Throws
   * 'no-project'.
   */
  getAgreement(request: AgreementRequest): Promise<AgreementResult>

  // ---- Adjudication: decisions and the gold file. See annotations/README.md. ----

  /**
   * The review units of every annotator's file (the gold file excluded), each with its versions,
   * the reviewer's decision and its state: 'open', 'decided', or 'stale' (a version changed
   * since, or the claims are aligned differently now). Read-only; files with problems are
   * listed and left out. Throws 'no-project'.
   */
  listReviewUnits(request: ReviewUnitsRequest): Promise<ReviewUnitsResult>
  /**
   * Records the reviewer's decision on a unit as it is now (its versions' fingerprints), in
   * review/<reviewer>.decisions.json, merged with the file on disk (never written over).
   * Throws 'unknown-unit' (no such unit now: list again), 'invalid-decision' (a version the unit
   * lacks, a range outside the text, an unknown label), 'annotation-file-problem' (the file
   * cannot be read or is from a newer version).
   */
  recordDecision(request: RecordDecisionRequest): Promise<Decision>
  /** Takes a decision back (the unit is open again); a withdrawal line keeps it so in merges. */
  removeDecision(request: RemoveDecisionRequest): Promise<Decision>
  /**
   * Builds or updates the gold file (annotations/<into>.json, default gold) from the decisions
   * of every reviewer and the strategy, keeping every decision and every hand edit of the gold
   * file. Throws 'annotation-file-problem' when an annotator's, a decisions or the gold file
   * cannot be read (nothing is written then).
   */
  mergeGold(request: MergeGoldRequest): Promise<MergeGoldResult>
  /** Units decided, open and stale per reviewer, and the gold file's claims by origin. */
  getReviewStatus(request: ReviewStatusRequest): Promise<ReviewStatus>
  /**
   * The disagreement queue: every unit of the annotators' claims (aligned per document as for
   * agreement), with each annotator's version and what they disagree on, conflicts first (label;
   * status, certainty, attribution; boundaries; units not everyone marked), agreed units last.
   * Default: every annotator but the gold file. With a reviewer, each unit says whether their
   * decision on it is open, made or stale. Read-only. Throws 'no-project',
   * 'annotation-file-problem' (an annotator asked for has no file).
   */
  getReviewQueue(request: ReviewQueueRequest): Promise<ReviewQueueResult>
  /**
   * Every annotator file of the project (annotations/*.json) with its claim and link counts, the
   * current annotator's included (counted from what the app holds), or the problem that keeps it
   * from being read. Never writes.
   */
  listAnnotators(): Promise<AnnotatorSummary[]>
  /**
   * Reviews an annotator file from outside annotations/ (a colleague's file kept elsewhere)
   * beside the project's, for this session, read-only, under a name made from its file name;
   * answers the annotators as listAnnotators does. Browser mode and CLI: `path`; Electron: a
   * file chosen in a dialog; null when cancelled. Throws 'annotation-file-problem' naming the
   * file when it cannot be read, 'invalid-arguments' without a path.
   */
  addReviewFile(path?: string): Promise<AnnotatorSummary[] | null>
  /**
   * Colleagues' claims on one document, placed in its current text, one lane per annotator in
   * the order asked, for the reader to draw read-only. A file that cannot be read is listed in
   * `problems`, and the other lanes are drawn. Never writes.
   */
  listAnnotatorClaims(documentKey: string, annotators: string[]): Promise<AnnotatorLanes>
  /**
   * How many of the annotator's claims each project document and each label has, for the
   * sidebar's badges and legend. Orphans count for the document they belong to. Never writes.
   */
  getClaimCounts(): Promise<ClaimCounts>

  // ---- Links between claims, clusters, suggestions. See annotations/README.md. ----
  // Links join claims of the annotator's own file (or a claim and a source outside the project).

  /** What deleting the claim would take with it, for the UI to warn first. Never writes. */
  deleteClaimImpact(id: string): Promise<DeleteClaimImpact>
  /**
   * Replaces the relation types (corroborate.json). Throws 'invalid-relations' (duplicate ids or
   * keys, bad colours...), 'relation-in-use' (a removed type still types some of your links) or
   * 'read-only'. Undoable.
   */
  updateRelationTypes(relations: RelationType[]): Promise<ProjectSettings>
  /**
   * The annotator's links with both ends resolved. With a document key: the links starting at a
   * claim of that document, and as backlinks those from claims elsewhere ending at one of its
   * claims. Without: every link (backlinks empty). Never writes.
   */
  listLinks(documentKey?: string): Promise<LinkListing>
  /**
   * Links two claims of the annotator's file, or a claim and an outside source (which needs a
   * title or an address). Throws 'unknown-claim', 'unknown-relation', 'invalid-link' (a claim
   * linked to itself, an outside source without title or address), 'duplicate-link' (the same
   * two ends and relation; for an undirected relation in either order), 'no-annotator',
   * 'read-only'. Undoable.
   */
  createLink(input: NewLink): Promise<Link>
  /** Changes relation, note, confidence, or the outside source of an outside link. Throws 'unknown-link'. */
  updateLink(id: string, patch: LinkPatch): Promise<Link>
  /** Throws 'unknown-link'. Undoable. */
  deleteLink(id: string): Promise<void>
  /**
   * Clusters of the annotator's claims joined by 'same' links, in order of first appearance;
   * a claim linked to nothing is a cluster of one. Never writes.
   */
  getClusters(): Promise<ClusterView[]>
  /**
   * Sets the wording shown for a cluster (trimmed, 1-2000 characters), or with null goes back to
   * the earliest mention's words. Throws 'unknown-cluster'. Undoable.
   */
  setClusterWording(clusterId: string, text: string | null): Promise<ClusterView>
  /** Clusters (rows) against project documents (columns, by publication). Never writes. */
  getMatrix(request?: MatrixRequest): Promise<MatrixView>
  /**
   * The annotator's claims in project documents (open or not) matching `query`, best first, for
   * finding a link's target: words of the query against each claim's quote, label (id and name),
   * attributed-to and tags, and its document's path, title and outlet; the last word may be
   * unfinished, longer words may carry a typo, and figures match however they are written
   * ("13000", "13,000", "13K"). `query` up to 500 characters; an empty query finds nothing.
   * `limit` 1-100, default 20. Never writes.
   */
  searchClaims(query: string, limit?: number): Promise<ClaimSearchHit[]>
  /**
   * Claims and sentences of other project documents likely linked to a claim, or to a range not
   * claimed yet, ranked, with reasons. `limit` 1-50, default 10. `from`: whose claims are
   * candidates, the annotator's (default) or every annotator's file of the project. Throws 'unknown-claim',
   * 'invalid-range', 'not-in-project'. Never writes.
   */
  getSuggestions(
    source: SuggestionSourceRef,
    limit?: number,
    from?: SuggestionsFrom,
  ): Promise<SuggestionListing>
  /**
   * Creates the link a suggestion proposed between the claim suggestions were asked for (source)
   * and the suggested target, first claiming either end given as a range (an unannotated
   * sentence), all in one undoable step. The backend decides the link's direction: for a directed
   * relation the suggestion said runs from the target (an update newer than the source), the
   * link starts at the target. Throws what createClaim and createLink throw, and
   * 'duplicate-link' when the two are linked already.
   */
  acceptSuggestion(input: AcceptSuggestion): Promise<AcceptedSuggestion>

  // ---- Review ----

  /**
   * Where claims of any annotator file (a colleague's, one from outside the project) are in the
   * project's current texts: for each claim given, in order, its document (by the claim's path,
   * else its content hash) and its range there, re-placed by its quote when the text changed, as
   * listings and agreement place them. Never writes. Throws 'no-project'.
   */
  locateClaims(claims: Claim[]): Promise<ClaimLocation[]>
  /**
   * The current annotator's claims and links against the gold file's (annotations/<gold>.json,
   * default gold), per document: what the reviewer changed. Claims are placed in the current
   * texts and aligned into units as `corroborate diff` does (core/review/diff.ts): units whose
   * fields or boundaries differ, units only one side has, and links. `a` is the annotator's
   * file, `b` the gold file. Read-only. Throws 'no-project', 'no-annotator'; a gold file that is
   * missing or cannot be read is said in `problem` (and the diff is against nothing).
   */
  compareWithGold(request: GoldComparisonRequest): Promise<GoldComparison>

  // ---- The file's conflict list (values a git merge set aside). See annotations/README.md. ----

  /**
   * The entries of the current annotator's conflict list, each with the claim, link or cluster
   * it concerns as the file holds it now, placed in its document when possible. Never writes.
   */
  listMergeConflicts(): Promise<MergeConflictView[]>
  /**
   * Settles one entry: 'kept' keeps the value the file holds and drops the entry; 'other' applies
   * the value set aside to the object as an ordinary edit (for a deletion set aside: deletes
   * it; for an edit set aside of a deleted object: puts it back) and drops the entry. One
   * undoable step. Throws 'unknown-conflict' (settled meanwhile: list again), 'unknown-claim' /
   * 'unknown-link' (the object is gone, so only 'kept' is possible), 'invalid-arguments' (the
   * value set aside is not valid any more), 'no-annotator', 'read-only'.
   */
  settleMergeConflict(request: SettleConflictRequest): Promise<MergeConflictView[]>
}

export interface GoldComparisonRequest {
  /** The gold file's annotator name (default 'gold'). */
  gold?: string
  /** Only these document paths. */
  documents?: string[]
}

export interface GoldComparison {
  annotator: string
  gold: string
  /** Why the gold file could not be compared (missing, unreadable), or null. */
  problem: string | null
  /** a: the annotator's file, b: the gold file. */
  diff: AnnotationDiff
  /** The project's documents by path, for "open in document". */
  documentKeys: Record<string, string>
}

/** One entry of the conflict list, and what it is about. */
export interface MergeConflictView extends MergeConflict {
  /** Identifies the entry to settle (core/model conflictKey). */
  key: string
  /** The object as the file holds it now. */
  subject: ConflictSubject
}

export interface ConflictSubject {
  /** Whether the file holds the object now (not when its deletion was kept). */
  exists: boolean
  /** The claim's document (a link's: its from-claim's), by project key; null when not in it. */
  documentKey: string | null
  documentPath: string | null
  /** Where the claim is in the document's current text; null when not placed (or not a claim). */
  range: { start: number; end: number } | null
  /** For people: the claim's quote, a link's two quotes and relation, a cluster's wording. */
  text: string
}

export interface SettleConflictRequest {
  /** The entry's key (MergeConflictView.key). */
  key: string
  take: 'kept' | 'other'
}

export type { Claim, Label, Link, LinkEnd, OutsideEnd, OutsideSource, RelationType }
export type { ClaimStatus, Certainty } from '../core/model/claim'

/** Whether the annotator's changes are on disk. */
export interface SaveState {
  /**
   * saved: on disk. saving: changes pending or being written. error: the last write failed
   * (retried; changes kept in memory). read-only: an annotation or settings file could not be
   * understood; it is left untouched and changes are refused until it is fixed (then refresh).
   */
  status: 'saved' | 'saving' | 'error' | 'read-only'
  /** For people: why it is 'error' or 'read-only', naming the file. Null otherwise. */
  message: string | null
  /** The annotation file (project-relative), null when none is open. */
  file: string | null
}

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  /** What undo / redo would do, for a menu item ("Undo Create claim"), or null. */
  undoLabel: string | null
  redoLabel: string | null
}

export interface AnnotationStatus {
  /** Null until the user has given a name (first run): ask before the first claim. */
  annotator: string | null
  save: SaveState
  history: HistoryState
}

export interface ProjectSettings {
  labels: Label[]
  /** Relation types links choose from (the defaults when corroborate.json has none). */
  relations: RelationType[]
  /** Where the settings live, for display (the user settings folder for the sample project). */
  file: string
  /** Why labels cannot be changed, or null. */
  readOnly: string | null
}

/**
 * A claim as a listing carries it to the renderer: the analyst's fields and the passage it
 * quotes (as saved). Its stored target (document, position, the quote's prefix and suffix) and
 * time stamps stay in the backend: the listing says where the claim is now, and without them
 * a listing of 5,000 claims is half the size, so a long document's highlights arrive sooner.
 */
export type ListedClaim = Pick<
  Claim,
  'id' | 'label' | 'attributedTo' | 'status' | 'certainty' | 'note' | 'tags'
> & {
  /** The passage's text when the claim was made or last moved (its TextQuoteSelector's exact). */
  quote: string
}

/** A claim with its place in the document's current text (UTF-16 offsets). */
export interface PlacedClaim {
  claim: ListedClaim
  start: number
  end: number
  /** exact: where it was saved. moved: re-placed by its quote (the text changed); not saved yet. */
  placement: 'exact' | 'moved'
}

/** A claim whose passage is no longer in the document's text. */
export interface OrphanClaim {
  claim: ListedClaim
  reason: OrphanReason
  /** The closest rejected place, for "was it here?", or null. */
  nearest: { start: number; end: number } | null
}

export interface ClaimListing {
  documentKey: string
  /** The document's current content hash. */
  documentId: string
  /** Sorted by start. */
  claims: PlacedClaim[]
  orphans: OrphanClaim[]
}

export interface NewClaim {
  documentKey: string
  start: number
  end: number
  label: string
}

export interface ClaimPatch {
  label?: string
  attributedTo?: string
  status?: Claim['status']
  certainty?: Claim['certainty']
  note?: string
  tags?: string[]
  /** New range, UTF-16 offsets of the current text; give both or neither. */
  start?: number
  end?: number
}

export interface HistoryStep {
  /** What was undone or redone ("Create claim"), or null when there was nothing to do. */
  applied: string | null
  history: HistoryState
  /** Document paths whose claims changed: re-list those. */
  paths: string[]
}

/** The tables an export writes; columns are documented in src/core/export. */
export type ExportTable = 'claims' | 'links' | 'clusters' | 'matrix'

/** What an exported file is: CSV for every table, or an SVG image of the matrix. */
export type ExportFormat = 'csv' | 'svg'

export interface ExportRequest {
  /** Which table; default 'claims'. */
  table?: ExportTable
  /**
   * 'document': the claims of one document, or the links starting at them. Clusters and the
   * matrix span documents, so they take 'project' only.
   */
  scope: 'project' | 'document'
  /** Required for scope 'document'. */
  documentKey?: string
  /** Start a CSV file with a UTF-8 byte order mark (for Excel on Windows). Default false; not for SVG. */
  bom?: boolean
  /** The matrix only: 'csv' (default) or 'svg'. The other tables are CSV. */
  format?: ExportFormat
  /** The matrix only: row order, default 'contradictions-first' (as getMatrix). */
  order?: MatrixOrder
  /** Only this annotator's file (annotations/<name>.json); default every annotator's. */
  annotator?: string
}

export interface AgreementRequest {
  /** The annotators compared, in this order; default every annotator with a readable file. */
  annotators?: string[]
  /** Only these documents (project-relative paths); default every document. */
  documents?: string[]
}

export interface ReviewQueueRequest extends AgreementRequest {
  /** Whose decisions (review/<reviewer>.decisions.json) mark the units decided, open or stale. */
  reviewer?: string
}

/** One annotator's version of a unit in the queue. */
export interface ReviewVersion {
  annotator: string
  claimId: string
  /** UTF-16 offsets in the document's current text. */
  start: number
  end: number
  quote: string
  label: string
  status: ClaimStatus
  certainty: Certainty | null
  attributedTo: string
  note: string
  tags: string[]
  updated: string
}

export interface ReviewQueueUnit {
  /** Stable within one alignment: the id of the claim that opened the unit. */
  id: string
  /** The unit's key for decisions (its claims' ids; see core/review/gold/unit-key.ts). */
  key: string
  /** The reviewer's decision on it: 'open' without a reviewer. */
  state: DecisionState
  decision: Decision | null
  documentKey: string
  documentPath: string
  documentTitle: string
  /** The stretch every version lies in. */
  start: number
  end: number
  /** That stretch of text, and the text just before and after it. */
  text: string
  before: string
  after: string
  /** In the order of the annotators reviewed. */
  versions: ReviewVersion[]
  /** Annotators reviewed who have no version here. */
  missing: string[]
  /** What the versions disagree on, in queue order; empty: they agree. */
  conflicts: ConflictField[]
}

export interface ReviewQueueResult {
  annotators: string[]
  /** In review order (see getReviewQueue). */
  units: ReviewQueueUnit[]
  problems: AgreementResult['problems']
  leftOut: AgreementResult['leftOut']
}

export interface AnnotatorSummary {
  name: string
  /** Project-relative, e.g. annotations/alice.json; absolute for a file reviewed from outside. */
  file: string
  /** The annotator this app annotates as. */
  current: boolean
  claims: number
  links: number
  /** Claims by their document's project-relative path. */
  byDocument: Record<string, number>
  /** Why the file cannot be read; null when it reads. */
  problem: string | null
}

/** A colleague's claim as the reader draws it in their lane. */
export interface LaneClaim {
  id: string
  start: number
  end: number
  label: string
  status: ClaimStatus
  certainty: Certainty | null
  attributedTo: string
  /** The relation of each of the colleague's links from or to it. */
  links: string[]
}

export interface AnnotatorLanes {
  documentKey: string
  lanes: { annotator: string; claims: LaneClaim[]; orphans: number }[]
  problems: { file: string; message: string }[]
}

/** Where one claim given to locateClaims is in the project. */
export type ClaimLocation =
  /** In the document's current text; `quote` is the text there. */
  | {
      status: 'placed'
      documentKey: string
      path: string
      start: number
      end: number
      quote: string
    }
  /** Its document is in the project, but its passage was not found in the current text. */
  | { status: 'not-placed'; documentKey: string; path: string }
  /** No document of the project has its path or its content hash. */
  | { status: 'not-in-project' }

export interface AgreementResult {
  /** Figures that cannot be computed (nothing to compare) are null. */
  report: WithNulls<AgreementReport>
  /** The files read, e.g. annotations/alice.json. */
  sources: string[]
  /** Files that could not be read, left out of the figures. */
  problems: { file: string; message: string }[]
  /** Claims left out: on a document that is not in the project, or not found in its text. */
  leftOut: {
    annotator: string
    path: string
    reason: 'not-in-project' | 'not-placed'
    claims: number
  }[]
}

export interface ReviewUnitsRequest {
  reviewer: string
  /** The gold file's name, left out of the units (default 'gold'). */
  gold?: string
  /** Only the units of these documents (project-relative paths). */
  documents?: string[]
}

/** One unit of the queue. */
export interface ReviewUnitView {
  /** Stable: the sorted ids of its claims joined by '+' (see core/review/gold/unit-key.ts). */
  key: string
  documentKey: string
  path: string
  /** The extent of its versions in the current text (UTF-16). */
  start: number
  end: number
  kind: 'identical' | 'overlapping' | 'single'
  /** One per annotator who has a claim here, in annotator order; placed in the current text. */
  versions: { annotator: string; claim: Claim; start: number; end: number }[]
  /** Claim id -> updated of each version now. */
  fingerprints: Record<string, string>
  state: DecisionState
  /** Why stale: 'changed' (a version was edited) or 'realigned' (the unit's claims changed). */
  staleBecause: 'changed' | 'realigned' | null
  /** The reviewer's decision in force, or the stale one; null when open. */
  decision: Decision | null
  /** The gold file's claim for this unit now, if any. */
  gold: Claim | null
}

export interface ReviewUnitsResult {
  reviewer: string
  gold: string
  annotators: string[]
  units: ReviewUnitView[]
  counts: { units: number; decided: number; open: number; stale: number }
  /** The reviewer's decisions none of whose claims is in any unit now (deleted claims). */
  unmatched: Decision[]
  problems: { file: string; message: string }[]
  leftOut: AgreementResult['leftOut']
}

export interface RecordDecisionRequest {
  reviewer: string
  unit: string
  action: DecisionAction
  reason: DecisionReason | null
  note?: string
  /** "Guidelines need work" (default false). */
  guidelines?: boolean
  gold?: string
}

export interface RemoveDecisionRequest {
  reviewer: string
  unit: string
}

export interface MergeGoldRequest {
  /** The gold file's annotator name (default 'gold'). */
  into?: string
  strategy: MergeStrategy
  /** Remove every automatic and unanimous object not edited by hand (the strategy is not run). */
  undoAutomatic?: boolean
}

export interface MergeGoldResult {
  /** e.g. annotations/gold.json */
  file: string
  claims: GoldCounts
  links: GoldCounts
  /** Cluster wordings merged from the annotators' (see annotations/README.md). */
  clusters: GoldCounts
  /** Units by the state of their decisions (all reviewers). */
  units: { total: number; decided: number; open: number; stale: number }
  /** Decisions that could not be applied. */
  problems: string[]
}

export interface ReviewStatusRequest {
  gold?: string
}

export interface ReviewStatus {
  gold: string
  annotators: string[]
  units: number
  reviewers: {
    reviewer: string
    decided: number
    open: number
    stale: number
    unmatched: number
    guidelines: number
  }[]
  /** The gold file's claims by origin; null when there is no gold file. */
  goldClaims: { unanimous: number; automatic: number; adjudicated: number; manual: number } | null
  /** Conflicts a git merge recorded in the gold file. */
  goldConflicts: number
  problems: { file: string; message: string }[]
}

export interface ExportResult {
  /**
   * Suggested file name: claims.csv or claims-<document>.csv, links.csv or links-<document>.csv,
   * clusters.csv, matrix.csv, matrix.svg.
   */
  fileName: string
  /** What `text` holds (the request's format, defaults applied). */
  format: ExportFormat
  /** Rows after the header: claims, links, clusters, or the matrix's clusters. */
  rows: number
  /** The file's text, CSV or SVG, in browser mode and the CLI; null when the door saved it itself (Electron). */
  text: string | null
  /** Where the file was saved (Electron); null otherwise. */
  savedTo: string | null
  /** The annotation files the rows come from (project-relative, "annotations/alice.json"). */
  sources: string[]
}

/** Dataset formats out (see src/core/export) and in. */
export const DATASET_EXPORT_FORMATS = ['w3c', 'brat', 'jsonl', 'claimreview'] as const
export type DatasetExportFormat = (typeof DATASET_EXPORT_FORMATS)[number]
export const DATASET_IMPORT_FORMATS = ['w3c', 'brat', 'labelstudio', 'jsonl'] as const
export type DatasetImportFormat = (typeof DATASET_IMPORT_FORMATS)[number]

export interface DatasetExportRequest {
  format: DatasetExportFormat
  /** Where to write (browser mode, CLI): an absolute folder path. Electron asks instead. */
  folder?: string
  /** Only this annotator's file; default every annotator's. */
  annotator?: string
}

/** Something left out, named by its item: a claim or link id, or a file and line. */
export interface DatasetItemProblem {
  item: string
  message: string
}

export interface DatasetExportResult {
  format: DatasetExportFormat
  /** The folder written to. */
  folder: string
  /** The files written, relative to `folder`, "/" separated. */
  files: string[]
  /** Claims and links written. */
  claims: number
  links: number
  /** What the format could not hold (not written), item by item. */
  problems: DatasetItemProblem[]
  /** The annotation files the dataset comes from ("annotations/alice.json"). */
  sources: string[]
}

export interface DatasetImportRequest {
  format: DatasetImportFormat
  /** The file or folder to import (browser mode, CLI). Electron asks instead. */
  path?: string
  /** The new annotator file's name: annotations/<annotator>.json. */
  annotator: string
}

export interface DatasetImportResult {
  /** Project-relative, "annotations/<annotator>.json". */
  file: string
  annotator: string
  claims: number
  links: number
  /** Ids of the labels and relation types added to corroborate.json. */
  addedLabels: string[]
  addedRelations: string[]
  /** What was not imported, by file and line or item ("news/a.ann line 7"). */
  problems: DatasetItemProblem[]
}

export interface ClaimCounts {
  /** Claims per document key (documents without claims are absent). */
  byDocument: Record<string, number>
  /** Claims per label id (labels without claims are absent). */
  byLabel: Record<string, number>
}

export interface DeletedClaim {
  /** Links that went with the claim. */
  removedLinks: number
}

export interface DeleteClaimImpact {
  /** Links touching the claim, at either end. */
  links: number
}

export interface NewLink {
  /** A claim id of the annotator's file. */
  from: string
  to: LinkEnd
  /** A relation type id (see ProjectSettings.relations). */
  relation: string
  note?: string
  confidence?: Link['confidence']
}

export interface LinkPatch {
  relation?: string
  note?: string
  confidence?: Link['confidence']
  /** Only for links to an outside source: its new description (all fields). */
  outside?: OutsideSource
}

/** A claim end of a link, resolved for display. */
export interface ResolvedClaimEnd {
  kind: 'claim'
  claimId: string
  /** The listed document holding the claim; null when its file is no longer in the project. */
  documentKey: string | null
  documentId: string
  path: string
  quote: string
  label: string
}

export interface ResolvedLink {
  link: Link
  from: ResolvedClaimEnd
  to: ResolvedClaimEnd | OutsideEnd
  /** The link's relation type; null when corroborate.json no longer has it. */
  relation: RelationType | null
}

export interface LinkListing {
  /** Null for the project-wide listing. */
  documentKey: string | null
  /** Sorted by id (creation order). */
  links: ResolvedLink[]
  backlinks: ResolvedLink[]
}

export interface ClusterView extends Cluster {
  /** True when an analyst chose the wording (setClusterWording), false for the earliest mention's. */
  customWording: boolean
  /** Paths of `documents`, in the same order. */
  documentPaths: string[]
  /** The members as the clusters view lists them, in the order of `memberClaimIds`. */
  mentions?: ClusterMention[]
}

/** One claim of a cluster, with what the clusters view shows of it. */
export interface ClusterMention {
  claimId: string
  /** The listed document holding the claim; null when its file is no longer in the project. */
  documentKey: string | null
  path: string
  quote: string
  outlet?: string
  published?: string
}

export interface MatrixRequest {
  /** Row order; default 'contradictions-first'. */
  order?: MatrixOrder
}

export interface MatrixView {
  columns: (MatrixColumn & { documentKey: string; path: string })[]
  rows: MatrixRow[]
}

/** A claim found by searchClaims. */
export interface ClaimSearchHit {
  claimId: string
  /** The listed document holding the claim. */
  documentKey: string
  path: string
  /** The claim's words as saved. */
  quote: string
  /** Label id. */
  label: string
  /** Relevance, higher is better; comparable within one answer only. */
  score: number
  outlet?: string
  title?: string
}

/** What to suggest links for: an existing claim, or a range of a document not claimed yet. */
export type SuggestionSourceRef =
  { claimId: string } | { documentKey: string; start: number; end: number }

export interface SuggestedTarget {
  /** 'claim': an existing claim of yours; 'sentence': a sentence nobody claimed yet. */
  kind: 'claim' | 'sentence'
  /** Null for sentences. */
  claimId: string | null
  documentKey: string
  documentId: string
  path: string
  /** UTF-16 offsets of the document's current text. */
  start: number
  end: number
  quote: string
}

export interface LinkSuggestion {
  target: SuggestedTarget
  /** 0..1, higher is more likely linked. */
  score: number
  /** The relation the evidence points to; the analyst decides. */
  relation: LinkRelation
  /** Which end the suggested link starts from: 'target' for an update the source is newer than. */
  linkFrom: 'source' | 'target'
  /**
   * The relation id of a link that already joins the source and this target (either way), or
   * null. Linked targets are listed, marked, but never taken by L, Enter or by A.
   */
  linked: string | null
  /** Why, in the analyst's words: "same figure 13,000 (13K)", "shared names: DIA, Tumangang". */
  reasons: string[]
  signals: { figures: number; names: number; wording: number }
}

export interface SuggestionListing {
  source: {
    claimId: string | null
    documentKey: string
    path: string
    start: number
    end: number
    quote: string
  }
  suggestions: LinkSuggestion[]
  /** Annotation files left out of the candidates (from 'everyone'), with why, for people. */
  warnings: string[]
}

/** Whose claims suggestions are drawn from: the annotator's own, or every annotator's file. */
export type SuggestionsFrom = 'annotator' | 'everyone'

/** An end of an accepted suggestion: an existing claim, or a range to claim first with a label. */
export type ClaimRef =
  { claimId: string } | { documentKey: string; start: number; end: number; label: string }

export interface AcceptSuggestion {
  /** The claim (or range) suggestions were asked for. */
  source: ClaimRef
  /** The suggested claim or sentence. */
  target: ClaimRef
  /** The relation to link with: the suggested one, or the analyst's choice. */
  relation: string
  /** The relation the suggestion proposed; with `linkFrom` it decides the link's direction. */
  suggested?: { relation: string; linkFrom: 'source' | 'target' }
  note?: string
  confidence?: Link['confidence']
}

export interface AcceptedSuggestion {
  link: Link
  /** Claims created for ends given as ranges, in the order from, to. */
  createdClaims: Claim[]
}

export type WorkbenchMethod = keyof WorkbenchApi

/** Every method of the contract, for clients that build the API from a transport. */
export const workbenchMethods = [
  'getState',
  'chooseProject',
  'chooseFiles',
  'openSampleProject',
  'refresh',
  'openDocument',
  'correctDocument',
  'getAnnotationStatus',
  'setAnnotator',
  'getProjectSettings',
  'updateLabels',
  'listClaims',
  'createClaim',
  'updateClaim',
  'deleteClaim',
  'undo',
  'redo',
  'replaceOrphan',
  'exportTable',
  'getAgreement',
  'getReviewQueue',
  'listAnnotators',
  'addReviewFile',
  'listAnnotatorClaims',
  'listReviewUnits',
  'recordDecision',
  'removeDecision',
  'mergeGold',
  'getReviewStatus',
  'exportDataset',
  'importDataset',
  'getClaimCounts',
  'deleteClaimImpact',
  'updateRelationTypes',
  'listLinks',
  'createLink',
  'updateLink',
  'deleteLink',
  'getClusters',
  'setClusterWording',
  'getMatrix',
  'searchClaims',
  'getSuggestions',
  'acceptSuggestion',
  'locateClaims',
  'compareWithGold',
  'listMergeConflicts',
  'settleMergeConflict',
] as const satisfies readonly WorkbenchMethod[]

// Fails to compile when a method of WorkbenchApi is missing from the list above.
type UnlistedMethod = Exclude<WorkbenchMethod, (typeof workbenchMethods)[number]>
export const allMethodsListed: [UnlistedMethod] extends [never] ? true : UnlistedMethod = true

/**
 * Events the backend pushes to every door. Every change of the annotations is announced, the
 * UI's own included: the UI keeps no copy of its own, it updates from these.
 */
export type WorkbenchEvent =
  /** The project listing changed (a project opened, files added, changed, removed). */
  | { type: 'state-changed'; state: WorkbenchState }
  /** The annotator's file changed save state (saved, saving, error, read-only). */
  | { type: 'save-state'; save: SaveState }
  /**
   * The annotations were opened afresh (another project, another annotator, a file fixed):
   * everything the UI holds of claims, links and settings is to be loaded again.
   */
  | { type: 'session-opened'; status: AnnotationStatus; settings: ProjectSettings }
  /** One committed change: a command, an undo or redo, or someone else's edit merged from disk. */
  | { type: 'changed'; change: ChangeSummary }

/** What one commit changed, for the UI to reload exactly that. */
export interface ChangeSummary {
  /** 'command': a call of this session; 'undo' / 'redo'; 'disk': merged from the file on disk. */
  cause: 'command' | 'undo' | 'redo' | 'disk'
  /** What was done, for people ("Create claim"); null for merges from disk. */
  description: string | null
  /** Paths of documents whose claims changed: re-list their claims. */
  claimPaths: string[]
  /**
   * Paths of documents whose links or backlinks changed: re-list their links. Clusters and the
   * matrix may have changed whenever `links` is true.
   */
  linkPaths: string[]
  /** True when any link or cluster wording changed (or claims that links show). */
  links: boolean
  /** The project settings, when labels or relation types changed; null otherwise. */
  settings: ProjectSettings | null
  /**
   * Paths of documents whose corrections (metadata, furniture flips) changed: read them again.
   * The listing with the corrections comes in a 'state-changed' event just before.
   */
  correctedPaths: string[]
  history: HistoryState
  /**
   * Files changed outside the app that the session does not hold, seen by the folder watcher
   * (cause 'disk'): colleagues' annotator files by annotator name (arrived, changed or gone:
   * list the annotators again), review files, project-relative (`review/…`), and whether
   * `corroborate.json` was read again. Absent
   * otherwise. The listing of articles changes through 'state-changed', the annotator's own file
   * through the merge ('disk' with claimPaths and links).
   */
  files?: OutsideFiles
  /** True when entries of the file's conflict list were settled or put back (list them again). */
  conflicts?: boolean
}

export interface OutsideFiles {
  annotators: string[]
  review: string[]
  /**
   * `corroborate.json` changed on disk and was read again. When its labels or relation types
   * differ from what was shown, the new ones are in ChangeSummary.settings; corrections of
   * documents show through 'state-changed'.
   */
  settings: boolean
}

/** How errors cross a door: a plain object, since Error subclasses do not survive IPC. */
export interface WorkbenchErrorInfo {
  code: string
  message: string
  file?: string
}

/** The result envelope every door returns. */
export type WorkbenchResult<T> = { ok: true; value: T } | { ok: false; error: WorkbenchErrorInfo }

/** An error reported by the backend, rebuilt on the UI side. */
export class WorkbenchError extends Error {
  readonly code: string
  readonly file?: string
  constructor(info: WorkbenchErrorInfo) {
    super(info.message)
    this.name = 'WorkbenchError'
    this.code = info.code
    if (info.file !== undefined) this.file = info.file
  }
}
