import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePlainText } from '../../../../src/core/document/plaintext'
import { expectCanonical, outline, parseFixture, parseString } from './helpers'

describe('plain text fixture', () => {
  const doc = parseFixture('munitions-brief.txt')

  it('reads the Key: value header as metadata and keeps it out of the text', () => {
    expect(doc.format).toBe('text')
    expect(doc.metadata).toEqual({
      title: 'North Korea shipped 13,000 containers of munitions to Russia, DIA says',
      outlet: 'Harbor Street Wire',
      author: 'Jonas Elmqvist',
      published: '2024-02-27',
      url: 'https://harborstreetwire.example/world/dia-munitions-report',
    })
    expect(doc.text).not.toMatch(/Outlet:|Harbor Street Wire|URL:/)
  })

  it('maps title, wrapped paragraphs and nested/ordered lists onto blocks', () => {
    expectCanonical(doc)
    expect(doc.blocks[0]).toMatchObject({ type: 'heading', level: 1 })
    expect(outline(doc)).toEqual([
      ['heading', 'North Korea shipped 13,000 containers of munitions to Russia, DIA says'],
      [
        'paragraph',
        'North Korea has shipped over 13,000 containers of munitions to Russia since mid-2022, citing a Defense Intelligence Agency report released on Tuesday. The agency said the shipments had arrived by rail and by sea.',
      ],
      ['paragraph', 'Key figures in the report:'],
      ['list-item', 'about 13K containers since mid-2022'],
      ['list-item', 'artillery shells of 152 mm ("6-inch") calibre'],
      ['list-item', 'some of them produced as late as 2023'],
      ['list-item', 'short-range ballistic missiles'],
      ['list-item', 'The first shipments were recorded in August 2022.'],
      ['list-item', 'Deliveries peaked in the autumn of 2023.'],
      [
        'paragraph',
        'Moscow denied the allegations, calling them “baseless”. A North Korean attaché in Beijing made no comment.',
      ],
    ])
    const items = doc.blocks.filter((b) => b.type === 'list-item')
    expect(items.map((b) => [b.ordered, b.depth])).toEqual([
      [false, 0],
      [false, 0],
      [false, 1],
      [false, 0],
      [true, 0],
      [true, 0],
    ])
  })
})

describe('plain text conventions', () => {
  it('treats a first paragraph with any non-header line as text', () => {
    const doc = parseString('Note: this is not a header.\nTitle: nor is this\n\nBody.', 'a.txt')
    expect(doc.metadata).toEqual({})
    expect(doc.text).toBe('Note: this is not a header. Title: nor is this\n\nBody.')
  })

  it('keeps a header title over the first-line title, and both lines stay apart', () => {
    const doc = parseString('Title: Official headline\n\nShort first line\n\nBody text.', 'a.txt')
    expect(doc.metadata.title).toBe('Official headline')
    expect(outline(doc)).toEqual([
      ['heading', 'Short first line'],
      ['paragraph', 'Body text.'],
    ])
  })

  it('does not make a title of a long first line, a lone paragraph or a list item', () => {
    const long = 'x'.repeat(151)
    expect(parseString(`${long}\n\nBody.`, 'a.txt').blocks[0]!.type).toBe('paragraph')
    expect(parseString('Only one line.', 'a.txt').blocks[0]!.type).toBe('paragraph')
    expect(parseString('- an item\n\nBody.', 'a.txt').blocks[0]!.type).toBe('list-item')
    expect(parseString('Only one line.', 'a.txt').metadata.title).toBeUndefined()
  })

  it('keeps a one-line first paragraph that ends like a sentence as a paragraph', () => {
    const lead =
      'Dock workers extended their strike on Monday, leaving 214 ships waiting offshore, the harbour authority said.'
    const doc = parseString(`Title: Port strike\n\n${lead}\n\nTalks resume on Thursday.`, 'a.txt')
    expect(outline(doc)[0]).toEqual(['paragraph', lead])
    expect(parseString(`"We will not back down," he said:\n\nBody.`, 'a.txt').blocks[0]!.type).toBe(
      'paragraph',
    )
  })

  it('accepts "•", "*" and "12)" markers, continues items over lines, and ignores years', () => {
    const doc = parseString(
      'Intro\nline\n\n• first\n  continued\n* second\n12) third\n\n2022. That year shipments began.',
      'a.txt',
    )
    expect(outline(doc).slice(1)).toEqual([
      ['list-item', 'first continued'],
      ['list-item', 'second'],
      ['list-item', 'third'],
      ['paragraph', '2022. That year shipments began.'],
    ])
    expect(doc.blocks[3]!.ordered).toBe(true)
  })

  it('keeps nesting across a loose list and resets it after prose', () => {
    const doc = parseString('- a\n    - b\n\n    - c\n\nProse.\n\n    - d', 'a.txt')
    expect(doc.blocks.map((b) => b.depth)).toEqual([0, 1, 1, undefined, 0])
  })

  it('keeps canonical invariants for arbitrary text (property)', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('', '  ', '- item', '  * sub', '1. one', 'Title: T', '\t', 'e\u0301\u00A0x'),
    )
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (lines, eol) => {
          const parsed = parsePlainText(lines.join(eol))
          const { text, blocks } = parsed
          expect(blocks.map((b) => text.slice(b.start, b.end)).join('\n\n')).toBe(text)
          expect(text).not.toMatch(/\r/)
          expect(text.normalize('NFC')).toBe(text)
          for (const b of blocks) expect(text.slice(b.start, b.end)).not.toMatch(/^\s|\s$|\n|\s\s/)
        },
      ),
    )
  })
})
