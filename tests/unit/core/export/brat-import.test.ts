import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../../src/core/document/parse'
import {
  DatasetFormatError,
  parseBratAnn,
  resolveImport,
  type ImportBatch,
} from '../../../../src/core/export'
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES } from '../../../../src/core/model'

const newsDir = resolve(import.meta.dirname, '../../../fixtures/external/brat/news')
const stems = readdirSync(newsDir)
  .filter((name) => name.endsWith('.ann'))
  .map((name) => name.slice(0, -4))
  .sort()
const read = (name: string) => readFileSync(join(newsDir, name), 'utf8')

/** brat's tutorial texts as project articles, parsed like any .txt a user opens. */
function tutorialProject() {
  return stems.map((stem) => {
    const document = parseDocument(readFileSync(join(newsDir, `${stem}.txt`)), `${stem}.txt`)
    return { id: document.id, path: `news/${stem}.txt`, text: document.text }
  })
}

function importAll(): { batch: ImportBatch; tLines: number } {
  const batch: ImportBatch = { claims: [], links: [], problems: [] }
  let tLines = 0
  for (const stem of stems) {
    const ann = read(`${stem}.ann`)
    tLines += ann.split('\n').filter((line) => line.startsWith('T')).length
    const one = parseBratAnn(
      { name: `${stem}.ann`, text: ann },
      { name: `${stem}.txt`, text: read(`${stem}.txt`) },
      `${stem}.txt`,
    )
    batch.claims.push(...one.claims)
    batch.links.push(...one.links)
    batch.problems.push(...one.problems)
  }
  return { batch, tLines }
}

describe('brat import', () => {
  it("imports brat's own example data: every text-bound annotation placed, events reported by line", () => {
    const { batch, tLines } = importAll()
    expect(batch.claims).toHaveLength(tLines)
    const resolved = resolveImport(batch, {
      annotator: 'brat',
      now: '2026-12-04T12:00:00.000Z',
      documents: tutorialProject(),
      labels: DEFAULT_LABELS,
      relations: DEFAULT_RELATION_TYPES,
    })
    const unplaced = resolved.problems.filter((problem) =>
      problem.message.includes('cannot be placed'),
    )
    expect(unplaced).toEqual([])
    expect(resolved.claims).toHaveLength(tLines)
    // Each claim is on the passage brat marked (brat's text field is the passage).
    for (const item of batch.claims) {
      expect(resolved.claims.some((claim) => claim.target.quote.exact === item.quote.exact)).toBe(
        true,
      )
    }
    // The types become labels; Person, Organization, GPE... are added to the project's set.
    expect(resolved.addedLabels.map((label) => label.name)).toEqual(
      expect.arrayContaining(['Person', 'Organization', 'GPE']),
    )
    expect(resolved.addedLabels.every((label) => label.key === null)).toBe(true)
    // Events cannot be represented: each is reported with its file and line.
    const events = resolved.problems.filter((problem) => /E\d+ is an event/.test(problem.message))
    const eLines = stems.flatMap((stem) =>
      read(`${stem}.ann`)
        .split('\n')
        .filter((line) => line.startsWith('E')),
    )
    expect(events).toHaveLength(eLines.length)
    expect(events[0]!.where).toMatch(/^\d{3}-[a-z_-]+\.ann line \d+$/)
    // Relations between entities and brat's note become links and a note.
    expect(resolved.links.length).toBeGreaterThan(0)
    expect(resolved.claims.find((claim) => claim.target.quote.exact === 'Discworld')!.note).toBe(
      'Should fictional places be annotated?',
    )
    expect(resolved.addedRelations.map((relation) => relation.name)).toEqual(
      expect.arrayContaining(['Alias']),
    )
  })

  it('reads attributes it knows into fields and others as tags', () => {
    const txt = 'Officials 🎉 said the port handled 13,000 containers.'
    const ann = [
      'T1\tfigure 34 51\t13,000 containers',
      'A1\tStatus T1 alleged',
      'A2\tCertainty T1 low',
      'A3\tNegated T1',
      'A4\tSource T1 wire',
      '#1\tAttributedTo T1\tOfficials',
      '#2\tTags T1\tport; trade',
    ].join('\n')
    const batch = parseBratAnn({ name: 'a.ann', text: ann }, { name: 'a.txt', text: txt }, 'a.txt')
    expect(batch.problems).toEqual([])
    expect(batch.claims[0]).toMatchObject({
      quote: { exact: '13,000 containers' },
      label: 'figure',
      status: 'alleged',
      certainty: 'low',
      attributedTo: 'Officials',
      tags: ['Negated', 'Source:wire', 'port', ' trade'],
    })
  })

  it('reports a discontinuous passage instead of importing part of it', () => {
    const txt = 'one two three four'
    const batch = parseBratAnn(
      { name: 'a.ann', text: 'T1\tclaim 0 3;8 13\tone three\n' },
      { name: 'a.txt', text: txt },
      'a.txt',
    )
    expect(batch.claims).toEqual([])
    expect(batch.problems).toEqual([
      { where: 'a.ann line 1', message: expect.stringContaining('discontinuous') },
    ])
  })

  it('refuses a malformed file, naming the file and the line', () => {
    const txt = 'short text'
    const garbage = () =>
      parseBratAnn(
        { name: 'x.ann', text: 'T1\tclaim 0 5\tshort\nnot standoff at all\n' },
        { name: 'x.txt', text: txt },
        'x.txt',
      )
    expect(garbage).toThrow(DatasetFormatError)
    expect(garbage).toThrow('x.ann, line 2: "not standoff at all" is not a brat standoff line')
    const outside = () =>
      parseBratAnn(
        { name: 'y.ann', text: 'T1\tclaim 3 50\ttext\n' },
        { name: 'y.txt', text: txt },
        'y.txt',
      )
    expect(outside).toThrow('y.ann, line 1: span 3 50 is outside y.txt (10 characters)')
  })
})
