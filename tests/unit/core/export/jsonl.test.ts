/* eslint-disable @typescript-eslint/no-explicit-any -- the parsed export files, checked field by field */
import { describe, expect, it } from 'vitest'
import { jsonlExport } from '../../../../src/core/export'
import { codePointSlice, fixture } from './dataset-fixture'

const parseLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, any>)

describe('JSONL export', () => {
  it('writes documents, claims and links one per line, offsets in code points of the document text', () => {
    const f = fixture()
    const result = jsonlExport(f.input)
    expect(result.files.map((file) => file.path)).toEqual([
      'documents.jsonl',
      'claims.jsonl',
      'links.jsonl',
    ])
    const [documents, claims, links] = result.files.map((file) => parseLines(file.text)) as [
      Record<string, any>[],
      Record<string, any>[],
      Record<string, any>[],
    ]
    expect(documents.map((doc) => doc.path)).toEqual(['daily.txt', 'news/wire.txt'])
    expect(documents[1]).toMatchObject({
      title: 'Wire report',
      outlet: 'The Wire',
      published: '2026-03-01',
    })
    expect(claims).toHaveLength(f.claims.length)
    for (const claim of claims) {
      const text = documents.find((doc) => doc.id === claim.document_id)!.text as string
      expect(codePointSlice(text, claim.start, claim.end)).toBe(claim.quote)
    }
    const containers = claims.find((claim) => claim.quote === '13,000 containers arrived')!
    expect(containers).toMatchObject({
      type: 'claim',
      label: 'figure',
      label_name: 'Figure',
      attributed_to: 'Ta\u0331ha Park',
      status: 'alleged',
      certainty: 'high',
      tags: ['port', 'rating:Mostly true'],
      annotator: 'alice',
    })
    expect(links).toHaveLength(f.links.length)
    const cites = links.find((link) => link.relation === 'cites')!
    expect(cites).toMatchObject({ to_claim_id: null, directed: true })
    expect(cites.outside.url).toBe('https://example.org/port-authority')
    const same = links.find((link) => link.relation === 'same')!
    expect(same).toMatchObject({
      directed: false,
      from_claim_id: f.claims[0]!.id,
      to_claim_id: f.claims[4]!.id,
    })
  })

  it('gives a claim with no place in the current text null offsets and keeps its quote', () => {
    const f = fixture()
    const moved = { ...f.claims[0]!, document: { id: 'f'.repeat(64), path: 'gone.txt' } }
    const result = jsonlExport({
      ...f.input,
      files: [{ annotator: 'alice', claims: [moved], links: [], clusters: [] }],
    })
    const [claim] = parseLines(result.files[1]!.text)
    expect(claim).toMatchObject({
      start: null,
      end: null,
      quote: '13,000 containers arrived',
      document_path: 'gone.txt',
    })
  })
})
