/**
 * What a team's exchange of files leaves the analyst to see, end to end in Chromium through
 * browser mode: the conflict list a git merge wrote into their file (a notice in the sidebar, a
 * panel to keep the current value or take the other, undoable), and their own claims compared
 * with the gold file the reviewer built.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serializeAnnotationFile } from '../../src/backend/annotations'
import { parseDocument } from '../../src/core/document/parse'
import { emptyAnnotationFile, type AnnotationFile, type Claim } from '../../src/core/model'
import { storedClaim } from '../support/claims'
import { openProjectInBrowser, screenshot, type OpenedProject } from './harness'

const ARTICLE =
  'Freighters seen at Rajin port\n\n' +
  'Satellite images show about 13,000 containers moved through the port since mid-2022, ' +
  'according to a Defense Intelligence Agency summary.\n\n' +
  'Moscow denied the allegations on Tuesday, calling the images fabricated.'
const PATH = 'harbour-wire.txt'

let project: string
let opened: OpenedProject | undefined
let page: Page
let consoleProblems: string[] = []
let figureId = ''

function makeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-e2e-gold-'))
  writeFileSync(join(root, PATH), ARTICLE)
  const { text, id } = parseDocument(Buffer.from(ARTICLE), PATH)
  const claimOf = (passage: string, annotator: string, label: string): Claim => {
    const start = text.indexOf(passage)
    return storedClaim(
      { text, documentId: id, path: PATH, start, end: start + passage.length },
      annotator,
      { label },
    )
  }
  mkdirSync(join(root, 'annotations'))
  // Vera's file as a git merge left it: her label kept, a colleague's set aside.
  const figure = claimOf('about 13,000 containers', 'vera', 'figure')
  figureId = figure.id
  const vera: AnnotationFile = {
    ...emptyAnnotationFile('vera'),
    claims: [figure, claimOf('Moscow denied the allegations', 'vera', 'denial')],
    conflicts: [
      {
        kind: 'claim',
        id: figure.id,
        field: 'label',
        kept: 'figure',
        other: 'claim',
        otherTime: '2026-11-30T09:00:00.000Z',
        recorded: '2026-12-01T10:00:00.000Z',
      },
    ],
  }
  // The gold file: the figure relabelled, the denial with its day, a claim vera did not make.
  const gold: AnnotationFile = {
    ...emptyAnnotationFile('gold'),
    claims: [
      claimOf('about 13,000 containers', 'gold', 'claim'),
      claimOf('Moscow denied the allegations on Tuesday', 'gold', 'denial'),
      claimOf('calling the images fabricated', 'gold', 'claim'),
    ],
  }
  writeFileSync(join(root, 'annotations', 'vera.json'), serializeAnnotationFile(vera))
  writeFileSync(join(root, 'annotations', 'gold.json'), serializeAnnotationFile(gold))
  return root
}

beforeAll(async () => {
  project = makeProject()
  opened = await openProjectInBrowser(project, 'vera')
  page = opened.page
  consoleProblems = opened.problems
})

afterAll(async () => {
  await opened?.close()
  if (project) rmSync(project, { recursive: true, force: true })
})

/** Vera's file on disk: the figure's label and the conflict list's length. */
function veraOnDisk(): { label: string | undefined; conflicts: number } | null {
  try {
    const file = JSON.parse(
      readFileSync(join(project, 'annotations', 'vera.json'), 'utf8'),
    ) as AnnotationFile
    return {
      label: file.claims.find((claim) => claim.id === figureId)?.label,
      conflicts: file.conflicts?.length ?? 0,
    }
  } catch {
    return null // Caught mid-rename.
  }
}

describe('the conflict list', () => {
  it('is announced in the sidebar, settled in its panel, and the settlement can be undone', async () => {
    const notice = page.getByTestId('conflict-notice')
    await expect.poll(() => notice.textContent()).toBe('1 merge conflict to settle')
    await notice.click()
    const entry = page.getByTestId('conflict-entry')
    await expect.poll(() => entry.count()).toBe(1)
    expect(await entry.textContent()).toContain('about 13,000 containers')
    expect(await entry.getByTestId('conflict-kept').textContent()).toBe('Figure')
    expect(await entry.getByTestId('conflict-other').textContent()).toContain('Claim')
    await screenshot(page, 'conflicts-view')

    await entry.getByRole('button', { name: 'Take other' }).click()
    await expect.poll(() => page.getByTestId('conflicts-empty').count()).toBe(1)
    expect(await notice.count()).toBe(0)
    await expect.poll(veraOnDisk, { timeout: 15_000 }).toEqual({ label: 'claim', conflicts: 0 })

    // One step of the history: undo brings back the label and the entry.
    await page.keyboard.press('Control+z')
    await expect.poll(() => notice.textContent()).toBe('1 merge conflict to settle')
    await expect.poll(veraOnDisk, { timeout: 15_000 }).toEqual({ label: 'figure', conflicts: 1 })

    await page.getByTestId('conflict-entry').getByRole('button', { name: 'Keep current' }).click()
    await expect.poll(() => notice.count()).toBe(0)
    await expect.poll(veraOnDisk, { timeout: 15_000 }).toEqual({ label: 'figure', conflicts: 0 })
    expect(consoleProblems).toEqual([])
  })
})

describe('compare with gold', () => {
  it('lists what the reviewer changed in the analyst’s claims, and opens it in the document', async () => {
    await page
      .getByRole('tablist', { name: 'Workspace view' })
      .getByRole('tab', { name: 'Gold' })
      .click()
    const view = page.getByTestId('gold-view')
    await view.waitFor()
    const units = view.getByTestId('gold-unit')
    await expect.poll(() => units.count()).toBe(3)
    const texts = await units.allTextContents()
    expect(texts.find((text) => text.startsWith('Changed: label'))).toContain(
      'about 13,000 containers',
    )
    const label = view.getByRole('row', { name: /label/ })
    expect(await label.textContent()).toBe('labelFigureClaim')
    // The boundary change drawn as a character diff: " on Tuesday" added by gold.
    await screenshot(page, 'gold-comparison')
    const boundary = units.filter({ hasText: 'Changed: boundaries' })
    expect(await boundary.locator('ins').textContent()).toBe(' on Tuesday')
    // Only the boundaries changed: no table of fields under it.
    expect(await boundary.locator('table').count()).toBe(0)
    expect(
      texts.some((text) => text.startsWith('Only in gold') && text.includes('fabricated')),
    ).toBe(true)
    await boundary.getByRole('button', { name: 'Open in document' }).click()
    await page.locator(`[data-testid="reader"][data-path="${PATH}"]`).waitFor()
    expect(consoleProblems).toEqual([])
  })
})
