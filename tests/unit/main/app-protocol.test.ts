/**
 * The app:// protocol's refusals: which file a URL names, tried with hostile URLs on
 * POSIX and Windows paths, and against a real built-renderer folder on disk.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix, win32 } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  isAllowedInitiator,
  isInside,
  resolveAppFile,
} from '../../../src/main/app-protocol'
import { contentTypeOf } from '../../../src/shared/content-types'

const ROOT = '/app/out/renderer'
const get = (url: string) => resolveAppFile('GET', url, ROOT, posix)
const fileOf = (url: string) => {
  const result = get(url)
  return result.ok ? result.filePath : result.status
}

describe('app:// protocol', () => {
  it('serves the index page for the origin itself and for index.html', () => {
    expect(APP_ORIGIN).toBe('app://corroborate')
    expect(fileOf('app://corroborate/')).toBe('/app/out/renderer/index.html')
    expect(fileOf('app://corroborate')).toBe('/app/out/renderer/index.html')
    expect(fileOf(APP_INDEX_URL)).toBe('/app/out/renderer/index.html')
  })

  it('serves files of the renderer folder, ignoring query and fragment', () => {
    expect(fileOf('app://corroborate/assets/index-abc123.js')).toBe(
      '/app/out/renderer/assets/index-abc123.js',
    )
    expect(fileOf('app://corroborate/assets/index.css?v=2#top')).toBe(
      '/app/out/renderer/assets/index.css',
    )
    // Percent-encoded ordinary characters are decoded: a file name with a space.
    expect(fileOf('app://corroborate/assets/my%20font.woff2')).toBe(
      '/app/out/renderer/assets/my font.woff2',
    )
  })

  it('never leaves the folder by dot segments, however they are spelled', () => {
    // The URL parser resolves these against the root: they stay inside or are refused.
    for (const url of [
      'app://corroborate/../../../etc/passwd',
      'app://corroborate/%2e%2e/%2e%2e/etc/passwd',
      'app://corroborate/%2E%2E/secret.txt',
      'app://corroborate/assets/.%2e/.%2E/../main/index.js',
    ]) {
      const result = get(url)
      if (result.ok) expect(isInside(ROOT, result.filePath, posix), url).toBe(true)
    }
    expect(fileOf('app://corroborate/../../../etc/passwd')).toBe('/app/out/renderer/etc/passwd')
  })

  it('refuses encoded separators, backslashes, absolute paths and odd segments', () => {
    for (const url of [
      'app://corroborate/..%2F..%2Fetc%2Fpasswd',
      'app://corroborate/..%2fsecret',
      'app://corroborate/%2Fetc%2Fpasswd',
      'app://corroborate/..%5C..%5Cwindows%5Cwin.ini',
      'app://corroborate/assets\\..\\..\\secret',
      'app://corroborate//etc/passwd',
      'app://corroborate/C:%5CWindows%5Cwin.ini',
      'app://corroborate/C:/Windows/win.ini',
      'app://corroborate/index.html%00.png',
      'app://corroborate/%E0%A4%A',
      'app://corroborate/.env',
      'app://corroborate/assets/',
      'app://corroborate/assets//index.js',
    ]) {
      expect(get(url), url).toEqual({ ok: false, status: 404 })
    }
  })

  it('refuses other schemes, hosts, ports and credentials', () => {
    for (const url of [
      'file:///app/out/renderer/index.html',
      'https://corroborate/index.html',
      'app://evil.example/index.html',
      'app://corroborate.evil.example/index.html',
      'app://Corroborate/index.html',
      'app://corroborate:8080/index.html',
      'app://user:pass@corroborate/index.html',
      'app:///etc/passwd',
      'app:/etc/passwd',
      'not a url',
      '',
    ]) {
      expect(get(url), url).toEqual({ ok: false, status: 404 })
    }
  })

  it('answers only GET and HEAD', () => {
    expect(resolveAppFile('HEAD', APP_INDEX_URL, ROOT, posix).ok).toBe(true)
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'get']) {
      expect(resolveAppFile(method, APP_INDEX_URL, ROOT, posix)).toEqual({ ok: false, status: 405 })
    }
  })

  it('refuses everything when the root is not absolute', () => {
    expect(resolveAppFile('GET', APP_INDEX_URL, 'out/renderer', posix)).toEqual({
      ok: false,
      status: 404,
    })
  })

  it('keeps Windows paths inside the folder too', () => {
    const root = 'C:\\Program Files\\Corroborate\\resources\\app\\out\\renderer'
    const win = (url: string) => resolveAppFile('GET', url, root, win32)
    expect(win('app://corroborate/assets/index.js')).toEqual({
      ok: true,
      filePath: `${root}\\assets\\index.js`,
      mimeType: 'text/javascript; charset=utf-8',
    })
    for (const url of [
      'app://corroborate/..%5C..%5Csecret.txt',
      'app://corroborate/C:%5Csecret.txt',
      'app://corroborate/D:/secret.txt',
      'app://corroborate/%5C%5Cserver%5Cshare%5Cx',
      'app://corroborate/secret.txt::$DATA',
    ]) {
      expect(win(url), url).toEqual({ ok: false, status: 404 })
    }
  })

  it('serves the app itself and the browser, not other origins', () => {
    expect(isAllowedInitiator(undefined)).toBe(true)
    expect(isAllowedInitiator('app://corroborate')).toBe(true)
    for (const origin of [
      'null',
      'https://evil.example',
      'http://localhost:5173',
      'app://evil',
      'app://corroborate/',
      'file://',
      '',
    ]) {
      expect(isAllowedInitiator(origin), origin).toBe(false)
    }
  })

  it('tells inside from outside, not by string prefix', () => {
    expect(isInside('/app/out/renderer', '/app/out/renderer/a.js', posix)).toBe(true)
    expect(isInside('/app/out/renderer', '/app/out/renderer', posix)).toBe(false)
    expect(isInside('/app/out/renderer', '/app/out/renderer-evil/a.js', posix)).toBe(false)
    expect(isInside('/app/out/renderer', '/app/out/a.js', posix)).toBe(false)
    expect(isInside('/app/out/renderer', '/app/out', posix)).toBe(false)
    expect(isInside('/app/out/renderer', '/app/out/renderer/..data', posix)).toBe(true)
    expect(isInside('C:\\app\\renderer', 'D:\\app\\renderer\\a.js', win32)).toBe(false)
  })

  it('gives each file its type, and opaque bytes for unknown ones', () => {
    expect(contentTypeOf('/r/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('/r/assets/index-1.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('/r/assets/INDEX.CSS')).toBe('text/css; charset=utf-8')
    expect(contentTypeOf('/r/assets/logo.svg')).toBe('image/svg+xml')
    expect(contentTypeOf('/r/assets/font.woff2')).toBe('font/woff2')
    expect(contentTypeOf('/r/assets/data.bin')).toBe('application/octet-stream')
    expect(contentTypeOf('/r/LICENSE')).toBe('application/octet-stream')
  })

  it('never resolves outside the folder, whatever path follows the origin', () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E.',
      '..%2F',
      '%5C',
      '\\',
      '/',
      '%00',
      'a',
      'assets',
      'index.html',
      '%',
      ':',
      'C:',
      '?',
      '#',
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const result = get(`${APP_ORIGIN}/${parts.join('')}`)
        return !result.ok || isInside(ROOT, result.filePath, posix)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('app:// protocol on a real folder', () => {
  let base: string
  let renderer: string

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'corroborate-protocol-'))
    renderer = join(base, 'out', 'renderer')
    await mkdir(join(renderer, 'assets'), { recursive: true })
    await writeFile(join(renderer, 'index.html'), '<!doctype html>')
    await writeFile(join(renderer, 'assets', 'index.js'), 'export {}')
    // Next to the renderer: what an escape would reach.
    await writeFile(join(base, 'out', 'secret.txt'), 'secret')
    await mkdir(join(base, 'out', 'renderer-evil'))
    await writeFile(join(base, 'out', 'renderer-evil', 'x.js'), 'evil')
  })

  afterAll(async () => {
    await rm(base, { recursive: true, force: true })
  })

  it('finds the built files and nothing next to them', () => {
    const at = (url: string) => resolveAppFile('GET', url, renderer)
    expect(at(APP_INDEX_URL)).toMatchObject({ ok: true, filePath: join(renderer, 'index.html') })
    expect(at(`${APP_ORIGIN}/assets/index.js`)).toMatchObject({
      ok: true,
      filePath: join(renderer, 'assets', 'index.js'),
    })
    for (const url of [
      `${APP_ORIGIN}/..%2Fsecret.txt`,
      `${APP_ORIGIN}/..%2Frenderer-evil%2Fx.js`,
      `${APP_ORIGIN}/${encodeURIComponent(join(base, 'out', 'secret.txt'))}`,
    ]) {
      expect(at(url), url).toEqual({ ok: false, status: 404 })
    }
    // Dot segments are resolved by the URL parser, against the root: they stay inside.
    expect(at(`${APP_ORIGIN}/../secret.txt`)).toMatchObject({
      ok: true,
      filePath: join(renderer, 'secret.txt'),
    })
  })
})
