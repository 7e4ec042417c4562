/**
 * The one entry point every door uses to call the backend with untrusted input:
 * checks the method name and its arguments against the shared contract, calls
 * the API, and turns the outcome into a WorkbenchResult. Errors the user should
 * see keep their code and message; anything else is a bug, logged in full and
 * reported as a generic 'internal' error so no internals leak to the renderer.
 */
import { DocumentError } from '../core/document'
import type { WorkbenchApi, WorkbenchErrorInfo, WorkbenchResult } from '../shared/api'
import { isWorkbenchMethod, methodArguments } from '../shared/validation'
import { BackendError } from './errors'

export type ErrorLog = (message: string, error: unknown) => void

const logToStderr: ErrorLog = (message, error) => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`[corroborate] ${message}\n${detail}\n`)
}

export async function dispatch(
  api: WorkbenchApi,
  method: unknown,
  args: unknown,
  logError: ErrorLog = logToStderr,
): Promise<WorkbenchResult<unknown>> {
  if (!isWorkbenchMethod(method)) {
    const shown = typeof method === 'string' ? `"${method.slice(0, 100)}"` : typeof method
    return failure({ code: 'unknown-method', message: `Unknown method ${shown}.` })
  }
  const parsed = methodArguments[method].safeParse(args)
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map(
        (issue) =>
          `${issue.path.length > 0 ? `argument ${issue.path.join('.')}: ` : ''}${issue.message}`,
      )
      .join('; ')
    return failure({
      code: 'invalid-arguments',
      message: `Invalid arguments for ${method}: ${detail}`,
    })
  }
  try {
    const call = api[method] as (...callArgs: unknown[]) => Promise<unknown>
    const value = await call.apply(api, parsed.data as unknown[])
    return { ok: true, value }
  } catch (error) {
    return failure(toErrorInfo(error, method, logError))
  }
}

function toErrorInfo(error: unknown, method: string, logError: ErrorLog): WorkbenchErrorInfo {
  if (error instanceof DocumentError || error instanceof BackendError) {
    const info: WorkbenchErrorInfo = { code: error.code, message: error.message }
    if (error.file !== undefined) info.file = error.file
    return info
  }
  logError(`Unexpected error in ${method}:`, error)
  return {
    code: 'internal',
    message: 'Something went wrong inside Corroborate. The details are in its log.',
  }
}

function failure(error: WorkbenchErrorInfo): WorkbenchResult<never> {
  return { ok: false, error }
}
