/**
 * Errors the backend reports to the UI on purpose. Anything else that is thrown
 * is a bug and crosses a door as a generic 'internal' error (see dispatch.ts).
 */
export type BackendErrorCode =
  | 'unknown-document'
  | 'not-found'
  | 'not-a-folder'
  | 'not-a-file'
  | 'unsupported-type'
  | 'no-project'
  /** Arguments the doors' schemas refuse, from a caller that skipped them (CLI, tests). */
  | 'invalid-arguments'
  // Annotations (src/backend/annotations):
  | 'annotation-file-problem'
  | 'read-only'
  | 'no-annotator'
  | 'invalid-annotator'
  | 'not-in-project'
  | 'invalid-range'
  | 'unknown-claim'
  | 'unknown-label'
  | 'invalid-labels'
  | 'label-in-use'
  /** corroborate.json changed meanwhile in a way the change cannot be merged with. */
  | 'settings-conflict'
  | 'export-failed'
  // Datasets (src/backend/annotations/dataset-*.ts):
  | 'annotator-exists'
  | 'import-failed'
  // Links (src/backend/annotations/link-rules.ts and the session):
  | 'unknown-link'
  | 'unknown-relation'
  | 'invalid-link'
  | 'duplicate-link'
  | 'invalid-relations'
  | 'relation-in-use'
  | 'unknown-cluster'
  // Review (src/backend/review):
  | 'unknown-unit'
  | 'invalid-decision'
  // The conflict list (src/backend/annotations/merge-conflicts.ts):
  | 'unknown-conflict'

export class BackendError extends Error {
  constructor(
    readonly code: BackendErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message)
    this.name = 'BackendError'
  }
}
