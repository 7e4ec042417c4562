/** Annotation stores on disk (lowdb), the project's label set, undo history and claim commands. */
export { AnnotationSession, type AnnotationSessionOptions } from './session'
export type { DocumentAccess } from './context'
export {
  AnnotationStore,
  COALESCE_MS,
  type AnnotationStoreOptions,
  type StoreSaveState,
} from './annotation-store'
export { AnnotationFileAdapter, serializeAnnotationFile } from './annotation-file-adapter'
export { ProjectSettingsStore } from './project-settings-store'
export {
  readAnnotationFolder,
  ANNOTATIONS_FOLDER,
  type AnnotationFolder,
} from './annotation-folder'
export { DocumentIndex, placeClaims } from './placement'
