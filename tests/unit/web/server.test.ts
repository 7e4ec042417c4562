import { request } from 'node:http'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import type { WorkbenchEvent } from '../../../src/shared/api'
import { startWebServer, type WebServer } from '../../../src/web/server'
import { fakeParser, tempDir, writeFiles } from '../backend/helpers'
import { invoke, rawRequest } from './http-helpers'

const servers: WebServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function startServer() {
  const base = await tempDir()
  const rendererDir = join(base, 'renderer')
  await writeFiles(base, {
    'renderer/index.html': '<!doctype html><title>Corroborate</title>',
    'renderer/assets/app.js': 'console.log("app")',
    'renderer/assets/app.css': 'body{}',
    'secret.txt': 'outside the renderer folder',
  })
  const project = await tempDir()
  await writeFiles(project, { 'a.txt': 'Article A' })
  const samples = await tempDir()
  await writeFiles(samples, { 'sample.txt': 'Sample' })
  const workbench = createWorkbench({
    settingsDir: await tempDir(),
    samplesDir: samples,
    parse: fakeParser().parse,
    log: () => {},
  })
  const server = await startWebServer({ workbench, rendererDir, log: () => {} })
  servers.push(server)
  return { server, workbench, project, port: server.port, token: server.token }
}

describe('browser-mode server: API', () => {
  it('prints a loopback URL with a fresh random token', async () => {
    const { server } = await startServer()
    const other = (await startServer()).server
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(other.token).not.toBe(server.token)
  })

  it('answers calls that carry the token with the WorkbenchResult', async () => {
    const { port, token, project } = await startServer()
    const response = await invoke(port, token, 'chooseProject', [project])
    expect(response.status).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers['content-type']).toContain('application/json')
    const result = JSON.parse(response.body)
    expect(result).toMatchObject({ ok: true, value: { documents: [{ path: 'a.txt' }] } })

    const key = result.value.documents[0].key
    const opened = JSON.parse((await invoke(port, token, 'openDocument', [key])).body)
    expect(opened).toMatchObject({ ok: true, value: { text: 'Article A', path: 'a.txt' } })
  })

  it('refuses calls without or with a wrong token (401) and does nothing', async () => {
    const { port, token, workbench } = await startServer()
    const events: WorkbenchEvent[] = []
    workbench.onEvent((event) => events.push(event))
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    for (const given of [null, '', wrong, token + 'x', 'short']) {
      const response = await invoke(port, given, 'openSampleProject', [])
      expect(response.status, String(given)).toBe(401)
      expect(response.body).not.toContain('"ok"')
    }
    expect(events).toEqual([])
    expect((await workbench.getState()).project).toBeNull()
  })

  it('refuses requests whose Host is not the loopback address and port (403)', async () => {
    const { port, token } = await startServer()
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      `localhost`,
    ]) {
      const response = await invoke(port, token, 'getState', [], host)
      expect(response.status, host).toBe(403)
    }
    expect((await invoke(port, token, 'getState', [], `localhost:${port}`)).status).toBe(200)
    expect(
      (await rawRequest(port, { path: '/', headers: { Host: `rebound.example:${port}` } })).status,
    ).toBe(403)
  })

  it('validates calls like every door', async () => {
    const { port, token } = await startServer()
    const bad = JSON.parse((await invoke(port, token, 'openDocument', [42])).body)
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    const unknown = JSON.parse((await invoke(port, token, 'rm -rf', [])).body)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    const forged = JSON.parse(
      (await invoke(port, token, 'openDocument', ['../../etc/passwd'])).body,
    )
    expect(forged).toMatchObject({ ok: false, error: { code: 'unknown-document' } })

    const notJson = await rawRequest(port, {
      method: 'POST',
      path: '/api/invoke',
      headers: { 'X-Corroborate-Token': token },
      body: '{not json',
    })
    expect(notJson.status).toBe(400)
    const wrongMethod = await rawRequest(port, {
      path: '/api/invoke',
      headers: { 'X-Corroborate-Token': token },
    })
    expect(wrongMethod.status).toBe(405)
  })

  it('refuses bodies over 1 MB', async () => {
    const { port, token } = await startServer()
    const response = await invoke(port, token, 'chooseFiles', [['x'.repeat(1024 * 1024)]])
    expect(response.status).toBe(413)
  })

  it('streams state-changed events to clients with the token', async () => {
    const { port, token } = await startServer()
    expect((await rawRequest(port, { path: '/api/events' })).status).toBe(401)
    expect((await rawRequest(port, { path: '/api/events?token=wrong' })).status).toBe(401)

    // The call that makes the change is awaited too: the event arrives while it is still being
    // answered, and a test that ended first would close the server under it (ECONNRESET).
    let trigger: Promise<unknown> | null = null
    const received = new Promise<WorkbenchEvent>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: `/api/events?token=${token}` },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream')
          let buffer = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            buffer += chunk
            const match = /^data: (.*)$/m.exec(buffer)
            if (match) {
              resolve(JSON.parse(match[1]) as WorkbenchEvent)
              req.destroy()
            }
          })
          // The stream is open once the first comment arrives: now trigger a change.
          res.once('data', () => {
            trigger = invoke(port, token, 'openSampleProject', [])
          })
        },
      )
      req.on('error', (error) => {
        if (!('code' in error && error.code === 'ECONNRESET')) reject(error)
      })
      req.end()
    })
    const event = await received
    expect(event).toMatchObject({ type: 'state-changed', state: { project: { isSample: true } } })
    expect((await trigger!) as { status: number }).toMatchObject({ status: 200 })
  })

  it('listens on 127.0.0.1 only', async () => {
    const { port } = await startServer()
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal)
    const addresses = external ? [external.address, '::1'] : ['::1']
    for (const host of addresses) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host, port })
        socket.once('connect', () => {
          socket.destroy()
          resolve('connected')
        })
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      })
      expect(outcome, host).not.toBe('connected')
    }
  })
})

describe('browser-mode server: static files', () => {
  it('serves index.html for / with the strict CSP and safety headers', async () => {
    const { port } = await startServer()
    const response = await rawRequest(port, { path: '/?token=abc' })
    expect(response.status).toBe(200)
    expect(response.body).toContain('<title>Corroborate</title>')
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['referrer-policy']).toBe('no-referrer')
  })

  it('serves assets with their content types', async () => {
    const { port } = await startServer()
    const script = await rawRequest(port, { path: '/assets/app.js' })
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script.headers['content-security-policy']).toBeDefined()
    const style = await rawRequest(port, { path: '/assets/app.css' })
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8')
    expect((await rawRequest(port, { path: '/assets/missing.js' })).status).toBe(404)
    expect((await rawRequest(port, { path: '/assets' })).status).toBe(404)
  })

  it('refuses paths that leave the renderer folder', async () => {
    const { port } = await startServer()
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
      '/%E0%A4%A',
      '//etc/passwd',
    ]) {
      const response = await rawRequest(port, { path })
      expect(response.status, path).toBe(404)
      expect(response.body, path).not.toContain('outside the renderer folder')
    }
  })
})
