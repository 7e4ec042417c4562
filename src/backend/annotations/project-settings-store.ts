/**
 * The project settings file `corroborate.json` (the label set, relation types and the analyst's
 * corrections of documents), read when a
 * project opens and written when either changes. Same rules as annotation files: a file that cannot be
 * understood, or comes from a newer version, is never written over; the settings are read-only
 * (defaults shown) until it is fixed. A file changed by someone else since we read it is read
 * again before the labels are written, so fields we did not change are theirs.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import {
  defaultProjectSettings,
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

type SettingsChange = Partial<Pick<ProjectSettingsFile, 'labels' | 'relations' | 'documents'>>

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
    await this.save({ labels: this.settings.labels, relations: this.relations })
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
    await this.save((base) => {
      const documents = { ...base.documents }
      if (correction === null) delete documents[documentId]
      else documents[documentId] = correction
      return { documents }
    })
  }

  saveLabels(labels: Label[]): Promise<void> {
    return this.save({ labels })
  }

  saveRelations(relations: RelationType[]): Promise<void> {
    return this.save({ relations })
  }

  /** `change`, or a function of the file as it is now giving the change (read just before). */
  private async save(change: SettingsChange | ((base: ProjectSettingsFile) => SettingsChange)) {
    if (this.problem !== null) throw new BackendError('read-only', this.problem, this.displayName)
    // Someone may have changed other settings since we read them: keep theirs.
    const current = await this.readFile()
    if (current.kind === 'problem') {
      this.problem = current.message
      throw new BackendError('read-only', current.message, this.displayName)
    }
    const base = current.kind === 'ok' ? current.settings : this.settings
    const next: ProjectSettingsFile = {
      ...base,
      ...(typeof change === 'function' ? change(base) : change),
    }
    await mkdir(dirname(this.path), { recursive: true })
    await writeFileAtomic(this.path, JSON.stringify(next, null, 2) + '\n')
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
