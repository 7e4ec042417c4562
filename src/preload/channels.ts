/** IPC channel names shared by the preload and the main process (no imports: both bundle it). */
export const INVOKE_CHANNEL = 'workbench:invoke'
export const EVENT_CHANNEL = 'workbench:event'
/** Main → page: a menu item was chosen; the payload is its CommandId. */
export const COMMAND_CHANNEL = 'workbench:command'
