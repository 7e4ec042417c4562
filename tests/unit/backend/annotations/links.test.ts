/**
 * Links through the Workbench, on real files in temp folders: create, edit, delete, undo and
 * redo; a claim deleted with its links in one step; links merged from disk by id; version 1
 * files migrated in memory and written as version 2 only on a change; version 3 refused and
 * left byte for byte; clusters, cluster wording and the matrix.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src/backend'
import { listedClaim } from '../../../../src/backend/annotations/placement'
import type { NewLink, OutsideSource } from '../../../../src/shared/api'
import { ARTICLE, keyOf, openProject, rangeOf, readAnnotations } from './project-setup'

const OTHER =
  'Seoul briefing\n\n' +
  'About 13,000 containers of munitions went to Russia, the Seoul briefing said.\n\n' +
  'The Kremlin called the report baseless.'

const FILES = { 'story.txt': ARTICLE, 'other.txt': OTHER }

const SOURCE: OutsideSource = {
  url: 'https://example.org/report',
  title: 'Annual report',
  publisher: 'Agency',
  date: '2026-08',
  quote: '',
}

/** A project with two claims in story.txt and two in other.txt. */
async function linkedProject() {
  const setup = await openProject(FILES)
  const { workbench } = setup
  const story = await keyOf(workbench, 'story.txt')
  const other = await keyOf(workbench, 'other.txt')
  const claim = (key: string, text: string, passage: string, label = 'figure') =>
    workbench.createClaim({ documentKey: key, ...rangeOf(text, passage), label })
  const figure = await claim(story, ARTICLE, 'more than 13,000 containers of munitions')
  const denial = await claim(story, ARTICLE, 'Moscow denied the allegations', 'denial')
  const seoul = await claim(other, OTHER, 'About 13,000 containers of munitions')
  const kremlin = await claim(other, OTHER, 'The Kremlin called the report baseless', 'denial')
  return { ...setup, story, other, figure, denial, seoul, kremlin }
}

async function fileText(root: string, annotator = 'alice'): Promise<string> {
  return readFile(join(root, 'annotations', `${annotator}.json`), 'utf8')
}

describe('links', () => {
  it('creates, edits and deletes links, with undo and redo, all on disk', async () => {
    const { workbench, root, figure, seoul, denial, events } = await linkedProject()
    const same = await workbench.createLink({
      from: figure.id,
      to: { kind: 'claim', claimId: seoul.id },
      relation: 'same',
    })
    expect(same).toMatchObject({
      from: figure.id,
      to: { kind: 'claim', claimId: seoul.id },
      relation: 'same',
      note: '',
      confidence: null,
      annotator: 'alice',
    })
    expect(same.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    const cites = await workbench.createLink({
      from: denial.id,
      to: { kind: 'outside', ...SOURCE, title: '  Annual report ' },
      relation: 'cites',
      confidence: 'low',
    })
    expect(cites.to).toEqual({ kind: 'outside', ...SOURCE })
    const edited = await workbench.updateLink(same.id, { note: 'same figure', confidence: 'high' })
    expect(edited.updated > same.updated).toBe(true)
    await workbench.flush()
    let file = await readAnnotations(root)
    expect(file.version).toBe(2)
    expect(file.links).toEqual([edited, cites])
    expect(events.some((event) => event.type === 'changed' && event.change.links)).toBe(true)

    await workbench.deleteLink(cites.id)
    await workbench.flush()
    file = await readAnnotations(root)
    expect(file.links.map((link) => link.id)).toEqual([same.id])
    expect(file.deletedLinks.map((tombstone) => tombstone.id)).toEqual([cites.id])

    expect(await workbench.undo()).toMatchObject({ applied: 'Delete link' })
    expect(await workbench.undo()).toMatchObject({ applied: 'Edit link' })
    await workbench.flush()
    file = await readAnnotations(root)
    expect(file.links.map((link) => [link.id, link.note])).toEqual([
      [same.id, ''],
      [cites.id, ''],
    ])
    expect(file.deletedLinks).toEqual([])
    expect(await workbench.redo()).toMatchObject({ applied: 'Edit link' })
    const listing = await workbench.listLinks()
    expect(listing.links.find((view) => view.link.id === same.id)?.link.note).toBe('same figure')
  })

  it('resolves both ends and lists backlinks per document', async () => {
    const { workbench, story, other, figure, seoul, denial } = await linkedProject()
    const link = await workbench.createLink({
      from: figure.id,
      to: { kind: 'claim', claimId: seoul.id },
      relation: 'supports',
    })
    await workbench.createLink({
      from: denial.id,
      to: { kind: 'outside', ...SOURCE },
      relation: 'cites',
    })
    const fromStory = await workbench.listLinks(story)
    expect(fromStory.links).toHaveLength(2)
    expect(fromStory.backlinks).toEqual([])
    const resolved = fromStory.links.find((view) => view.link.id === link.id)!
    expect(resolved.from).toMatchObject({
      documentKey: story,
      path: 'story.txt',
      quote: 'more than 13,000 containers of munitions',
    })
    expect(resolved.to).toMatchObject({
      kind: 'claim',
      documentKey: other,
      path: 'other.txt',
      quote: 'About 13,000 containers of munitions',
    })
    expect(resolved.relation).toMatchObject({ id: 'supports', directed: true })
    const fromOther = await workbench.listLinks(other)
    expect(fromOther.links).toEqual([])
    expect(fromOther.backlinks.map((view) => view.link.id)).toEqual([link.id])
  })

  it('refuses links that break the rules, with a code for each', async () => {
    const { workbench, figure, seoul } = await linkedProject()
    const attempt = (input: NewLink) => workbench.createLink(input).catch((error: unknown) => error)
    const to = { kind: 'claim' as const, claimId: seoul.id }
    await workbench.createLink({ from: figure.id, to, relation: 'same' })
    expect(await attempt({ from: figure.id, to, relation: 'same' })).toMatchObject({
      code: 'duplicate-link',
    })
    // 'same' has no direction: the reverse is the same link.
    expect(
      await attempt({
        from: seoul.id,
        to: { kind: 'claim', claimId: figure.id },
        relation: 'same',
      }),
    ).toMatchObject({ code: 'duplicate-link' })
    // 'supports' has one: both directions may exist.
    await workbench.createLink({ from: figure.id, to, relation: 'supports' })
    await workbench.createLink({
      from: seoul.id,
      to: { kind: 'claim', claimId: figure.id },
      relation: 'supports',
    })
    expect(
      await attempt({
        from: figure.id,
        to: { kind: 'claim', claimId: figure.id },
        relation: 'cites',
      }),
    ).toMatchObject({ code: 'invalid-link' })
    expect(await attempt({ from: figure.id, to, relation: 'rebuts' })).toMatchObject({
      code: 'unknown-relation',
    })
    const missing = '0190a000-0000-7000-8000-000000000000'
    expect(
      await attempt({ from: figure.id, to: { kind: 'claim', claimId: missing }, relation: 'same' }),
    ).toMatchObject({ code: 'unknown-claim' })
    expect(
      await attempt({
        from: figure.id,
        to: { kind: 'outside', ...SOURCE, title: ' ', url: '' },
        relation: 'cites',
      }),
    ).toMatchObject({ code: 'invalid-link' })
    expect(
      await workbench.updateLink(missing, { note: 'x' }).catch((e: unknown) => e),
    ).toMatchObject({ code: 'unknown-link' })
  })

  it('validates the link methods’ arguments at the door', async () => {
    const { workbench, figure, seoul, story } = await linkedProject()
    const to = { kind: 'claim', claimId: seoul.id }
    const invalid: [string, unknown[]][] = [
      ['createLink', [{ from: figure.id, to, relation: 'same', confidence: 0.9 }]],
      ['createLink', [{ from: figure.id, to, relation: 'same', extra: 1 }]],
      [
        'createLink',
        [
          {
            from: figure.id,
            to: { ...SOURCE, kind: 'outside', url: 'javascript:alert(1)' },
            relation: 'cites',
          },
        ],
      ],
      [
        'createLink',
        [
          {
            from: figure.id,
            to: { ...SOURCE, kind: 'outside', date: 'last week' },
            relation: 'cites',
          },
        ],
      ],
      ['createLink', [{ from: figure.id, to: { kind: 'web' }, relation: 'cites' }]],
      ['updateLink', ['x', { from: figure.id }]],
      ['getMatrix', [{ order: 'random' }]],
      ['getSuggestions', [{ documentKey: story, start: 0 }]],
      ['getSuggestions', [{ claimId: figure.id }, 500]],
      [
        'acceptSuggestion',
        [
          {
            from: { claimId: figure.id },
            to: { documentKey: story, start: 0, end: 4 },
            relation: 'same',
          },
        ],
      ],
      ['setClusterWording', [figure.id, 'x'.repeat(3000)]],
      ['updateRelationTypes', [[{ id: 'x' }]]],
    ]
    for (const [method, args] of invalid) {
      const result = await dispatch(workbench, method, args)
      expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      })
    }
    const ok = await dispatch(workbench, 'createLink', [{ from: figure.id, to, relation: 'same' }])
    expect(ok).toMatchObject({ ok: true, value: { relation: 'same' } })
  })
})

describe('deleting a claim that has links', () => {
  it('removes its links in the same step, reports how many, and undo restores both', async () => {
    const { workbench, root, figure, seoul, kremlin, denial, events } = await linkedProject()
    const a = await workbench.createLink({
      from: figure.id,
      to: { kind: 'claim', claimId: seoul.id },
      relation: 'same',
    })
    const b = await workbench.createLink({
      from: kremlin.id,
      to: { kind: 'claim', claimId: figure.id },
      relation: 'contradicts',
    })
    const kept = await workbench.createLink({
      from: denial.id,
      to: { kind: 'claim', claimId: kremlin.id },
      relation: 'same',
    })
    expect(await workbench.deleteClaimImpact(figure.id)).toEqual({ links: 2 })
    events.length = 0
    expect(await workbench.deleteClaim(figure.id)).toEqual({ removedLinks: 2 })
    // One commit, one event: the claim and its links together.
    const changes = events.flatMap((event) => (event.type === 'changed' ? [event.change] : []))
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ cause: 'command', description: 'Delete claim', links: true })
    expect(changes[0]!.claimPaths.length).toBeGreaterThan(0)
    await workbench.flush()
    let file = await readAnnotations(root)
    expect(file.claims.map((claim) => claim.id)).not.toContain(figure.id)
    expect(file.links.map((link) => link.id)).toEqual([kept.id])
    expect(file.deletedLinks.map((tombstone) => tombstone.id).sort()).toEqual([a.id, b.id].sort())
    // No link anywhere points at a claim that is not in the file.
    const ids = new Set(file.claims.map((claim) => claim.id))
    for (const link of file.links) {
      expect(ids.has(link.from)).toBe(true)
      if (link.to.kind === 'claim') expect(ids.has(link.to.claimId)).toBe(true)
    }

    const undone = await workbench.undo()
    expect(undone).toMatchObject({ applied: 'Delete claim' })
    expect(undone.paths).toEqual(['other.txt', 'story.txt'])
    await workbench.flush()
    file = await readAnnotations(root)
    expect(file.claims.map((claim) => claim.id)).toContain(figure.id)
    expect(file.links.map((link) => link.id).sort()).toEqual([a.id, b.id, kept.id].sort())
    expect(file.deletedLinks).toEqual([])

    await workbench.redo()
    await workbench.flush()
    file = await readAnnotations(root)
    expect(file.links.map((link) => link.id)).toEqual([kept.id])
    expect(await workbench.deleteClaim(seoul.id)).toEqual({ removedLinks: 0 })
  })

  it('undoing the creation of a claim takes the links made on it since with it', async () => {
    const { workbench, root, figure, seoul, another } = await linkedProject()
    await workbench.flush()
    const other = await another()
    // A second window links the last-created claim; this window then undoes its creation.
    const kremlinFirst = (await workbench.listClaims(await keyOf(workbench, 'other.txt'))).claims
    const kremlin = kremlinFirst.at(-1)!.claim
    await other.createLink({
      from: seoul.id,
      to: { kind: 'claim', claimId: kremlin.id },
      relation: 'supports',
    })
    await other.flush()
    await workbench.listLinks() // merges the other window's link
    expect(await workbench.undo()).toMatchObject({ applied: 'Create claim' })
    await workbench.flush()
    const file = await readAnnotations(root)
    expect(file.claims.map((claim) => claim.id)).not.toContain(kremlin.id)
    expect(file.links).toEqual([])
    expect(file.claims.map((claim) => claim.id)).toContain(figure.id)
  })
})

describe('links merged from disk', () => {
  it('merges links by id from another window, and deletes links whose claim was deleted there', async () => {
    const { workbench, figure, seoul, denial, kremlin, events, another } = await linkedProject()
    await workbench.flush()
    const other = await another()
    const theirs = await other.createLink({
      from: denial.id,
      to: { kind: 'claim', claimId: kremlin.id },
      relation: 'same',
    })
    await other.flush()
    const ours = await workbench.createLink({
      from: figure.id,
      to: { kind: 'claim', claimId: seoul.id },
      relation: 'same',
    })
    events.length = 0
    const listing = await workbench.listLinks()
    expect(listing.links.map((view) => view.link.id).sort()).toEqual([theirs.id, ours.id].sort())
    expect(
      events.some(
        (event) => event.type === 'changed' && event.change.cause === 'disk' && event.change.links,
      ),
    ).toBe(true)

    // The other window deletes a claim our link uses, without knowing of our link.
    await workbench.flush()
    await other.deleteClaim(kremlin.id)
    await other.flush()
    const after = await workbench.listLinks()
    expect(after.links.map((view) => view.link.id)).toEqual([ours.id])
    await workbench.flush()
    await other.listLinks()
    expect((await other.listLinks()).links.map((view) => view.link.id)).toEqual([ours.id])
  })
})

describe('annotation file versions', () => {
  const V1 = (claims: unknown[]) =>
    JSON.stringify(
      { format: 'corroborate/annotations', version: 1, annotator: 'alice', claims, deleted: [] },
      null,
      2,
    ) + '\n'

  it('reads a version 1 file, leaves it as it is until a change, then writes version 2', async () => {
    // A v1 file written by the previous build, with one claim.
    const first = await openProject(FILES)
    const claim = await first.workbench.createClaim({
      documentKey: await keyOf(first.workbench, 'story.txt'),
      ...rangeOf(ARTICLE, 'Moscow denied'),
      label: 'denial',
    })
    const v1 = V1([claim])
    const { workbench, root } = await openProject({ ...FILES, 'annotations/alice.json': v1 })
    const story = await keyOf(workbench, 'story.txt')
    expect((await workbench.listClaims(story)).claims).toEqual([
      { claim: listedClaim(claim), ...claim.target.position, placement: 'exact' },
    ])
    expect(await workbench.listLinks()).toMatchObject({ links: [] })
    expect(await workbench.getClusters()).toHaveLength(1)
    await workbench.flush()
    expect(await fileText(root)).toBe(v1)

    const second = await workbench.createClaim({
      documentKey: story,
      ...rangeOf(ARTICLE, '13,000 containers'),
      label: 'figure',
    })
    await workbench.createLink({
      from: second.id,
      to: { kind: 'claim', claimId: claim.id },
      relation: 'contradicts',
    })
    await workbench.flush()
    const written = JSON.parse(await fileText(root))
    expect(written).toMatchObject({ version: 2, deletedLinks: [], clusters: [] })
    expect(written.claims).toEqual([claim, second])
    expect(written.links).toHaveLength(1)
  })

  it('refuses a version 3 file and never rewrites it', async () => {
    const v3 = JSON.stringify({
      format: 'corroborate/annotations',
      version: 3,
      annotator: 'alice',
      claims: [],
      deleted: [],
      links: [],
      deletedLinks: [],
      clusters: [],
      evidence: [{ id: 'new in v3' }],
    })
    const { workbench, root } = await openProject({ ...FILES, 'annotations/alice.json': v3 })
    const status = await workbench.getAnnotationStatus()
    expect(status.save).toMatchObject({ status: 'read-only', file: 'annotations/alice.json' })
    expect(status.save.message).toMatch(
      /newer Corroborate \(format version 3; this one reads up to 2\)/,
    )
    const key = await keyOf(workbench, 'story.txt')
    await expect(
      workbench.createClaim({ documentKey: key, start: 0, end: 5, label: 'claim' }),
    ).rejects.toMatchObject({ code: 'read-only' })
    await expect(
      workbench.acceptSuggestion({
        source: { documentKey: key, start: 0, end: 5, label: 'claim' },
        target: {
          documentKey: await keyOf(workbench, 'other.txt'),
          start: 0,
          end: 5,
          label: 'claim',
        },
        relation: 'same',
      }),
    ).rejects.toMatchObject({ code: 'read-only' })
    await workbench.refresh()
    await workbench.close()
    expect(await fileText(root)).toBe(v3)
  })
})

describe('clusters and the matrix', () => {
  it('groups same claims, keeps a chosen wording (undoable), and lays out the matrix', async () => {
    const { workbench, root, figure, seoul, kremlin } = await linkedProject()
    await workbench.createLink({
      from: seoul.id,
      to: { kind: 'claim', claimId: figure.id },
      relation: 'same',
    })
    await workbench.createLink({
      from: kremlin.id,
      to: { kind: 'claim', claimId: figure.id },
      relation: 'contradicts',
    })
    const clusters = await workbench.getClusters()
    const shipments = clusters.find((cluster) => cluster.memberClaimIds.includes(figure.id))!
    expect(shipments.memberClaimIds.sort()).toEqual([figure.id, seoul.id].sort())
    expect(shipments.documentPaths.sort()).toEqual(['other.txt', 'story.txt'])
    expect(shipments.customWording).toBe(false)
    expect(clusters.filter((cluster) => cluster.memberClaimIds.length === 1)).toHaveLength(2)

    const worded = await workbench.setClusterWording(shipments.id, '  13,000 containers sent  ')
    expect(worded).toMatchObject({
      canonicalWording: '13,000 containers sent',
      customWording: true,
    })
    await workbench.flush()
    expect((await readAnnotations(root)).clusters).toMatchObject([
      { id: shipments.id, canonicalWording: '13,000 containers sent' },
    ])
    await expect(
      workbench.setClusterWording('0190a000-0000-7000-8000-000000000000', 'x'),
    ).rejects.toMatchObject({
      code: 'unknown-cluster',
    })

    const matrix = await workbench.getMatrix({ order: 'contradictions-first' })
    expect(matrix.columns.map((column) => column.path).sort()).toEqual(['other.txt', 'story.txt'])
    const row = matrix.rows[0]!
    expect(row).toMatchObject({
      clusterId: shipments.id,
      canonicalWording: '13,000 containers sent',
    })
    const otherColumn = matrix.columns.findIndex((column) => column.path === 'other.txt')
    // other.txt both carries the claim and contradicts it: the contradiction shows.
    expect(row.cells[otherColumn]).toBe('contradicts')

    expect(await workbench.undo()).toMatchObject({ applied: 'Change cluster wording' })
    const back = (await workbench.getClusters()).find((cluster) => cluster.id === shipments.id)!
    expect(back).toMatchObject({
      customWording: false,
      // No dates in these articles: the earliest mention is in the first document listed.
      canonicalWording: seoul.target.quote.exact,
    })
  })

  it('keeps a wording when the cluster id changes (its oldest claim deleted)', async () => {
    const { workbench, figure, seoul, kremlin } = await linkedProject()
    await workbench.createLink({
      from: figure.id,
      to: { kind: 'claim', claimId: seoul.id },
      relation: 'same',
    })
    await workbench.createLink({
      from: seoul.id,
      to: { kind: 'claim', claimId: kremlin.id },
      relation: 'same',
    })
    await workbench.setClusterWording(figure.id, 'Shipments')
    await workbench.deleteClaim(figure.id)
    const cluster = (await workbench.getClusters()).find((c) =>
      c.memberClaimIds.includes(seoul.id),
    )!
    expect(cluster.id).toBe(seoul.id)
    expect(cluster).toMatchObject({ canonicalWording: 'Shipments', customWording: true })
  })
})

describe('relation types', () => {
  it('start with the defaults, are validated, and cannot drop a type in use', async () => {
    const { workbench, root, figure, seoul } = await linkedProject()
    const settings = await workbench.getProjectSettings()
    expect(settings.relations.map((relation) => [relation.id, relation.directed])).toEqual([
      ['same', false],
      ['supports', true],
      ['contradicts', true],
      ['cites', true],
      ['updates', true],
    ])
    await workbench.createLink({
      from: figure.id,
      to: { kind: 'claim', claimId: seoul.id },
      relation: 'updates',
    })
    const onDisk = JSON.parse(await readFile(join(root, 'corroborate.json'), 'utf8'))
    expect(onDisk.relations).toHaveLength(5)
    await expect(
      workbench.updateRelationTypes(settings.relations.filter((r) => r.id !== 'updates')),
    ).rejects.toMatchObject({ code: 'relation-in-use' })
    await expect(
      workbench.updateRelationTypes([
        ...settings.relations,
        { ...settings.relations[0]!, id: 'echo' },
      ]),
    ).rejects.toMatchObject({ code: 'invalid-relations' })
    // J would shadow "next claim" while the link bar is up: the app keeps its own keys.
    await expect(
      workbench.updateRelationTypes(
        settings.relations.map((r) => (r.id === 'supports' ? { ...r, key: 'j' } : r)),
      ),
    ).rejects.toMatchObject({ code: 'invalid-relations', message: /J \(Supports\)/ })
    const renamed = settings.relations.map((relation) =>
      relation.id === 'same' ? { ...relation, name: 'Same' } : relation,
    )
    expect((await workbench.updateRelationTypes(renamed)).relations[0]!.name).toBe('Same')
    expect(await workbench.undo()).toMatchObject({ applied: 'Change relation types' })
    expect((await workbench.getProjectSettings()).relations[0]!.name).toBe('Same claim')
  })

  it('writes relation types into a corroborate.json from before links, keeping its labels', async () => {
    const labels = [{ id: 'fact', name: 'Fact', color: '#123456', key: '1', description: '' }]
    const { workbench, root } = await openProject({
      ...FILES,
      'corroborate.json': JSON.stringify({ format: 'corroborate/project', version: 1, labels }),
    })
    const story = await keyOf(workbench, 'story.txt')
    const other = await keyOf(workbench, 'other.txt')
    const a = await workbench.createClaim({ documentKey: story, start: 0, end: 9, label: 'fact' })
    const b = await workbench.createClaim({ documentKey: other, start: 0, end: 5, label: 'fact' })
    await workbench.createLink({
      from: a.id,
      to: { kind: 'claim', claimId: b.id },
      relation: 'same',
    })
    const onDisk = JSON.parse(await readFile(join(root, 'corroborate.json'), 'utf8'))
    expect(onDisk.labels).toEqual(labels)
    expect(onDisk.relations.map((relation: { id: string }) => relation.id)).toContain('same')
  })
})
