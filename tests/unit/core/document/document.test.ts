import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../../src/core/document/parse'
import { DocumentError, MAX_DOCUMENT_BYTES, isSupportedFile } from '../../../../src/core/document'
import { expectCanonical, fixtureBytes, fixturesDir, parseFixture, parseString } from './helpers'

const refused = new Set(['empty.txt', 'png-renamed.txt'])
const articleFixtures = readdirSync(fixturesDir).filter(
  (name) => isSupportedFile(name) && !refused.has(name),
)

describe('every article fixture', () => {
  it('is found', () => {
    expect(articleFixtures.length).toBeGreaterThanOrEqual(12)
  })

  it.each(articleFixtures)('%s keeps the canonical invariants', (name) => {
    // hostile-page.html is parsed with its {{ORIGIN}} placeholders: relative URLs.
    expectCanonical(parseFixture(name))
  })
})

describe('document id', () => {
  const reference = parseFixture('munitions-brief.txt')

  it.each([
    'munitions-brief.md',
    'munitions-brief.utf16le.txt',
    'munitions-brief.utf16be.txt',
    'munitions-brief.utf8-bom.txt',
    'munitions-brief.crlf.txt',
  ])(
    'is the same for %s, whose text is the same (format, encoding, BOM, line ends, NFC)',
    (name) => {
      const doc = parseFixture(name)
      expect(doc.text).toBe(reference.text)
      expect(doc.id).toBe(reference.id)
    },
  )

  it('does not depend on the file name, and changes with the text', () => {
    const bytes = fixtureBytes('munitions-brief.txt')
    expect(parseDocument(bytes, 'renamed/Copy of brief.TXT').id).toBe(reference.id)
    expect(parseString(reference.text + ' Updated.', 'a.txt').id).not.toBe(reference.id)
  })
})

describe('bad input', () => {
  const failure = (run: () => unknown): DocumentError => {
    try {
      run()
    } catch (error) {
      expect(error).toBeInstanceOf(DocumentError)
      return error as DocumentError
    }
    throw new Error('expected a DocumentError')
  }

  it('refuses an unsupported extension without reading it', () => {
    const error = failure(() =>
      parseDocument(new TextEncoder().encode('PK\u0003\u0004'), 'sheet.xlsx'),
    )
    expect(error).toMatchObject({ code: 'unsupported-type', file: 'sheet.xlsx' })
    expect(error.message).toBe(
      '"sheet.xlsx" is not a supported article file (.txt, .md, .html, .pdf, .docx)',
    )
  })

  it('refuses an empty file and a file of only whitespace', () => {
    const empty = failure(() => parseFixture('empty.txt'))
    expect(empty).toMatchObject({ code: 'empty', message: '"empty.txt" is empty' })
    const blank = failure(() => parseString('\uFEFF \n\t\n', 'blank.md'))
    expect(blank.code).toBe('empty')
    expect(blank.message).toContain('"blank.md" is empty')
  })

  it('refuses binary data (a PNG renamed to .txt)', () => {
    const error = failure(() => parseFixture('png-renamed.txt'))
    expect(error.code).toBe('binary')
    expect(error.message).toBe('"png-renamed.txt" is not a text file: it contains binary data')
  })

  it('refuses a file over the size limit, giving its size and the limit in MB', () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61)
    const error = failure(() => parseDocument(big, 'huge.html'))
    expect(error.code).toBe('too-large')
    expect(error.message).toBe('"huge.html" is too large to open: 20.1 MB (the limit is 20 MB)')
    // Exactly at the limit is allowed.
    expect(parseDocument(big.subarray(0, MAX_DOCUMENT_BYTES), 'ok.txt').text).toHaveLength(
      MAX_DOCUMENT_BYTES,
    )
  })

  it('refuses a page with no readable text once markup is gone', () => {
    const error = failure(() =>
      parseString(
        '<html><head><title>Only a title</title><script>x()</script></head><body><img src="a.png"></body></html>',
        'shell.html',
      ),
    )
    expect(error).toMatchObject({
      code: 'no-content',
      message: '"shell.html" contains no readable text',
    })
    expect(failure(() => parseString('<!-- only a comment -->', 'c.md')).code).toBe('no-content')
  })

  it('accepts the supported extensions in any case', () => {
    for (const name of [
      'a.txt',
      'a.TEXT',
      'a.md',
      'a.Markdown',
      'a.html',
      'a.HTM',
      'a.PDF',
      'a.docx',
    ]) {
      expect(isSupportedFile(name)).toBe(true)
    }
    expect(isSupportedFile('a.doc')).toBe(false)
    expect(isSupportedFile('md')).toBe(false)
  })
})

describe('large input', () => {
  // Speed is measured by `npm run bench`; this checks that a 1 MB article is read whole.
  it('reads every paragraph of a 1 MB Markdown article', () => {
    const paragraph =
      'North Korea has shipped over **13,000 containers** of munitions to Russia since mid-2022, citing a [Defense Intelligence Agency](https://example.org) report. Moscow denied the allegations.\n\n'
    const count = Math.ceil(1_000_000 / paragraph.length)
    const doc = parseString(paragraph.repeat(count), 'big.md')
    expect(doc.blocks.length).toBe(count)
    expect(doc.text.split('13,000 containers').length - 1).toBe(count)
  })
})
