import { describe, expect, it } from 'vitest'
import { expectCanonical, outline, parseFixture, parseString } from './helpers'

describe('markdown fixture with every feature', () => {
  const doc = parseFixture('dia-report-features.md')

  it('reads the YAML front matter as metadata', () => {
    expect(doc.format).toBe('markdown')
    expect(doc.metadata).toEqual({
      title: 'Rail, sea and air: how the munitions travel',
      outlet: 'Coastline Dispatch',
      author: 'Mira Okonkwo, Tomasz Brenner',
      published: '2024-03-01T08:15:00Z',
      url: 'https://coastlinedispatch.example/analysis/munitions-routes',
      language: 'en',
    })
    expect(doc.text).not.toMatch(/coastlinedispatch|north-korea, russia|---/)
  })

  it('turns headings, nested lists, quotes, code, raw HTML and tables into blocks', () => {
    expectCanonical(doc)
    expect(outline(doc)).toEqual([
      ['heading', 'Rail, sea and air: how the munitions travel'],
      [
        'paragraph',
        'The Defense Intelligence Agency report, first described by several outlets, says North Korea has shipped over 13,000 containers of munitions to Russia since mid-2022. Officials spoke of "more than 13K" containers. The figure could not be independently verified.',
      ],
      ['heading', 'Routes'],
      ['list-item', 'By rail, through the Tumangang crossing:'],
      ['list-item', 'mostly 152 mm shells'],
      ['list-item', 'some 122 mm rockets'],
      ['list-item', 'in covered wagons'],
      ['list-item', 'By sea, from the port of Rajin'],
      ['quote', 'Moscow denied the allegations.'],
      ['quote', '"These claims are baseless," the foreign ministry said.'],
      ['heading', 'What the figures mean'],
      [
        'paragraph',
        'A container holds, by the agency\'s estimate, several hundred 152 mm shells - the "6-inch" rounds *not* counted separately.',
      ],
      ['paragraph', 'Table 3: shipments by quarter'],
      ['paragraph', 'Q3 2022 to Q4 2023'],
      ['paragraph', 'Analysts cited rail traffic data.'],
      ['paragraph', 'Quarter Containers'],
      ['paragraph', 'Q3 2022 1,200'],
    ])
    const levels = doc.blocks.filter((b) => b.type === 'heading').map((b) => b.level)
    expect(levels).toEqual([1, 2, 3])
    const items = doc.blocks.filter((b) => b.type === 'list-item')
    expect(items.map((b) => [b.ordered, b.depth])).toEqual([
      [true, 0],
      [false, 1],
      [false, 1],
      [true, 2],
      [true, 0],
    ])
  })

  it('drops link URLs, image alt text and raw script content', () => {
    expect(doc.text).not.toMatch(/example\.org|coverage"|Satellite image|stolen|<|>/)
  })
})

describe('markdown rules', () => {
  it('joins the paragraphs of one list item into one block', () => {
    const doc = parseString('- first paragraph\n\n  second paragraph\n- next', 'a.md')
    expect(outline(doc)).toEqual([
      ['list-item', 'first paragraph second paragraph'],
      ['list-item', 'next'],
    ])
  })

  it('takes the title from the first level-1 heading when there is no front matter', () => {
    const doc = parseString('Intro\n\n# Moscow denies report\n\n# Second', 'a.md')
    expect(doc.metadata.title).toBe('Moscow denies report')
  })

  it('leaves a "---" block that is not a YAML mapping to Markdown', () => {
    const doc = parseString('---\nIntro line\n---\n\nBody.', 'a.md')
    expect(outline(doc)).toEqual([
      ['heading', 'Intro line'],
      ['paragraph', 'Body.'],
    ])
  })

  it('ignores broken YAML front matter with a warning', () => {
    const doc = parseString('---\ntitle: [unclosed\nauthor: x\n---\nBody.', 'a.md')
    expect(doc.text).toBe('Body.')
    expect(doc.metadata).toEqual({})
    expect(doc.warnings[0]).toMatch(/front matter could not be read as YAML/)
  })

  it('keeps quotes and dashes as written (no typographer)', () => {
    expect(parseString('"6-inch" -- it\'s (c)', 'a.md').text).toBe('"6-inch" -- it\'s (c)')
  })
})
