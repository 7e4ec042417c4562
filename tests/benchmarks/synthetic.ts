/**
 * Synthetic articles of a chosen size for the benchmarks: the shape of the
 * sample corpus (figures, attributions, denials, boilerplate), invented text.
 */

const sentences = [
  'North Korea has sent more than 13,000 containers of munitions to Russia since mid-2022, according to a Defense Intelligence Agency assessment.',
  'A senior intelligence official, speaking on condition of anonymity, said the shipments included 152 mm artillery shells and 122 mm rockets.',
  'Moscow denied the allegations, and the Kremlin spokesman told reporters that the report was "baseless".',
  'Satellite images reviewed by analysts show rail cars at the Tumangang border crossing in the weeks before each delivery.',
  'In February the same agency had put the number at 6,700 containers, or roughly three million rounds.',
  'Officials in Seoul said the shells were of uneven quality and that some had failed to fire.',
  'The ministry did not respond to a request for comment on Tuesday.',
  'Pyongyang called the report a fabrication intended to justify new sanctions.',
]

/** Paragraphs of about `bytes` bytes of article text in total. */
export function paragraphsOfSize(bytes: number): string[] {
  const paragraphs: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const paragraph = [0, 1, 2].map((k) => sentences[(i * 3 + k) % sentences.length]).join(' ')
    paragraphs.push(`${paragraph} (Paragraph ${i + 1}.)`)
    size += paragraph.length + 20
  }
  return paragraphs
}

export function plainTextArticle(bytes: number): string {
  const body = paragraphsOfSize(bytes)
  return ['Title: Munitions shipments continue', 'Outlet: Benchmark Wire', '', ...body].join('\n\n')
}

export function markdownArticle(bytes: number): string {
  const body = paragraphsOfSize(bytes).map((p, i) =>
    i % 12 === 0 ? `## Section ${i / 12 + 1}\n\n${p}` : p,
  )
  return [
    '---',
    'title: Munitions shipments continue',
    'outlet: Benchmark Blog',
    '---',
    '',
    ...body,
  ].join('\n\n')
}

export function htmlArticle(bytes: number): string {
  const body = paragraphsOfSize(bytes)
    .map((p, i) => (i % 12 === 0 ? `<h2>Section ${i / 12 + 1}</h2>\n<p>${p}</p>` : `<p>${p}</p>`))
    .join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Munitions shipments continue | Benchmark Times</title>
<meta property="og:site_name" content="Benchmark Times">
<script>window.tracked = true</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/donate">Donate</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all?</div>
<article><h1>Munitions shipments continue</h1><p class="byline">By A. Writer</p>
${body}
</article>
<aside><h3>Related</h3><ul><li><a href="/a">Other story</a></li><li><a href="/b">Another story</a></li></ul></aside>
<footer>Copyright Benchmark Times. Support independent journalism.</footer></body></html>`
}
