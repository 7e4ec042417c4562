/**
 * Browser mode's client side: the WorkbenchApi over fetch, events over
 * EventSource. Bundled into the renderer, so browser APIs only (no node:*).
 *
 * The access token arrives once in the page URL (`?token=…`, printed by the
 * server). It is moved to sessionStorage and removed from the address bar, so it
 * survives reloads of this tab but does not linger in history or bookmarks.
 */
import type { WorkbenchEvent, WorkbenchResult } from '../shared/api'
import { createClient, type Transport, type WorkbenchClient } from '../shared/client'

const TOKEN_STORAGE_KEY = 'corroborate.token'

export function connectBrowserMode(): WorkbenchClient {
  const token = takeToken()
  return createClient(fetchTransport(token), eventSubscription(token))
}

function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY)
}

function fetchTransport(token: string | null): Transport {
  return async (method, args) => {
    if (token === null) {
      return failure(
        'no-token',
        'This page was opened without its access token. Open the URL printed by `npm run web`.',
      )
    }
    let response: Response
    try {
      response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Corroborate-Token': token },
        body: JSON.stringify({ method, args }),
      })
    } catch {
      return failure(
        'disconnected',
        'Corroborate is not reachable. Is the browser-mode server still running?',
      )
    }
    if (response.status === 401) {
      return failure(
        'unauthorized',
        'The access token was refused. Open the URL printed by `npm run web` again.',
      )
    }
    if (!response.ok) return failure('transport', `The server answered ${response.status}.`)
    return (await response.json()) as WorkbenchResult<unknown>
  }
}

/** One EventSource shared by all listeners, open only while someone listens. */
function eventSubscription(token: string | null) {
  const listeners = new Set<(event: WorkbenchEvent) => void>()
  let source: EventSource | null = null

  return (listener: (event: WorkbenchEvent) => void): (() => void) => {
    listeners.add(listener)
    if (source === null && token !== null) {
      source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
      source.onmessage = (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as WorkbenchEvent
        for (const each of listeners) each(event)
      }
    }
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0 && source !== null) {
        source.close()
        source = null
      }
    }
  }
}

function failure(code: string, message: string): WorkbenchResult<never> {
  return { ok: false, error: { code, message } }
}
