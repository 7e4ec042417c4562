/**
 * The annotations of one open project for one annotator: their store, the project's label set,
 * this session's undo history, and the claim commands of the WorkbenchApi. The Workbench opens
 * a session with each project (and annotator) and delegates to it.
 *
 * Where files live: `<data root>/annotations/<annotator>.json` and `<data root>/corroborate.json`.
 * The data root is the project folder, except for the bundled sample project (read-only, in the
 * app's resources), whose data root is `<settings folder>/sample-project/`.
 *
 * Every command runs in order (one queue), so undo always undoes the change before it.
 */
import { join } from 'node:path'
import { describeRange, type DescribedRange } from '../../core/anchoring'
import {
  annotationFileName,
  claimFieldsPatchSchema,
  newClaimId,
  nextTimestamp,
  validateLabels,
  PROJECT_SETTINGS_FILE_NAME,
  type Claim,
  type Label,
} from '../../core/model'
import {
  ExportDocuments,
  claimsCsv,
  sortClaimsForExport,
  type ExportDocument,
} from '../../core/export'
import type {
  AnnotationStatus,
  ClaimListing,
  ClaimPatch,
  ClaimsExport,
  DocumentSummary,
  ExportRequest,
  HistoryStep,
  NewClaim,
  OpenedDocument,
  ProjectSettings,
  SaveState,
  WorkbenchEvent,
} from '../../shared/api'
import { BackendError } from '../errors'
import type { Log } from '../settings'
import { ANNOTATIONS_FOLDER, readAnnotationFolder } from './annotation-folder'
import { AnnotationStore, type AnnotationStoreOptions } from './annotation-store'
import { History, type ClaimChange, type HistoryEntry } from './history'
import { DocumentIndex, placeClaims } from './placement'
import { ProjectSettingsStore } from './project-settings-store'

/** What the session needs of the workspace: the listing and a way to read documents. */
export interface DocumentAccess {
  /** Parses a listed document afresh; throws BackendError('unknown-document') for unknown keys. */
  open(key: string): Promise<OpenedDocument>
  /** The documents of the project folder (not single files opened on their own). */
  projectDocuments(): DocumentSummary[]
}

export interface AnnotationSessionOptions {
  dataRoot: string
  /** How a file under the data root is named in messages (project-relative, or absolute). */
  displayName: (relPath: string) => string
  annotator: string | null
  documents: DocumentAccess
  emit: (event: WorkbenchEvent) => void
  log: Log
  /** Tests: a shorter coalescing delay, a wrapped adapter. */
  store?: Partial<Pick<AnnotationStoreOptions, 'coalesceMs' | 'retryMs' | 'adapter'>>
}

export class AnnotationSession {
  private readonly history = new History()
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly options: AnnotationSessionOptions,
    private readonly settings: ProjectSettingsStore,
    private readonly store: AnnotationStore | null,
  ) {}

  static async open(options: AnnotationSessionOptions): Promise<AnnotationSession> {
    const settings = await ProjectSettingsStore.open(
      join(options.dataRoot, PROJECT_SETTINGS_FILE_NAME),
      options.displayName(PROJECT_SETTINGS_FILE_NAME),
    )
    let session: AnnotationSession | null = null
    let store: AnnotationStore | null = null
    if (options.annotator !== null) {
      const relPath = `${ANNOTATIONS_FOLDER}/${annotationFileName(options.annotator)}`
      store = await AnnotationStore.open({
        ...options.store,
        path: join(options.dataRoot, relPath),
        displayName: options.displayName(relPath),
        annotator: options.annotator,
        log: options.log,
        onSaveState: () => session?.emitSaveState(),
        onExternalChange: (changed) => session?.emitClaimsChanged(changed),
      })
    }
    session = new AnnotationSession(options, settings, store)
    return session
  }

  get annotator(): string | null {
    return this.options.annotator
  }

  /** Why changes are refused (a file that could not be understood), or null. */
  get readOnlyReason(): string | null {
    return this.settings.readOnlyReason ?? this.store?.readOnlyReason ?? null
  }

  status(): AnnotationStatus {
    return { annotator: this.annotator, save: this.saveState(), history: this.history.state }
  }

  saveState(): SaveState {
    const settingsProblem = this.settings.readOnlyReason
    if (settingsProblem !== null) {
      return { status: 'read-only', message: settingsProblem, file: this.settings.displayName }
    }
    if (!this.store) return { status: 'saved', message: null, file: null }
    return { ...this.store.saveState }
  }

  projectSettings(): ProjectSettings {
    return {
      labels: this.settings.labels,
      file: this.settings.displayName,
      readOnly: this.settings.readOnlyReason,
    }
  }

  updateLabels(labels: Label[]): Promise<ProjectSettings> {
    return this.command(async () => {
      const checked = validateLabels(labels)
      if (!checked.ok) throw new BackendError('invalid-labels', checked.message)
      const kept = new Set(checked.labels.map((label) => label.id))
      const inUse = new Set<string>()
      for (const claim of this.store?.all() ?? [])
        if (!kept.has(claim.label)) inUse.add(claim.label)
      if (inUse.size > 0) {
        throw new BackendError(
          'label-in-use',
          `Some of your claims are labelled ${[...inUse].map((id) => `"${id}"`).join(', ')}; ` +
            'relabel them before removing the label.',
        )
      }
      const before = this.settings.labels
      await this.settings.saveLabels(checked.labels)
      this.history.record({
        kind: 'labels',
        description: 'Change labels',
        before,
        after: checked.labels,
      })
      this.emitSettingsChanged()
      return this.projectSettings()
    })
  }

  async listClaims(documentKey: string): Promise<ClaimListing> {
    const document = await this.options.documents.open(documentKey)
    const listing: ClaimListing = { documentKey, documentId: document.id, claims: [], orphans: [] }
    if (!this.store || !this.isProjectDocument(documentKey)) return listing
    await this.store.syncFromDisk()
    const index = this.documentIndex()
    const mine = [...this.store.all()].filter((claim) => index.belongsTo(claim, document))
    return { ...listing, ...placeClaims(mine, document.text, document.id) }
  }

  createClaim(input: NewClaim): Promise<Claim> {
    return this.command(async () => {
      const store = this.writableStore()
      if (!this.isProjectDocument(input.documentKey)) {
        throw new BackendError(
          'not-in-project',
          'Claims can be made on the documents of a project only. Open the folder as a project.',
        )
      }
      this.checkLabel(input.label)
      const document = await this.options.documents.open(input.documentKey)
      const range = describe(document, input.start, input.end)
      const now = nextTimestamp(null)
      const claim: Claim = {
        id: newClaimId(),
        document: { id: document.id, path: document.path },
        target: targetOf(range),
        label: input.label,
        attributedTo: '',
        status: 'asserted',
        certainty: null,
        note: '',
        tags: [],
        annotator: this.annotator as string,
        created: now,
        updated: now,
      }
      store.put(claim)
      this.history.record({
        kind: 'claims',
        description: 'Create claim',
        changes: [{ id: claim.id, before: null, after: claim }],
      })
      await this.settings.ensureSaved().catch((error: unknown) => {
        this.options.log(`Could not write ${this.settings.displayName}: ${String(error)}`)
      })
      this.emitClaimsChanged([claim])
      return claim
    })
  }

  updateClaim(id: string, patch: ClaimPatch, description = 'Edit claim'): Promise<Claim> {
    return this.command(async () => {
      const store = this.writableStore()
      const claim = this.existingClaim(id)
      const { start, end, ...fields } = patch
      const checked = claimFieldsPatchSchema.safeParse(fields)
      if (!checked.success) {
        throw new BackendError(
          'invalid-range',
          `Invalid change: ${checked.error.issues[0]?.message}`,
        )
      }
      if (checked.data.label !== undefined) this.checkLabel(checked.data.label)
      let next: Claim = { ...claim, ...definedOnly(checked.data) }
      if (start !== undefined || end !== undefined) {
        if (start === undefined || end === undefined) {
          throw new BackendError('invalid-range', 'Give both start and end to move a claim.')
        }
        const document = await this.currentDocumentOf(claim)
        const range = describe(document, start, end)
        next = {
          ...next,
          document: { id: document.id, path: document.path },
          target: targetOf(range),
        }
      }
      if (JSON.stringify(next) === JSON.stringify(claim)) return claim
      next.updated = nextTimestamp(claim.updated)
      store.put(next)
      this.history.record({
        kind: 'claims',
        description,
        changes: [{ id, before: claim, after: next }],
      })
      this.emitClaimsChanged([claim, next])
      return next
    })
  }

  replaceOrphan(id: string, start: number, end: number): Promise<Claim> {
    return this.updateClaim(id, { start, end }, 'Re-place claim')
  }

  deleteClaim(id: string): Promise<void> {
    return this.command(async () => {
      const store = this.writableStore()
      const claim = this.existingClaim(id)
      store.remove(id, nextTimestamp(claim.updated))
      this.history.record({
        kind: 'claims',
        description: 'Delete claim',
        changes: [{ id, before: claim, after: null }],
      })
      this.emitClaimsChanged([claim])
    })
  }

  undo(): Promise<HistoryStep> {
    return this.command(() => this.step('undo'))
  }

  redo(): Promise<HistoryStep> {
    return this.command(() => this.step('redo'))
  }

  exportClaims(request: ExportRequest): Promise<ClaimsExport> {
    return this.command(async () => {
      await this.store?.flush()
      const folder = await readAnnotationFolder(this.options.dataRoot)
      if (folder.problems.length > 0) {
        throw new BackendError(
          'annotation-file-problem',
          `Cannot export: ${folder.problems.map((problem) => problem.message).join(' ')}`,
          folder.problems[0].displayName,
        )
      }
      let claims = folder.files.flatMap((file) => file.file.claims)
      const index = this.documentIndex()
      let fileName = 'claims.csv'
      if (request.scope === 'document') {
        const key = request.documentKey as string
        const document = this.options.documents.projectDocuments().find((doc) => doc.key === key)
        if (!document) {
          throw new BackendError('not-in-project', 'Only documents of the project can be exported.')
        }
        claims = claims.filter((claim) => index.belongsTo(claim, document))
        fileName = `claims-${fileStem(document.path)}.csv`
      }
      const documents = await this.exportDocuments(claims, index)
      const csv = claimsCsv(sortClaimsForExport(claims), documents, { bom: request.bom === true })
      return { fileName, rows: claims.length, csv, savedTo: null }
    })
  }

  /** Writes pending changes now (window close, quit). */
  async flush(): Promise<void> {
    const state = await this.store?.flush()
    if (state?.status === 'error') this.options.log(state.message ?? 'Saving failed.')
  }

  async close(): Promise<void> {
    await this.command(async () => undefined)
    const state = await this.store?.close()
    if (state?.status === 'error') this.options.log(state.message ?? 'Saving failed.')
  }

  private async step(direction: 'undo' | 'redo'): Promise<HistoryStep> {
    const entry = direction === 'undo' ? this.history.takeUndo() : this.history.takeRedo()
    if (!entry) return { applied: null, history: this.history.state, paths: [] }
    try {
      const paths = await this.applyEntry(entry, direction === 'undo' ? 'before' : 'after')
      return { applied: entry.description, history: this.history.state, paths }
    } catch (error) {
      if (direction === 'undo') this.history.restoreUndo(entry)
      else this.history.restoreRedo(entry)
      throw error
    }
  }

  /**
   * Puts back one side of a history entry. Restored claims get a fresh `updated`: for merging,
   * putting a claim back is a change made now, and must win over older copies elsewhere.
   */
  private async applyEntry(entry: HistoryEntry, side: 'before' | 'after'): Promise<string[]> {
    if (entry.kind === 'labels') {
      await this.settings.saveLabels(entry[side])
      this.emitSettingsChanged()
      this.emitClaimsChanged([])
      return []
    }
    const store = this.writableStore()
    const changes: ClaimChange[] = side === 'before' ? [...entry.changes].reverse() : entry.changes
    const touched: Claim[] = []
    for (const change of changes) {
      const target = change[side]
      const current = store.get(change.id)
      const previousTime = current?.updated ?? store.tombstone(change.id)?.deleted ?? null
      if (target === null) {
        if (current) {
          store.remove(change.id, nextTimestamp(previousTime))
          touched.push(current)
        }
      } else {
        const restored = { ...target, updated: nextTimestamp(previousTime ?? target.updated) }
        store.put(restored)
        touched.push(restored)
        if (current) touched.push(current)
      }
    }
    this.emitClaimsChanged(touched)
    return pathsOf(touched)
  }

  private writableStore(): AnnotationStore {
    if (!this.store) {
      throw new BackendError('no-annotator', 'Give your name as annotator before making claims.')
    }
    const settingsProblem = this.settings.readOnlyReason
    if (settingsProblem !== null) {
      throw new BackendError('read-only', settingsProblem, this.settings.displayName)
    }
    this.store.assertWritable()
    return this.store
  }

  private existingClaim(id: string): Claim {
    const claim = this.store?.get(id)
    if (!claim) {
      throw new BackendError(
        'unknown-claim',
        'This claim no longer exists (it was deleted or undone).',
      )
    }
    return claim
  }

  private checkLabel(id: string): void {
    if (!this.settings.hasLabel(id)) {
      throw new BackendError('unknown-label', `There is no label "${id}" in this project.`)
    }
  }

  private isProjectDocument(key: string): boolean {
    return this.options.documents.projectDocuments().some((document) => document.key === key)
  }

  private documentIndex(): DocumentIndex<DocumentSummary> {
    return new DocumentIndex(this.options.documents.projectDocuments())
  }

  /** The current text of a claim's document, for a new range. */
  private async currentDocumentOf(claim: Claim): Promise<OpenedDocument> {
    const listed = this.documentIndex().documentOf(claim)
    if (!listed) {
      throw new BackendError(
        'unknown-document',
        `${claim.document.path} is no longer in the project; the claim cannot be placed.`,
      )
    }
    return this.options.documents.open(listed.key)
  }

  private async exportDocuments(
    claims: Claim[],
    index: DocumentIndex<DocumentSummary>,
  ): Promise<ExportDocuments> {
    const keys = new Set<string>()
    for (const claim of claims) {
      const listed = index.documentOf(claim)
      if (listed) keys.add(listed.key)
    }
    const documents: ExportDocument[] = []
    for (const key of keys) {
      const { id, path, text, metadata } = await this.options.documents.open(key)
      documents.push({ id, path, text, metadata })
    }
    return new ExportDocuments(documents)
  }

  private command<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }

  private emitSaveState(): void {
    this.options.emit({ type: 'save-state', save: this.saveState() })
  }

  private emitClaimsChanged(claims: Claim[]): void {
    this.options.emit({
      type: 'claims-changed',
      paths: pathsOf(claims),
      history: this.history.state,
    })
  }

  private emitSettingsChanged(): void {
    this.options.emit({ type: 'project-settings-changed', settings: this.projectSettings() })
  }
}

function describe(document: OpenedDocument, start: number, end: number): DescribedRange {
  if (!(start < end)) {
    throw new BackendError(
      'invalid-range',
      'A claim needs at least one character: end must be after start.',
    )
  }
  try {
    return describeRange(document.text, start, end)
  } catch (error) {
    if (error instanceof RangeError) {
      throw new BackendError(
        'invalid-range',
        `${error.message} of ${document.path}.`,
        document.path,
      )
    }
    throw error
  }
}

function targetOf(range: DescribedRange): Claim['target'] {
  return {
    position: { start: range.position.start, end: range.position.end },
    quote: { exact: range.quote.exact, prefix: range.quote.prefix, suffix: range.quote.suffix },
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>
}

function pathsOf(claims: Claim[]): string[] {
  return [...new Set(claims.map((claim) => claim.document.path))].sort()
}

/** A file-name-safe stem of a document path: its base name without extension. */
function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base
  return stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'document'
}
