/**
 * A project for the dataset CLI tests: two articles on disk (one with CRLF line ends), with emoji
 * and a combining letter before every claim, annotated by alice through the real Workbench
 * (claims with every field set, links between articles, within one, and to an outside source).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createWorkbench } from '../../../src/backend'
import type { Claim, Link } from '../../../src/core/model'
import { tempDir, writeFiles } from '../backend/helpers'
import { DAILY_SOURCE, WIRE_SOURCE } from '../core/export/dataset-fixture'

export const ARTICLES = { 'news/wire.txt': WIRE_SOURCE, 'daily.txt': DAILY_SOURCE }

/** `folder`: where to make it (default a temp folder removed after each test). */
export async function annotatedProject(folder?: string): Promise<string> {
  const root = folder ?? (await tempDir())
  await writeFiles(root, ARTICLES)
  const workbench = createWorkbench({
    settingsDir: null,
    samplesDir: join(root, '.no-samples'),
    log: () => {},
  })
  try {
    await workbench.setAnnotator('alice')
    const state = await workbench.openProject(root)
    const claim = async (path: string, passage: string, label: string) => {
      const key = state.documents.find((document) => document.path === path)!.key
      const { text } = await workbench.openDocument(key)
      const start = text.indexOf(passage)
      return workbench.createClaim({ documentKey: key, start, end: start + passage.length, label })
    }
    const containers = await claim('news/wire.txt', '13,000 containers arrived', 'figure')
    await workbench.updateClaim(containers.id, {
      status: 'alleged',
      certainty: 'high',
      attributedTo: 'Ta\u0331ha Park',
      note: 'Port figures;\nsecond line',
      tags: ['port', 'rating:Mostly true'],
    })
    const denial = await claim('news/wire.txt', 'denied that 152 mm shells were aboard', 'denial')
    await workbench.updateClaim(denial.id, { status: 'denied', certainty: 'low' })
    const reached = await claim('daily.txt', '13,000 containers reached Rajin', 'figure')
    await workbench.createLink({
      from: containers.id,
      to: { kind: 'claim', claimId: reached.id },
      relation: 'same',
    })
    await workbench.createLink({
      from: denial.id,
      to: { kind: 'claim', claimId: containers.id },
      relation: 'contradicts',
      note: 'Shells, not containers',
      confidence: 'medium',
    })
    await workbench.createLink({
      from: reached.id,
      to: {
        kind: 'outside',
        url: 'https://example.org/port',
        title: 'Port bulletin',
        publisher: 'Rajin port',
        date: '2026-03',
        quote: '',
      },
      relation: 'cites',
    })
  } finally {
    await workbench.close()
  }
  return root
}

export async function annotatorFile(
  root: string,
  annotator: string,
): Promise<{ claims: Claim[]; links: Link[] }> {
  return JSON.parse(await readFile(join(root, 'annotations', `${annotator}.json`), 'utf8'))
}

/** What an import must keep of a claim (ids, annotator and times are the import's own). */
export function essence(claim: Claim) {
  return {
    document: claim.document,
    target: claim.target,
    label: claim.label,
    attributedTo: claim.attributedTo,
    status: claim.status,
    certainty: claim.certainty,
    note: claim.note,
    tags: claim.tags,
  }
}

export function linkEssence(link: Link, claims: readonly Claim[]) {
  const quote = (id: string) => claims.find((claim) => claim.id === id)?.target.quote.exact
  return {
    relation: link.relation,
    from: quote(link.from),
    to: link.to.kind === 'claim' ? quote(link.to.claimId) : link.to,
    note: link.note,
    confidence: link.confidence,
  }
}

export const sortedBy = <T>(items: T[]) =>
  [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
