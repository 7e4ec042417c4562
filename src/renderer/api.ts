/**
 * The one door from the UI to the backend. In Electron the preload exposes a
 * small bridge on `window.corroborate`; without it we are a web page served by
 * the loopback bridge of browser mode. Either way the rest of the renderer only
 * sees a WorkbenchClient.
 */
import type {} from '../shared/bridge'
import { createClient, type WorkbenchClient } from '../shared/client'
import { connectBrowserMode } from '../web/client'

export function connectWorkbench(): WorkbenchClient {
  const bridge = window.corroborate
  if (bridge) {
    return createClient(
      (method, args) => bridge.invoke(method, args),
      (listener) => bridge.onEvent(listener),
    )
  }
  return connectBrowserMode()
}
