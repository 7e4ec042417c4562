/**
 * The review queries on a real project in a temp folder: three annotators' real files, written
 * by the app itself as each of them, then read back as colleagues' work.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Workbench } from '../../../../src/backend'
import { tempDir } from '../helpers'
import { ARTICLE, keyOf, openProject, rangeOf } from './project-setup'

const FIGURE = '13,000 containers of munitions'
const DENIAL = 'Moscow denied the allegations'
const SOURCE = 'officials said'
const ACTOR = 'North Korea'

/** Makes claims as `annotator`: [passage, label, fields] each. */
async function annotateAs(
  workbench: Workbench,
  annotator: string,
  claims: [string, string, { status?: 'alleged' | 'denied'; attributedTo?: string }?][],
) {
  await workbench.setAnnotator(annotator)
  const documentKey = await keyOf(workbench, 'story.txt')
  for (const [passage, label, fields] of claims) {
    const claim = await workbench.createClaim({ documentKey, ...rangeOf(ARTICLE, passage), label })
    if (fields) await workbench.updateClaim(claim.id, fields)
  }
}

async function threeAnnotators() {
  const setup = await openProject()
  const { workbench } = setup
  await annotateAs(workbench, 'bob', [
    [ACTOR, 'event'],
    [FIGURE, 'figure'],
    [SOURCE, 'attribution'],
    [DENIAL, 'denial'],
  ])
  await annotateAs(workbench, 'carol', [
    [ACTOR, 'event'],
    [FIGURE, 'claim'],
    [`${DENIAL} on Tuesday`, 'denial'],
  ])
  await annotateAs(workbench, 'alice', [
    [ACTOR, 'event'],
    [FIGURE, 'figure'],
    [DENIAL, 'denial'],
  ])
  await workbench.flush()
  return setup
}

describe('getReviewQueue', () => {
  it('puts label conflicts first, then boundaries, then units not everyone marked, agreed last', async () => {
    const { workbench } = await threeAnnotators()
    const queue = await workbench.getReviewQueue({ annotators: ['alice', 'bob', 'carol'] })
    expect(queue.annotators).toEqual(['alice', 'bob', 'carol'])
    const summary = queue.units.map((unit) => ({
      text: ARTICLE.slice(unit.start, unit.end),
      conflicts: unit.conflicts,
      who: unit.versions.map((version) => `${version.annotator}:${version.label}`),
    }))
    expect(summary).toEqual([
      {
        text: FIGURE,
        conflicts: ['label'],
        who: ['alice:figure', 'bob:figure', 'carol:claim'],
      },
      {
        // The stretch every version lies in: Carol's longer passage.
        text: `${DENIAL} on Tuesday`,
        conflicts: ['boundaries'],
        who: ['alice:denial', 'bob:denial', 'carol:denial'],
      },
      { text: SOURCE, conflicts: ['missing'], who: ['bob:attribution'] },
      { text: ACTOR, conflicts: [], who: ['alice:event', 'bob:event', 'carol:event'] },
    ])
    const figure = queue.units[0]!
    expect(figure.missing).toEqual([])
    expect(figure.versions.map((version) => version.quote)).toEqual([FIGURE, FIGURE, FIGURE])
    expect(figure.before.endsWith('more than ')).toBe(true)
    expect(figure.after.startsWith(' to Russia')).toBe(true)
    expect(queue.units[1]!.versions.map((version) => version.quote)).toEqual([
      DENIAL,
      DENIAL,
      `${DENIAL} on Tuesday`,
    ])
    expect(queue.units[2]!.missing).toEqual(['alice', 'carol'])
  })

  it('includes the current annotator’s edits not yet compacted into their file', async () => {
    const { workbench } = await threeAnnotators()
    const documentKey = await keyOf(workbench, 'story.txt')
    await workbench.createClaim({ documentKey, ...rangeOf(ARTICLE, 'on Tuesday'), label: 'event' })
    const queue = await workbench.getReviewQueue({ annotators: ['alice', 'bob'] })
    const tuesday = queue.units.find((unit) => ARTICLE.slice(unit.start, unit.end) === 'on Tuesday')
    expect(tuesday?.versions.map((version) => version.annotator)).toEqual(['alice'])
  })

  it('names an annotator asked for who has no file', async () => {
    const { workbench } = await threeAnnotators()
    await expect(workbench.getReviewQueue({ annotators: ['alice', 'dora'] })).rejects.toThrow(
      /annotations\/dora\.json/,
    )
  })
})

describe('listAnnotators', () => {
  it('lists every file with its counts, marks the current annotator and names a broken file', async () => {
    const { workbench, root } = await threeAnnotators()
    const broken = '{"format": "corroborate-annotations", "version": 1, "claims": [ '
    await writeFile(join(root, 'annotations', 'dora.json'), broken)
    const annotators = await workbench.listAnnotators()
    expect(
      annotators.map(({ name, current, claims, problem }) => ({
        name,
        current,
        claims,
        problem: problem === null ? null : problem.includes('annotations/dora.json'),
      })),
    ).toEqual([
      { name: 'alice', current: true, claims: 3, problem: null },
      { name: 'bob', current: false, claims: 4, problem: null },
      { name: 'carol', current: false, claims: 3, problem: null },
      { name: 'dora', current: false, claims: 0, problem: true },
    ])
    expect(annotators[1]!.byDocument).toEqual({ 'story.txt': 4 })
    // Reviewing never writes a colleague's file, least of all one it could not read.
    expect(await readFile(join(root, 'annotations', 'dora.json'), 'utf8')).toBe(broken)
  })
})

describe('listAnnotatorClaims', () => {
  it('gives one lane per colleague, placed in the text, and reads a file again once it changed', async () => {
    const { workbench, root } = await threeAnnotators()
    const documentKey = await keyOf(workbench, 'story.txt')
    const first = await workbench.listAnnotatorClaims(documentKey, ['bob', 'carol'])
    expect(first.lanes.map((lane) => lane.annotator)).toEqual(['bob', 'carol'])
    expect(
      first.lanes[0]!.claims.map((claim) => [ARTICLE.slice(claim.start, claim.end), claim.label]),
    ).toEqual([
      [ACTOR, 'event'],
      [FIGURE, 'figure'],
      [SOURCE, 'attribution'],
      [DENIAL, 'denial'],
    ])
    expect(first.problems).toEqual([])

    // Bob's file replaced on disk (a git pull): his lane shows the new version.
    const path = join(root, 'annotations', 'bob.json')
    const file = JSON.parse(await readFile(path, 'utf8')) as {
      claims: { id: string; label: string; created: string }[]
      links: unknown[]
    }
    const figure = file.claims.find((claim) => claim.label === 'figure')!
    figure.label = 'claim'
    // And a link of his, from the figure to the source.
    const source = file.claims.find((claim) => claim.label === 'attribution')!
    file.links.push({
      id: '0b7e7a4e-1f43-4a8e-9a3a-3c1d2b4e5f60',
      relation: 'cites',
      from: figure.id,
      to: { kind: 'claim', claimId: source.id },
      note: '',
      confidence: null,
      annotator: 'bob',
      created: figure.created,
      updated: figure.created,
    })
    await writeFile(path, JSON.stringify(file, null, 2) + '\n\n')
    const second = await workbench.listAnnotatorClaims(documentKey, ['bob'])
    expect(second.lanes[0]!.claims.map((claim) => [claim.label, claim.links]).sort()).toEqual([
      ['attribution', ['cites']],
      ['claim', ['cites']],
      ['denial', []],
      ['event', []],
    ])
  })

  it('draws the readable lanes and names the file that cannot be read', async () => {
    const { workbench, root } = await threeAnnotators()
    const documentKey = await keyOf(workbench, 'story.txt')
    await writeFile(join(root, 'annotations', 'carol.json'), 'not json')
    const lanes = await workbench.listAnnotatorClaims(documentKey, ['bob', 'carol'])
    expect(lanes.lanes.map((lane) => lane.annotator)).toEqual(['bob'])
    expect(lanes.problems).toHaveLength(1)
    expect(lanes.problems[0]!.file).toBe('annotations/carol.json')
    expect(lanes.problems[0]!.message).toMatch(/annotations\/carol\.json is not valid JSON/)
  })
})

describe('addReviewFile', () => {
  it('reviews a colleague’s file kept outside annotations/, read-only, under its file name', async () => {
    const { workbench, root } = await threeAnnotators()
    // Bob's file as a colleague mailed it: kept elsewhere, under another name.
    const elsewhere = await tempDir()
    const mailed = join(elsewhere, 'bob.json')
    const bytes = await readFile(join(root, 'annotations', 'bob.json'))
    await writeFile(mailed, bytes)
    const annotators = await workbench.addReviewFile(mailed)
    const outside = annotators?.find((entry) => entry.file === mailed)
    // "bob" is taken by annotations/bob.json.
    expect(outside).toMatchObject({ name: 'bob-2', claims: 4, current: false, problem: null })
    // The same file again is the same entry.
    expect((await workbench.addReviewFile(mailed))?.filter((a) => a.file === mailed)).toHaveLength(
      1,
    )

    const queue = await workbench.getReviewQueue({ annotators: ['bob', 'bob-2'] })
    expect(queue.units.every((unit) => unit.conflicts.length === 0)).toBe(true)
    expect(queue.units).toHaveLength(4)
    const lanes = await workbench.listAnnotatorClaims(await keyOf(workbench, 'story.txt'), [
      'bob-2',
    ])
    expect(lanes.lanes[0]?.claims).toHaveLength(4)
    const agreement = await workbench.getAgreement({ annotators: ['bob', 'bob-2'] })
    expect(agreement.report.pairs[0]?.spans.exactF1).toBe(1)
    expect(await readFile(mailed)).toEqual(bytes)
  })

  it('refuses a file it cannot read, naming it, and writes nothing', async () => {
    const { workbench } = await threeAnnotators()
    const path = join(await tempDir(), 'broken.json')
    await writeFile(path, '{"format": "corroborate/annotations", "version": 99}')
    await expect(workbench.addReviewFile(path)).rejects.toMatchObject({
      code: 'annotation-file-problem',
      message: expect.stringContaining('newer Corroborate'),
    })
    expect(await readFile(path, 'utf8')).toBe(
      '{"format": "corroborate/annotations", "version": 99}',
    )
    expect((await workbench.listAnnotators()).map((entry) => entry.name)).toEqual([
      'alice',
      'bob',
      'carol',
    ])
  })
})
