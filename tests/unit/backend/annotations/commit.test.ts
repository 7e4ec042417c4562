/**
 * The one commit, through the Workbench on real files in temp folders: one change event per
 * command, undo and redo as committed inverses, the direction of an accepted suggestion decided
 * by the backend, linked targets marked in suggestions, orphans left out of clusters and the
 * matrix, and relation keys refused when the app's own commands use them.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { changeSet, invert, isEmpty } from '../../../../src/backend/annotations/change-set'
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES } from '../../../../src/core/model'
import type { ChangeSummary, WorkbenchEvent } from '../../../../src/shared/api'
import {
  COMMANDS,
  MENUS,
  reservedRelationKeys,
  type CommandSpec,
} from '../../../../src/shared/commands'
import { storedClaim } from '../../../support/claims'
import { ARTICLE, keyOf, openProject, rangeOf } from './project-setup'

const OTHER =
  'Seoul briefing\n\n' +
  'About 13,000 containers of munitions went to Russia, the Seoul briefing said.\n\n' +
  'The Kremlin called the report baseless.'

const changes = (events: WorkbenchEvent[]): ChangeSummary[] =>
  events.flatMap((event) => (event.type === 'changed' ? [event.change] : []))

async function twoDocuments() {
  const setup = await openProject({ 'story.txt': ARTICLE, 'other.txt': OTHER })
  const { workbench } = setup
  const story = await keyOf(workbench, 'story.txt')
  const other = await keyOf(workbench, 'other.txt')
  const figure = await workbench.createClaim({
    documentKey: story,
    ...rangeOf(ARTICLE, 'more than 13,000 containers of munitions'),
    label: 'figure',
  })
  const seoul = await workbench.createClaim({
    documentKey: other,
    ...rangeOf(OTHER, 'About 13,000 containers of munitions'),
    label: 'figure',
  })
  return { ...setup, story, other, figure, seoul }
}

describe('change sets', () => {
  it('inverts twice to the same set, and knows an empty one', () => {
    const place = { text: ARTICLE, documentId: 'd', path: 'story.txt', start: 0, end: 5 }
    const a = storedClaim(place, 'alice')
    const b = { ...a, label: 'figure', updated: a.updated + '1' }
    const set = changeSet('Edit claim', {
      claims: [
        { id: a.id, before: a, after: b },
        { id: 'x', before: null, after: a },
      ],
      labels: { before: [], after: [] },
    })
    const inverse = invert(set)
    expect(inverse.claims[0]).toEqual({ id: 'x', before: a, after: null })
    expect(inverse.claims[1]).toEqual({ id: a.id, before: b, after: a })
    expect(invert(inverse)).toEqual(set)
    expect(isEmpty(changeSet('Nothing', {}))).toBe(true)
    expect(isEmpty(set)).toBe(false)
  })
})

describe('commit', () => {
  it('announces each command, undo and redo in exactly one change event', async () => {
    const { workbench, events, figure, seoul } = await twoDocuments()
    events.length = 0
    const link = await workbench.createLink({
      from: figure.id,
      to: { kind: 'claim', claimId: seoul.id },
      relation: 'same',
    })
    expect(changes(events)).toEqual([
      expect.objectContaining({
        cause: 'command',
        description: 'Create link',
        claimPaths: [],
        linkPaths: ['other.txt', 'story.txt'],
        links: true,
      }),
    ])

    // Editing a linked claim changes what the link listings show of it.
    events.length = 0
    await workbench.updateClaim(figure.id, { label: 'claim' })
    expect(changes(events)).toEqual([
      expect.objectContaining({
        claimPaths: ['story.txt'],
        linkPaths: ['other.txt', 'story.txt'],
        links: true,
      }),
    ])

    events.length = 0
    expect(await workbench.undo()).toMatchObject({ applied: 'Edit claim' })
    expect(await workbench.undo()).toMatchObject({
      applied: 'Create link',
      paths: ['other.txt', 'story.txt'],
    })
    expect(changes(events).map((change) => [change.cause, change.description])).toEqual([
      ['undo', 'Edit claim'],
      ['undo', 'Create link'],
    ])
    expect((await workbench.listLinks()).links).toEqual([])

    events.length = 0
    await workbench.redo()
    expect(changes(events)).toEqual([
      expect.objectContaining({ cause: 'redo', description: 'Create link', links: true }),
    ])
    const [redone] = (await workbench.listLinks()).links
    expect(redone!.link.id).toBe(link.id)
    // Put back now, so it wins over older copies when files are merged.
    expect(redone!.link.updated > link.updated).toBe(true)
  })

  it('announces a label change with the new settings, and undoes it', async () => {
    const { workbench, events } = await openProject()
    const settings = await workbench.getProjectSettings()
    events.length = 0
    const renamed = settings.labels.map((label) =>
      label.id === 'claim' ? { ...label, name: 'Assertion' } : label,
    )
    await workbench.updateLabels(renamed)
    const [change] = changes(events)
    expect(change).toMatchObject({ description: 'Change labels', claimPaths: [], links: false })
    expect(change!.settings!.labels.find((label) => label.id === 'claim')!.name).toBe('Assertion')
    await workbench.undo()
    expect(changes(events)[1]!.settings!.labels).toEqual(settings.labels)
  })
})

describe('accepting a suggestion', () => {
  it('links from the target when the suggestion says the target is the older of an update', async () => {
    const { workbench, figure, seoul } = await twoDocuments()
    const update = await workbench.acceptSuggestion({
      source: { claimId: figure.id },
      target: { claimId: seoul.id },
      relation: 'updates',
      suggested: { relation: 'updates', linkFrom: 'target' },
    })
    expect(update.link).toMatchObject({ from: seoul.id, to: { claimId: figure.id } })
  })

  it("links from the source when the analyst chose another relation than the suggestion's", async () => {
    const { workbench, figure, seoul } = await twoDocuments()
    const same = await workbench.acceptSuggestion({
      source: { claimId: figure.id },
      target: { claimId: seoul.id },
      relation: 'supports',
      suggested: { relation: 'updates', linkFrom: 'target' },
    })
    expect(same.link).toMatchObject({ from: figure.id, to: { claimId: seoul.id } })
  })
})

describe('suggestions', () => {
  it('marks a target already linked to the claim with the relation of that link', async () => {
    const { workbench, figure, seoul } = await twoDocuments()
    const before = await workbench.getSuggestions({ claimId: figure.id }, 5)
    const seoulBefore = before.suggestions.find((s) => s.target.claimId === seoul.id)
    expect(seoulBefore?.linked).toBeNull()
    await workbench.createLink({
      from: seoul.id,
      to: { kind: 'claim', claimId: figure.id },
      relation: 'supports',
    })
    const after = await workbench.getSuggestions({ claimId: figure.id }, 5)
    expect(after.suggestions.find((s) => s.target.claimId === seoul.id)?.linked).toBe('supports')
    expect(
      after.suggestions.filter((s) => s.target.claimId !== seoul.id).map((s) => s.linked),
    ).toEqual(after.suggestions.filter((s) => s.target.claimId !== seoul.id).map(() => null))
  })

  it('asks as the claim when the range asked about is exactly a claim', async () => {
    const { workbench, story, figure } = await twoDocuments()
    const { start, end } = figure.target.position
    const listing = await workbench.getSuggestions({ documentKey: story, start, end }, 5)
    expect(listing.source.claimId).toBe(figure.id)
  })
})

describe('orphans', () => {
  it('count nowhere in clusters and the matrix until placed again', async () => {
    const { workbench, root, figure, seoul } = await twoDocuments()
    await workbench.createLink({
      from: figure.id,
      to: { kind: 'claim', claimId: seoul.id },
      relation: 'same',
    })
    const members = async () =>
      (await workbench.getClusters()).flatMap((cluster) => cluster.memberClaimIds)
    const matrixClaims = async () =>
      (await workbench.getMatrix()).rows.flatMap((row) =>
        row.cellClaims.filter((id): id is string => id !== null),
      )
    expect(await members()).toEqual(expect.arrayContaining([figure.id, seoul.id]))
    expect(await matrixClaims()).toContain(figure.id)

    // The article is corrected: the figure's passage is gone from it.
    await writeFile(
      join(root, 'story.txt'),
      'Shipments continue\n\nOfficials gave no figure for the shipments.\n\nMoscow denied the allegations on Tuesday.',
    )
    await workbench.refresh()
    const listing = await workbench.listClaims(await keyOf(workbench, 'story.txt'))
    expect(listing.orphans.map((orphan) => orphan.claim.id)).toEqual([figure.id])
    expect(await members()).not.toContain(figure.id)
    expect(await members()).toContain(seoul.id)
    expect(await matrixClaims()).not.toContain(figure.id)
  })
})

describe('relation keys', () => {
  it("are refused when one of the app's own commands or menus takes them", async () => {
    const { workbench } = await openProject()
    const reserved = reservedRelationKeys()
    for (const command of COMMANDS as readonly CommandSpec[]) {
      for (const key of command.keys) {
        if (!/^[A-Z]$/.test(key)) continue
        // The review queue's N and P act where relation keys never do: P stays a relation key.
        if (command.reviewOnly) expect(reserved, command.id).not.toContain(key.toLowerCase())
        else expect(reserved, command.id).toContain(key.toLowerCase())
      }
    }
    for (const menu of MENUS) expect(reserved).toContain(menu.mnemonic)
    const withKey = (key: string) =>
      DEFAULT_RELATION_TYPES.map((relation) =>
        relation.id === 'same' ? { ...relation, key } : relation,
      )
    await expect(workbench.updateRelationTypes(withKey('l'))).rejects.toMatchObject({
      code: 'invalid-relations',
      message: expect.stringContaining('L (Same claim)'),
    })
    await expect(workbench.updateRelationTypes(withKey('v'))).rejects.toMatchObject({
      code: 'invalid-relations',
    })
    const accepted = await workbench.updateRelationTypes(withKey('m'))
    expect(accepted.relations.find((relation) => relation.id === 'same')!.key).toBe('m')
  })

  it('still lets a project whose file has a reserved key edit its other relation types', async () => {
    const relations = DEFAULT_RELATION_TYPES.map((relation) =>
      relation.id === 'same' ? { ...relation, key: 'r' } : relation,
    )
    const { workbench } = await openProject({
      'story.txt': ARTICLE,
      'corroborate.json': JSON.stringify({
        format: 'corroborate/project',
        version: 1,
        labels: DEFAULT_LABELS,
        relations,
      }),
    })
    const renamed = relations.map((relation) =>
      relation.id === 'supports' ? { ...relation, name: 'Backs up' } : relation,
    )
    const saved = await workbench.updateRelationTypes(renamed)
    expect(saved.relations.find((relation) => relation.id === 'same')!.key).toBe('r')
    const taking = renamed.map((relation) =>
      relation.id === 'supports' ? { ...relation, key: 'a' } : relation,
    )
    await expect(workbench.updateRelationTypes(taking)).rejects.toMatchObject({
      code: 'invalid-relations',
      message: expect.stringContaining('A (Backs up)'),
    })
  })
})
