/**
 * connectBrowserMode against the real server, with the few browser globals it
 * uses stubbed (location, history, sessionStorage, fetch with relative URLs).
 * Event streaming is covered by server.test.ts and the e2e tests.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import { WorkbenchError } from '../../../src/shared/api'
import { connectBrowserMode } from '../../../src/web/client'
import { startWebServer, type WebServer } from '../../../src/web/server'
import { fakeParser, tempDir, writeFiles } from '../backend/helpers'

const servers: WebServer[] = []
afterEach(async () => {
  vi.unstubAllGlobals()
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function browserAt(pageUrl: (server: WebServer) => string) {
  const workbench = createWorkbench({
    settingsDir: await tempDir(),
    samplesDir: await tempDir(),
    parse: fakeParser().parse,
    log: () => {},
  })
  const server = await startWebServer({ workbench, rendererDir: await tempDir(), log: () => {} })
  servers.push(server)
  const storage = new Map<string, string>()
  const location = { href: pageUrl(server) }
  const replaced: string[] = []
  const realFetch = globalThis.fetch
  vi.stubGlobal('window', {
    location,
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) => replaced.push(url),
    },
  })
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
  })
  vi.stubGlobal('fetch', (input: string, init: RequestInit) =>
    realFetch(new URL(input, `http://127.0.0.1:${server.port}`), init),
  )
  return { server, storage, replaced }
}

describe('connectBrowserMode', () => {
  it('moves the token from the URL to sessionStorage and calls the API with it', async () => {
    const { server, storage, replaced } = await browserAt(
      (server) => `http://127.0.0.1:${server.port}/?token=${server.token}&view=list#top`,
    )
    const client = connectBrowserMode()
    expect(storage.get('corroborate.token')).toBe(server.token)
    expect(replaced).toEqual(['/?view=list#top'])

    const project = await tempDir()
    await writeFiles(project, { 'a.txt': 'Article A' })
    const state = await client.chooseProject(project)
    expect(state?.documents.map((document) => document.path)).toEqual(['a.txt'])
    expect(await client.chooseProject(undefined)).toBeNull()
    await expect(client.openDocument('forged')).rejects.toMatchObject({ code: 'unknown-document' })
  })

  it('reuses the stored token after a reload, and explains a refused token', async () => {
    const { server, storage } = await browserAt((server) => `http://127.0.0.1:${server.port}/`)
    storage.set('corroborate.token', server.token)
    expect((await connectBrowserMode().getState()).project).toBeNull()

    storage.set('corroborate.token', 'stale-token-from-another-run')
    const refused = connectBrowserMode().getState()
    await expect(refused).rejects.toBeInstanceOf(WorkbenchError)
    await expect(refused).rejects.toMatchObject({ code: 'unauthorized' })
  })

  it('reports a missing token instead of calling the server', async () => {
    await browserAt((server) => `http://127.0.0.1:${server.port}/`)
    await expect(connectBrowserMode().getState()).rejects.toMatchObject({ code: 'no-token' })
  })
})
