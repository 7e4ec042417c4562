import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatasetFormatError, parseW3cAnnotations, resolveImport } from '../../../../src/core/export'
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES } from '../../../../src/core/model'
import { fixture } from './dataset-fixture'

const examples = resolve(import.meta.dirname, '../../../fixtures/external/w3c-web-annotation')
const filesIn = (folder: string) =>
  readdirSync(join(examples, folder))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(examples, folder, name), 'utf8') }))

describe('W3C Web Annotation import', () => {
  it("parses every one of the specification's correct examples; those quoting text become claims", () => {
    const correct = filesIn('correct')
    expect(correct.length).toBeGreaterThan(40)
    let claims = 0
    for (const file of correct) {
      const batch = parseW3cAnnotations(file)
      claims += batch.claims.length
      // Whatever is not a claim or a link is reported, never dropped silently.
      const items = file.name.startsWith('collection')
        ? JSON.parse(file.text).first.items.length
        : 1
      expect(batch.claims.length + batch.links.length).toBeLessThanOrEqual(items)
      if (batch.claims.length + batch.links.length < items) {
        expect(batch.problems.length).toBeGreaterThan(0)
      }
    }
    expect(claims).toBeGreaterThan(0)
    const quoted = parseW3cAnnotations(correct.find((file) => file.name === 'anno23.json')!)
    expect(quoted.claims[0]!.quote.exact).toBe(
      JSON.parse(correct.find((file) => file.name === 'anno23.json')!.text).target.selector.exact,
    )
  })

  it('refuses the broken examples with a message naming the file and the line or item', () => {
    for (const file of filesIn('incorrect')) {
      let parsed: unknown
      try {
        parsed = JSON.parse(file.text)
      } catch {
        // Deliberately broken JSON.
        expect(() => parseW3cAnnotations(file)).toThrow(DatasetFormatError)
        expect(() => parseW3cAnnotations(file)).toThrow(
          new RegExp(
            `^${file.name.replace('.', '\\.')}, (line \\d+|the whole file): not valid JSON`,
          ),
        )
        continue
      }
      if (
        typeof parsed === 'object' &&
        parsed !== null &&
        (parsed as { type?: unknown }).type === undefined
      ) {
        expect(() => parseW3cAnnotations(file)).toThrow(
          `${file.name}, item 1: its type is not "Annotation"`,
        )
      }
    }
  })

  it('places a claim by its quote when the article changed, and reports one it cannot place', () => {
    const f = fixture()
    const annotation = (exact: string, prefix = '', suffix = '') => ({
      type: 'Annotation',
      motivation: 'highlighting',
      body: [{ type: 'TextualBody', purpose: 'commenting', value: 'seen elsewhere' }],
      target: {
        source: 'https://example.org/news/wire.txt',
        selector: [
          { type: 'TextQuoteSelector', exact, prefix, suffix },
          { type: 'TextPositionSelector', start: 0, end: 5 },
        ],
      },
    })
    const text = JSON.stringify([
      annotation('152 mm shells were aboard', 'denied that ', '.'),
      annotation('a passage from another article entirely'),
    ])
    const batch = parseW3cAnnotations({ name: 'hypothesis.json', text })
    const resolved = resolveImport(batch, {
      annotator: 'bob',
      now: '2026-12-04T12:00:00.000Z',
      documents: f.projectDocuments.map((document) => ({
        ...document,
        path: `x/${document.path}`,
      })),
      labels: DEFAULT_LABELS,
      relations: DEFAULT_RELATION_TYPES,
    })
    // Found by file name (wire.txt), placed by the quote: the position (0-5) was only a hint.
    expect(resolved.claims).toHaveLength(1)
    const [claim] = resolved.claims
    const wire = f.wire.text
    expect(claim!.target.position.start).toBe(wire.indexOf('152 mm shells were aboard'))
    expect(claim!.document).toEqual({ id: f.wire.id, path: 'x/news/wire.txt' })
    expect(claim!.note).toBe('seen elsewhere')
    // No label body: the motivation names the label, added to the project's set.
    expect(claim!.label).toBe('highlighting')
    expect(resolved.addedLabels.map((label) => label.id)).toEqual(['highlighting'])
    expect(resolved.problems).toEqual([
      {
        where: 'hypothesis.json item 2',
        message: expect.stringContaining('cannot be placed in x/news/wire.txt'),
      },
    ])
  })
})
