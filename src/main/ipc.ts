/**
 * The IPC door: one channel for calls, validated by dispatch like every other
 * door, and one for events. Only the app's own top-level page may call.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { dispatch } from '../backend'
import type { WorkbenchApi, WorkbenchResult } from '../shared/api'
import { INVOKE_CHANNEL } from '../preload/channels'
import { isTrustedSender } from './app-url'

export function registerWorkbenchIpc(
  api: WorkbenchApi,
  isAppPageUrl: (url: string) => boolean,
): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (
      event: IpcMainInvokeEvent,
      method: unknown,
      args: unknown,
    ): Promise<WorkbenchResult<unknown>> => {
      // Read at once: a frame that navigates away is detached, then gone (null).
      if (!isTrustedSender(event.senderFrame, isAppPageUrl)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Calls are accepted from the app only.' },
        }
      }
      return dispatch(api, method, args)
    },
  )
}
