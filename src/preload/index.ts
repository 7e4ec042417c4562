/**
 * The sandboxed preload: exposes exactly the PreloadBridge (one call channel,
 * one event channel) on window.corroborate. ipcRenderer itself is never exposed,
 * and the IPC event object is not passed on, so the page cannot reach other
 * channels or the sender.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { WorkbenchEvent, WorkbenchResult } from '../shared/api'
import type { PreloadBridge } from '../shared/bridge'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels'

const bridge: PreloadBridge = {
  invoke: (method: string, args: unknown[]) =>
    ipcRenderer.invoke(INVOKE_CHANNEL, method, args) as Promise<WorkbenchResult<unknown>>,
  onEvent: (listener: (event: WorkbenchEvent) => void) => {
    const forward = (_event: IpcRendererEvent, payload: WorkbenchEvent) => listener(payload)
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward)
    }
  },
}

contextBridge.exposeInMainWorld('corroborate', bridge)
