/**
 * locateClaims: claims of any annotator file (here a colleague's, made before the article
 * changed) placed in the project's current texts, in the order given; a claim whose passage is
 * gone, or whose document is not in the project, says so.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Claim } from '../../../../src/core/model'
import { ARTICLE, keyOf, openProject, rangeOf, readAnnotations } from './project-setup'

describe('locateClaims', () => {
  it('places claims in the current text by their quote, and names those it cannot', async () => {
    const { root, workbench } = await openProject({ 'story.txt': ARTICLE })
    const key = await keyOf(workbench, 'story.txt')
    const figure = await workbench.createClaim({
      documentKey: key,
      ...rangeOf(ARTICLE, '13,000 containers'),
      label: 'figure',
    })
    const denial = await workbench.createClaim({
      documentKey: key,
      ...rangeOf(ARTICLE, 'Moscow denied the allegations'),
      label: 'denial',
    })
    await workbench.close()
    const claims = (await readAnnotations(root)).claims
    const byId = (id: string) => claims.find((claim) => claim.id === id)!

    // The article changes: a paragraph before the figure, and the denial gone.
    const changed = ARTICLE.replace(
      'Shipments continue\n\n',
      'Shipments continue\n\nUpdated.\n\n',
    ).replace('Moscow denied the allegations on Tuesday.', 'Officials declined to comment.')
    await writeFile(join(root, 'story.txt'), changed)
    const elsewhere: Claim = {
      ...byId(figure.id),
      document: { id: 'f'.repeat(64), path: 'gone.txt' },
    }

    const again = await openProject({}, { annotator: 'bob' })
    await again.workbench.openProject(root)
    const located = await again.workbench.locateClaims([
      byId(denial.id),
      byId(figure.id),
      elsewhere,
    ])
    const storyKey = await keyOf(again.workbench, 'story.txt')
    const text = (await again.workbench.openDocument(storyKey)).text
    expect(located).toEqual([
      { status: 'not-placed', documentKey: storyKey, path: 'story.txt' },
      {
        status: 'placed',
        documentKey: storyKey,
        path: 'story.txt',
        ...rangeOf(text, '13,000 containers'),
        quote: '13,000 containers',
      },
      { status: 'not-in-project' },
    ])
  })
})
