/**
 * Word files through mammoth, on .docx files the tests write (tests/helpers/docx-writer.ts): a
 * synthetic article with a title, headings, paragraphs, a quote and nested lists.
 */
import { describe, expect, it } from 'vitest'
import { readDocument } from '../../../../src/core/document'
import { writeDocx } from '../../../helpers/docx-writer'
import { expectCanonical, outline } from './helpers'

const ARTICLE = [
  { text: 'Strike halts the port of Valmera', style: 'Title' as const },
  { text: 'By Ines Moreau' },
  {
    text: 'Dock workers stopped work on Monday, leaving some 214 container ships waiting offshore.',
  },
  { text: 'What the union says', style: 'Heading2' as const },
  { text: 'Wages have fallen twelve percent since 2021.', style: 'Quote' as const },
  { text: 'The union listed its demands:' },
  { text: 'a pay rise in line with prices', list: 'bullet' as const },
  { text: 'no night shifts for workers over 60', list: 'bullet' as const },
  { text: 'from 2027 on', list: 'bullet' as const, level: 1 },
  { text: 'Talks resume on Thursday.', list: 'number' as const },
  { text: 'A ruling is expected next week.', list: 'number' as const },
]

describe('Word files', () => {
  it('keeps headings, paragraphs, quotes and lists', async () => {
    const doc = await readDocument(await writeDocx(ARTICLE), 'brief.docx')
    expectCanonical(doc)
    expect(doc.format).toBe('docx')
    expect(outline(doc)).toEqual([
      ['heading', 'Strike halts the port of Valmera'],
      ['paragraph', 'By Ines Moreau'],
      [
        'paragraph',
        'Dock workers stopped work on Monday, leaving some 214 container ships waiting offshore.',
      ],
      ['heading', 'What the union says'],
      ['quote', 'Wages have fallen twelve percent since 2021.'],
      ['paragraph', 'The union listed its demands:'],
      ['list-item', 'a pay rise in line with prices'],
      ['list-item', 'no night shifts for workers over 60'],
      ['list-item', 'from 2027 on'],
      ['list-item', 'Talks resume on Thursday.'],
      ['list-item', 'A ruling is expected next week.'],
    ])
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => b.level)).toEqual([1, 2])
    const items = doc.blocks.filter((b) => b.type === 'list-item')
    expect(items.map((b) => [b.ordered, b.depth])).toEqual([
      [false, 0],
      [false, 0],
      [false, 1],
      [true, 0],
      [true, 0],
    ])
    expect(doc.metadata).toMatchObject({
      title: 'Strike halts the port of Valmera',
      author: 'Ines Moreau',
    })
  })

  it('refuses a file that is not a Word document, naming it', async () => {
    const bytes = new TextEncoder().encode('just text, renamed')
    await expect(readDocument(bytes, 'notes/brief.docx')).rejects.toMatchObject({
      code: 'unreadable',
      message: expect.stringMatching(/^"notes\/brief\.docx" could not be read: /),
    })
  })

  it('gives the same text and id on every run', async () => {
    const bytes = await writeDocx(ARTICLE)
    const [a, b] = [await readDocument(bytes, 'a.docx'), await readDocument(bytes, 'b.docx')]
    expect(b.id).toBe(a.id)
    expect(b.blocks).toEqual(a.blocks)
  })
})
