/**
 * The Electron security checklist, checked where it can be without an Electron
 * binary: the pure URL rules main relies on, and the settings in the sources.
 */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL } from '../../../src/main/app-protocol'
import { isAppPageUrl, isSafeExternalUrl, isTrustedSender } from '../../../src/main/app-url'

const repoRoot = resolve(import.meta.dirname, '../../..')
const read = (path: string) => readFile(join(repoRoot, path), 'utf8')

describe('Electron security', () => {
  const dev = 'http://localhost:5173/'

  it('trusts only the app origin, or the dev server origin in development', () => {
    expect(isAppPageUrl(APP_INDEX_URL, null)).toBe(true)
    expect(isAppPageUrl('app://corroborate/', null)).toBe(true)
    expect(isAppPageUrl('app://corroborate/index.html#claims', null)).toBe(true)
    for (const url of [
      'file:///app/out/renderer/index.html',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://corroborate.evil/index.html',
      'app://corroborate:1234/index.html',
      'app://user@corroborate/index.html',
      'other://corroborate/index.html',
      'http://localhost:5173/',
      'https://evil.example/',
      'about:blank',
      'data:text/html,<h1>hi</h1>',
      'not a url',
    ]) {
      expect(isAppPageUrl(url, null), url).toBe(false)
    }
    expect(isAppPageUrl('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isAppPageUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppPageUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    // In development the built page is not what the window shows, so it is not trusted.
    expect(isAppPageUrl(APP_INDEX_URL, dev)).toBe(false)
  })

  it('accepts calls only from the top-level frame of an app page', () => {
    const own = (url: string) => isAppPageUrl(url, null)
    const top = { url: APP_INDEX_URL, parent: null }
    expect(isTrustedSender(top, own)).toBe(true)
    expect(isTrustedSender({ ...top, detached: false }, own)).toBe(true)
    expect(isTrustedSender({ ...top, parent: top }, own)).toBe(false)
    expect(isTrustedSender({ ...top, detached: true }, own)).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, own)).toBe(false)
    expect(isTrustedSender(null, own)).toBe(false)
    expect(isTrustedSender(undefined, own)).toBe(false)
  })

  it('hands only http(s) links to the system browser', () => {
    expect(isSafeExternalUrl('https://example.com/article')).toBe(true)
    expect(isSafeExternalUrl('http://example.com/')).toBe(true)
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:x',
      'app://corroborate/',
      'nonsense',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false)
    }
  })

  it('creates the window with isolation, sandbox, no Node and web security', async () => {
    const main = await read('src/main/index.ts')
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'webSecurity: true',
      'webviewTag: false',
      'preload: preloadPath',
    ]) {
      expect(main).toContain(setting)
    }
    expect(main).toContain('app.enableSandbox()')
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/)
  })

  it('loads the renderer from app://, never from file://', async () => {
    const main = await read('src/main/index.ts')
    expect(main).toContain('loadURL(devUrl ?? APP_INDEX_URL)')
    expect(main).not.toMatch(/loadFile\(|file:\/\//)
    // The scheme is privileged before ready: registered at the top level, not in start().
    expect(main.indexOf('registerAppScheme()')).toBeLessThan(main.indexOf('async function start'))
    const protocol = await read('src/main/protocol.ts')
    // Exactly these privileges: no bypassCSP, no corsEnabled, no service workers.
    const privileges = [...protocol.matchAll(/privileges: (\{[^}]*\})/g)].map((m) => m[1])
    expect(privileges).toEqual(['{ standard: true, secure: true, supportFetchAPI: true }'])
    expect(protocol).toContain('protocol.handle(APP_SCHEME')
    expect(protocol).toContain('resolveAppFile(request.method, request.url, rendererDir)')
    expect(protocol).toContain('...SECURITY_HEADERS')
    expect(protocol.indexOf('isAllowedInitiator(initiatorOrigin)')).toBeLessThan(
      protocol.indexOf('resolveAppFile('),
    )
  })

  it('trusts ELECTRON_RENDERER_URL only through the development check', async () => {
    const paths = await read('src/main/app-paths.ts')
    expect(paths).toContain('trustedDevServerUrl(value, app.isPackaged)')
    const mainSources = await Promise.all(
      ['index.ts', 'security.ts', 'ipc.ts', 'menu.ts', 'protocol.ts'].map((file) =>
        read(`src/main/${file}`),
      ),
    )
    for (const source of mainSources) expect(source).not.toContain('ELECTRON_RENDERER_URL')
  })

  it('denies permissions, webviews, navigation away and new windows', async () => {
    const security = await read('src/main/security.ts')
    expect(security).toContain('setPermissionRequestHandler((_contents, _permission, callback) =>')
    expect(security).toContain('callback(false)')
    expect(security).toContain('setPermissionCheckHandler(() => false)')
    expect(security).toContain("'will-attach-webview', (event) => event.preventDefault()")
    expect(security).toContain("return { action: 'deny' }")
    expect(security).toMatch(/'will-navigate'[\s\S]*?event\.preventDefault\(\)/)
    const main = await read('src/main/index.ts')
    expect(main).toContain('denyAllPermissions(session.defaultSession)')
    expect(main).toContain("app.on('web-contents-created'")
  })

  it('opens links in the system browser only through the confirmation', async () => {
    for (const file of ['index.ts', 'security.ts', 'menu.ts', 'ipc.ts', 'native-dialogs.ts']) {
      const source = await read(`src/main/${file}`)
      const calls = [...source.matchAll(/shell\.openExternal\(([^)]*)\)/g)].map((m) => m[1])
      // The only call opens what the opener returned after the user confirmed.
      expect(calls, file).toEqual(file === 'security.ts' ? ['target'] : [])
    }
    const security = await read('src/main/security.ts')
    expect(security).toContain('createLinkOpener(')
    expect(security).toContain('dialog.showMessageBox(')
  })

  it('checks the sender frame of every call', async () => {
    const ipc = await read('src/main/ipc.ts')
    expect(ipc).toContain('isTrustedSender(event.senderFrame, isAppPageUrl)')
    expect(ipc.indexOf('isTrustedSender(')).toBeLessThan(ipc.indexOf('dispatch(api'))
  })

  it('lets the menu send commands, never replay keys into the page', async () => {
    const sources = await Promise.all(['index.ts', 'menu.ts'].map((f) => read(`src/main/${f}`)))
    for (const source of sources) expect(source).not.toContain('sendInputEvent')
    expect(sources[1]).toContain('registerAccelerator: false')
  })

  it('keeps the rules it tests free of Electron at run time', async () => {
    // Importing electron from Node would start a download of its binary (Electron 42+),
    // and the rules would no longer be what runs in the tests.
    for (const file of [
      'app-protocol.ts',
      'app-url.ts',
      'dev-server.ts',
      'accelerator.ts',
      'menu.ts',
      'external-links.ts',
    ]) {
      const source = await read(`src/main/${file}`)
      const runtimeImports = [...source.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)].map(
        (match) => match[1],
      )
      expect(
        runtimeImports.filter((spec) => spec.startsWith('electron')),
        file,
      ).toEqual([])
    }
  })

  it('exposes only the bridge from the preload, never ipcRenderer itself', async () => {
    const preload = await read('src/preload/index.ts')
    const exposed = [...preload.matchAll(/exposeInMainWorld\(\s*'([^']+)'\s*,\s*(\w+)/g)]
    expect(exposed.map((match) => [match[1], match[2]])).toEqual([['corroborate', 'bridge']])
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
    // Listeners get payloads, never the IPC event (which carries `sender`).
    expect(preload).not.toMatch(/listener\(\s*_?event\b/)
    expect(preload).toContain('commandIds.has(id)')
  })
})
