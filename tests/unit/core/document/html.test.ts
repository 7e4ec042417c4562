import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { JSDOM, VirtualConsole } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DocumentError } from '../../../../src/core/document'
import { expectCanonical, fixturesDir, outline, parseFixture, parseString } from './helpers'

describe('saved web page with boilerplate', () => {
  const doc = parseFixture('saved-page-dia-munitions.html')

  it('extracts the page metadata', () => {
    expect(doc.format).toBe('html')
    expect(doc.metadata).toEqual({
      title: 'North Korea has sent Russia 13,000 containers of munitions, US intelligence says',
      outlet: 'The Meridian Ledger',
      author: 'Dana Whitfield',
      published: '2024-03-05T09:30:00+01:00',
      url: 'https://meridianledger.example/world/2024/03/05/north-korea-munitions-russia-dia-report',
      language: 'en-GB',
    })
  })

  it('keeps the headline and every article paragraph, list item and quote', () => {
    expectCanonical(doc)
    const blocks = outline(doc)
    expect(blocks[0]).toEqual([
      'heading',
      'North Korea has sent Russia 13,000 containers of munitions, US intelligence says',
    ])
    expect(blocks).toContainEqual(['heading', 'Shells for the front'])
    expect(blocks).toContainEqual([
      'paragraph',
      'North Korea has shipped over 13,000 containers of munitions to Russia since mid-2022, according to a report by the Defense Intelligence Agency, the Pentagon’s military intelligence arm, which was reviewed by The Meridian Ledger on Tuesday.',
    ])
    expect(doc.text).toContain('roughly 13K containers')
    expect(doc.text).toContain('152 mm artillery shells — the “6-inch” rounds')
    expect(blocks).toContainEqual([
      'quote',
      '“The scale of these transfers has allowed Russia to keep up its rate of fire through the winter,” a senior US defence official told reporters.',
    ])
    expect(doc.text).toContain('Moscow denied the allegations.')
    expect(doc.text).toContain('Freight wagons at a rail yard near the border')
    expect(doc.text).toContain('vetoed the renewal of the panel of experts')
    const items = doc.blocks.filter((b) => b.type === 'list-item')
    expect(items.map((b) => [doc.text.slice(b.start, b.end), b.depth])).toEqual([
      ['152 mm high-explosive artillery shells, by far the largest share;', 0],
      ['122 mm rockets for Grad-type launchers;', 0],
      ['short-range ballistic missiles, in smaller numbers, some of them', 0],
      ['fired at Ukrainian cities in January;', 1],
    ])
  })

  it('drops navigation, cookie banner, donation appeal, Read also/Related lists, footer and scripts', () => {
    for (const boilerplate of [
      'We use cookies',
      'Accept all cookies',
      'Politics',
      'Subscribe',
      'make a donation',
      'Independent journalism needs your support',
      'Read also',
      'Satellite images show busy rail yard',
      'Europe struggles to match',
      'Related',
      'Missile fragments found in Kharkiv',
      'Kim and Putin meet',
      'All rights reserved',
      'Privacy policy',
      'Morning Briefing',
      'TRACKING-SCRIPT-TEXT',
      'INLINE-SCRIPT-TEXT',
      'font-family',
      'By Dana Whitfield',
    ]) {
      expect(doc.text).not.toContain(boilerplate)
    }
  })
})

describe('hostile page', () => {
  let server: Server
  let origin: string
  const requests: string[] = []

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '')
      response.end('')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const page = () =>
    readFileSync(fixturesDir + 'hostile-page.html', 'utf8').replaceAll('{{ORIGIN}}', origin)
  const settle = () => new Promise((resolve) => setTimeout(resolve, 500))

  it('yields the text only: no script runs and nothing is fetched', async () => {
    requests.length = 0
    const doc = parseString(page(), 'hostile.html')
    await settle()
    expect(requests).toEqual([])
    expectCanonical(doc)
    expect(doc.warnings).toEqual([])
    expect(doc.text).toContain('North Korea has shipped over 13,000 containers')
    expect(doc.text).toContain('Moscow denied the allegations, calling the report a provocation.')
    expect(doc.text).toContain('Analysts expect further deliveries this year.')
    for (const leaked of [
      'WRITTEN-BY-SCRIPT',
      'XMLHttpRequest',
      'IMAGE-ALT-TEXT',
      'IFRAME-FALLBACK-TEXT',
      'OBJECT-FALLBACK-TEXT',
      'VIDEO-FALLBACK-TEXT',
      'NOSCRIPT-TEXT',
      'TEMPLATE-TEXT',
      'SVG-TEXT',
      'Submit',
      '@import',
    ]) {
      expect(doc.text).not.toContain(leaked)
    }
    expect((globalThis as Record<string, unknown>).__corroboratePwned).toBeUndefined()
  })

  it('control: the same page in a jsdom that runs scripts and loads resources does hit the server', async () => {
    // Proves the test above can fail: its server and page do detect execution.
    requests.length = 0
    const dom = new JSDOM(page(), {
      runScripts: 'dangerously',
      resources: 'usable',
      virtualConsole: new VirtualConsole(),
    })
    for (let i = 0; i < 50 && requests.length === 0; i++) await settle()
    dom.window.close()
    expect(requests.some((url) => url.startsWith('/script-ran/'))).toBe(true)
  })
})

describe('HTML rules', () => {
  it('reads metadata from JSON-LD and <time> when meta tags are missing, before <title>', () => {
    const doc = parseString(
      `<html><head><title>Page</title><script type="application/ld+json">
      {"@graph": [{"@type": "WebSite", "name": "Site"}, {"@type": ["NewsArticle"], "headline": "Shells shipped",
       "author": {"name": "A. Writer"}, "publisher": {"name": "Graph Times"},
       "mainEntityOfPage": {"@id": "https://graph.example/a"}}]}</script></head>
      <body><article><h1>Shells shipped</h1><time datetime="2024-02-01">1 Feb</time>
      <p>North Korea has shipped over 13,000 containers of munitions to Russia since mid-2022.</p></article></body></html>`,
      'a.html',
    )
    expect(doc.metadata).toMatchObject({
      title: 'Shells shipped',
      outlet: 'Graph Times',
      author: 'A. Writer',
      published: '2024-02-01',
      url: 'https://graph.example/a',
    })
  })

  it('turns <br> into a space, keeps table and div text, and collapses whitespace', () => {
    const doc = parseString(
      `<body><div>First   line<br>second line</div><table><tr><td>Q3 2022</td><td>1,200</td></tr></table>
      <span>loose span text</span><pre>code line

after blank</pre></body>`,
      'a.htm',
    )
    expect(outline(doc)).toEqual([
      ['paragraph', 'First line second line'],
      ['paragraph', 'Q3 2022 1,200'],
      ['paragraph', 'loose span text'],
      ['paragraph', 'code line'],
      ['paragraph', 'after blank'],
    ])
  })

  it('keeps the whole page text, with a warning, when no article is recognised', () => {
    // Readability removes footers, so it finds no article here.
    const doc = parseString('<body><footer><p>Moscow denied it.</p></footer></body>', 'a.html')
    expect(doc.text).toBe('Moscow denied it.')
    expect(doc.warnings).toEqual([
      'No article was recognised on the page; the text of the whole page was kept.',
    ])
  })

  it('walks a deeply nested page without Readability, and refuses an absurdly deep one', () => {
    const nest = (n: number) =>
      `<body>${'<div>'.repeat(n)}<p>Moscow denied the allegations.</p>${'</div>'.repeat(n)}</body>`
    const deep = parseString(nest(400), 'deep.html')
    expect(deep.text).toBe('Moscow denied the allegations.')
    expect(deep.warnings[0]).toMatch(/nested 40\d levels deep/)
    expect(() => parseString(nest(20_000), 'abyss.html')).toThrow(
      expect.objectContaining({
        code: 'unreadable',
        message: expect.stringMatching(/abyss\.html.*nested/),
      }),
    )
    expect(() => parseString(nest(20_000), 'abyss.html')).toThrow(DocumentError)
  })
})
