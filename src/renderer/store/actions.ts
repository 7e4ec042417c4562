/**
 * Every action the store knows: plain data, named for what happened ("the backend announced a
 * change", "the analyst selected a claim"), never for how the state should change. Reducers in
 * the modules beside this file decide that, each for its own part.
 */
import type { QueueFilter } from '../../core/review/queue'
import type {
  AnnotationStatus,
  AnnotatorLanes,
  AnnotatorSummary,
  ChangeSummary,
  ClaimCounts,
  ClaimListing,
  ClaimSearchHit,
  LinkListing,
  MergeConflictView,
  NewClaim,
  OpenedDocument,
  ProjectSettings,
  ReviewQueueResult,
  SaveState,
  SuggestionListing,
  WorkbenchState,
} from '../../shared/api'
import type { LayoutAction } from '../layout'
import type { PromptKind } from './dialogs'
import type { DecisionDraft } from './review'
import type { OffsetRange } from '../reader/positions'
import type { BadgeEvent, ClaimClick } from '../reader/ReaderView'
import type { WorkspaceView } from '../views/types'

/** What the backend loads, by the name a load action gives it. */
export interface Loads {
  document: OpenedDocument
  claims: ClaimListing
  links: LinkListing
  counts: ClaimCounts
  suggestions: SuggestionListing
  annotators: AnnotatorSummary[]
  lanes: AnnotatorLanes
  queue: ReviewQueueResult
  conflicts: MergeConflictView[]
}

export type LoadKind = keyof Loads

/** One claim, with what the link bar shows of it. */
export interface ClaimEnd {
  claimId: string
  documentKey: string
  path: string
  quote: string
  /** Its label id: a sentence linked to it is claimed with the same label. */
  label: string
}

export interface NoticeInput {
  kind: 'error' | 'info'
  title: string
  message: string
}

type LoadAction = {
  [K in LoadKind]:
    | { type: 'load/started'; what: K; key: string; request: number }
    | { type: 'load/arrived'; what: K; key: string; request: number; value: Loads[K] }
    | { type: 'load/failed'; what: K; key: string; request: number }
}[LoadKind]

export type Action =
  // ---- From the backend ----
  | { type: 'backend/state'; state: WorkbenchState }
  | { type: 'backend/session'; status: AnnotationStatus; settings: ProjectSettings | null }
  | { type: 'backend/changed'; change: ChangeSummary }
  | { type: 'backend/save'; save: SaveState }
  | { type: 'backend/status'; status: AnnotationStatus }
  | LoadAction
  // ---- Workspace and layout ----
  | { type: 'workspace/busy'; busy: boolean }
  | { type: 'workspace/view'; view: WorkspaceView }
  | { type: 'layout'; action: LayoutAction }
  // ---- Selection and linking ----
  | { type: 'selection/text'; paneId: string; range: OffsetRange | null }
  /** A claim selected (or none); `reveal`: scroll it into view, and with `focus` its reader too. */
  | { type: 'selection/claim'; claim: ClaimEnd | null; reveal?: { focus: boolean } }
  /** A jump to a claim of a document that may still be opening (from a link, cluster, matrix). */
  | { type: 'selection/jump'; claimId: string; documentKey: string }
  | { type: 'selection/revealed' }
  | { type: 'linking/start'; from: ClaimEnd }
  | { type: 'linking/end' }
  // ---- Claims ----
  | { type: 'claims/snap'; snap: boolean }
  /** The document's claims are to be listed again (a change failed: what is drawn may be off). */
  | { type: 'claims/relist'; documentKey: string }
  | { type: 'claims/placing'; claimId: string | null }
  /** The range the boundary keys asked for last (null: start again from the listing). */
  | { type: 'claims/nudged'; nudge: { claimId: string; range: OffsetRange } | null }
  // ---- Suggestions ----
  | { type: 'suggestions/accepting'; target: { documentKey: string; start: number } }
  | { type: 'suggestions/accepted' }
  // ---- Review ----
  /** Another annotator file is reviewed (from outside annotations/): everything is read again. */
  | { type: 'review/sources' }
  /** A colleague's lane turned on or off in the reader. */
  | { type: 'review/show'; annotator: string; shown: boolean }
  | { type: 'review/blind'; blind: boolean }
  | { type: 'review/filter'; filter: QueueFilter }
  /** The reason, note or flag to go with the next decision. */
  | { type: 'review/draft'; draft: Partial<DecisionDraft> }
  /** A decision was recorded or withdrawn. */
  | { type: 'review/decided' }
  /** The unit the review queue shows (null: its first). */
  | { type: 'review/unit'; unit: { id: string; documentKey: string } | null }
  // ---- Notices ----
  | { type: 'notice/add'; notice: NoticeInput }
  | { type: 'notice/dismiss'; id: number }
  // ---- Dialogs ----
  | { type: 'dialog/prompt'; prompt: PromptKind }
  | { type: 'dialog/settings' }
  | { type: 'dialog/dataset'; direction: 'export' | 'import' }
  | { type: 'dialog/annotator'; request: NewClaim }
  | { type: 'dialog/annotator-busy' }
  | { type: 'dialog/annotator-error'; error: string }
  | { type: 'dialog/delete-claim'; claimId: string; links: number }
  | { type: 'dialog/link-search'; source: ClaimEnd }
  | { type: 'dialog/outside'; source: ClaimEnd }
  | { type: 'dialog/chooser'; click: ClaimClick }
  | { type: 'dialog/document-details'; key: string }
  | { type: 'dialog/close' }
  /** A link badge hovered or clicked: its card shows (a click pins it). */
  | { type: 'card/show'; card: BadgeEvent }
  /** The card goes; `unlessPinned`: a hover ended, which leaves a pinned card. */
  | { type: 'card/hide'; unlessPinned: boolean }
  | { type: 'link-search/query'; query: string }
  | { type: 'link-search/searched'; query: string; hits: ClaimSearchHit[] }
  | { type: 'link-search/error'; error: string }
  | { type: 'link-search/relation'; relation: string | null }
  | { type: 'link-search/active'; index: number }
  | { type: 'link-search/enter-queued'; queued: boolean }
  | { type: 'link-search/linking'; linking: boolean }
