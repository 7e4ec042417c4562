/**
 * The backend's entry, the only module the doors import (Electron main, browser mode, the CLI).
 * Node only.
 */
export { createWorkbench, type Workbench, type WorkbenchOptions } from './workbench'
export { dispatch, type ErrorLog } from './dispatch'
export { BackendError, type BackendErrorCode } from './errors'
export { readArticleBytes, statArticle } from './article-file'
export type { DocumentParser } from './summaries'
export { writeFileAtomic } from './atomic-write'
