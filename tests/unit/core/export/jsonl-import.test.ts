import { describe, expect, it } from 'vitest'
import { DatasetFormatError, parseJsonlDataset } from '../../../../src/core/export'

describe('JSONL import', () => {
  it('refuses a line that is not a claim, link or document, naming the file and line', () => {
    const text =
      '{"type":"document","id":"x"}\n\n{"type":"claim","quote":"a","label":"claim"}\n[1, 2]\n'
    expect(() => parseJsonlDataset({ name: 'claims.jsonl', text })).toThrow(DatasetFormatError)
    expect(() => parseJsonlDataset({ name: 'claims.jsonl', text })).toThrow(
      'claims.jsonl, line 4: not a JSON object of type "claim", "link" or "document"',
    )
    expect(() => parseJsonlDataset({ name: 'links.jsonl', text: '{"type":\n' })).toThrow(
      /^links\.jsonl, line 1: not valid JSON/,
    )
  })

  it('reports a claim without a quote and a link without an end, and reads the rest', () => {
    const text = [
      '{"type":"claim","id":"c1","label":"claim"}',
      '{"type":"claim","id":"c2","quote":"13,000","label":"figure","start":3,"end":9,"status":"alleged"}',
      '{"type":"link","id":"l1","relation":"same","from_claim_id":"c2"}',
    ].join('\n')
    const batch = parseJsonlDataset({ name: 'claims.jsonl', text })
    expect(batch.claims).toHaveLength(1)
    expect(batch.claims[0]).toMatchObject({
      ref: 'c2',
      label: 'figure',
      status: 'alleged',
      position: { start: 3, end: 9 },
      positionUnit: 'code-points',
    })
    expect(batch.problems.map((problem) => problem.where)).toEqual([
      'claims.jsonl line 1',
      'claims.jsonl line 3',
    ])
  })
})
