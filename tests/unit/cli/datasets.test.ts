/**
 * `corroborate export --format …` and `corroborate import` as users run them: a real process on
 * real project folders in temp dirs, files written by the real Workbench.
 */
import { access, cp, readFile, readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { tempDir, writeFiles } from '../backend/helpers'
import { annotatedProject, annotatorFile, essence, linkEssence, sortedBy } from './dataset-project'
import { runCli } from './run-cli'

vi.setConfig({ testTimeout: 60_000 })

const bratNews = resolve(import.meta.dirname, '../../fixtures/external/brat/news')
const codePoints = (text: string, start: number, end: number) =>
  Array.from(text).slice(start, end).join('')

describe('corroborate export --format', () => {
  it('writes W3C Web Annotation, and importing it back gives the same claims, links and fields', async () => {
    const root = await annotatedProject()
    const out = join(await tempDir(), 'w3c')
    const exported = await runCli(['export', root, '--format', 'w3c', '--out', out])
    expect(exported.stderr).toBe('')
    expect(exported.code).toBe(0)
    expect(exported.stdout).toContain(
      'Wrote 3 claim(s) and 3 link(s) from annotations/alice.json as w3c',
    )
    const collection = JSON.parse(await readFile(join(out, 'annotations.jsonld'), 'utf8'))
    const wire = collection.first.items.find(
      (item: { target: { source?: string } }) => item.target.source === 'news/wire.txt',
    )
    expect(wire.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 32, end: 57 })

    const imported = await runCli([
      'import',
      root,
      join(out, 'annotations.jsonld'),
      '--format',
      'w3c',
      '--as',
      'bob',
    ])
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toBe('Imported 3 claim(s) and 3 link(s) into annotations/bob.json\n')
    const alice = await annotatorFile(root, 'alice')
    const bob = await annotatorFile(root, 'bob')
    expect(sortedBy(bob.claims.map(essence))).toEqual(sortedBy(alice.claims.map(essence)))
    expect(bob.claims.every((claim) => claim.annotator === 'bob')).toBe(true)
    expect(sortedBy(bob.links.map((link) => linkEssence(link, bob.claims)))).toEqual(
      sortedBy(alice.links.map((link) => linkEssence(link, alice.claims))),
    )
  })

  it('writes a brat folder that imports back; links brat cannot hold are named on stderr', async () => {
    const root = await annotatedProject()
    const out = join(await tempDir(), 'brat')
    const exported = await runCli(['export', root, '--format', 'brat', '--out', out])
    expect(exported.code).toBe(0)
    // The link across articles and the one to an outside source.
    expect(exported.stderr.match(/warning: not exported:/g)).toHaveLength(2)
    expect((await readdir(out)).sort()).toEqual([
      'annotation.conf',
      'daily.ann',
      'daily.txt',
      'news',
      'visual.conf',
    ])
    const ann = await readFile(join(out, 'news', 'wire.ann'), 'utf8')
    const txt = await readFile(join(out, 'news', 'wire.txt'), 'utf8')
    const [, spans] = ann.split('\n')[0]!.split('\t')
    const [, start, end] = spans!.split(' ').map(Number)
    expect(codePoints(txt, start!, end!)).toBe('13,000 containers arrived')

    const imported = await runCli(['import', root, out, '--format', 'brat', '--as', 'carol'])
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    const alice = await annotatorFile(root, 'alice')
    const carol = await annotatorFile(root, 'carol')
    expect(sortedBy(carol.claims.map(essence))).toEqual(sortedBy(alice.claims.map(essence)))
    expect(carol.links.map((link) => linkEssence(link, carol.claims))).toEqual([
      linkEssence(
        alice.links.find((link) => link.relation === 'contradicts')!,
        alice.claims,
      ),
    ])
  })

  it('writes JSONL and ClaimReview; csv stays the default', async () => {
    const root = await annotatedProject()
    const out = await tempDir()
    expect((await runCli(['export', root, '--format', 'jsonl', '--out', out])).code).toBe(0)
    const claims = (await readFile(join(out, 'claims.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    const documents = (await readFile(join(out, 'documents.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(claims).toHaveLength(3)
    for (const claim of claims) {
      const text = documents.find(
        (document: { id: string }) => document.id === claim.document_id,
      ).text
      expect(codePoints(text, claim.start, claim.end)).toBe(claim.quote)
    }
    expect((await readFile(join(out, 'links.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(3)
    const back = await runCli(['import', root, out, '--format', 'jsonl', '--as', 'erin'])
    expect(back.stderr).toBe('')
    expect(back.stdout).toBe('Imported 3 claim(s) and 3 link(s) into annotations/erin.json\n')
    const alice = await annotatorFile(root, 'alice')
    const erin = await annotatorFile(root, 'erin')
    expect(sortedBy(erin.claims.map(essence))).toEqual(sortedBy(alice.claims.map(essence)))
    expect(sortedBy(erin.links.map((link) => linkEssence(link, erin.claims)))).toEqual(
      sortedBy(alice.links.map((link) => linkEssence(link, alice.claims))),
    )

    expect((await runCli(['export', root, '--format', 'claimreview', '--out', out])).code).toBe(0)
    const reviews = JSON.parse(await readFile(join(out, 'claimreview.jsonld'), 'utf8'))['@graph']
    const containers = reviews.find(
      (review: { claimReviewed: string }) => review.claimReviewed === '13,000 containers arrived',
    )
    expect(
      containers.itemReviewed.appearance.map(
        (work: { publisher: { name: string } }) => work.publisher.name,
      ),
    ).toEqual(['The Wire', 'The Daily'])
    expect(containers.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Mostly true' })

    const csvOut = await tempDir()
    const csv = await runCli(['export', root, '--out', csvOut])
    expect(csv.stderr).toBe('')
    expect(csv.code).toBe(0)
    await access(join(csvOut, 'claims.csv'))
    const bad = await runCli(['export', root, '--format', 'xml', '--out', csvOut])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--format must be csv, w3c, brat, jsonl, claimreview.')
  })
})

describe('corroborate import', () => {
  it("imports brat's example data into a project of its texts, naming each left-out line", async () => {
    const root = await tempDir()
    for (const name of await readdir(bratNews)) {
      if (name.endsWith('.txt')) await cp(join(bratNews, name), join(root, 'news', name))
    }
    const result = await runCli([
      'import',
      root,
      bratNews,
      '--format',
      'brat',
      '--as',
      'brat tutorial',
    ])
    expect(result.code).toBe(0)
    const file = await annotatorFile(root, 'brat tutorial')
    const tLines = (
      await Promise.all(
        (await readdir(bratNews))
          .filter((name) => name.endsWith('.ann'))
          .map((name) => readFile(join(bratNews, name), 'utf8')),
      )
    ).flatMap((text) => text.split('\n').filter((line) => line.startsWith('T')))
    expect(file.claims).toHaveLength(tLines.length)
    expect(result.stdout).toMatch(
      new RegExp(
        `^Imported ${tLines.length} claim\\(s\\) and \\d+ link\\(s\\) into annotations/brat tutorial\\.json; added label\\(s\\) .*person.*`,
      ),
    )
    expect(result.stderr).toMatch(
      /warning: not imported: 080-event-annotation\.ann line \d+: E1 is an event/,
    )
    const settings = JSON.parse(await readFile(join(root, 'corroborate.json'), 'utf8'))
    expect(settings.labels.map((label: { name: string }) => label.name)).toEqual(
      expect.arrayContaining(['Person', 'Organization']),
    )
  })

  it('writes nothing for a malformed file, naming the file and line; nor over an existing annotator', async () => {
    const root = await annotatedProject()
    const source = await tempDir()
    await writeFiles(source, {
      'a.txt': 'Crowds 🎉 cheered.',
      'a.ann': 'T1\tclaim 0 6\tCrowds\n',
      'b.txt': 'Another text.',
      'b.ann': 'T1\tclaim 0 7\tAnother\nR1 broken line\n',
    })
    const before = await readFile(join(root, 'corroborate.json'), 'utf8')
    const result = await runCli(['import', root, source, '--format', 'brat', '--as', 'dave'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'b.ann, line 2: "R1 broken line" is not a brat standoff line. Nothing was imported.',
    )
    await expect(access(join(root, 'annotations', 'dave.json'))).rejects.toThrow()
    expect(await readFile(join(root, 'corroborate.json'), 'utf8')).toBe(before)

    const json = join(source, 'export.json')
    await writeFile(json, '[{"data": {"text": "x"}, "annotations": [{"result": [')
    const broken = await runCli(['import', root, json, '--format', 'labelstudio', '--as', 'dave'])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain('export.json, line 1 (the end): not valid JSON')

    const existing = await runCli(['import', root, source, '--format', 'brat', '--as', 'alice'])
    expect(existing.code).toBe(1)
    expect(existing.stderr).toContain('annotations/alice.json exists already')
    const usage = await runCli(['import', root, source, '--format', 'csv', '--as', 'x'])
    expect(usage.code).toBe(2)
  })
})
