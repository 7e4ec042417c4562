import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { escapeXml, matrixSvg, truncateLabel } from '../../../../src/core/export'
import { HOSTILE_WORDING, MATRIX, row } from './matrix-fixture'

/** jsdom parses image/svg+xml with a strict XML parser: malformed markup gives a parsererror. */
function parseSvg(svg: string): Document {
  const { window } = new JSDOM('')
  const document = new window.DOMParser().parseFromString(svg, 'image/svg+xml')
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0)
  expect(document.documentElement.localName).toBe('svg')
  expect(document.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg')
  return document
}

describe('matrix.svg', () => {
  it('parses as XML, with one rect per cell and a legend', () => {
    const document = parseSvg(matrixSvg(MATRIX))
    const cells = [...document.querySelectorAll('rect.cell')]
    expect(cells).toHaveLength(3 * 4)
    expect(cells.map((cell) => cell.getAttribute('class'))).toEqual(
      MATRIX.rows.flatMap((matrixRow) => matrixRow.cells.map((cell) => `cell ${cell}`)),
    )
    // Every rect is a cell, a legend swatch or the background.
    expect(document.querySelectorAll('rect')).toHaveLength(12 + 4 + 1)
    expect(document.querySelectorAll('.legend rect.swatch')).toHaveLength(4)
    expect(document.querySelector('.legend')!.textContent).toContain('contradicts it')
    expect(document.querySelector('svg > title')!.textContent).toBe(
      'Corroboration matrix: 3 claims across 4 documents',
    )
  })

  it('keeps hostile wording and names as text: no script, no markup, no link', () => {
    const svg = matrixSvg(MATRIX)
    const document = parseSvg(svg)
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(document.querySelectorAll('script, a, image, foreignObject, style, use')).toHaveLength(0)
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name).not.toMatch(/^on|href$/i)
        expect(attribute.value).not.toMatch(/url\(|javascript:/i)
      }
    }
    // The full wording is in the row's tooltip, exactly.
    const titles = [...document.querySelectorAll('.row title')].map((title) => title.textContent)
    expect(titles[0]).toContain(HOSTILE_WORDING)
    expect(document.querySelector('.columns')!.textContent).toContain('Evening <b>Ledger</b>')
  })

  it('shortens long labels with an ellipsis, names annotators when there are several', () => {
    const document = parseSvg(matrixSvg(MATRIX))
    const labels = [...document.querySelectorAll('.row > g > text')].map((text) => text.textContent)
    expect(labels[1]).toBe('alice: About 13,000 containers, since mid-2022')
    expect(labels[2]!.startsWith('bob: xxx')).toBe(true)
    expect(labels[2]!.endsWith('…')).toBe(true)
    expect([...labels[2]!].length).toBeLessThanOrEqual(56)

    const single = parseSvg(matrixSvg({ ...MATRIX, rows: MATRIX.rows.slice(0, 2) }))
    expect(single.querySelector('.row > g > text')!.textContent!.startsWith('=HYPERLINK')).toBe(
      true,
    )
  })

  it('survives characters XML forbids', () => {
    const wording = 'nul\u0000 bell\u0007 lone \uD800 surrogate \uFFFF'
    const document = parseSvg(
      matrixSvg({
        columns: MATRIX.columns,
        rows: [row('c', wording, ['mention', 'absent', 'absent', 'absent'])],
      }),
    )
    expect(document.querySelector('.row title')!.textContent).toContain('nul\uFFFD bell\uFFFD')
  })

  it('is deterministic, and still a picture when there is nothing to show', () => {
    expect(matrixSvg(MATRIX)).toBe(matrixSvg(structuredClone(MATRIX)))
    const empty = parseSvg(matrixSvg({ columns: [], rows: [] }))
    expect(empty.querySelectorAll('rect.cell')).toHaveLength(0)
    expect(empty.documentElement.textContent).toContain('No claims to show.')
  })
})

describe('svg text', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    )
  })

  it('truncates by grapheme, never splitting an emoji, and folds white space', () => {
    expect(truncateLabel('  two\n\nlines  ', 20)).toBe('two lines')
    expect(truncateLabel('abcdef', 4)).toBe('abc…')
    expect(truncateLabel('ab👩‍👩‍👧cd', 4)).toBe('ab👩‍👩‍👧…')
    expect(truncateLabel('word     ', 3)).toBe('wo…')
  })
})
