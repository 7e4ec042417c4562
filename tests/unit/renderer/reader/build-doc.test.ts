import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildDoc, listMarkers } from '../../../../src/renderer/reader/build-doc'
import { SECTION_SIZE } from '../../../../src/renderer/reader/schema'
import { anyDocument, makeDocument } from '../documents'

describe('buildDoc', () => {
  it('renders each block type as its own textblock', () => {
    const document = makeDocument([
      { type: 'heading', text: 'Title', level: 2 },
      { type: 'paragraph', text: 'Body text.' },
      { type: 'quote', text: 'A quote.' },
      { type: 'list-item', text: 'Item', ordered: true, depth: 1 },
    ])
    const doc = buildDoc(document)
    expect(doc.childCount).toBe(1)
    const [heading, paragraph, quote, item] = doc.child(0).children
    expect(doc.child(0).childCount).toBe(4)
    expect(heading!.type.name).toBe('heading')
    expect(heading!.attrs.level).toBe(2)
    expect(heading!.textContent).toBe('Title')
    expect(paragraph!.type.name).toBe('paragraph')
    expect(paragraph!.textContent).toBe('Body text.')
    expect(quote!.type.name).toBe('quote')
    expect(quote!.isTextblock).toBe(true)
    expect(item!.type.name).toBe('list_item')
    expect(item!.attrs).toEqual({ ordered: true, depth: 1, marker: '1.' })
    expect(item!.isTextblock).toBe(true)
  })

  it('clamps heading levels and defaults missing list attributes', () => {
    const doc = buildDoc({
      text: 'A\n\nB',
      blocks: [
        { type: 'heading', start: 0, end: 1, level: 9 },
        { type: 'list-item', start: 3, end: 4 },
      ],
    })
    expect(doc.child(0).child(0).attrs.level).toBe(6)
    expect(doc.child(0).child(1).attrs).toEqual({ ordered: false, depth: 0, marker: '•' })
  })

  it('keeps the canonical text: textBetween with "\\n\\n" separators equals document.text', () => {
    fc.assert(
      fc.property(anyDocument, (document) => {
        const doc = buildDoc(document)
        expect(doc.textBetween(0, doc.content.size, '\n\n')).toBe(document.text)
      }),
    )
  })

  it('renders an empty document as one empty paragraph', () => {
    const doc = buildDoc({ text: '', blocks: [] })
    expect(doc.childCount).toBe(1)
    expect(doc.child(0).child(0).type.name).toBe('paragraph')
    expect(doc.content.size).toBe(4)
  })

  it('groups blocks into sections of SECTION_SIZE, in order', () => {
    const count = SECTION_SIZE * 2 + 5
    const document = makeDocument(
      Array.from({ length: count }, (_, n) => ({ type: 'paragraph' as const, text: `Block ${n}` })),
    )
    const doc = buildDoc(document)
    expect(doc.childCount).toBe(3)
    expect(doc.children.map((section) => section.childCount)).toEqual([
      SECTION_SIZE,
      SECTION_SIZE,
      5,
    ])
    const texts: string[] = []
    doc.descendants((node) => (node.isTextblock ? (texts.push(node.textContent), false) : true))
    expect(texts).toEqual(Array.from({ length: count }, (_, n) => `Block ${n}`))
  })
})

describe('listMarkers', () => {
  it('numbers ordered items per depth and restarts after other blocks', () => {
    const { blocks } = makeDocument([
      { type: 'list-item', text: 'a', ordered: true, depth: 0 },
      { type: 'list-item', text: 'b', ordered: true, depth: 1 },
      { type: 'list-item', text: 'c', ordered: true, depth: 1 },
      { type: 'list-item', text: 'd', ordered: true, depth: 0 },
      { type: 'list-item', text: 'e', ordered: true, depth: 1 },
      { type: 'paragraph', text: 'p' },
      { type: 'list-item', text: 'f', ordered: true, depth: 0 },
      { type: 'list-item', text: 'g', ordered: false, depth: 1 },
    ])
    expect(listMarkers(blocks)).toEqual(['1.', '1.', '2.', '2.', '1.', undefined, '1.', '◦'])
  })
})
