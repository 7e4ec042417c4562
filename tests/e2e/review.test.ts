/**
 * Review end to end in Chromium through browser mode: three annotators' real files on two
 * synthetic articles. Colleagues' claims drawn as lanes in the reader (and named A, B, C in
 * blind mode), the disagreement queue with its filters and N / P, the unit card's versions and
 * boundary diff, and the agreement dashboard whose figures open the queue narrowed to them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serializeAnnotationFile } from '../../src/backend/annotations'
import { parseDocument } from '../../src/core/document/parse'
import { emptyAnnotationFile, newLinkId, type Claim, type Link } from '../../src/core/model'
import { storedClaim } from '../support/claims'
import { screenshot, openProjectInBrowser, type OpenedProject } from './harness'

const ARTICLES = {
  'harbour-wire.txt':
    'Freighters seen at Rajin port\n\n' +
    'RAJIN, Oct. 3 (Harbour Wire) -- Satellite images show about 13,000 containers moved ' +
    'through the port since mid-2022, according to a Defense Intelligence Agency summary.\n\n' +
    'Moscow denied the allegations on Tuesday, calling the images fabricated.',
  'coastal-monitor.md':
    '# Port traffic rises again\n\n' +
    'Analysts counted 13K containers leaving Rajin for Vostochny, a figure the ministry ' +
    'disputes.\n\nThe ministry said no munitions were shipped.',
}

type Mark = [article: keyof typeof ARTICLES, passage: string, label: string]

const MARKS: Record<string, Mark[]> = {
  vera: [
    ['harbour-wire.txt', 'about 13,000 containers', 'figure'],
    ['harbour-wire.txt', 'Moscow denied the allegations', 'denial'],
    ['coastal-monitor.md', '13K containers', 'figure'],
  ],
  ana: [
    ['harbour-wire.txt', 'about 13,000 containers', 'claim'],
    ['harbour-wire.txt', 'Moscow denied the allegations on Tuesday', 'denial'],
    ['coastal-monitor.md', '13K containers', 'figure'],
  ],
  ben: [
    ['harbour-wire.txt', 'about 13,000 containers', 'figure'],
    ['harbour-wire.txt', 'Moscow denied the allegations', 'denial'],
    ['coastal-monitor.md', 'The ministry said no munitions were shipped', 'denial'],
  ],
}

let project: string
let opened: OpenedProject | undefined
let page: Page
let consoleProblems: string[] = []

function makeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-e2e-review-'))
  const texts = new Map<string, { text: string; id: string }>()
  for (const [path, content] of Object.entries(ARTICLES)) {
    writeFileSync(join(root, path), content)
    const document = parseDocument(Buffer.from(content), path)
    texts.set(path, { text: document.text, id: document.id })
  }
  mkdirSync(join(root, 'annotations'))
  for (const [annotator, marks] of Object.entries(MARKS)) {
    const claims: Claim[] = marks.map(([path, passage, label]) => {
      const { text, id } = texts.get(path)!
      const start = text.indexOf(passage)
      if (start < 0) throw new Error(`"${passage}" is not in ${path}`)
      return storedClaim(
        { text, documentId: id, path, start, end: start + passage.length },
        annotator,
        { label },
      )
    })
    const links: Link[] = []
    if (annotator === 'ben') {
      // Ben says the denial contradicts the figure.
      const now = new Date().toISOString()
      links.push({
        id: newLinkId(),
        relation: 'contradicts',
        from: claims[1]!.id,
        to: { kind: 'claim', claimId: claims[0]!.id },
        note: '',
        confidence: null,
        annotator,
        created: now,
        updated: now,
      })
      // A claim on an article since removed from the project: listed, not compared.
      const text = 'An article that was removed from the project.'
      claims.push(
        storedClaim(
          { text, documentId: 'f'.repeat(64), path: 'old/removed.txt', start: 3, end: 10 },
          annotator,
        ),
      )
    }
    writeFileSync(
      join(root, 'annotations', `${annotator}.json`),
      serializeAnnotationFile({ ...emptyAnnotationFile(annotator), claims, links }),
    )
  }
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

const tab = (name: 'Documents' | 'Review' | 'Agreement') =>
  page.getByRole('tablist', { name: 'Workspace view' }).getByRole('tab', { name })
const annotator = (name: string) =>
  page.locator(`[data-testid="annotator"][data-annotator="${name}"]`)
const reader = () => page.locator('[data-testid="reader"][data-path="harbour-wire.txt"]')

/**
 * The text of each stretch the reader draws lanes under, with the lanes over it. The analyst's
 * own highlights cut a stretch's span in pieces, which are joined again.
 */
async function laneSegments(): Promise<[string, string][]> {
  const pieces = await reader()
    .locator('.lane')
    .evaluateAll((spans) =>
      spans.map((span) => [
        span.getAttribute('data-lane-start') ?? '',
        span.textContent ?? '',
        span.getAttribute('data-lanes') ?? '',
      ]),
    )
  const joined = new Map<string, [string, string]>()
  for (const [start, text, lanes] of pieces) {
    const segment = joined.get(start)
    if (segment) segment[0] += text
    else joined.set(start, [text, lanes])
  }
  return [...joined.values()]
}

describe('colleagues beside the analyst', () => {
  it('lists the annotators with their counts and draws a colleague’s claims in a lane', async () => {
    await expect.poll(() => page.locator('[data-testid="annotator"]').count()).toBe(3)
    await expect.poll(() => annotator('vera').textContent()).toContain('(you)')
    await page.locator('[data-testid="doc-item"][data-path="harbour-wire.txt"]').click()
    await reader().waitFor()
    // In this document, and in the project.
    await expect
      .poll(() => annotator('ana').locator('[data-testid="annotator-counts"]').textContent())
      .toBe('2 · 3')

    await annotator('ana').getByTestId('lane-toggle').check()
    await expect.poll(laneSegments).toEqual([
      ['about 13,000 containers', 'ana'],
      ['Moscow denied the allegations on Tuesday', 'ana'],
    ])
    await annotator('ben').getByTestId('lane-toggle').check()
    // Where both marked the same words, one segment carries both lanes.
    await expect.poll(laneSegments).toEqual([
      ['about 13,000 containers', 'ana ben'],
      ['Moscow denied the allegations', 'ana ben'],
      [' on Tuesday', 'ana'],
    ])
    expect(await reader().locator('.lane').first().getAttribute('title')).toBe(
      'ana: Claim\nben: Figure · 1 link: Contradicts',
    )
    // Ben's link shows as a badge in his colour after each of its two claims.
    expect(
      await reader()
        .locator('.lane-badge')
        .evaluateAll((badges) =>
          badges.map((badge) => [badge.textContent, badge.getAttribute('data-annotator')]),
        ),
    ).toEqual([
      ['1', 'ben'],
      ['1', 'ben'],
    ])
    // The analyst's own claims are still drawn as before.
    await expect.poll(() => reader().locator('.claim').count()).toBe(2)
    await screenshot(page, 'review-lanes')
  })

  it('names annotators A, B, C in blind mode', async () => {
    await page.getByTestId('blind-mode').check()
    await expect.poll(() => annotator('ana').locator('.annotator-name').textContent()).toBe('A')
    await expect.poll(laneSegments).toContainEqual(['about 13,000 containers', 'A B'])
    await page.getByTestId('blind-mode').uncheck()
    await expect.poll(laneSegments).toContainEqual(['about 13,000 containers', 'ana ben'])
  })
})

describe('the disagreement queue', () => {
  const progress = () => page.getByTestId('review-progress').textContent()
  const card = () => page.getByTestId('unit-card')

  it('starts with the label conflict, and N and P move through the units', async () => {
    await tab('Review').click()
    await card().waitFor()
    await expect.poll(progress).toMatch(/^1 of 4/)
    expect(await card().locator('[data-conflict]').allTextContents()).toEqual(['Label'])
    expect(
      await card()
        .getByTestId('version')
        .evaluateAll((sections) =>
          sections.map((section) => section.getAttribute('data-annotator')),
        ),
    ).toEqual(['ana', 'ben', 'vera'])

    await page.keyboard.press('n')
    await expect.poll(progress).toMatch(/^2 of 4/)
    expect(await card().locator('[data-conflict]').allTextContents()).toEqual(['Boundaries'])
    // Ana's version reaches further: " on Tuesday" is what it adds to the first version.
    const quotes = card().getByTestId('version-quote')
    expect(await quotes.nth(0).locator('ins').count()).toBe(0)
    expect(await quotes.nth(1).locator('del').allTextContents()).toEqual([' on Tuesday'])
    await page.keyboard.press('p')
    await expect.poll(progress).toMatch(/^1 of 4/)
    expect(await page.getByTestId('review-problems').textContent()).toBe(
      'ben: 1 claim on old/removed.txt left out: the document is not in the project',
    )
    await screenshot(page, 'review-queue')
  })

  it('narrows to one kind of disagreement', async () => {
    await page.getByTestId('filter-field').selectOption('missing')
    await expect.poll(progress).toMatch(/^1 of 2 \(of 4\)/)
    // "13K containers": Ben did not mark it.
    expect(
      await card()
        .getByTestId('version-missing')
        .evaluateAll((sections) => sections.map((section) => section.textContent)),
    ).toEqual(['benDid not mark this passage.'])
    await page.getByTestId('filter-field').selectOption('')
    await expect.poll(progress).toMatch(/^1 of 4/)
  })
})

describe('decisions', () => {
  const progress = () => page.getByTestId('review-progress').textContent()
  const state = () => page.getByTestId('decision-state').textContent()

  it('settles a unit with a key and moves on; the decision is in the reviewer’s file', async () => {
    await tab('Review').click()
    await page.getByTestId('unit-card').waitFor()
    await expect.poll(progress).toMatch(/^1 of 4 · 0 of 4 decided/)
    expect(await state()).toBe('Open')
    await page.getByLabel('Reason').selectOption('annotator-error')
    // The label conflict: Ben's version (the second) is right.
    await page.keyboard.press('2')
    await expect.poll(progress).toMatch(/^2 of 4 · 1 of 4 decided/)
    const decisions = readFileSync(join(project, 'review', 'vera.decisions.json'), 'utf8')
    const [line] = decisions
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as Record<string, unknown>)
    expect(line).toMatchObject({
      action: { kind: 'take', annotator: 'ben' },
      reason: 'annotator-error',
      reviewer: 'vera',
    })

    await page.keyboard.press('p')
    await expect.poll(state).toBe('Decided: take ben (Annotator error)')
    await page.keyboard.press('w')
    await expect.poll(state).toBe('Open')
    await expect.poll(progress).toMatch(/· 0 of 4 decided/)
    await screenshot(page, 'review-decisions')
  })
})

describe('the agreement dashboard', () => {
  it('shows the pairwise figures, and a figure opens the queue narrowed to that pair', async () => {
    await tab('Agreement').click()
    const matrix = page.getByTestId('pair-matrix')
    await matrix.waitFor()
    // Three annotators: every off-diagonal cell has a figure with its number of items.
    await expect.poll(() => matrix.getByTestId('pair-figure').count()).toBe(6)
    expect(await matrix.getByTestId('pair-figure').first().textContent()).toMatch(/\d\.\d{3} n=\d+/)
    await screenshot(page, 'review-agreement')

    // The matrix as a picture, on the measure shown.
    await page.getByLabel('Measure').selectOption('labels-alpha')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('save-matrix-svg').click(),
    ])
    expect(download.suggestedFilename()).toBe('agreement-matrix.svg')
    const svg = readFileSync((await download.path())!, 'utf8')
    expect(svg).toContain('<svg')
    expect(svg).toContain('data-measure="labels-alpha"')
    expect(svg.match(/class="cell/g)?.length).toBeGreaterThanOrEqual(6)

    // Row ana, column ben.
    await matrix.locator('tbody tr').nth(0).getByTestId('pair-figure').first().click()
    await page.getByTestId('review-view').waitFor()
    expect(await page.getByLabel('Pair of annotators').inputValue()).toBe('ana\u0000ben')
    const units = await page.getByTestId('queue-unit').count()
    // Ana and Ben agree on nothing but where they both marked the same figure differently,
    // the denial's boundaries, and what only one of them marked.
    expect(units).toBe(4)
    expect(consoleProblems).toEqual([])
  })
})

describe('a file from elsewhere', () => {
  it('is reviewed beside the project’s files, read-only', async () => {
    await tab('Documents').click()
    const elsewhere = mkdtempSync(join(tmpdir(), 'corroborate-e2e-mailed-'))
    const mailed = join(elsewhere, "Ana's review.json")
    const bytes = readFileSync(join(project, 'annotations', 'ana.json'))
    writeFileSync(mailed, bytes)
    try {
      await page.getByTestId('review-file').click()
      await page.getByTestId('path-input').fill(mailed)
      await page.getByTestId('path-confirm').click()
      const added = annotator('ana-s-review')
      await expect
        .poll(() => added.locator('[data-testid="annotator-counts"]').textContent())
        .toBe('2 · 3')
      expect(await added.getAttribute('title')).toBe(mailed)
      await added.getByTestId('lane-toggle').check()
      await expect
        .poll(laneSegments)
        .toContainEqual(['about 13,000 containers', 'ana ben ana-s-review'])
      await added.getByTestId('lane-toggle').uncheck()
      expect(readFileSync(mailed)).toEqual(bytes)
    } finally {
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })
})

describe('switching annotator', () => {
  it('takes another annotator’s file from Settings, and back', async () => {
    await tab('Documents').click()
    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByTestId('settings-dialog')
    expect(await dialog.getByTestId('current-annotator').textContent()).toBe('vera')
    await dialog.getByTestId('annotator-switch-input').fill('ana')
    await dialog.getByTestId('annotator-switch').click()
    await expect.poll(() => dialog.getByTestId('current-annotator').textContent()).toBe('ana')
    await expect.poll(() => annotator('ana').textContent()).toContain('(you)')
    // A name the backend refuses is explained where it was typed.
    await dialog.getByTestId('annotator-switch-input').fill('../etc')
    await dialog.getByTestId('annotator-switch').click()
    await expect.poll(() => dialog.getByRole('alert').count()).toBe(1)
    await dialog.getByTestId('annotator-switch-input').fill('vera')
    await dialog.getByTestId('annotator-switch').click()
    await expect.poll(() => dialog.getByTestId('current-annotator').textContent()).toBe('vera')
    await page.keyboard.press('Escape')
    expect(consoleProblems).toEqual([])
  })
})

// Last: the gold file it writes is an annotator file of its own, which the figures above would count.
describe('the gold file', () => {
  it('is built from the queue, and what the strategy added can be taken back', async () => {
    await tab('Review').click()
    await page.getByTestId('review-view').waitFor()
    await page.getByLabel('Merge strategy').selectOption('silent-others')
    await page.getByTestId('merge-gold').click()
    const goldClaims = () => {
      try {
        const gold = JSON.parse(
          readFileSync(join(project, 'annotations', 'gold.json'), 'utf8'),
        ) as {
          claims: { provenance?: { how: string } }[]
        }
        return gold.claims.map((claim) => claim.provenance?.how)
      } catch {
        return null
      }
    }
    // "13K containers" (Ana and Vera alike, Ben silent) and Ben's lone ministry sentence.
    await expect.poll(goldClaims).toEqual(['automatic', 'automatic'])
    await page.getByRole('button', { name: 'Undo automatic' }).click()
    await expect.poll(goldClaims).toEqual([])
    // The gold file is not one of the versions the queue compares.
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toMatch(/of 4/)
    expect(consoleProblems).toEqual([])
  })
})
