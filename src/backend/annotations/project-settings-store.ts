/**
 * The project settings file `corroborate.json` (the label set, relation types and the analyst's
 * corrections of documents), read when a project opens, read again when it changes on disk (a
 * `git pull`, a colleague; the folder watcher calls `reload`) and written when any of them
 * changes. Same rules as annotation files: a file that cannot be understood, or comes from a
 * newer version, is never written over; the settings are read-only (what was last read stays
 * shown) until it is fixed.
 *
 * Never clobbered: every write reads the file first and merges into it. Fields the change does
 * not touch are the file's; a changed list (labels, relation types) is merged three-way by id
 * against the list the change was made from (core/model mergeListById), so a label a colleague
 * added meanwhile stays; corrections merge per document. A merge that breaks a rule of the file
 * (two people gave two labels one key) is refused with a message, their file is taken as it is,
 * and nothing is written.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import {
  defaultProjectSettings,
  mergeListById,
  readProjectSettingsText,
  relationTypesOf,
  type DocumentCorrection,
  type Label,
  type ProjectSettingsFile,
  type RelationType,
} from '../../core/model'
import { writeFileAtomic } from '../atomic-write'
import { BackendError } from '../errors'
import { describe, isErrnoCode } from '../settings'

/** What `reload` found different in the file from what was shown. */
export interface SettingsReload {
  /** Labels or relation types changed. */
  sets: boolean
  /** The ids of the documents whose corrections changed. */
  documents: string[]
  /** The file became unreadable, or readable again: the annotations' writability changed. */
  problem: boolean
}

type Change = Partial<Pick<ProjectSettingsFile, 'labels' | 'relations' | 'documents'>>

export class ProjectSettingsStore {
  private settings: ProjectSettingsFile = defaultProjectSettings()
  private problem: string | null = null
  private exists = false

  private constructor(
    readonly path: string,
    /** Project-relative name for messages. */
    readonly displayName: string,
  ) {}

  static async open(path: string, displayName: string): Promise<ProjectSettingsStore> {
    const store = new ProjectSettingsStore(path, displayName)
    const loaded = await store.readFile()
    if (loaded.kind === 'ok') {
      store.settings = loaded.settings
      store.exists = true
    } else if (loaded.kind === 'problem') {
      store.problem = loaded.message
    }
    return store
  }

  get labels(): Label[] {
    return this.settings.labels
  }

  get readOnlyReason(): string | null {
    return this.problem
  }

  hasLabel(id: string): boolean {
    return this.settings.labels.some((label) => label.id === id)
  }

  /** The file's relation types, or the defaults when it has none (written before links). */
  get relations(): RelationType[] {
    return relationTypesOf(this.settings)
  }

  relation(id: string): RelationType | undefined {
    return this.relations.find((relation) => relation.id === id)
  }

  /**
   * Writes the defaults the project has been using, so that colleagues get the same sets: the
   * whole file when there is none, the relation types when a file from before links lacks them.
   */
  async ensureSaved(): Promise<void> {
    if (this.problem !== null) return
    if (this.exists && this.settings.relations !== undefined) return
    // Decided on the file as it is when written: a colleague's labels are never replaced.
    await this.save((file) => {
      if (file === null) return { labels: this.settings.labels, relations: this.relations }
      return file.relations === undefined ? { relations: relationTypesOf(file) } : null
    })
  }

  /**
   * Reads the file again after someone else changed it, and says what differs from what was
   * shown. A file gone keeps what was shown (written again with the next claim); a file that
   * cannot be understood makes the settings read-only, never written over.
   */
  async reload(): Promise<SettingsReload> {
    const loaded = await this.readFile()
    const before = this.settings
    const hadProblem = this.problem !== null
    if (loaded.kind === 'missing') {
      this.exists = false
      this.problem = null
      return { sets: false, documents: [], problem: hadProblem }
    }
    if (loaded.kind === 'problem') {
      this.problem = loaded.message
      return { sets: false, documents: [], problem: !hadProblem }
    }
    this.settings = loaded.settings
    this.exists = true
    this.problem = null
    return {
      sets:
        !same(before.labels, loaded.settings.labels) ||
        !same(relationTypesOf(before), relationTypesOf(loaded.settings)),
      documents: changedKeys(before.documents ?? {}, loaded.settings.documents ?? {}),
      problem: hadProblem,
    }
  }

  /** The analyst's correction of a document, if any. */
  documentCorrection(documentId: string): DocumentCorrection | undefined {
    return this.settings.documents?.[documentId]
  }

  get documentCorrections(): Readonly<Record<string, DocumentCorrection>> {
    return this.settings.documents ?? {}
  }

  /**
   * A document's correction as the file on disk has it now (a colleague may have corrected the
   * same document since we read it), or as we last read it when the file cannot be read.
   */
  async freshDocumentCorrection(documentId: string): Promise<DocumentCorrection | undefined> {
    const current = await this.readFile()
    if (current.kind === 'ok') return current.settings.documents?.[documentId]
    return this.documentCorrection(documentId)
  }

  /**
   * Puts one document's correction in place of the stored one (null: no correction left),
   * keeping colleagues' corrections of other documents. Commit calls this, undo included.
   */
  async putDocumentCorrection(
    documentId: string,
    correction: DocumentCorrection | null,
  ): Promise<void> {
    await this.save((file) => {
      const documents = { ...(file ?? this.settings).documents }
      if (correction === null) delete documents[documentId]
      else documents[documentId] = correction
      return { documents }
    })
  }

  /** Writes `labels`, made from `from` (what was shown), merged with the file's labels now. */
  saveLabels(labels: Label[], from: readonly Label[] = this.settings.labels): Promise<void> {
    return this.save((file) => ({
      labels: file === null ? labels : mergeListById(from, labels, file.labels),
    }))
  }

  /** Writes `relations`, made from `from`, merged with the file's relation types now. */
  saveRelations(
    relations: RelationType[],
    from: readonly RelationType[] = this.relations,
  ): Promise<void> {
    return this.save((file) => ({
      relations: file === null ? relations : mergeListById(from, relations, relationTypesOf(file)),
    }))
  }

  /**
   * Reads the file, applies `change` to what it holds now (null: there is no file) and writes
   * the result; a change of null writes nothing.
   */
  private async save(change: (file: ProjectSettingsFile | null) => Change | null): Promise<void> {
    if (this.problem !== null) throw new BackendError('read-only', this.problem, this.displayName)
    // Someone may have changed the settings since we read them: keep theirs.
    const current = await this.readFile()
    if (current.kind === 'problem') {
      this.problem = current.message
      throw new BackendError('read-only', current.message, this.displayName)
    }
    const file = current.kind === 'ok' ? current.settings : null
    const changed = change(file)
    if (changed === null) {
      if (file !== null) this.settings = file
      this.exists = file !== null
      return
    }
    const next: ProjectSettingsFile = { ...(file ?? this.settings), ...changed }
    const text = JSON.stringify(next, null, 2) + '\n'
    const checked = readProjectSettingsText(text, this.displayName)
    if (!checked.ok) {
      if (file !== null) this.settings = file
      throw new BackendError(
        'settings-conflict',
        `${this.displayName} was changed by someone else meanwhile, and your change does not fit ` +
          `with theirs (${checked.message}). Their settings are shown now; make your change again.`,
        this.displayName,
      )
    }
    await mkdir(dirname(this.path), { recursive: true })
    await writeFileAtomic(this.path, text)
    this.settings = next
    this.exists = true
  }

  private async readFile(): Promise<
    | { kind: 'ok'; settings: ProjectSettingsFile }
    | { kind: 'missing' }
    | { kind: 'problem'; message: string }
  > {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT')) return { kind: 'missing' }
      return {
        kind: 'problem',
        message: `${this.displayName} cannot be read (${describe(error)}); labels are read-only.`,
      }
    }
    const result = readProjectSettingsText(text, this.displayName)
    if (result.ok) return { kind: 'ok', settings: result.settings }
    return {
      kind: 'problem',
      message: `${result.message} It is left untouched; the default labels are shown and the annotations are read-only until it is fixed.`,
    }
  }
}

/** Settings are small plain JSON: compared by their text. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The keys whose entries differ between two records (added and removed ones included). */
function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].filter((key) => !same(a[key], b[key])).sort()
}
