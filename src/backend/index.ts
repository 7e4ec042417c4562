/** The workspace behind every door (Electron, browser mode, CLI). Node only. */
export { Workbench, type WorkbenchOptions, type WorkbenchService } from './workbench'
export { dispatch, type ErrorLog } from './dispatch'
export { BackendError, type BackendErrorCode } from './errors'
export { readArticleBytes, statArticle } from './article-file'
export type { DocumentParser } from './summaries'
