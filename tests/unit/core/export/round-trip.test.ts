/**
 * Export then import gives the same claims, links and attributes: every format with an
 * importer, over articles with emoji, combining letters and CRLF line ends before every claim.
 */
import { describe, expect, it } from 'vitest'
import {
  bratExport,
  jsonlExport,
  parseJsonlDataset,
  parseBratAnn,
  parseW3cAnnotations,
  resolveImport,
  w3cExport,
  type ImportBatch,
} from '../../../../src/core/export'
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES } from '../../../../src/core/model'
import { claimEssence, fixture, linkEssence, type Fixture } from './dataset-fixture'

const byPlace = <T extends { path: string; position: { start: number } }>(items: T[]) =>
  [...items].sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.position.start - b.position.start,
  )

function resolve(f: Fixture, batch: ImportBatch) {
  return resolveImport(batch, {
    annotator: 'bob',
    now: '2026-12-04T12:00:00.000Z',
    documents: f.projectDocuments,
    labels: DEFAULT_LABELS,
    relations: DEFAULT_RELATION_TYPES,
  })
}

describe('round trips', () => {
  it('W3C Web Annotation: every claim, link and attribute comes back', () => {
    const f = fixture()
    const file = w3cExport(f.input).files[0]!
    const imported = resolve(f, parseW3cAnnotations({ name: file.path, text: file.text }))
    expect(imported.problems).toEqual([])
    expect(imported.addedLabels).toEqual([])
    expect(byPlace(imported.claims.map(claimEssence))).toEqual(byPlace(f.claims.map(claimEssence)))
    expect(imported.claims.every((claim) => claim.annotator === 'bob')).toBe(true)
    expect(imported.claims.map((claim) => claim.created).sort()).toEqual(
      f.claims.map((claim) => claim.created).sort(),
    )
    const links = (list: typeof f.links, claims: typeof f.claims) =>
      list
        .map((link) => linkEssence(link, claims))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    expect(links(imported.links, imported.claims)).toEqual(links(f.links, f.claims))
  })

  it('JSONL: every claim, link and attribute comes back from claims.jsonl and links.jsonl', () => {
    const f = fixture()
    const exported = jsonlExport(f.input)
    const batch: ImportBatch = { claims: [], links: [], problems: [] }
    for (const file of exported.files) {
      const one = parseJsonlDataset({ name: file.path, text: file.text })
      batch.claims.push(...one.claims)
      batch.links.push(...one.links)
      batch.problems.push(...one.problems)
    }
    const imported = resolve(f, batch)
    expect(imported.problems).toEqual([])
    expect(byPlace(imported.claims.map(claimEssence))).toEqual(byPlace(f.claims.map(claimEssence)))
    const links = (list: typeof f.links, claims: typeof f.claims) =>
      list
        .map((link) => linkEssence(link, claims))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    expect(links(imported.links, imported.claims)).toEqual(links(f.links, f.claims))
  })

  it('brat standoff: claims, attributes and the links within one article come back', () => {
    const f = fixture()
    const exported = bratExport(f.input)
    const text = (path: string) => exported.files.find((file) => file.path === path)!.text
    const batch: ImportBatch = { claims: [], links: [], problems: [] }
    for (const stem of ['news/wire', 'daily']) {
      const one = parseBratAnn(
        { name: `${stem}.ann`, text: text(`${stem}.ann`) },
        { name: `${stem}.txt`, text: text(`${stem}.txt`) },
        `${stem}.txt`,
      )
      batch.claims.push(...one.claims)
      batch.links.push(...one.links)
      batch.problems.push(...one.problems)
    }
    const imported = resolve(f, batch)
    expect(imported.problems).toEqual([])
    expect(byPlace(imported.claims.map(claimEssence))).toEqual(byPlace(f.claims.map(claimEssence)))
    // brat keeps the links within one article (the others were reported on export).
    const reported = new Set(exported.problems.map((problem) => problem.item))
    const kept = f.links.filter((link) => !reported.has(link.id))
    const links = (list: typeof f.links, claims: typeof f.claims) =>
      list
        .map((link) => linkEssence(link, claims))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    expect(links(imported.links, imported.claims)).toEqual(links(kept, f.claims))
  })

  it('brat from a CRLF copy of the text: offsets count the CR, the claims land on the canonical text', () => {
    const f = fixture()
    const exported = bratExport(f.input)
    const text = (path: string) => exported.files.find((file) => file.path === path)!.text
    // What a Windows tool would write: the same .txt with CRLF, offsets counting each CR.
    const crlf = text('news/wire.txt').replace(/\n/g, '\r\n')
    const codePoints = Array.from(text('news/wire.txt'))
    const crlfOffset = (offset: number) =>
      offset + codePoints.slice(0, offset).filter((c) => c === '\n').length
    const ann = text('news/wire.ann').replace(
      /^(T\d+\t\S+ )([\d ;]+)\t/gm,
      (_, head: string, spans: string) =>
        `${head}${spans.replace(/\d+/g, (n) => String(crlfOffset(Number(n))))}\t`,
    )
    const batch = parseBratAnn(
      { name: 'wire.ann', text: ann },
      { name: 'wire.txt', text: crlf },
      'news/wire.txt',
    )
    const imported = resolve(f, batch)
    expect(imported.problems).toEqual([])
    const wireClaims = f.claims.filter((claim) => claim.document.path === 'news/wire.txt')
    expect(byPlace(imported.claims.map(claimEssence))).toEqual(
      byPlace(wireClaims.map(claimEssence)),
    )
  })
})
