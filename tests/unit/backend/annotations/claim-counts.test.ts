/**
 * getClaimCounts: the sidebar's badges (claims per document) and legend (claims per label),
 * through every change that moves them: create, relabel, delete, undo, and the dispatch door.
 */
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src/backend'
import { ARTICLE, keyOf, openProject, rangeOf } from './project-setup'

const OTHER = 'Second story\n\nPyongyang called the report a fabrication.'

describe('claim counts', () => {
  it('counts claims per document key and per label, following every change', async () => {
    const { workbench } = await openProject({ 'story.txt': ARTICLE, 'other.txt': OTHER })
    const story = await keyOf(workbench, 'story.txt')
    const other = await keyOf(workbench, 'other.txt')
    expect(await workbench.getClaimCounts()).toEqual({ byDocument: {}, byLabel: {} })

    const figure = await workbench.createClaim({
      documentKey: story,
      ...rangeOf(ARTICLE, '13,000 containers'),
      label: 'figure',
    })
    await workbench.createClaim({
      documentKey: story,
      ...rangeOf(ARTICLE, 'Moscow denied the allegations'),
      label: 'denial',
    })
    await workbench.createClaim({
      documentKey: other,
      ...rangeOf(OTHER, 'a fabrication'),
      label: 'denial',
    })
    expect(await workbench.getClaimCounts()).toEqual({
      byDocument: { [story]: 2, [other]: 1 },
      byLabel: { figure: 1, denial: 2 },
    })

    await workbench.updateClaim(figure.id, { label: 'claim' })
    expect((await workbench.getClaimCounts()).byLabel).toEqual({ claim: 1, denial: 2 })

    await workbench.deleteClaim(figure.id)
    expect(await workbench.getClaimCounts()).toEqual({
      byDocument: { [story]: 1, [other]: 1 },
      byLabel: { denial: 2 },
    })

    await workbench.undo()
    expect((await workbench.getClaimCounts()).byDocument).toEqual({ [story]: 2, [other]: 1 })
  })

  it('is empty before an annotator is named, and open to the untrusted door without arguments', async () => {
    const { workbench } = await openProject({ 'story.txt': ARTICLE }, { annotator: null })
    expect(await workbench.getClaimCounts()).toEqual({ byDocument: {}, byLabel: {} })
    expect(await dispatch(workbench, 'getClaimCounts', [])).toEqual({
      ok: true,
      value: { byDocument: {}, byLabel: {} },
    })
    const refused = await dispatch(workbench, 'getClaimCounts', ['extra'])
    expect(refused.ok).toBe(false)
  })
})
