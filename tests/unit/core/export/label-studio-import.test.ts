import { describe, expect, it } from 'vitest'
import {
  DatasetFormatError,
  parseLabelStudioExport,
  resolveImport,
} from '../../../../src/core/export'
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES } from '../../../../src/core/model'
import { fixture } from './dataset-fixture'

/** A task as Label Studio exports it (JSON export of a text NER project with relations). */
function labelStudioExport(text: string) {
  const span = (id: string, passage: string, labels: string[]) => {
    const start = text.indexOf(passage)
    return {
      id,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      origin: 'manual',
      value: { start, end: start + passage.length, text: passage, labels },
    }
  }
  return [
    {
      id: 7,
      data: { text },
      annotations: [
        {
          id: 12,
          completed_by: 1,
          was_cancelled: false,
          result: [
            span('a1', '13,000 containers arrived', ['Figure']),
            span('b2', 'denied that 152 mm shells were aboard', ['Denial', 'Military']),
            {
              id: 'a1',
              from_name: 'status',
              to_name: 'text',
              type: 'choices',
              value: { start: 0, end: 1, text: '', choices: ['alleged', 'high'] },
            },
            {
              id: 'b2',
              from_name: 'note',
              to_name: 'text',
              type: 'textarea',
              value: { start: 0, end: 1, text: ['Checked with the port'] },
            },
            {
              from_id: 'b2',
              to_id: 'a1',
              type: 'relation',
              direction: 'right',
              labels: ['contradicts'],
            },
            { from_id: 'a1', to_id: 'b2', type: 'relation', direction: 'left', labels: [] },
            {
              id: 'r9',
              from_name: 'rating',
              to_name: 'text',
              type: 'rating',
              value: { rating: 4 },
            },
          ],
        },
      ],
      predictions: [],
    },
    { id: 8, data: { text }, annotations: [], predictions: [{ result: [] }] },
  ]
}

describe('Label Studio import', () => {
  it('reads spans, per-region choices and notes, and relations; re-anchors on the canonical text', () => {
    const f = fixture()
    // Label Studio holds the article's text as it was imported: here the raw CRLF file body.
    const raw =
      'Crowds 🎉🎉 cheered in Rajin 🚢 as 13,000 containers arrived, Ta\u0331ha Park said.\r\n\r\nThe ministry 🇷🇺 denied that 152 mm shells were aboard.'
    const batch = parseLabelStudioExport({
      name: 'project-3.json',
      text: JSON.stringify(labelStudioExport(raw)),
    })
    const resolved = resolveImport(batch, {
      annotator: 'carol',
      now: '2026-12-04T12:00:00.000Z',
      documents: f.projectDocuments,
      labels: DEFAULT_LABELS,
      relations: DEFAULT_RELATION_TYPES,
    })
    const byQuote = (exact: string) =>
      resolved.claims.find((claim) => claim.target.quote.exact === exact)!
    const figure = byQuote('13,000 containers arrived')
    expect(figure).toMatchObject({
      label: 'figure',
      status: 'alleged',
      certainty: 'high',
      document: { id: f.wire.id, path: 'news/wire.txt' },
    })
    expect(figure.target.position.start).toBe(f.wire.text.indexOf('13,000 containers arrived'))
    const denial = byQuote('denied that 152 mm shells were aboard')
    expect(denial).toMatchObject({
      label: 'denial',
      tags: ['Military'],
      note: 'Checked with the port',
    })
    expect(resolved.links.map((link) => [link.relation, link.from, link.to])).toEqual([
      ['contradicts', denial.id, { kind: 'claim', claimId: figure.id }],
      ['same', denial.id, { kind: 'claim', claimId: figure.id }],
    ])
    expect(resolved.problems.map((problem) => problem.where)).toEqual([
      'project-3.json task 1 result 7',
      'project-3.json task 2',
    ])
  })

  it('refuses a file that is not a Label Studio export, naming the item', () => {
    expect(() => parseLabelStudioExport({ name: 'a.json', text: '{"nope": 1}' })).toThrow(
      DatasetFormatError,
    )
    expect(() =>
      parseLabelStudioExport({ name: 'b.json', text: '[{"data": {"text": "x"}}, 3]' }),
    ).toThrow('b.json, task 2: not a task')
    expect(() =>
      parseLabelStudioExport({
        name: 'c.json',
        text: '[{"data": {"text": "x"},\n "annotations": [{"result": 5}]}]',
      }),
    ).toThrow('c.json, task 1: its annotation has no "result" list')
    expect(() => parseLabelStudioExport({ name: 'd.json', text: '[{"data": \n\n{' })).toThrow(
      /^d\.json, line \d+: not valid JSON/,
    )
  })
})
