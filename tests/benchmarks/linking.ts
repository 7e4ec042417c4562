/**
 * Linking benchmark (figures, not pass/fail): a synthetic corpus of 2,000 news-shaped documents
 * with 100,000 claims and 50,000 links, generated from a fixed seed so runs compare.
 *
 *   1. suggestion index build over all claims and sentences
 *   2. suggestions for one claim (median of 50 claims)      target < 100 ms
 *   3. clusters of 100,000 claims and 50,000 links           target < 200 ms
 *   4. corroboration matrix of 500 clusters x 50 documents (data only)
 */
import { performance } from 'node:perf_hooks'
import {
  buildClusters,
  corroborationMatrix,
  createSuggestionIndex,
  suggestLinks,
  type Link,
  type LinkableClaim,
  type LinkableDocument,
  type LinkRelation,
} from '../../src/core/linking'
import { median, seededRandom } from './measure'

const DOCUMENTS = 2_000
const CLAIMS = 100_000
const LINKS = 50_000
const QUERIES = 50

interface SyntheticCorpus {
  documents: LinkableDocument[]
  claims: LinkableClaim[]
  links: Link[]
}

/**
 * Documents of ~60 sentences in ~25 paragraphs. Words follow a Zipf-like law over a 4,000-word
 * vocabulary; sentences carry names (from 400, some in variant spellings), counts with nouns,
 * calibres and dates, as news does. Claims are 50 sentences (or their first half) per document.
 */
export function syntheticCorpus(seed = 20260812): SyntheticCorpus {
  const next = seededRandom(seed)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  const zipf = <T>(items: readonly T[]) => items[Math.floor(items.length * next() ** 2.5)]!
  const syllables = ['ka', 'ro', 'mi', 'tan', 'vel', 'sor', 'du', 'len', 'gar', 'pi', 'ne', 'shu']
  const word = () =>
    Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(syllables)).join('')
  const vocabulary = Array.from({ length: 4_000 }, word)
  const names = Array.from({ length: 400 }, () => {
    const name = word()
    return name[0]!.toUpperCase() + name.slice(1)
  }).concat([
    'Tumangang',
    'Tumangan',
    'Khasan',
    'Hasan',
    'DIA',
    'Shoigu',
    'Shoygu',
    'Rajin',
    'Najin',
  ])
  const nouns = ['containers', 'shells', 'rounds', 'wagons', 'rockets', 'ships', 'trains']
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August']
  const figure = () => {
    const kind = next()
    if (kind < 0.4) return `${Math.ceil(next() * 200) * 100} ${pick(nouns)}`
    if (kind < 0.55) return `about ${Math.ceil(next() * 9)} million ${pick(nouns)}`
    if (kind < 0.7) return pick(['152 mm', '6-inch', '122 mm', '4.8-inch', '155mm'])
    if (kind < 0.85) return `${pick(months)} ${2022 + Math.floor(next() * 5)}`
    return `${Math.ceil(next() * 60)}%`
  }
  const sentence = () => {
    const words: string[] = []
    const length = 12 + Math.floor(next() * 14)
    for (let i = 0; i < length; i++) {
      const r = next()
      if (r < 0.08) words.push(pick(names))
      else if (r < 0.12) words.push(figure())
      else words.push(zipf(vocabulary))
    }
    const text = words.join(' ')
    return text[0]!.toUpperCase() + text.slice(1) + '.'
  }

  const documents: LinkableDocument[] = []
  const sentenceRanges: [number, number][][] = []
  for (let d = 0; d < DOCUMENTS; d++) {
    let text = ''
    const blocks: LinkableDocument['blocks'][number][] = []
    const ranges: [number, number][] = []
    for (let p = 0; p < 25; p++) {
      if (text.length > 0) text += '\n\n'
      const blockStart = text.length
      const count = 2 + Math.floor(next() * 2)
      for (let s = 0; s < count; s++) {
        if (s > 0) text += ' '
        const start = text.length
        text += sentence()
        ranges.push([start, text.length])
      }
      blocks.push({ type: 'paragraph', start: blockStart, end: text.length })
    }
    const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 280) * 86_400_000)
    documents.push({
      id: `doc-${String(d).padStart(5, '0')}`,
      text,
      blocks,
      metadata: { outlet: `Outlet ${d % 97}`, published: day.toISOString().slice(0, 10) },
    })
    sentenceRanges.push(ranges)
  }

  const claims: LinkableClaim[] = []
  const perDocument = CLAIMS / DOCUMENTS
  documents.forEach((document, d) => {
    const ranges = sentenceRanges[d]!
    for (let c = 0; c < perDocument; c++) {
      const [start, sentenceEnd] = ranges[c % ranges.length]!
      // Some claims are half a sentence, as analysts often highlight.
      const end = next() < 0.3 ? start + Math.floor((sentenceEnd - start) / 2) : sentenceEnd
      const id = `claim-${String(claims.length).padStart(6, '0')}`
      claims.push({
        id,
        documentId: document.id,
        start,
        end,
        quote: document.text.slice(start, end),
      })
    }
  })

  const relations: LinkRelation[] = ['same', 'same', 'same', 'same', 'same', 'same', 'same']
  relations.push('supports', 'supports', 'contradicts', 'updates', 'cites')
  const links: Link[] = []
  for (let l = 0; l < LINKS; l++) {
    const from = pick(claims)
    let to = pick(claims)
    while (to.documentId === from.documentId) to = pick(claims)
    links.push({ id: `link-${l}`, from: from.id, to: to.id, relation: pick(relations) })
  }
  return { documents, claims, links }
}

function time<T>(work: () => T): [T, number] {
  const t0 = performance.now()
  const result = work()
  return [result, performance.now() - t0]
}

function row(label: string, size: string, ms: number, target = ''): void {
  console.log(`${label.padEnd(34)} ${size.padEnd(44)} ${ms.toFixed(1).padStart(9)}  ${target}`)
}

export async function benchLinking(): Promise<void> {
  console.log('\n## Linking (synthetic corpus, fixed seed)')
  const [corpus, generateMs] = time(() => syntheticCorpus())
  const { documents, claims, links } = corpus
  const megabytes = documents.reduce((sum, d) => sum + d.text.length, 0) / 1024 / 1024
  console.log(
    `corpus: ${documents.length} documents (${megabytes.toFixed(1)} MB of text), ${claims.length} claims, ${links.length} links, generated in ${generateMs.toFixed(0)} ms`,
  )
  console.log(`${'work'.padEnd(34)} ${'size'.padEnd(44)} ${'ms'.padStart(9)}  target`)

  const [index, buildMs] = time(() => createSuggestionIndex({ documents, claims }))
  row('suggestion index build', `${index.unitCount} units (claims + sentences)`, buildMs)

  const next = seededRandom(7)
  const documentOf = new Map(documents.map((d) => [d.id, d]))
  const queryTimes: number[] = []
  let returned = 0
  suggestLinks({ claim: claims[0]!, document: documentOf.get(claims[0]!.documentId)! }, index)
  for (let q = 0; q < QUERIES; q++) {
    const claim = claims[Math.floor(next() * claims.length)]!
    const [suggestions, ms] = time(() =>
      suggestLinks({ claim, document: documentOf.get(claim.documentId)! }, index),
    )
    queryTimes.push(ms)
    returned += suggestions.length
  }
  row(
    'suggestions for one claim (median)',
    `${QUERIES} claims, top 10 of ${index.unitCount} units`,
    median(queryTimes),
    '< 100 ms',
  )
  row(
    '  slowest of those',
    `(${(returned / QUERIES).toFixed(1)} suggestions on average)`,
    Math.max(...queryTimes),
  )

  const clusterTimes: number[] = []
  let clusters = buildClusters(claims, links, documents)
  for (let run = 0; run < 5; run++) {
    const [result, ms] = time(() => buildClusters(claims, links, documents))
    clusters = result
    clusterTimes.push(ms)
  }
  const joined = clusters.filter((c) => c.memberClaimIds.length > 1).length
  row(
    'clusters (median of 5)',
    `${claims.length} claims, ${links.length} links -> ${clusters.length} (${joined} joined)`,
    median(clusterTimes),
    '< 200 ms',
  )

  const matrixDocuments = documents.slice(0, 50)
  const inMatrix = new Set(matrixDocuments.map((d) => d.id))
  const matrixClusters = clusters
    .filter((c) => c.documents.some((id) => inMatrix.has(id)))
    .sort((a, b) => b.memberClaimIds.length - a.memberClaimIds.length)
    .slice(0, 500)
  const matrixTimes: number[] = []
  let cells = 0
  for (let run = 0; run < 5; run++) {
    const [matrix, ms] = time(() =>
      corroborationMatrix(matrixClusters, links, matrixDocuments, claims),
    )
    matrixTimes.push(ms)
    cells = matrix.rows.length * matrix.columns.length
  }
  row(
    'corroboration matrix (median of 5)',
    `${matrixClusters.length} clusters x ${matrixDocuments.length} documents (${cells} cells)`,
    median(matrixTimes),
  )
}
