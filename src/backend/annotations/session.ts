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
import type {
  AnnotationStatus,
  ClaimCounts,
  ClaimListing,
  ClaimPatch,
  DocumentSummary,
  ExportRequest,
  ExportResult,
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
import { buildExportFile, exportSpec } from './export-tables'
import { History, type HistoryEntry } from './history'
import { DocumentIndex, placeClaims } from './placement'
import { ProjectSettingsStore } from './project-settings-store'
// Links, clusters and suggestions (kept apart from the claim imports above).
import {
  linkedClaimIds,
  validateRelationTypes,
  type ClusterWording,
  type Link,
  type RelationType,
} from '../../core/model'
import type { LinkableClaim } from '../../core/linking'
import type {
  AcceptedSuggestion,
  AcceptSuggestion,
  ClaimRef,
  ClaimSearchHit,
  ClusterView,
  DeleteClaimImpact,
  DeletedClaim,
  LinkListing,
  LinkPatch,
  MatrixRequest,
  MatrixView,
  NewLink,
  SuggestionListing,
  SuggestionSourceRef,
} from '../../shared/api'
import type { Change, LinkChange } from './history'
import { buildLink, patchLink, type LinkContext } from './link-rules'
import { clusterViews, listLinks, matrixView, type AnnotatorData } from './link-views'
import { SuggestionIndexCache, suggestFor, type SuggestionCorpusView } from './suggestions'
import { ClaimSearchCache } from './claim-search'

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
  private readonly suggestionIndex = new SuggestionIndexCache()
  private readonly claimSearch = new ClaimSearchCache()
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
        onExternalLinksChange: () => session?.emitLinksChanged(null),
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
      relations: this.settings.relations,
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

  /** Counts from memory: cheap enough to call after every change. */
  claimCounts(): ClaimCounts {
    const counts: ClaimCounts = { byDocument: {}, byLabel: {} }
    const index = this.documentIndex()
    for (const claim of this.store?.all() ?? []) {
      counts.byLabel[claim.label] = (counts.byLabel[claim.label] ?? 0) + 1
      const document = index.documentOf(claim)
      if (document) counts.byDocument[document.key] = (counts.byDocument[document.key] ?? 0) + 1
    }
    return counts
  }

  createClaim(input: NewClaim): Promise<Claim> {
    return this.command(async () => {
      const store = this.writableStore()
      const claim = await this.newClaim(input)
      store.put(claim)
      this.history.record({
        kind: 'claims',
        description: 'Create claim',
        changes: [{ id: claim.id, before: null, after: claim }],
      })
      await this.saveSettingsInUse()
      this.emitClaimsChanged([claim])
      return claim
    })
  }

  /** A new claim over a range of a project document, checked but not stored yet. */
  private async newClaim(input: NewClaim): Promise<Claim> {
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
    return {
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
  }

  /** Writes the label set and relation types the project has been using, for colleagues. */
  private async saveSettingsInUse(): Promise<void> {
    await this.settings.ensureSaved().catch((error: unknown) => {
      this.options.log(`Could not write ${this.settings.displayName}: ${String(error)}`)
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

  /** Deletes the claim and its links in one step: no link ever points at a deleted claim. */
  deleteClaim(id: string): Promise<DeletedClaim> {
    return this.command(async () => {
      const store = this.writableStore()
      const claim = this.existingClaim(id)
      const links = store.linksOf(id)
      const paths = this.linkPaths(links)
      for (const link of links) store.removeLink(link.id, nextTimestamp(link.updated))
      store.remove(id, nextTimestamp(claim.updated))
      this.history.record({
        kind: 'claims',
        description: 'Delete claim',
        changes: [{ id, before: claim, after: null }],
        links: links.map((link) => ({ id: link.id, before: link, after: null })),
      })
      this.emitClaimsChanged([claim])
      if (links.length > 0) this.emitLinksChanged(paths)
      return { removedLinks: links.length }
    })
  }

  undo(): Promise<HistoryStep> {
    return this.command(() => this.step('undo'))
  }

  redo(): Promise<HistoryStep> {
    return this.command(() => this.step('redo'))
  }

  /** Any table of the project (see export-tables.ts), after writing pending changes. */
  exportClaims(request: ExportRequest): Promise<ExportResult> {
    return this.command(async () => {
      const documents = this.options.documents.projectDocuments()
      const spec = exportSpec(request, documents)
      await this.store?.flush()
      const folder = await readAnnotationFolder(this.options.dataRoot)
      if (folder.problems.length > 0) {
        throw new BackendError(
          'annotation-file-problem',
          `Cannot export: ${folder.problems.map((problem) => problem.message).join(' ')}`,
          folder.problems[0].displayName,
        )
      }
      const built = await buildExportFile(
        { files: folder.files, documents, open: (key) => this.options.documents.open(key) },
        spec,
      )
      return {
        fileName: built.fileName,
        format: built.format,
        rows: built.rows,
        csv: built.text,
        savedTo: null,
      }
    })
  }

  // ---- Links, clusters, suggestions ----

  deleteClaimImpact(id: string): DeleteClaimImpact {
    this.existingClaim(id)
    return { links: this.store?.linksOf(id).length ?? 0 }
  }

  updateRelationTypes(relations: RelationType[]): Promise<ProjectSettings> {
    return this.command(async () => {
      const checked = validateRelationTypes(relations)
      if (!checked.ok) throw new BackendError('invalid-relations', checked.message)
      const kept = new Set(checked.relations.map((relation) => relation.id))
      const inUse = new Set<string>()
      for (const link of this.store?.allLinks() ?? []) {
        if (!kept.has(link.relation)) inUse.add(link.relation)
      }
      if (inUse.size > 0) {
        throw new BackendError(
          'relation-in-use',
          `Some of your links are typed ${[...inUse].map((id) => `"${id}"`).join(', ')}; ` +
            'change or delete them before removing the relation type.',
        )
      }
      const before = this.settings.relations
      await this.settings.saveRelations(checked.relations)
      this.history.record({
        kind: 'relations',
        description: 'Change relation types',
        before,
        after: checked.relations,
      })
      this.emitSettingsChanged()
      return this.projectSettings()
    })
  }

  async listLinks(documentKey?: string): Promise<LinkListing> {
    if (documentKey !== undefined && !this.isProjectDocument(documentKey)) {
      await this.options.documents.open(documentKey) // 'unknown-document' for unknown keys.
      return { documentKey, links: [], backlinks: [] }
    }
    await this.store?.syncFromDisk()
    return listLinks(this.annotatorData(), documentKey ?? null)
  }

  createLink(input: NewLink): Promise<Link> {
    return this.command(async () => {
      const store = this.writableStore()
      const link = buildLink(input, this.linkContext(store))
      store.putLink(link)
      this.history.record({
        kind: 'claims',
        description: 'Create link',
        changes: [],
        links: [{ id: link.id, before: null, after: link }],
      })
      await this.saveSettingsInUse()
      this.emitLinksChanged(this.linkPaths([link]))
      return link
    })
  }

  updateLink(id: string, patch: LinkPatch): Promise<Link> {
    return this.command(async () => {
      const store = this.writableStore()
      const link = this.existingLink(id)
      const next = patchLink(link, patch, this.linkContext(store))
      if (next === link) return link
      store.putLink(next)
      this.history.record({
        kind: 'claims',
        description: 'Edit link',
        changes: [],
        links: [{ id, before: link, after: next }],
      })
      this.emitLinksChanged(this.linkPaths([next]))
      return next
    })
  }

  deleteLink(id: string): Promise<void> {
    return this.command(async () => {
      const store = this.writableStore()
      const link = this.existingLink(id)
      store.removeLink(id, nextTimestamp(link.updated))
      this.history.record({
        kind: 'claims',
        description: 'Delete link',
        changes: [],
        links: [{ id, before: link, after: null }],
      })
      this.emitLinksChanged(this.linkPaths([link]))
    })
  }

  async getClusters(): Promise<ClusterView[]> {
    await this.store?.syncFromDisk()
    return clusterViews(this.annotatorData())
  }

  setClusterWording(clusterId: string, text: string | null): Promise<ClusterView> {
    return this.command(async () => {
      const store = this.writableStore()
      const exists = (clusters: ClusterView[]) =>
        clusters.find((cluster) => cluster.id === clusterId)
      const cluster = exists(clusterViews(this.annotatorData()))
      if (!cluster) {
        throw new BackendError(
          'unknown-cluster',
          'This cluster no longer exists (its claims or links changed). Reload the clusters.',
        )
      }
      const before = store.getWording(clusterId) ?? null
      const wording = text?.trim() ? text.trim() : null
      const after: ClusterWording = {
        id: clusterId,
        canonicalWording: wording,
        claimIds: cluster.memberClaimIds,
        updated: nextTimestamp(before?.updated ?? null),
      }
      store.putWording(after)
      this.history.record({
        kind: 'claims',
        description: 'Change cluster wording',
        changes: [],
        wordings: [{ id: clusterId, before, after }],
      })
      this.emitLinksChanged([])
      return exists(clusterViews(this.annotatorData()))!
    })
  }

  async getMatrix(request: MatrixRequest = {}): Promise<MatrixView> {
    await this.store?.syncFromDisk()
    return matrixView(this.annotatorData(), request.order)
  }

  /** The annotator's claims matching `query`, best first (claim-search.ts). Never writes. */
  async searchClaims(query: string, limit = 20): Promise<ClaimSearchHit[]> {
    const store = this.store
    if (!store || query.trim() === '') return []
    await store.syncFromDisk()
    const index = this.claimSearch.get(
      () => store.all(),
      store.claimsRevision,
      this.options.documents.projectDocuments(),
      this.settings.labels,
    )
    return index.search(query, limit)
  }

  getSuggestions(source: SuggestionSourceRef, limit = 10): Promise<SuggestionListing> {
    return this.command(async () => {
      await this.store?.syncFromDisk()
      const corpus = await this.suggestionCorpus()
      return suggestFor(corpus, this.suggestionSource(corpus, source), limit)
    })
  }

  /**
   * One step: claims for the ends given as ranges, then the link. Everything is checked before
   * anything is stored, so a refused link leaves no stray claim behind.
   */
  acceptSuggestion(input: AcceptSuggestion): Promise<AcceptedSuggestion> {
    return this.command(async () => {
      const store = this.writableStore()
      const createdClaims: Claim[] = []
      const claimOf = async (ref: ClaimRef): Promise<string> => {
        if ('claimId' in ref) return this.existingClaim(ref.claimId).id
        const claim = await this.newClaim(ref)
        createdClaims.push(claim)
        return claim.id
      }
      const from = await claimOf(input.from)
      const to = await claimOf(input.to)
      const context = this.linkContext(store)
      const link = buildLink(
        {
          from,
          to: { kind: 'claim', claimId: to },
          relation: input.relation,
          note: input.note,
          confidence: input.confidence,
        },
        {
          ...context,
          claim: (id) => createdClaims.find((claim) => claim.id === id) ?? context.claim(id),
        },
      )
      for (const claim of createdClaims) store.put(claim)
      store.putLink(link)
      this.history.record({
        kind: 'claims',
        description: createdClaims.length > 0 ? 'Claim and link' : 'Create link',
        changes: createdClaims.map((claim) => ({ id: claim.id, before: null, after: claim })),
        links: [{ id: link.id, before: null, after: link }],
      })
      await this.saveSettingsInUse()
      if (createdClaims.length > 0) this.emitClaimsChanged(createdClaims)
      this.emitLinksChanged(this.linkPaths([link]))
      return { link, createdClaims }
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
   * Puts back one side of a history entry. Restored claims and links get a fresh `updated`: for
   * merging, putting one back is a change made now, and must win over older copies elsewhere.
   * Claims are put back first, links next, claims removed last, so that a link never points at
   * a claim that is not there; links the entry does not know of (merged from disk since) go with
   * a claim it removes.
   */
  private async applyEntry(entry: HistoryEntry, side: 'before' | 'after'): Promise<string[]> {
    if (entry.kind === 'labels') {
      await this.settings.saveLabels(entry[side])
      this.emitSettingsChanged()
      this.emitClaimsChanged([])
      return []
    }
    if (entry.kind === 'relations') {
      await this.settings.saveRelations(entry[side])
      this.emitSettingsChanged()
      this.emitLinksChanged(null)
      return []
    }
    const store = this.writableStore()
    const ordered = <T>(changes: T[]): T[] => (side === 'before' ? [...changes].reverse() : changes)
    const claimChanges = ordered(entry.changes)
    const touched: Claim[] = []
    const touchedLinks: Link[] = []
    const claimVersions = {
      get: (id: string) => store.get(id),
      tombstone: (id: string) => store.tombstone(id),
      put: (claim: Claim) => store.put(claim),
      remove: (id: string, at: string) => store.remove(id, at),
    }
    for (const change of claimChanges) {
      if (change[side] !== null) touched.push(...restoreVersion(claimVersions, change, side))
    }
    for (const change of ordered(entry.links ?? [])) {
      touchedLinks.push(...this.restoreLink(store, change, side))
    }
    for (const change of claimChanges) {
      if (change[side] !== null) continue
      for (const link of store.linksOf(change.id)) {
        store.removeLink(link.id, nextTimestamp(link.updated))
        touchedLinks.push(link)
      }
      touched.push(...restoreVersion(claimVersions, change, side))
    }
    const wordings = ordered(entry.wordings ?? [])
    for (const change of wordings) this.restoreWording(store, change, side)
    const linkPaths = this.linkPaths(touchedLinks, touched)
    if (entry.changes.length > 0) this.emitClaimsChanged(touched)
    if (touchedLinks.length > 0 || wordings.length > 0) this.emitLinksChanged(linkPaths)
    return [...new Set([...pathsOf(touched), ...linkPaths])].sort()
  }

  /** A link put back only while both its claims are there (a merge may have removed one). */
  private restoreLink(
    store: AnnotationStore,
    change: LinkChange,
    side: 'before' | 'after',
  ): Link[] {
    const target = change[side]
    if (target !== null && linkedClaimIds(target).some((id) => !store.get(id))) {
      this.options.log(`Link ${change.id} was not restored: one of its claims is gone.`)
      return []
    }
    return restoreVersion(
      {
        get: (id) => store.getLink(id),
        tombstone: (id) => store.linkTombstone(id),
        put: (link) => store.putLink(link),
        remove: (id, at) => store.removeLink(id, at),
      },
      change,
      side,
    )
  }

  /** Wordings have no tombstones: "none" is a version saying so, which merges like any other. */
  private restoreWording(
    store: AnnotationStore,
    change: Change<ClusterWording>,
    side: 'before' | 'after',
  ): void {
    const current = store.getWording(change.id)
    const target = change[side]
    store.putWording({
      ...(target ?? { id: change.id, canonicalWording: null, claimIds: current?.claimIds ?? [] }),
      updated: nextTimestamp(current?.updated ?? target?.updated ?? null),
    })
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

  private command<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }

  private emitSaveState(): void {
    this.options.emit({ type: 'save-state', save: this.saveState() })
  }

  private existingLink(id: string): Link {
    const link = this.store?.getLink(id)
    if (!link) {
      throw new BackendError(
        'unknown-link',
        'This link no longer exists (it was deleted or undone).',
      )
    }
    return link
  }

  private linkContext(store: AnnotationStore): LinkContext {
    return {
      annotator: this.annotator as string,
      claim: (id) => store.get(id),
      relation: (id) => this.settings.relation(id),
      links: () => store.allLinks(),
    }
  }

  private annotatorData(): AnnotatorData {
    const store = this.store
    const documents = this.options.documents.projectDocuments()
    return {
      claims: {
        get: (id) => store?.get(id),
        values: () => store?.all() ?? [],
      },
      links: store ? [...store.allLinks()] : [],
      wordings: store ? [...store.allWordings()] : [],
      relations: this.settings.relations,
      index: new DocumentIndex(documents),
      documents,
    }
  }

  private suggestionCorpus(): Promise<SuggestionCorpusView> {
    return this.suggestionIndex.get(
      this.options.documents.projectDocuments(),
      (key) => this.options.documents.open(key),
      () => this.store?.all() ?? [],
      this.store?.claimsRevision ?? 0,
    )
  }

  /** The claim (placed in its current text) or the range suggestions are asked for. */
  private suggestionSource(
    corpus: SuggestionCorpusView,
    source: SuggestionSourceRef,
  ): LinkableClaim {
    if ('claimId' in source) {
      const claim = this.existingClaim(source.claimId)
      const placed = corpus.claims.get(claim.id)
      if (placed) return placed
      // An orphan: its saved words still say what it claims.
      const listed = this.documentIndex().documentOf(claim)
      const document = listed && corpus.documents.find((doc) => doc.key === listed.key)
      if (!document) {
        throw new BackendError(
          'unknown-document',
          `${claim.document.path} is no longer in the project; there is nothing to compare with.`,
        )
      }
      const { start, end } = claim.target.position
      return { id: claim.id, documentId: document.id, start, end, quote: claim.target.quote.exact }
    }
    const document = corpus.documents.find((doc) => doc.key === source.documentKey)
    if (!document) {
      throw new BackendError(
        'not-in-project',
        'Suggestions are made within a project. Open the folder as a project.',
      )
    }
    const range = describe(document, source.start, source.end)
    const { start, end } = range.position
    return { id: '', documentId: document.id, start, end, quote: range.quote.exact }
  }

  /** Paths of the documents holding the links' claims; null: every document with a link. */
  private linkPaths(links: Iterable<Link> | null, alsoClaims: Claim[] = []): string[] {
    const all = links ?? this.store?.allLinks() ?? []
    const claims = new Map(alsoClaims.map((claim) => [claim.id, claim]))
    const paths = new Set<string>()
    for (const link of all) {
      for (const id of linkedClaimIds(link)) {
        const claim = this.store?.get(id) ?? claims.get(id)
        if (claim) paths.add(claim.document.path)
      }
    }
    return [...paths].sort()
  }

  private emitLinksChanged(paths: string[] | null): void {
    this.options.emit({
      type: 'links-changed',
      paths: paths ?? this.linkPaths(null),
      history: this.history.state,
    })
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

function describe(
  document: Pick<OpenedDocument, 'text' | 'path'>,
  start: number,
  end: number,
): DescribedRange {
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

interface VersionStore<T> {
  get(id: string): T | undefined
  tombstone(id: string): { deleted: string } | undefined
  put(item: T): void
  remove(id: string, at: string): void
}

/** Puts one side of a change back; returns the versions it replaced and wrote, for events. */
function restoreVersion<T extends { id: string; updated: string }>(
  versions: VersionStore<T>,
  change: Change<T>,
  side: 'before' | 'after',
): T[] {
  const target = change[side]
  const current = versions.get(change.id)
  const previousTime = current?.updated ?? versions.tombstone(change.id)?.deleted ?? null
  if (target === null) {
    if (!current) return []
    versions.remove(change.id, nextTimestamp(previousTime))
    return [current]
  }
  const restored = { ...target, updated: nextTimestamp(previousTime ?? target.updated) }
  versions.put(restored)
  return current ? [restored, current] : [restored]
}
