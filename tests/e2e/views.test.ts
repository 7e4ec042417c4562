/**
 * The clusters view and the corroboration matrix, end to end in Chromium through browser mode,
 * on copies of the six sample articles with an annotation file written directly in the file
 * format: three outlets carrying "about 13,000 containers" (one cluster, earliest first), two
 * outlets disagreeing on North Korea's share of Russian fire (a contradiction), and more.
 * Editing a cluster's wording survives a reload; a mention and a matrix cell open their passage
 * with the claim selected; sorting puts the contradiction first; matrix.csv has the rows shown.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serializeAnnotationFile } from '../../src/backend/annotations'
import { parseDocument } from '../../src/core/document/parse'
import { emptyAnnotationFile, newLinkId, type Claim, type Link } from '../../src/core/model'
import { repoRoot, screenshot, openProjectInBrowser, type OpenedProject } from './harness'
import { storedClaim } from '../support/claims'

const ANNOTATOR = 'vera'
const LEDGER = 'web/evening-ledger-2026-08-12.html'
const LANTERN = 'web/lantern-review-2026-08-14.html'
const NORTHSTAR = 'web/northstar-monitor-2026-02-26.html'
const MERIDIAN = 'wire/meridian-2026-03-03-pyongyang-denies.txt'
const SALVO = 'blogs/salvo-and-supply-counting-containers.md'
const HERALD = 'notes/east-coast-herald-2026-10-08-followup.md'

/** Passages of the sample articles (each an exact substring of its canonical text). */
const PASSAGES = {
  ledger13k:
    'North Korea has sent more than 13 thousand containers of munitions and related material to Russia since mid-2022',
  lantern13k:
    'puts the number of shipping containers North Korea has sent to Russia at about 13,000',
  salvo13k: 'the DIA summary says about 13,000 containers',
  ledgerAbove10k: 'now stood well above 10,000 containers',
  lanternHalf:
    'North Korean rounds may now account for nearly half of the artillery shells Russian forces',
  salvoThird: 'North Korean shells account for closer to a third of Russian artillery fire',
  northstar6700:
    'North Korea has sent roughly 6,700 shipping containers loaded with artillery ammunition to Russia since the middle of 2022',
  meridian6700: 'had shipped about 6,700 containers of munitions to Russia since mid-2022.',
  heraldFullCapacity: 'munitions plants remain at full capacity',
} as const
type Passage = keyof typeof PASSAGES
const WHERE: Record<Passage, string> = {
  ledger13k: LEDGER,
  lantern13k: LANTERN,
  salvo13k: SALVO,
  ledgerAbove10k: LEDGER,
  lanternHalf: LANTERN,
  salvoThird: SALVO,
  northstar6700: NORTHSTAR,
  meridian6700: MERIDIAN,
  heraldFullCapacity: HERALD,
}

let project: string
let opened: OpenedProject | undefined
let page: Page
const ids = {} as Record<Passage, string>
let consoleProblems: string[] = []

/** Copies the samples and writes the annotator's file: claims on the passages, and links. */
function makeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-e2e-views-'))
  for (const path of new Set(Object.values(WHERE))) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    cpSync(join(repoRoot, 'resources/samples', path), join(root, path))
  }
  const now = new Date().toISOString()
  const claims: Claim[] = []
  for (const [name, passage] of Object.entries(PASSAGES) as [Passage, string][]) {
    const path = WHERE[name]
    const document = parseDocument(readFileSync(join(root, path)), path)
    const start = document.text.indexOf(passage)
    if (start < 0) throw new Error(`"${passage}" is not in ${path}`)
    const place = { text: document.text, documentId: document.id, path, start }
    const claim = storedClaim({ ...place, end: start + passage.length }, ANNOTATOR)
    ids[name] = claim.id
    claims.push(claim)
  }
  const link = (from: Passage, to: Passage, relation: string): Link => ({
    id: newLinkId(),
    relation,
    from: ids[from],
    to: { kind: 'claim', claimId: ids[to] },
    note: '',
    confidence: null,
    annotator: ANNOTATOR,
    created: now,
    updated: now,
  })
  const links = [
    link('lantern13k', 'ledger13k', 'same'),
    link('salvo13k', 'lantern13k', 'same'),
    link('northstar6700', 'meridian6700', 'same'),
    link('ledgerAbove10k', 'lantern13k', 'supports'),
    link('salvoThird', 'lanternHalf', 'contradicts'),
  ]
  mkdirSync(join(root, 'annotations'))
  writeFileSync(
    join(root, 'annotations', `${ANNOTATOR}.json`),
    serializeAnnotationFile({ ...emptyAnnotationFile(ANNOTATOR), claims, links }),
  )
  return root
}

beforeAll(async () => {
  project = makeProject()
  opened = await openProjectInBrowser(project, ANNOTATOR)
  page = opened.page
  consoleProblems = opened.problems
})

afterAll(async () => {
  await opened?.close()
  if (project) rmSync(project, { recursive: true, force: true })
})

const tab = (name: 'Documents' | 'Clusters' | 'Matrix') =>
  page.getByRole('tablist', { name: 'Workspace view' }).getByRole('tab', { name })

const clusterOf = (claim: Passage) =>
  page.locator('[data-testid="cluster"]', {
    has: page.locator(`[data-testid="mention"][data-claim-id="${ids[claim]}"]`),
  })

/** The text the reader outlines as the selected claim. */
async function selectedText(path: string): Promise<string> {
  const reader = page.locator(`[data-testid="reader"][data-path="${path}"]`)
  await reader.locator('.claim-selected').first().waitFor()
  return (await reader.locator('.claim-selected').allTextContents()).join('')
}

const matrixRow = (claim: Passage) =>
  page.locator('[data-testid="matrix-row"]', {
    has: page.locator(`[data-testid="matrix-cell"][aria-label$="${PASSAGES[claim]}"]`),
  })

async function columnIndex(path: string): Promise<number> {
  const paths = await page
    .locator('[data-testid="matrix-column"]')
    .evaluateAll((heads) => heads.map((head) => head.getAttribute('data-path')))
  return paths.indexOf(path)
}

describe('the clusters view', () => {
  it('lists a cluster of three mentions earliest first, the first appearance marked', async () => {
    await tab('Clusters').click()
    const cluster = clusterOf('lantern13k')
    await cluster.waitFor()
    // Two clusters of two or more by default; the unlinked claims are behind the toggle.
    await expect.poll(() => page.locator('[data-testid="cluster"]').count()).toBe(2)
    const mentions = cluster.locator('[data-testid="mention"]')
    expect(
      await mentions.evaluateAll((m) => m.map((e) => e.getAttribute('data-claim-id'))),
    ).toEqual([ids.ledger13k, ids.lantern13k, ids.salvo13k])
    expect(await mentions.locator('.mention-outlet').allTextContents()).toEqual([
      'The Evening Ledger',
      'The Lantern Review',
      'Salvo & Supply',
    ])
    expect(await mentions.locator('time').allTextContents()).toEqual([
      '2026-08-12',
      '2026-08-14',
      '2026-08-20',
    ])
    expect(await mentions.nth(0).getByTestId('first-appearance').count()).toBe(1)
    expect(await cluster.getByTestId('first-appearance').count()).toBe(1)
    expect(await cluster.getByTestId('cluster-wording').textContent()).toBe(PASSAGES.ledger13k)
    expect(await cluster.getByTestId('wording-kind').getAttribute('data-custom')).toBe('false')
    expect(await page.getByTestId('clusters-summary').textContent()).toBe('2 clusters · 5 mentions')
    await screenshot(page, 'views-01-clusters')

    await page.getByTestId('include-singletons').check()
    // ... and the four claims linked to nothing by 'same' (support and contradiction are not).
    await expect.poll(() => page.locator('[data-testid="cluster"]').count()).toBe(6)
    await page.getByTestId('cluster-filter').fill('Kremlin OR nothing')
    await page.getByTestId('clusters-empty').waitFor()
    await page.getByTestId('cluster-filter').fill('third')
    await expect.poll(() => page.locator('[data-testid="cluster"]').count()).toBe(1)
    await page.getByTestId('cluster-filter').fill('')
    await page.getByTestId('include-singletons').uncheck()
  })

  it('edits the wording in place (Enter saves, Escape cancels), and it survives a reload', async () => {
    const cluster = clusterOf('lantern13k')
    // Escape leaves the wording as it was.
    await cluster.getByTestId('cluster-wording').click()
    await cluster.getByTestId('wording-field').fill('Something else')
    await page.keyboard.press('Escape')
    await expect
      .poll(() => cluster.getByTestId('cluster-wording').textContent())
      .toBe(PASSAGES.ledger13k)
    // Keyboard only: focus the wording, Enter edits, Enter saves.
    await cluster.getByTestId('cluster-wording').focus()
    await page.keyboard.press('Enter')
    await cluster.getByTestId('wording-field').fill('About 13,000 containers sent since mid-2022')
    await screenshot(page, 'views-02-editing-wording')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => cluster.getByTestId('wording-kind').getAttribute('data-custom'))
      .toBe('true')
    expect(await cluster.getByTestId('cluster-wording').textContent()).toBe(
      'About 13,000 containers sent since mid-2022',
    )

    await page.reload()
    await tab('Clusters').click()
    await clusterOf('lantern13k').waitFor()
    expect(await clusterOf('lantern13k').getByTestId('cluster-wording').textContent()).toBe(
      'About 13,000 containers sent since mid-2022',
    )
    expect(
      await clusterOf('lantern13k').getByTestId('wording-kind').getAttribute('data-custom'),
    ).toBe('true')
  })

  it('opens a mention in the documents view with the claim selected', async () => {
    await clusterOf('lantern13k')
      .locator(`[data-testid="mention"][data-claim-id="${ids.lantern13k}"]`)
      .click()
    await expect.poll(() => tab('Documents').getAttribute('aria-selected')).toBe('true')
    expect(await selectedText(LANTERN)).toBe(PASSAGES.lantern13k)
    await expect
      .poll(() =>
        page
          .locator('[data-testid="claim-row"][aria-current="true"]')
          .getAttribute('data-claim-id'),
      )
      .toBe(ids.lantern13k)
    await screenshot(page, 'views-03-mention-opened')
  })
})

describe('the corroboration matrix', () => {
  it('shows a contradiction, support and mentions with symbols, names and a legend', async () => {
    await tab('Matrix').click()
    await page.locator('[data-testid="matrix-row"]').first().waitFor()
    const columns = await page
      .locator('[data-testid="matrix-column"] .doc-outlet')
      .allTextContents()
    // Documents by publication.
    expect(columns).toEqual([
      'Northstar Monitor',
      'Meridian Press Agency',
      'The Evening Ledger',
      'The Lantern Review',
      'Salvo & Supply',
      'East Coast Herald',
    ])
    const salvo = await columnIndex(SALVO)
    const half = matrixRow('lanternHalf').locator('[data-testid="matrix-cell"]')
    const contradicting = half.nth(salvo)
    expect(await contradicting.getAttribute('data-cell')).toBe('contradicts')
    expect(await contradicting.getAttribute('aria-label')).toBe(
      `Salvo & Supply contradicts: ${PASSAGES.lanternHalf}`,
    )
    expect(await contradicting.textContent()).toBe('✕')
    // The 13K cluster: three outlets carry it, the Ledger's "well above 10,000" supports it
    // (the Ledger also carries it: the stronger statement shows, a mention).
    const worded = page.locator('[data-testid="matrix-row"]', {
      has: page.locator('[aria-label$="About 13,000 containers sent since mid-2022"]'),
    })
    expect(
      await worded
        .locator('[data-testid="matrix-cell"]')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-cell'))),
    ).toEqual(['absent', 'absent', 'mention', 'mention', 'mention', 'absent'])
    const supportRow = matrixRow('ledgerAbove10k').locator('[data-testid="matrix-cell"]')
    expect(await supportRow.nth(await columnIndex(LANTERN)).getAttribute('data-cell')).toBe(
      'supports',
    )
    expect(await page.getByTestId('matrix-legend').textContent()).toContain('Contradicts it')
    // Nine claims, five of them joined into two clusters: six rows.
    expect(await page.getByTestId('matrix-summary').textContent()).toBe(
      '6 claims × 6 documents · 2 disputed',
    )
    await screenshot(page, 'views-04-matrix')
  })

  it('sorts: first appearance puts the February claim first, "Disputed" the contradiction', async () => {
    const firstRowCells = () =>
      page
        .locator('[data-testid="matrix-row"][aria-rowindex="2"] [data-testid="matrix-cell"]')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-cell')))
    // Default: contradictions first.
    expect(await firstRowCells()).toContain('contradicts')
    await page.getByTestId('matrix-order').selectOption('first-appearance')
    await expect
      .poll(firstRowCells)
      .toEqual(['mention', 'mention', 'absent', 'absent', 'absent', 'absent'])
    await page.getByRole('columnheader', { name: 'Disputed' }).getByRole('button').click()
    await expect.poll(firstRowCells).toContain('contradicts')
    expect(await page.getByTestId('matrix-order').inputValue()).toBe('contradictions-first')
    expect(
      await page.getByRole('columnheader', { name: 'Disputed' }).getAttribute('aria-sort'),
    ).toBe('descending')
    await page.getByRole('columnheader', { name: 'Sources' }).getByRole('button').click()
    await expect
      .poll(() =>
        page
          .locator('[data-testid="matrix-row"][aria-rowindex="2"] .matrix-count.sources')
          .textContent(),
      )
      .toBe('3')
    await page.getByTestId('matrix-order').selectOption('contradictions-first')
    await expect.poll(firstRowCells).toContain('contradicts')
  })

  it('moves between cells with the keyboard (one Tab stop) and opens one with Enter', async () => {
    const active = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null
        return element?.dataset.row === undefined
          ? null
          : [Number(element.dataset.row), Number(element.dataset.col)]
      })
    expect(await page.locator('[data-testid="matrix-cell"][tabindex="0"]').count()).toBe(1)
    await page.locator('[data-testid="matrix-cell"][tabindex="0"]').focus()
    await expect.poll(active).toEqual([0, 0])
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowDown')
    await expect.poll(active).toEqual([1, 1])
    await page.keyboard.press('Control+End')
    await expect.poll(active).toEqual([5, 5])
    await page.keyboard.press('Home')
    await expect.poll(active).toEqual([5, 0])
    // The rows with a contradiction lead: walk to the contradicting cell of the first row.
    await page.keyboard.press('Control+Home')
    const cells = await page
      .locator('[data-testid="matrix-row"][aria-rowindex="2"] [data-testid="matrix-cell"]')
      .evaluateAll((all) => all.map((cell) => cell.getAttribute('data-cell')))
    for (let c = 0; c < cells.indexOf('contradicts'); c++) await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.locator(':focus').getAttribute('data-cell')).toBe('contradicts')
    expect(await page.locator('[data-testid="matrix-cell"][tabindex="0"]').count()).toBe(1)
    await screenshot(page, 'views-05-matrix-keyboard')
    const claimId = await page
      .locator('[data-testid="matrix-row"][aria-rowindex="2"]')
      .getAttribute('data-cluster-id')
    await page.keyboard.press('Enter')
    await expect.poll(() => tab('Documents').getAttribute('aria-selected')).toBe('true')
    // The first row is one of the two disputed claims; its contradicting cell opens the other.
    const opened = claimId === ids.lanternHalf ? 'salvoThird' : 'lanternHalf'
    expect(await selectedText(WHERE[opened])).toBe(PASSAGES[opened])
  })

  it('opens the passage behind a cell with a click, and comes back to the matrix as left', async () => {
    await tab('Matrix').click()
    await page.getByTestId('matrix-order').selectOption('first-appearance')
    await expect
      .poll(() =>
        page
          .locator('[data-testid="matrix-row"][aria-rowindex="2"]')
          .getAttribute('data-cluster-id'),
      )
      .toBe(ids.northstar6700)
    const salvo = await columnIndex(SALVO)
    const cell = matrixRow('lanternHalf').locator('[data-testid="matrix-cell"]').nth(salvo)
    const where = [await cell.getAttribute('data-row'), await cell.getAttribute('data-col')]
    await cell.click()
    expect(await selectedText(SALVO)).toBe(PASSAGES.salvoThird)
    await screenshot(page, 'views-06-cell-opened')

    await tab('Matrix').click()
    await page.locator('[data-testid="matrix-row"]').first().waitFor()
    expect(await page.getByTestId('matrix-order').inputValue()).toBe('first-appearance')
    const active = page.locator('[data-testid="matrix-cell"][tabindex="0"]')
    await expect
      .poll(async () => [
        await active.getAttribute('data-row'),
        await active.getAttribute('data-col'),
      ])
      .toEqual(where)
  })

  it('exports matrix.csv with the rows shown, in the order shown, and matrix.svg', async () => {
    await tab('Matrix').click()
    await page.locator('[data-testid="matrix-row"]').first().waitFor()
    const shown = await page
      .locator('[data-testid="matrix-row"]')
      .evaluateAll((rows) =>
        rows
          .sort((a, b) => Number(a.ariaRowIndex) - Number(b.ariaRowIndex))
          .map((row) => [
            row.getAttribute('data-cluster-id'),
            ...[...row.querySelectorAll('[data-testid="matrix-cell"]')].map((cell) =>
              cell.getAttribute('data-cell'),
            ),
          ]),
      )
    const download = page.waitForEvent('download')
    await page.getByTestId('export-matrix-csv').click()
    const file = await download
    expect(file.suggestedFilename()).toBe('matrix.csv')
    const parsed = Papa.parse<string[]>(readFileSync((await file.path())!, 'utf8'), {
      skipEmptyLines: true,
    })
    expect(parsed.errors).toEqual([])
    const [header, ...rows] = parsed.data
    expect(header!.slice(-6)).toEqual([
      'Northstar Monitor',
      'Meridian Press Agency',
      'The Evening Ledger',
      'The Lantern Review',
      'Salvo & Supply',
      'East Coast Herald',
    ])
    const idAt = header!.indexOf('cluster_id')
    expect(rows.map((row) => [row[idAt], ...row.slice(-6)])).toEqual(shown)
    const wording = rows.find((row) => row.includes('About 13,000 containers sent since mid-2022'))
    expect(wording).toBeDefined()

    const image = page.waitForEvent('download')
    await page.getByTestId('export-matrix-svg').click()
    const svg = await image
    expect(svg.suggestedFilename()).toBe('matrix.svg')
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/)
  })

  it('leaves the console clean', () => {
    expect(consoleProblems).toEqual([])
  })
})
