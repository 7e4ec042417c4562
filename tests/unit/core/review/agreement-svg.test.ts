/**
 * The agreement pictures: the pairwise matrix of annotators and the per-label bars, parsed as
 * XML (jsdom's strict parser) and read back: the figures, their n, "n/a" where nothing can be
 * computed, escaped names, and the same bytes for the same report.
 */
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import {
  agreementReport,
  labelBarsSvg,
  nanAsNull,
  pairFigure,
  pairMatrixSvg,
  PAIR_MEASURES,
  type ReviewClaim,
} from '../../../../src/core/review'

function parseSvg(svg: string): Document {
  const { window } = new JSDOM('')
  const document = new window.DOMParser().parseFromString(svg, 'image/svg+xml')
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0)
  expect(document.documentElement.localName).toBe('svg')
  return document
}

const HOSTILE = 'dan <script>alert(1)</script> & "co"'

function claim(id: string, annotator: string, start: number, end: number, label: string) {
  return { id, annotator, start, end, label, status: 'asserted', certainty: null } as ReviewClaim
}

/** alice and bob agree; carol overlaps some; the hostile name marked nothing at all. */
function report() {
  return nanAsNull(
    agreementReport({
      annotators: ['alice', 'bob', 'carol', HOSTILE],
      documents: [
        {
          path: 'wire.txt',
          length: 300,
          claims: [
            claim('a1', 'alice', 0, 40, 'figure'),
            claim('b1', 'bob', 0, 40, 'figure'),
            claim('c1', 'carol', 10, 40, 'claim'),
            claim('a2', 'alice', 100, 140, 'denial'),
            claim('b2', 'bob', 100, 140, 'denial'),
            claim('c2', 'carol', 200, 240, 'event'),
          ],
        },
      ],
      links: new Map(),
      undirected: new Set(['same']),
      clusterRelation: 'same',
    }),
  )
}

function cell(document: Document, first: string, second: string): Element {
  const found = [...document.querySelectorAll('g.cell')].find(
    (element) =>
      element.getAttribute('data-first') === first &&
      element.getAttribute('data-second') === second,
  )
  expect(found, `${first}/${second}`).toBeDefined()
  return found!
}

describe('pairMatrixSvg', () => {
  it("shows each pair's figure and n in both of its cells, the diagonal as the annotator", () => {
    const agreement = report()
    const document = parseSvg(pairMatrixSvg(agreement, { measure: 'span-f1' }))
    expect(document.querySelectorAll('g.cell')).toHaveLength(16)
    expect(document.querySelectorAll('g.cell.self')).toHaveLength(4)
    const aliceBob = cell(document, 'alice', 'bob')
    expect(aliceBob.querySelector('text.figure')!.textContent).toBe('1.000')
    expect(aliceBob.querySelector('text.n')!.textContent).toBe('n = 4')
    expect(cell(document, 'bob', 'alice').querySelector('text.figure')!.textContent).toBe('1.000')
    // alice (2 claims) and carol (2 claims) share one unit: F1 = 2 * 1 / 4.
    const aliceCarol = cell(document, 'alice', 'carol')
    expect(aliceCarol.querySelector('text.figure')!.textContent).toBe('0.500')
    expect(aliceCarol.getAttribute('data-value')).toBe('0.5')
    expect(aliceCarol.querySelector('title')!.textContent).toBe(
      'alice and carol: span F1 (overlapping) 0.500, n = 4 claims',
    )
    // Colour follows the figure: reliable agreement is the darkest bin.
    expect(aliceBob.querySelector('rect')!.getAttribute('fill')).toBe('#2171b5')
    expect(document.querySelector('svg > title')!.textContent).toBe(
      'Pairwise agreement of 4 annotators: span F1 (overlapping)',
    )
    expect(document.querySelector('svg > desc')!.textContent).toContain(
      'alice and bob 1.000 (n = 4 claims)',
    )
  })

  it('shows "n/a" where the figure cannot be computed, in the grey of the legend', () => {
    const agreement = report()
    // Nobody linked anything: link F1 has nothing to rest on.
    expect(pairFigure(agreement, agreement.pairs[0]!, 'link-f1')).toEqual({ value: null, items: 0 })
    const document = parseSvg(pairMatrixSvg(agreement, { measure: 'link-f1' }))
    const na = document.querySelectorAll('g.cell.na')
    expect(na).toHaveLength(12)
    expect(na[0]!.querySelector('text.figure')!.textContent).toBe('n/a')
    expect(na[0]!.getAttribute('data-value')).toBe('')
    expect(na[0]!.querySelector('rect')!.getAttribute('fill')).toBe('#f1f1f1')
    expect(document.querySelector('.legend')!.textContent).toContain(
      'n/a: nothing to compute it on',
    )
  })

  it('keeps a hostile annotator name as text, in every place it appears', () => {
    const svg = pairMatrixSvg(report())
    expect(svg).not.toContain('<script')
    const document = parseSvg(svg)
    expect(document.querySelectorAll('script, a, image, foreignObject, style, use')).toHaveLength(0)
    expect(cell(document, HOSTILE, 'alice')).toBeDefined()
    const names = [...document.querySelectorAll('.row text.name')].map((t) => t.textContent)
    // Shortened on the picture, whole in the tooltip.
    expect(names[3]).toBe('dan <script>alert(1)</s…')
    expect(document.querySelectorAll('.row')[3]!.querySelector('title')!.textContent).toBe(HOSTILE)
    expect(document.querySelector('.columns')!.textContent).toContain(HOSTILE)
  })

  it('names annotators as asked (a blind review), with ids of its own, the same bytes each time', () => {
    const blind = new Map([
      ['alice', 'A'],
      ['bob', 'B'],
      ['carol', 'C'],
      [HOSTILE, 'D'],
    ])
    const svg = pairMatrixSvg(report(), {
      measure: 'labels-alpha',
      annotatorName: (name) => blind.get(name)!,
      id: 'dash-1',
    })
    const document = parseSvg(svg)
    expect([...document.querySelectorAll('.columns text')].map((t) => t.textContent)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ])
    expect(svg).not.toContain('alice and')
    expect(document.documentElement.getAttribute('aria-labelledby')).toBe(
      'dash-1-title dash-1-desc',
    )
    expect(document.getElementById('dash-1-title')!.textContent).toContain("Krippendorff's alpha")
    expect(pairMatrixSvg(report(), { measure: 'labels-alpha', id: 'x' })).toBe(
      pairMatrixSvg(structuredClone(report()), { measure: 'labels-alpha', id: 'x' }),
    )
    for (const measure of PAIR_MEASURES) parseSvg(pairMatrixSvg(report(), { measure }))
  })

  it('is still a picture with one annotator', () => {
    const one = { ...report(), annotators: ['alice'], pairs: [] }
    const document = parseSvg(pairMatrixSvg(one))
    expect(document.querySelectorAll('g.cell.self')).toHaveLength(1)
    expect(document.documentElement.textContent).toContain(
      'Agreement needs two or more annotators.',
    )
  })
})

describe('labelBarsSvg', () => {
  it('draws one bar per label with its alpha_u and n, on an axis from -1 when one is negative', () => {
    const agreement = report()
    const document = parseSvg(labelBarsSvg(agreement))
    const bars = [...document.querySelectorAll('g.bar')]
    expect(bars.map((bar) => bar.getAttribute('data-label'))).toEqual(
      agreement.perLabel.map((entry) => entry.label),
    )
    agreement.perLabel.forEach((entry, i) => {
      expect(bars[i]!.querySelector('text.figure')!.textContent).toBe(
        `${entry.alphaU!.toFixed(3)}  (n = ${entry.claims})`,
      )
      expect(bars[i]!.querySelectorAll('rect')).toHaveLength(1)
    })
    const negative = agreement.perLabel.some((entry) => entry.alphaU! < 0)
    const ticks = [...document.querySelectorAll('.axis text')].map((t) => t.textContent)
    expect(ticks).toEqual(negative ? ['-1.0', '-0.5', '0.0', '0.5', '1.0'] : ['0.0', '0.5', '1.0'])
  })

  it('says "n/a" without a bar where alpha_u cannot be computed, and escapes label names', () => {
    const agreement = {
      ...report(),
      perLabel: [
        { label: 'figure', claims: 4, alphaU: 0.9 },
        { label: 'empty', claims: 0, alphaU: null },
      ],
    }
    const svg = labelBarsSvg(agreement, { labelName: (id) => `<b>${id}</b> & co` })
    const document = parseSvg(svg)
    const [figure, empty] = [...document.querySelectorAll('g.bar')]
    expect(figure!.querySelector('text.figure')!.textContent).toBe('0.900  (n = 4)')
    expect(figure!.querySelector('rect')!.getAttribute('fill')).toBe('#2171b5')
    expect(empty!.classList.contains('na')).toBe(true)
    expect(empty!.querySelectorAll('rect')).toHaveLength(0)
    expect(empty!.querySelector('text.figure')!.textContent).toBe('n/a  (n = 0)')
    expect(empty!.querySelector('text.name')!.textContent).toBe('<b>empty</b> & co')
    expect(svg).not.toContain('<b>')
    expect(document.querySelector('svg > desc')!.textContent).toBe(
      '<b>figure</b> & co: 0.900 over 4 claims; <b>empty</b> & co: n/a over 0 claims.',
    )
    expect(labelBarsSvg(agreement)).toBe(labelBarsSvg(structuredClone(agreement)))
  })
})
