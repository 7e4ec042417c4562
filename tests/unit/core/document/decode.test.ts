import { describe, expect, it } from 'vitest'
import { decodeHtml, decodeText, looksBinary, scanUtf8 } from '../../../../src/core/document/decode'
import { fixtureBytes, parseFixture } from './helpers'

describe('encoding fixtures on disk keep their bytes', () => {
  // Guards against an editor re-saving a legacy fixture as UTF-8, which would
  // make the decoding tests below pass without testing anything.
  it('windows-1251 and windows-1252 pages are not UTF-8', () => {
    expect(scanUtf8(fixtureBytes('cyrillic-windows-1251.html')).invalidBytes).toBeGreaterThan(100)
    const western = fixtureBytes('cafe-windows-1252.html')
    expect(scanUtf8(western).invalidBytes).toBeGreaterThan(5)
    expect(western).toContain(0xe9) // é
    expect(western).toContain(0x93) // “
    expect(western).toContain(0x80) // €
  })

  it('UTF-16 fixtures start with their BOM and the CRLF fixture has CRs', () => {
    expect(Array.from(fixtureBytes('munitions-brief.utf16le.txt').subarray(0, 2))).toEqual([
      0xff, 0xfe,
    ])
    expect(Array.from(fixtureBytes('munitions-brief.utf16be.txt').subarray(0, 2))).toEqual([
      0xfe, 0xff,
    ])
    expect(Array.from(fixtureBytes('munitions-brief.utf8-bom.txt').subarray(0, 3))).toEqual([
      0xef, 0xbb, 0xbf,
    ])
    expect(fixtureBytes('munitions-brief.crlf.txt')).toContain(0x0d)
  })
})

describe('decoding HTML', () => {
  it('reads a page declaring windows-1251 in <meta charset> (Cyrillic)', () => {
    const doc = parseFixture('cyrillic-windows-1251.html')
    expect(doc.encoding).toBe('windows-1251')
    expect(doc.warnings).toEqual([])
    expect(doc.text).toContain('В Москве эти обвинения отвергли.')
    expect(doc.text).toContain('«очередной выдумкой»')
    expect(doc.text).not.toContain('\uFFFD')
  })

  it('reads a page declaring windows-1252 through http-equiv Content-Type', () => {
    const doc = parseFixture('cafe-windows-1252.html')
    expect(doc.encoding).toBe('windows-1252')
    expect(doc.metadata.title).toBe('At a Seoul café, talk of shells and sanctions')
    expect(doc.text).toContain('“It’s the biggest arms transfer we have seen from the North,”')
    expect(doc.text).toContain('‘a lifeline’')
    expect(doc.text).toContain('about €3,000')
    expect(doc.text).toContain('figure — over 13,000 containers')
  })

  it('lets a BOM override a declared charset, as browsers do', () => {
    const html = '<meta charset="windows-1251"><p>Café</p>'
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(html)])
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'UTF-8', warnings: [] })
    expect(decodeHtml(bytes).text).toContain('Café')
  })

  it('reads an undeclared page as UTF-8', () => {
    const decoded = decodeHtml(new TextEncoder().encode('<p>Пхеньян, 152 mm</p>'))
    expect(decoded).toEqual({ text: '<p>Пхеньян, 152 mm</p>', encoding: 'UTF-8', warnings: [] })
  })
})

describe('decoding text', () => {
  it('counts undecodable UTF-8 bytes in a warning and replaces them with U+FFFD', () => {
    const doc = parseFixture('invalid-utf8.txt')
    expect(doc.encoding).toBe('UTF-8')
    expect(doc.warnings).toEqual([
      '3 bytes could not be decoded as UTF-8 and were replaced with U+FFFD.',
    ])
    expect(doc.text).toContain(
      'The figure was \uFFFD(13,000\uFFFD containers, the attaché said\uFFFD.',
    )
  })

  it('reads a file with no valid UTF-8 sequence at all as windows-1252, with a warning', () => {
    const doc = parseFixture('legacy-windows-1252.txt')
    expect(doc.encoding).toBe('windows-1252')
    expect(doc.text).toBe('Notes from the café\n\nThe attaché’s reply was “no comment”.')
    expect(doc.warnings[0]).toMatch(/not valid UTF-8; it was read as windows-1252/)
  })

  it('decodes UTF-16 with either BOM and strips the BOM', () => {
    const le = decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x1f, 0x04]))
    const be = decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x04, 0x1f]))
    expect(le).toEqual({ text: 'AП', encoding: 'UTF-16LE', warnings: [] })
    expect(be).toEqual({ text: 'AП', encoding: 'UTF-16BE', warnings: [] })
  })

  it('warns about a truncated or broken UTF-16 file instead of failing', () => {
    const odd = decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))
    expect(odd.text).toBe('A')
    expect(odd.warnings[0]).toMatch(/ends in the middle of a UTF-16 character/)
    const lone = decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))
    expect(lone.text).toBe('\uFFFDA')
    expect(lone.warnings).toEqual([
      '1 UTF-16 unit could not be decoded and was replaced with U+FFFD.',
    ])
  })
})

describe('scanUtf8', () => {
  it('counts the bytes of each malformed sequence and the valid multi-byte ones', () => {
    expect(scanUtf8(new TextEncoder().encode('café 🚀'))).toEqual({
      invalidBytes: 0,
      validMultiByte: 2,
    })
    // E2 82 is a truncated 3-byte sequence (2 bytes), ED A0 80 a surrogate (3 bytes).
    expect(scanUtf8(new Uint8Array([0xe2, 0x82, 0x41, 0xed, 0xa0, 0x80]))).toEqual({
      invalidBytes: 5,
      validMultiByte: 0,
    })
  })
})

describe('looksBinary', () => {
  it('flags NUL bytes and control-heavy data, but not UTF-16 with a BOM or ordinary text', () => {
    expect(looksBinary(fixtureBytes('png-renamed.txt'))).toBe(true)
    expect(looksBinary(new Uint8Array(Array(100).fill(0x01)))).toBe(true)
    expect(looksBinary(fixtureBytes('munitions-brief.utf16le.txt'))).toBe(false)
    expect(looksBinary(fixtureBytes('munitions-brief.crlf.txt'))).toBe(false)
    expect(looksBinary(new TextEncoder().encode('tab\there\fform feed\x1b[0m'))).toBe(false)
  })
})
