import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DocumentBuilder,
  normalizeBlockText,
  normalizeLineEnds,
} from '../../../../src/core/document/normalize'
import { documentId } from '../../../../src/core/document/hash'

describe('normalizeBlockText (the documented whitespace rules)', () => {
  it('collapses runs of whitespace, line breaks included, to one space and trims', () => {
    expect(normalizeBlockText('  North Korea \t has\n\n shipped\r\nshells  ')).toBe(
      'North Korea has shipped shells',
    )
  })

  it('folds no-break and other Unicode spaces to a plain space, so "152 mm" matches', () => {
    expect(normalizeBlockText('152\u00A0mm and 6\u202Finch,\u2003thin\u2009space')).toBe(
      '152 mm and 6 inch, thin space',
    )
  })

  it('removes soft hyphens, zero-width spaces and stray BOMs but keeps joiners', () => {
    expect(normalizeBlockText('muni\u00ADtions 13\u200B000 \uFEFFreport')).toBe(
      'munitions 13000 report',
    )
    expect(normalizeBlockText('👩\u200D💻')).toBe('👩\u200D💻')
  })

  it('removes control characters and replaces unpaired surrogates', () => {
    expect(normalizeBlockText('a\u0000b\u0007c\u007Fd\u009Be')).toBe('abcde')
    expect(normalizeBlockText('x\uD800y')).toBe('x\uFFFDy')
  })

  it('composes to NFC, also across a removed invisible character', () => {
    expect(normalizeBlockText('cafe\u0301')).toBe('caf\u00E9')
    expect(normalizeBlockText('cafe\u00AD\u0301')).toBe('caf\u00E9')
  })

  it('gives "" for a block of only whitespace and invisible characters', () => {
    expect(normalizeBlockText(' \u00A0\n\u200B\t')).toBe('')
  })
})

describe('normalizeLineEnds', () => {
  it('turns CRLF, CR and Unicode line/paragraph separators into \\n', () => {
    expect(normalizeLineEnds('a\r\nb\rc\u2028d\u2029e\nf')).toBe('a\nb\nc\nd\ne\nf')
  })
})

describe('DocumentBuilder', () => {
  it('joins blocks with exactly one blank line and records their ranges', () => {
    const builder = new DocumentBuilder()
    builder.add('heading', ' Moscow denies report ', { level: 2 })
    builder.add('paragraph', '   ')
    builder.add('list-item', 'about 13K\ncontainers', { ordered: true, depth: 1 })
    const { text, blocks } = builder.build()
    expect(text).toBe('Moscow denies report\n\nabout 13K containers')
    expect(blocks).toEqual([
      { type: 'heading', start: 0, end: 20, level: 2 },
      { type: 'list-item', start: 22, end: 42, ordered: true, depth: 1 },
    ])
  })

  it('keeps every block a single trimmed, NFC line for any input (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), (raws) => {
        const builder = new DocumentBuilder()
        for (const raw of raws) builder.add('paragraph', raw)
        const { text, blocks } = builder.build()
        expect(blocks.map((b) => text.slice(b.start, b.end)).join('\n\n')).toBe(text)
        expect(text.normalize('NFC')).toBe(text)
        for (const b of blocks) {
          const part = text.slice(b.start, b.end)
          expect(part.length).toBeGreaterThan(0)
          expect(part).toBe(part.trim())
          expect(part).not.toMatch(/[\n\r]|\s\s/)
        }
      }),
    )
  })
})

describe('documentId', () => {
  it('is the SHA-256 hex of the UTF-8 text', () => {
    // Known vector: sha256("abc").
    expect(documentId('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(documentId('café')).not.toBe(documentId('cafe'))
  })
})
