/** ELECTRON_RENDERER_URL is believed only in development, and only for loopback http. */
import { describe, expect, it } from 'vitest'
import { trustedDevServerUrl } from '../../../src/main/dev-server'

describe('dev server URL', () => {
  it('takes a loopback http URL in an unpackaged app', () => {
    expect(trustedDevServerUrl('http://localhost:5173', false)).toBe('http://localhost:5173/')
    expect(trustedDevServerUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/')
    expect(trustedDevServerUrl('http://[::1]:5173/', false)).toBe('http://[::1]:5173/')
    expect(trustedDevServerUrl('http://127.0.0.2:4000/app/', false)).toBe(
      'http://127.0.0.2:4000/app/',
    )
    expect(trustedDevServerUrl('http://LOCALHOST:5173', false)).toBe('http://localhost:5173/')
  })

  it('ignores it entirely in a packaged app', () => {
    expect(trustedDevServerUrl('http://localhost:5173', true)).toBeNull()
    expect(trustedDevServerUrl('http://127.0.0.1:5173', true)).toBeNull()
  })

  it('ignores anything that is not plain http on this machine', () => {
    for (const value of [
      undefined,
      '',
      'not a url',
      'https://localhost:5173',
      'file:///tmp/index.html',
      'app://corroborate/',
      'ws://localhost:5173',
      'http://evil.example:5173',
      'http://localhost.evil.example:5173',
      'http://127.0.0.1.evil.example/',
      'http://10.0.0.5:5173',
      'http://0.0.0.0:5173',
      'http://[::ffff:7f00:1]:5173',
      'http://user:pass@localhost:5173',
      'http://localhost@evil.example/',
    ]) {
      expect(trustedDevServerUrl(value, false), String(value)).toBeNull()
    }
  })
})
