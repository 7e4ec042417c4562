/* eslint-disable @typescript-eslint/no-explicit-any -- the parsed export files, checked field by field */
import { describe, expect, it } from 'vitest'
import { w3cExport } from '../../../../src/core/export'
import { codePointSlice, fixture } from './dataset-fixture'

type Json = Record<string, any>

function exported() {
  const f = fixture()
  const result = w3cExport(f.input)
  const collection = JSON.parse(result.files[0]!.text) as Json
  return { f, result, collection, items: collection.first.items as Json[] }
}

describe('W3C Web Annotation export', () => {
  it('is one AnnotationCollection in the W3C context, every claim and link an item', () => {
    const { f, result, collection, items } = exported()
    expect(result.files.map((file) => file.path)).toEqual(['annotations.jsonld'])
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.total).toBe(f.claims.length + f.links.length)
    expect(items).toHaveLength(f.claims.length + f.links.length)
    expect(result.problems).toEqual([])
  })

  it('counts TextPositionSelectors in code points past emoji, combining letters and CRLF files', () => {
    const { f, items } = exported()
    const claims = items.filter((item) => item.motivation === 'classifying')
    expect(claims).toHaveLength(f.claims.length)
    for (const item of claims) {
      const document = [f.wire, f.daily].find((doc) => doc.path === item.target.source)!
      const [quote, position] = item.target.selector as Json[]
      expect(quote.type).toBe('TextQuoteSelector')
      expect(position.type).toBe('TextPositionSelector')
      expect(codePointSlice(document.text, position.start, position.end)).toBe(quote.exact)
      expect(item.target.documentId).toBe(document.id)
    }
    // The first wire claim sits after three astral characters: UTF-16 and code points differ by 3.
    const containers = claims.find(
      (item) => item.target.selector[0].exact === '13,000 containers arrived',
    )!
    expect(containers.target.selector[1].start).toBe(f.claims[0]!.target.position.start - 3)
  })

  it('carries label, status, certainty, attribution, note and tags as bodies', () => {
    const { items } = exported()
    const containers = items.find(
      (item) => item.target?.selector?.[0]?.exact === '13,000 containers arrived',
    )!
    expect(containers.id).toMatch(/^urn:uuid:/)
    expect(containers.body).toEqual([
      { type: 'TextualBody', purpose: 'classifying', value: 'figure', field: 'label' },
      { type: 'TextualBody', purpose: 'classifying', value: 'alleged', field: 'status' },
      { type: 'TextualBody', purpose: 'assessing', value: 'high', field: 'certainty' },
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: 'Ta\u0331ha Park',
        field: 'attributedTo',
      },
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: 'Port figures;\nsecond line\twith a tab \\ and a backslash',
      },
      { type: 'TextualBody', purpose: 'tagging', value: 'port' },
      { type: 'TextualBody', purpose: 'tagging', value: 'rating:Mostly true' },
    ])
  })

  it('writes links with motivation "linking", outside sources as SpecificResources with their address', () => {
    const { f, items } = exported()
    const links = items.filter((item) => item.motivation === 'linking')
    expect(links).toHaveLength(f.links.length)
    const contradicts = links.find((link) =>
      link.body.some((body: Json) => body.value === 'contradicts'),
    )!
    expect(contradicts.target).toBe(`urn:uuid:${f.links[1]!.from}`)
    expect(contradicts.body[0]).toEqual({ id: `urn:uuid:${f.claims[0]!.id}` })
    expect(contradicts.body).toContainEqual({
      type: 'TextualBody',
      purpose: 'assessing',
      value: 'medium',
      field: 'confidence',
    })
    const cites = links.find((link) => link.body.some((body: Json) => body.value === 'cites'))!
    expect(cites.body[0]).toEqual({
      type: 'SpecificResource',
      source: {
        id: 'https://example.org/port-authority',
        type: 'Text',
        title: 'Port authority bulletin',
        publisher: 'Rajin port',
        date: '2026-03',
      },
      selector: { type: 'TextQuoteSelector', exact: '13,000 TEU handled' },
    })
  })
})
