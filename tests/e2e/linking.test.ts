/**
 * Linking claims across sources, end to end in Chromium through browser mode, on three
 * synthetic articles in a temp folder with claims made through the API: link two claims side
 * by side with a relation key, see badges, hover and jump, read backlinks, link from the L
 * dialog in two key presses (a sentence nobody claimed becomes a claim), search with a typo
 * and pick a relation, link an outside source, delete a linked claim (it says so; undo brings
 * both back), four documents side by side, and links.csv from the export menu.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/core/document/parse'
import type { Claim, WorkbenchState } from '../../src/shared/api'
import {
  invoke,
  launchChromium,
  watchedPage,
  screenshot,
  startBrowserMode,
  type BrowserModeServer,
} from './harness'

const HARBOUR = `Title: Container shipments to the north continue
Outlet: Harbour Gazette
Published: 2026-08-14

North Korea has shipped 13,000 containers of munitions to Russia since mid-2022, citing a Defense Intelligence Agency report.

Moscow denied the allegations on Tuesday, calling them "baseless".

The shipments leave from the port of Rajin, according to satellite images.
`

const WIRE = `Title: Pyongyang arms flow grows
Outlet: Northern Wire
Published: 2026-02-10

About 6,700 containers of munitions had been sent to Russia by February, officials said.

The containers were loaded at Rajin before crossing to Vostochny, a port in the Russian Far East.
`

const MONITOR = `---
title: Rail and sea routes
outlet: Sea Monitor
date: 2026-08-20
---

# Rail and sea routes

Over 13K containers have moved from North Korea to Russia since mid-2022, a US intelligence assessment says.

Russian officials rejected the accusations as fabricated.
`

const SPARE = `Title: Weather at the ports
Outlet: Coastal Bulletin
Published: 2026-08-21

Fog delayed loading at several northern ports this week.
`

const FILES: Record<string, string> = {
  'harbour.txt': HARBOUR,
  'wire.txt': WIRE,
  'monitor.md': MONITOR,
  'spare.txt': SPARE,
}

let project: string
let server: BrowserModeServer
let browser: Browser
let page: Page
let consoleProblems: string[] = []
/** Claim ids by a short name. */
const ids: Record<string, string> = {}

interface SavedLink {
  id: string
  relation: string
  from: string
  to: { kind: 'claim'; claimId: string } | { kind: 'outside'; title: string; url: string }
  note: string
  confidence: string | null
}

function onDisk(): {
  claims: { id: string; target: { quote: { exact: string } } }[]
  links: SavedLink[]
} {
  return JSON.parse(readFileSync(join(project, 'annotations', 'alice.json'), 'utf8')) as {
    claims: { id: string; target: { quote: { exact: string } } }[]
    links: SavedLink[]
  }
}

/** Claims a passage of a project file through the API, as the label keys would. */
async function claim(name: string, path: string, passage: string, label = 'figure') {
  const state = await invoke<WorkbenchState>(server.url, 'getState')
  const key = state.documents.find((document) => document.path === path)!.key
  const text = parseDocument(Buffer.from(FILES[path]!), path).text
  const start = text.indexOf(passage)
  expect(start).toBeGreaterThanOrEqual(0)
  const created = await invoke<Claim>(server.url, 'createClaim', {
    documentKey: key,
    start,
    end: start + passage.length,
    label,
  })
  ids[name] = created.id
}

const pane = (n: number) => page.getByTestId('pane').nth(n)
const highlight = (name: string) =>
  page.locator(`[data-testid="claim-highlight"][data-claim-id="${ids[name]}"]`).first()
const badge = (name: string) => page.locator(`[data-badge-claim="${ids[name]}"]`)
const selectedRow = () => page.locator('[data-testid="claim-row"][aria-current="true"]')

/** Ctrl+click in the sidebar: the document opens in a new pane beside the others. */
const openBeside = (path: string) =>
  page.locator(`[data-testid="doc-item"][data-path="${path}"]`).click({ modifiers: ['Control'] })

async function waitSaved(): Promise<void> {
  await expect
    .poll(() => page.getByTestId('save-state').getAttribute('data-status'), { timeout: 5000 })
    .toBe('saved')
}

const touches = (link: SavedLink, name: string) =>
  link.from === ids[name] || (link.to.kind === 'claim' && link.to.claimId === ids[name])

/** Links wirePort to harbourDenial with B (supports): once they are, a duplicate-link error. */
async function linkAgain(): Promise<void> {
  await highlight('wirePort').click()
  await expect.poll(() => selectedRow().getAttribute('data-claim-id')).toBe(ids.wirePort)
  await page.keyboard.press('Shift+L')
  await highlight('harbourDenial').click()
  await page.getByTestId('link-bar').waitFor()
  await page.keyboard.press('b')
  await page.getByTestId('link-bar').waitFor({ state: 'detached' })
}

async function linksOnDisk(): Promise<SavedLink[]> {
  await waitSaved()
  return onDisk().links
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'corroborate-e2e-linking-'))
  for (const [path, text] of Object.entries(FILES)) writeFileSync(join(project, path), text)
  server = await startBrowserMode(project)
  await invoke(server.url, 'setAnnotator', 'alice')
  await claim(
    'harbourFigure',
    'harbour.txt',
    'shipped 13,000 containers of munitions to Russia since mid-2022',
  )
  await claim('harbourDenial', 'harbour.txt', 'Moscow denied the allegations on Tuesday', 'denial')
  await claim('harbourPort', 'harbour.txt', 'The shipments leave from the port of Rajin')
  await claim(
    'wireFigure',
    'wire.txt',
    'About 6,700 containers of munitions had been sent to Russia by February',
  )
  await claim(
    'wirePort',
    'wire.txt',
    'The containers were loaded at Rajin before crossing to Vostochny',
  )
  browser = await launchChromium()
  const watched = await watchedPage(browser, { width: 1600, height: 900 })
  page = watched.page
  consoleProblems = watched.problems
  await page.goto(server.url)
  await page.locator('[data-testid="doc-item"][data-path="harbour.txt"]').click()
  await openBeside('wire.txt')
  await pane(1).waitFor()
  await highlight('wireFigure').waitFor()
  await highlight('harbourFigure').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (project) rmSync(project, { recursive: true, force: true })
})

describe('linking claims across documents', () => {
  it('never offers a link for plain clicks: a stray relation key links nothing', async () => {
    await highlight('wireFigure').click()
    await expect.poll(() => selectedRow().getAttribute('data-claim-id')).toBe(ids.wireFigure)
    await highlight('harbourFigure').click()
    await expect.poll(() => selectedRow().getAttribute('data-claim-id')).toBe(ids.harbourFigure)
    expect(await page.getByTestId('link-bar').count()).toBe(0)
    await page.keyboard.press('s')
    await page.keyboard.press('u')
    // Without a link in the making, S and U are no command: nothing was sent, nothing saved.
    await waitSaved()
    expect(await page.getByTestId('link-bar').count()).toBe(0)
    expect(existsSync(join(project, 'annotations', 'alice.json')) ? onDisk().links : []).toEqual([])
  })

  it('links a claim to a claim of another document: Shift+L, select it, a relation key', async () => {
    // February's figure first, then August's: August's updates it.
    await highlight('wireFigure').click()
    await expect.poll(() => selectedRow().getAttribute('data-claim-id')).toBe(ids.wireFigure)
    await page.keyboard.press('Shift+L')
    await page.getByTestId('link-start').waitFor()
    // Escape drops the link in the making; the claim stays selected.
    await page.keyboard.press('Escape')
    await page.getByTestId('link-start').waitFor({ state: 'detached' })
    expect(await selectedRow().getAttribute('data-claim-id')).toBe(ids.wireFigure)
    // The claim panel's button starts it too.
    await page.getByTestId('link-with-claim').click()
    await page.getByTestId('link-start').waitFor()
    await highlight('harbourFigure').click()
    await page.getByTestId('link-bar').waitFor()
    await screenshot(page, 'linking-01-link-bar')
    await page.keyboard.press('u')
    await page.getByTestId('link-bar').waitFor({ state: 'detached' })
    await expect.poll(() => badge('wireFigure').textContent()).toBe('1')
    await expect.poll(() => badge('harbourFigure').textContent()).toBe('1')
    const links = await linksOnDisk()
    expect(links).toHaveLength(1)
    expect(links[0]).toMatchObject({
      relation: 'updates',
      from: ids.wireFigure,
      to: { kind: 'claim', claimId: ids.harbourFigure },
    })
    // The relation's colour reaches the badge's dot through the adopted stylesheet.
    const dot = await badge('wireFigure')
      .locator('.link-dot')
      .evaluate((element) => getComputedStyle(element).backgroundColor)
    expect(dot).toBe('rgb(255, 127, 14)')
  })

  it('lists the backlink in the claim panel and jumps to the other passage from it', async () => {
    // harbourFigure is selected: its link came from wireFigure.
    const backlinks = page.getByTestId('backlinks')
    await expect.poll(() => backlinks.textContent()).toContain('wire.txt')
    await backlinks.getByTestId('link-jump').click()
    await expect.poll(() => selectedRow().getAttribute('data-claim-id')).toBe(ids.wireFigure)
    // The other document's pane is focused, and the passage is outlined in view.
    expect(await pane(1).getAttribute('class')).toContain('focused')
    const outlined = pane(1).locator('.claim-selected')
    await expect
      .poll(() => outlined.allTextContents().then((parts) => parts.join('')))
      .toContain('6,700 containers')
    expect(await outlined.first().isVisible()).toBe(true)
  })

  it('shows the targets when hovering a badge, and jumps on a click', async () => {
    await badge('wireFigure').hover()
    const card = page.getByTestId('link-card')
    await card.waitFor()
    expect(await card.textContent()).toContain('shipped 13,000 containers')
    await screenshot(page, 'linking-02-hover-card')
    await card.getByTestId('card-jump').click()
    await expect.poll(() => selectedRow().getAttribute('data-claim-id')).toBe(ids.harbourFigure)
    expect(await pane(0).getAttribute('class')).toContain('focused')
    await card.waitFor({ state: 'detached' })
  })

  it('opens a pinned card from the keyboard; Escape closes it and keeps the selection', async () => {
    await badge('harbourFigure').focus()
    await page.keyboard.press('Enter')
    const card = page.getByTestId('link-card')
    await card.waitFor()
    // The focus moves into the card, onto its first target.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('card-jump')
    await page.keyboard.press('Escape')
    await card.waitFor({ state: 'detached' })
    expect(await selectedRow().getAttribute('data-claim-id')).toBe(ids.harbourFigure)
    // A card left open does not follow into another view.
    await badge('harbourFigure').hover()
    await card.waitFor()
    await page.keyboard.press('Alt+2')
    await card.waitFor({ state: 'detached' })
    await page.keyboard.press('Alt+1')
    await pane(1).waitFor()
    // Back in the documents, the pointer leaving the badge lets any card go.
    await page.mouse.move(5, 5)
    await card.waitFor({ state: 'detached' })
  })

  it('links to the top suggestion with L, Enter: an unclaimed sentence becomes a claim', async () => {
    await highlight('harbourFigure').click()
    await expect.poll(() => selectedRow().getAttribute('data-claim-id')).toBe(ids.harbourFigure)
    const before = onDisk().claims.length
    // Typed at once, before the suggestions have arrived: Enter takes the top one when they do.
    await page.keyboard.press('l')
    const dialog = page.getByTestId('link-dialog')
    await dialog.waitFor()
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    // The focus is back in the reader: its keys work at once.
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')),
    ).toBe(true)
    await expect.poll(async () => (await linksOnDisk()).length).toBe(2)
    const saved = onDisk()
    expect(saved.claims).toHaveLength(before + 1)
    const created = saved.claims.find((candidate) =>
      candidate.target.quote.exact.includes('Over 13K containers'),
    )!
    expect(saved.links[1]).toMatchObject({
      relation: 'same',
      from: ids.harbourFigure,
      to: { kind: 'claim', claimId: created.id },
    })
    await expect.poll(() => badge('harbourFigure').textContent()).toBe('2')
  })

  it('L, Enter again links the next target: one linked already is marked and skipped', async () => {
    const before = await linksOnDisk()
    await page.keyboard.press('l')
    const dialog = page.getByTestId('link-dialog')
    await dialog.waitFor()
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => (await linksOnDisk()).length).toBe(before.length + 1)
    const added = (await linksOnDisk()).at(-1)!
    const linkedBefore = new Set(
      before.flatMap((link) => [link.from, link.to.kind === 'claim' ? link.to.claimId : '']),
    )
    const other =
      added.from === ids.harbourFigure ? added.to : { kind: 'claim', claimId: added.from }
    expect(other.kind === 'claim' && linkedBefore.has(other.claimId)).toBe(false)
    expect(await page.getByTestId('error-message').count()).toBe(0)
    await expect.poll(() => badge('harbourFigure').textContent()).toBe('3')
    // The targets linked already are listed, marked, in the dialog and in the panel.
    await page.keyboard.press('l')
    await dialog.waitFor()
    await expect
      .poll(() => dialog.locator('[data-testid="link-target"][data-linked]').count())
      .toBeGreaterThanOrEqual(2)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect
      .poll(() => page.locator('[data-testid="suggestion"][data-linked]').count())
      .toBeGreaterThanOrEqual(1)
  })

  it('searches every claim by typing (typos and all) and picks the relation with Alt+key', async () => {
    await highlight('harbourPort').click()
    await page.keyboard.press('l')
    const dialog = page.getByTestId('link-dialog')
    await dialog.waitFor()
    await expect.poll(() => dialog.getByTestId('link-target').count()).toBeGreaterThan(1)
    await screenshot(page, 'linking-03-link-dialog')
    // A first query, then another typed over it and Enter at once: the link goes to a result of
    // the second query, never to a lingering result of the first.
    await page.keyboard.type('mosc')
    await expect
      .poll(() => dialog.getByTestId('link-target').first().textContent())
      .toContain('Moscow denied')
    await page.keyboard.press('Control+a')
    await page.keyboard.type('vostochy')
    await page.keyboard.press('Alt+KeyX')
    expect(
      await dialog
        .locator('.relation-chip[data-relation="contradicts"]')
        .first()
        .getAttribute('aria-pressed'),
    ).toBe('true')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => (await linksOnDisk()).at(-1)?.from).toBe(ids.harbourPort)
    const links = await linksOnDisk()
    expect(links.at(-1)).toMatchObject({
      relation: 'contradicts',
      from: ids.harbourPort,
      to: { kind: 'claim', claimId: ids.wirePort },
    })
  })

  it('links a claim to an outside source', async () => {
    await highlight('harbourFigure').click()
    await page.keyboard.press('o')
    const dialog = page.getByTestId('outside-dialog')
    await dialog.waitFor()
    await dialog.getByTestId('outside-url').fill('javascript:alert(1)')
    await dialog.getByTestId('outside-title').fill('Defense Intelligence Agency assessment')
    await dialog.getByTestId('outside-save').click()
    expect(await dialog.getByRole('alert').textContent()).toContain('http')
    await dialog.getByTestId('outside-url').fill('https://dia.example.gov/assessment')
    await dialog.getByTestId('outside-date').fill('2026-08')
    await screenshot(page, 'linking-04-outside-source')
    await dialog.getByTestId('outside-save').click()
    await dialog.waitFor({ state: 'detached' })
    await expect
      .poll(() => page.getByTestId('link-outside').textContent())
      .toContain('Defense Intelligence Agency assessment')
    const outside = (await linksOnDisk()).find((link) => link.to.kind === 'outside')
    expect(outside).toMatchObject({
      relation: 'cites',
      from: ids.harbourFigure,
      to: {
        title: 'Defense Intelligence Agency assessment',
        url: 'https://dia.example.gov/assessment',
      },
    })
    await expect.poll(() => badge('harbourFigure').textContent()).toBe('4')
    await screenshot(page, 'linking-05-claim-links')
  })

  it('says so before deleting a linked claim, removes its links, and undo brings both back', async () => {
    await highlight('harbourFigure').click()
    await page.keyboard.press('Delete')
    const dialog = page.getByTestId('delete-claim-dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('4 links')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await expect
      .poll(async () => (await linksOnDisk()).some((link) => touches(link, 'harbourFigure')))
      .toBe(false)
    expect(onDisk().claims.some((saved) => saved.id === ids.harbourFigure)).toBe(false)
    await badge('wireFigure').waitFor({ state: 'detached' })
    await page.keyboard.press('Control+z')
    await expect
      .poll(
        async () => (await linksOnDisk()).filter((link) => touches(link, 'harbourFigure')).length,
      )
      .toBe(4)
    await expect.poll(() => badge('wireFigure').textContent()).toBe('1')
  })

  it('accepts the first suggestion of the claim panel with A', async () => {
    await highlight('wireFigure').click()
    await expect.poll(() => selectedRow().getAttribute('data-claim-id')).toBe(ids.wireFigure)
    const first = page.getByTestId('suggestion').first()
    await first.waitFor()
    const quote = (await first.locator('.target-quote').textContent())!.slice(0, 25)
    const before = (await linksOnDisk()).length
    const claimsBefore = onDisk().claims.length
    // Pressed twice in a row: one link, not two (nor two copies of a new claim). Both presses
    // reach the page in one task, so the second surely comes while the first is under way;
    // two presses driven one after the other could be a second apart on a loaded machine, and
    // then the second rightly accepts the next suggestion.
    await page.evaluate(`(() => {
      const target = document.activeElement ?? document.body
      for (let n = 0; n < 2; n++) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', code: 'KeyA', bubbles: true, cancelable: true }))
      }
    })()`)
    const rows = page.getByTestId('claim-links').getByTestId('link-row')
    await expect
      .poll(() => rows.allTextContents().then((texts) => texts.join('\n')))
      .toContain(quote)
    // The panel listed the link, and its suggestions were asked again: whatever the second
    // press could have sent has been answered by now (it would queue right behind the first).
    await page.locator('[data-testid="suggestion"][data-linked]').first().waitFor()
    expect((await linksOnDisk()).length).toBe(before + 1)
    expect(onDisk().claims.length).toBeLessThanOrEqual(claimsBefore + 1)
    expect(await page.getByTestId('error-message').count()).toBe(0)
  })

  it('changes a relation key in the settings; the dialogs follow', async () => {
    await page.getByTestId('open-settings').click()
    const settings = page.getByTestId('settings-dialog')
    await settings.waitFor()
    await settings.getByLabel('Key of Supports').fill('b')
    await screenshot(page, 'linking-06-relation-settings')
    await settings.getByRole('button', { name: 'Save', exact: true }).click()
    await settings.waitFor({ state: 'detached' })
    const saved = JSON.parse(readFileSync(join(project, 'corroborate.json'), 'utf8')) as {
      relations: { id: string; key: string | null }[]
    }
    expect(saved.relations.find((relation) => relation.id === 'supports')?.key).toBe('b')
    await highlight('wirePort').click()
    await page.keyboard.press('l')
    const dialog = page.getByTestId('link-dialog')
    await dialog.waitFor()
    expect(
      await dialog.locator('.relation-chip[data-relation="supports"]').first().textContent(),
    ).toContain('Alt+B')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    // The new key works in the link bar: wirePort, then harbourDenial, B = supports.
    await page.keyboard.press('Shift+L')
    await highlight('harbourDenial').click()
    await page.getByTestId('link-bar').waitFor()
    await page.keyboard.press('b')
    await page.getByTestId('link-bar').waitFor({ state: 'detached' })
    await expect
      .poll(async () => (await linksOnDisk()).at(-1))
      .toMatchObject({
        relation: 'supports',
        from: ids.wirePort,
        to: { kind: 'claim', claimId: ids.harbourDenial },
      })
  })

  it('shows a repeated error once, with a count, and lets it go by itself', async () => {
    // wirePort and harbourDenial are linked as "supports" already: linking them so again fails.
    await linkAgain()
    const notice = page.getByTestId('error-message')
    await notice.waitFor()
    await linkAgain()
    await expect.poll(() => notice.getByTestId('notice-count').textContent()).toBe('×2')
    expect(await notice.count()).toBe(1)
    await screenshot(page, 'linking-07-repeated-error')
    await notice.waitFor({ state: 'detached', timeout: 20_000 })
  })

  it("edits a link's relation, confidence and note in the claim panel", async () => {
    await highlight('wirePort').click()
    await expect.poll(() => selectedRow().getAttribute('data-claim-id')).toBe(ids.wirePort)
    const row = page
      .getByTestId('claim-links')
      .getByTestId('link-row')
      .filter({ hasText: 'Moscow denied' })
    await row.getByTestId('link-relation').selectOption('contradicts')
    await row.getByLabel('Confidence in the link').selectOption('high')
    await row.getByLabel('Note on the link').fill('Same day, opposite claims.')
    await page.keyboard.press('Enter')
    await expect
      .poll(async () =>
        (await linksOnDisk()).find(
          (link) => link.from === ids.wirePort && touches(link, 'harbourDenial'),
        ),
      )
      .toMatchObject({
        relation: 'contradicts',
        confidence: 'high',
        note: 'Same day, opposite claims.',
      })
  })

  it('keeps the linking keys to the documents view and out of form fields', async () => {
    await highlight('wirePort').click()
    await page.keyboard.press('Alt+3')
    await page.getByRole('grid').first().waitFor()
    await page.keyboard.press('l')
    await page.keyboard.press('o')
    expect(await page.getByTestId('link-dialog').count()).toBe(0)
    expect(await page.getByTestId('outside-dialog').count()).toBe(0)
    await page.keyboard.press('Alt+1')
    await page.getByTestId('claim-filter-text').fill('l')
    expect(await page.getByTestId('link-dialog').count()).toBe(0)
    await page.getByTestId('claim-filter-text').fill('')
  })

  it('reads four documents side by side', async () => {
    for (const path of ['monitor.md', 'spare.txt']) {
      await openBeside(path)
    }
    await expect.poll(() => page.getByTestId('pane').count()).toBe(4)
    const boxes = await Promise.all([0, 1, 2, 3].map((n) => pane(n).boundingBox()))
    // Two by two: every pane keeps a readable width.
    for (const box of boxes) expect(box!.width).toBeGreaterThan(400)
    await screenshot(page, 'linking-08-four-panes')
  })

  it('exports links.csv from the export menu', async () => {
    const download = page.waitForEvent('download')
    await page.getByTestId('export-more').selectOption('links')
    const file = await (await download).path()
    const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(rows).toHaveLength(onDisk().links.length)
    expect(new Set(rows.map((row) => row.relation))).toEqual(
      new Set(onDisk().links.map((link) => link.relation)),
    )
    expect(rows.map((row) => row.relation)).toContain('cites')
  })

  it('keeps a notice while the pointer is over it, and lets it go once it leaves', async () => {
    // The page's clock from here on: time is moved on by the test, not waited for.
    await page.clock.install()
    // The link was edited to "contradicts" since: the first makes it again, the second fails.
    await linkAgain()
    await linkAgain()
    const notice = page.getByTestId('error-message')
    await notice.waitFor()
    await notice.hover()
    await page.clock.runFor(30_000)
    expect(await notice.count()).toBe(1)
    await page.mouse.move(5, 5)
    await page.clock.runFor(30_000)
    await notice.waitFor({ state: 'detached' })
  })

  it('raised no console errors and no CSP violations', () => {
    expect(consoleProblems).toEqual([])
  })
})
