/**
 * The sandboxed preload: exposes exactly the PreloadBridge (one call channel, one
 * event channel, one menu-command channel) on window.corroborate. ipcRenderer itself
 * is never exposed, and the IPC event object is not passed on, so the page cannot
 * reach other channels or the sender.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { WorkbenchEvent, WorkbenchResult } from '../shared/api'
import type { PreloadBridge } from '../shared/bridge'
import { COMMANDS, type CommandId } from '../shared/commands'
import { COMMAND_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL } from './channels'

const commandIds = new Set<string>(COMMANDS.map((command) => command.id))

/** Subscribes `forward` to one channel; returns the unsubscribe function. */
function subscribe(
  channel: string,
  forward: (event: IpcRendererEvent, payload: unknown) => void,
): () => void {
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const bridge: PreloadBridge = {
  invoke: (method: string, args: unknown[]) =>
    ipcRenderer.invoke(INVOKE_CHANNEL, method, args) as Promise<WorkbenchResult<unknown>>,
  onEvent: (listener: (event: WorkbenchEvent) => void) =>
    subscribe(EVENT_CHANNEL, (_event, payload) => listener(payload as WorkbenchEvent)),
  onCommand: (listener: (id: CommandId) => void) =>
    subscribe(COMMAND_CHANNEL, (_event, id) => {
      // Only catalog ids reach the page, whatever arrives on the channel.
      if (typeof id === 'string' && commandIds.has(id)) listener(id as CommandId)
    }),
}

contextBridge.exposeInMainWorld('corroborate', bridge)
