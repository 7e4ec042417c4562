import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../../src/core/document/parse'
import { parseString } from './helpers'

const samplesWeb = fileURLToPath(new URL('../../../../resources/samples/web/', import.meta.url))

const articleParagraphs = [
  'North Korea has shipped more than 13,000 containers of munitions to Russia since mid-2022, according to a Defense Intelligence Agency report released on Tuesday.',
  'The containers held 152 mm artillery shells and 122 mm rockets, the report says, and most crossed the border by rail at Tumangang.',
  'Moscow denied the allegations, and the Kremlin spokesman told reporters that the figures were invented by Western agencies.',
  'A senior South Korean official said the shipments had slowed in September but had not stopped, and that Seoul was watching the port of Rajin.',
]

function page(articleInside: string, articleClass = 'story-body'): string {
  const [first, second, third, fourth] = articleParagraphs.map((p) => `<p>${p}</p>`)
  return `<!doctype html><html><head><title>Shipments | Test Post</title></head><body>
<article class="${articleClass}"><h1>Shipments continue</h1>
${first}${second}${articleInside}${third}${fourth}</article></body></html>`
}

describe('boilerplate inside the article body', () => {
  it('drops a donation appeal and a "Read also" line that Readability keeps', () => {
    const doc = parseString(
      page(`<div class="contributions-epic"><p><strong>Before you go…</strong> Support independent journalism: every contribution keeps our reporting free.</p><a href="/give">Give now</a></div>
<p class="x">Read also: <a href="/other">Ukraine's gunners count every shell</a></p>
<div class="newsletter-signup"><p>Get our security briefing every morning.</p></div>`),
      'story.html',
    )
    expect(doc.text).not.toMatch(/Support independent journalism|Read also|security briefing/)
    for (const paragraph of articleParagraphs) expect(doc.text).toContain(paragraph)
  })

  it('keeps the article when its own container carries a boilerplate-like class', () => {
    const doc = parseString(page('', 'article-body share-enabled'), 'story.html')
    for (const paragraph of articleParagraphs) expect(doc.text).toContain(paragraph)
  })

  it('keeps article sentences that merely begin like a cross-link', () => {
    const sentence =
      'Related shipments of 122 mm rockets were seen at the port of Rason in March, officials said, although the vessels turned off their transponders for most of the voyage and the figures could not be confirmed independently by reporters or by the agency itself.'
    const doc = parseString(page(`<p>${sentence}</p>`), 'story.html')
    expect(doc.text).toContain(sentence)
  })
})

describe('the bundled sample pages', () => {
  const pages = readdirSync(samplesWeb).filter((name) => name.endsWith('.html'))

  it.each(pages)('%s reads without navigation, appeals or cross-links', (name) => {
    const doc = parseDocument(readFileSync(join(samplesWeb, name)), name)
    expect(doc.text).not.toMatch(
      /Support independent journalism|Read also|Donate|cookies|SCRIPT RAN|Related\n/,
    )
    expect(doc.metadata.outlet).toBeTruthy()
    expect(doc.text.length).toBeGreaterThan(2000)
  })
})
