/**
 * The Electron security checklist, checked where it can be without an Electron
 * binary: the pure URL rules main relies on, and the settings in the sources.
 */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppPageUrl, isSafeExternalUrl } from '../../../src/main/app-url'

const repoRoot = resolve(import.meta.dirname, '../../..')
const read = (path: string) => readFile(join(repoRoot, path), 'utf8')

describe('Electron security', () => {
  const indexUrl = pathToFileURL('/app/out/renderer/index.html').href

  it('trusts only the app page: the built index.html, or the dev server origin in development', () => {
    expect(isAppPageUrl(indexUrl, indexUrl, null)).toBe(true)
    expect(isAppPageUrl(indexUrl + '#claims', indexUrl, null)).toBe(true)
    expect(isAppPageUrl('file:///etc/passwd', indexUrl, null)).toBe(false)
    expect(isAppPageUrl('file:///app/out/renderer/other.html', indexUrl, null)).toBe(false)
    expect(isAppPageUrl('http://localhost:5173/', indexUrl, null)).toBe(false)
    expect(isAppPageUrl('https://evil.example/', indexUrl, null)).toBe(false)
    expect(isAppPageUrl('not a url', indexUrl, null)).toBe(false)
    expect(
      isAppPageUrl('http://localhost:5173/index.html', indexUrl, 'http://localhost:5173/'),
    ).toBe(true)
    expect(isAppPageUrl('http://localhost:5174/', indexUrl, 'http://localhost:5173/')).toBe(false)
    expect(isAppPageUrl(indexUrl, indexUrl, 'http://localhost:5173/')).toBe(false)
  })

  it('hands only http(s) links to the system browser', () => {
    expect(isSafeExternalUrl('https://example.com/article')).toBe(true)
    expect(isSafeExternalUrl('http://example.com/')).toBe(true)
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:x',
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
      'preload: preloadPath',
    ]) {
      expect(main).toContain(setting)
    }
    expect(main).toContain('app.enableSandbox()')
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/)
  })

  it('exposes only the bridge from the preload, never ipcRenderer itself', async () => {
    const preload = await read('src/preload/index.ts')
    const exposed = [...preload.matchAll(/exposeInMainWorld\(\s*'([^']+)'\s*,\s*(\w+)/g)]
    expect(exposed.map((match) => [match[1], match[2]])).toEqual([['corroborate', 'bridge']])
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
  })
})
