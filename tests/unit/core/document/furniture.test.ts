import { describe, expect, it } from 'vitest'
import { detectFurniture } from '../../../../src/core/document/furniture'
import { blockText, outline, parseFixture, parseString } from './helpers'

const paragraphs = (...texts: string[]) => texts.map((text) => ({ type: 'paragraph', text }))

function furnitureOf(doc: ReturnType<typeof parseString>): string[] {
  return doc.blocks.filter((b) => b.boilerplate).map((b) => blockText(doc, b))
}

describe('page furniture', () => {
  it('keeps article sentences that talk about cookies, donations, sharing or related matters', () => {
    const article = paragraphs(
      'Bakers protest new flour tax',
      'Related charges were filed against two of the mill owners on Monday, prosecutors said.',
      'Shares in Sella Kraft fell 12% after the company said it would donate the plant to the town.',
      'Support for the plan fell to 41%, a poll published on Sunday showed.',
      'Copyright lawyers for the bakers said they would appeal the ruling next week.',
      '"Please consider the families who rely on this bakery," the mayor said.',
      'The bakery sells cookies.',
      'Follow the money, the prosecutor told the court.',
    )
    expect(detectFurniture(article)).toEqual(article.map(() => false))
  })

  it('marks a menu, a "Related" list with its teasers, and a footer', () => {
    const page = paragraphs(
      'Home',
      'World',
      'Business',
      'Bakers protest new flour tax in the capital',
      'Hundreds of bakers marched through the capital on Monday to protest a new tax on flour, which they say will double the price of bread.',
      'Related',
      'Flour prices at a ten-year high',
      'Why bread costs more in the north',
      '© 2026 The Morning Loaf',
      'Follow Us',
    )
    expect(detectFurniture(page)).toEqual([
      true,
      true,
      true,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ])
  })

  it('keeps a short list of facts and a table that end an article', () => {
    const doc = parseFixture('dia-report-features.md')
    expect(furnitureOf(doc)).toEqual([])
  })

  it('marks furniture in Markdown: a cookie line, cross-links and a "Related" heading with its list', () => {
    const doc = parseString(
      [
        '*This site uses cookies for basic analytics.*',
        '# Bakers protest new flour tax',
        'Hundreds of bakers marched through the capital on Monday to protest a new tax on flour.',
        'Read also: [Flour prices at a ten-year high](https://example.net/flour)',
        'The finance ministry said the tax would raise 40 million a year for school meals.',
        '## Related',
        '- [Why bread costs more in the north](https://example.net/north)',
        '- [Ten bakeries that closed this year](https://example.net/ten)',
      ].join('\n\n'),
      'bakers.md',
    )
    expect(furnitureOf(doc)).toEqual([
      'This site uses cookies for basic analytics.',
      'Read also: Flour prices at a ten-year high',
      'Related',
      'Why bread costs more in the north',
      'Ten bakeries that closed this year',
    ])
    expect(doc.metadata.title).toBe('Bakers protest new flour tax')
  })

  it('leaves furniture in the text: the id and offsets do not depend on the detector', () => {
    const page =
      'Home\nWorld\nSport\nBakers protest new flour tax\nHundreds of bakers marched on Monday to protest a new tax on flour, which they say will double the price of bread.\n© 2026 The Morning Loaf'
    const doc = parseString(page, 'page.txt')
    expect(doc.text).toBe(
      'Home\n\nWorld\n\nSport\n\nBakers protest new flour tax\n\nHundreds of bakers marched on Monday to protest a new tax on flour, which they say will double the price of bread.\n\n© 2026 The Morning Loaf',
    )
    expect(doc.blocks.map((b) => b.boilerplate === true)).toEqual([
      true,
      true,
      true,
      false,
      false,
      true,
    ])
  })
})

describe('short texts', () => {
  it('keep a two-word title above a short sentence', () => {
    const doc = parseString('Headline here\n\nBody text goes here.', 'note.txt')
    expect(doc.blocks.some((block) => block.boilerplate)).toBe(false)
    expect(doc.metadata.title).toBe('Headline here')
  })
})

describe('single line breaks in pasted text', () => {
  it('keep a headline, byline and date apart from the body', () => {
    const doc = parseString(
      'Bakers protest new flour tax\nBy Ana Lind\nMarch 3, 2026\nHundreds of bakers marched through the capital on Monday to protest a new tax on flour, which they say will double the price of bread.\nThe finance ministry said the tax would raise 40 million a year.',
      'page.txt',
    )
    expect(outline(doc)).toEqual([
      ['heading', 'Bakers protest new flour tax'],
      ['paragraph', 'By Ana Lind'],
      ['paragraph', 'March 3, 2026'],
      [
        'paragraph',
        'Hundreds of bakers marched through the capital on Monday to protest a new tax on flour, which they say will double the price of bread.',
      ],
      ['paragraph', 'The finance ministry said the tax would raise 40 million a year.'],
    ])
    expect(doc.metadata.title).toBe('Bakers protest new flour tax')
  })

  it('do not glue a text pasted without blank lines into one paragraph', () => {
    const sentences = Array.from(
      { length: 12 },
      (_, i) =>
        `Paragraph ${i + 1} of the report says that the bakers' union met the ministry on several occasions this spring and that no agreement was reached.`,
    )
    const doc = parseString(sentences.join('\n'), 'page.txt')
    expect(doc.blocks).toHaveLength(12)
  })

  it('still join the lines of a hard-wrapped paragraph, and a byline under a headline stays apart', () => {
    const wrapped = parseString(
      'Bakers protest\n\nHundreds of bakers marched through the capital on Monday\nto protest a new tax on flour, which they say will double\nthe price of bread.',
      'note.txt',
    )
    expect(outline(wrapped)[1]).toEqual([
      'paragraph',
      'Hundreds of bakers marched through the capital on Monday to protest a new tax on flour, which they say will double the price of bread.',
    ])
    const headed = parseString(
      'Bakers protest new flour tax\nBy Ana Lind\n\nBody text follows here.',
      'n.txt',
    )
    expect(outline(headed).slice(0, 2)).toEqual([
      ['heading', 'Bakers protest new flour tax'],
      ['paragraph', 'By Ana Lind'],
    ])
  })
})
