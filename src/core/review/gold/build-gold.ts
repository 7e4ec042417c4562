/**
 * Building the gold file: the annotators' units merged into one ordinary annotator file (by
 * default annotations/gold.json), from the reviewers' decisions and an automatic strategy for
 * the units nobody decided. Pure: the backend reads the files, places the claims, aligns them
 * and writes the result.
 *
 * Per unit, in this order:
 *   1. a gold claim edited by hand after the merge (its `updated` differs from its
 *      `provenance.merged`), or made by hand (no provenance), is kept as it is;
 *   2. a stale decision (a version changed since): the unit's gold claim is left as it is;
 *   3. a decision: its result ('adjudicated'), or no claim for 'reject';
 *   4. otherwise the strategy: 'unanimous' (every annotator made the same claim: span, label,
 *      status, certainty, attribution), 'silent-others' (everyone who made one made the same,
 *      the others made none), 'min-votes' (at least N identical versions, and no other variant
 *      with as many); marked 'unanimous' when every annotator agreed, 'automatic' otherwise.
 *      'none' adds nothing and leaves earlier automatic claims alone; `undoAutomatic` removes
 *      every automatic and unanimous claim not edited by hand.
 * An automatic claim whose unit is gone (its versions were deleted or now align elsewhere) is
 * removed by the next run of a strategy or by `undoAutomatic`; an adjudicated one stays.
 * Gold claim ids derive from the gold file's name and the unit key (unit-key.ts derivedId), so a
 * re-run finds its own claims. A claim someone deleted by hand (a tombstone the merge did not
 * write) is not brought back unless a version or decision is newer than the deletion.
 *
 * Links: each annotator link whose ends fall in units with a gold claim becomes one gold link
 * per (relation, from unit, to unit or outside address); "same claim" and the other undirected
 * relations are one link whichever way they were drawn. So links between claims of different
 * annotators become gold links, and clusters of "same claim" links follow. A gold link whose end
 * is gone goes too.
 *
 * Cluster wordings: each annotator's chosen wording of a cluster is mapped through its member
 * claims' units onto the gold claims; wordings whose members map to the same gold claims are one
 * gold cluster wording, with provenance (the wordings it comes from). Its words are those most
 * annotators chose (on a tie, the most recently set). A wording edited or set by hand in the
 * gold file (no provenance, or `updated` differing from `provenance.merged`) is kept, and no
 * merged wording is written over a cluster it words. A merged wording no longer wanted becomes
 * "no wording" (wordings have no tombstones: a version saying none is what merges right).
 */
import { describeRange } from '../../anchoring/selectors'
import type { AnnotationFile } from '../../model/annotation-file'
import type { Claim, Tombstone } from '../../model/claim'
import { nextTimestamp } from '../../model/ids'
import type { ClusterWording, Link } from '../../model/link'
import type { Provenance, ProvenanceHow } from '../../model/provenance'
import { PICKABLE_FIELDS, type Decision, type UnitDecision } from './decisions'
import { derivedId } from './unit-key'

export type MergeStrategy =
  | { kind: 'none' }
  | { kind: 'unanimous' }
  | { kind: 'silent-others' }
  | { kind: 'min-votes'; votes: number }

export interface GoldVersion {
  annotator: string
  claim: Claim
  /** Placed in the document's current text. */
  start: number
  end: number
}

export interface GoldUnit {
  key: string
  document: { id: string; path: string; text: string }
  /** In annotator order. */
  versions: readonly GoldVersion[]
}

export interface GoldInput {
  /** The gold file's annotator name (its claims' `annotator`). */
  gold: string
  /** Every annotator merged (the gold file's own name excluded). */
  annotators: readonly string[]
  units: readonly GoldUnit[]
  /** The decision state of a unit, every reviewer's decisions together. */
  decisionOf(unit: GoldUnit): UnitDecision
  strategy: MergeStrategy
  undoAutomatic: boolean
  links: ReadonlyMap<string, readonly Link[]>
  /** Each annotator's cluster wordings (absent: none merged). */
  wordings?: ReadonlyMap<string, readonly ClusterWording[]>
  undirected: ReadonlySet<string>
  /** The gold file as it is now, or null. */
  existing: AnnotationFile | null
  now: string
}

export interface GoldCounts {
  added: number
  updated: number
  removed: number
  unchanged: number
  /** Kept because edited or made by hand. */
  handEdited: number
  /** Kept because their decision is stale. */
  stale: number
}

export interface GoldResult {
  file: AnnotationFile
  claims: GoldCounts
  links: GoldCounts
  clusters: GoldCounts
  /** Decisions that could not be applied (a version they name is gone...), for people. */
  problems: string[]
}

/** The header field remembering which gold objects the merge itself removed. */
export const MERGE_REMOVED_FIELD = 'mergeRemoved'

type Fields = Pick<Claim, (typeof PICKABLE_FIELDS)[number]>

interface Desired {
  start: number
  end: number
  fields: Fields
  how: ProvenanceHow
  decision: Decision | null
}

export function buildGold(input: GoldInput): GoldResult {
  const { gold, now } = input
  const existing = input.existing
  const claims = new Map((existing?.claims ?? []).map((claim) => [claim.id, claim]))
  const tombstones = new Map((existing?.deleted ?? []).map((t) => [t.id, t]))
  const removedByMerge = new Set(removedList(existing))
  const byUnit = new Map<string, Claim>()
  for (const claim of claims.values()) {
    if (claim.provenance) byUnit.set(claim.provenance.unit, claim)
  }
  const counts = emptyCounts()
  const problems: string[] = []
  const remove = (id: string, into: Map<string, Tombstone>, updated: string) => {
    into.set(id, { id, deleted: nextTimestamp(updated, Date.parse(now)) })
    removedByMerge.add(id)
  }

  for (const unit of input.units) {
    const id = derivedId(gold, unit.key)
    const current = byUnit.get(unit.key) ?? claims.get(id)
    if (current && (!current.provenance || handEdited(current))) {
      counts.handEdited++
      continue
    }
    const decision = input.decisionOf(unit)
    if (decision.state === 'stale') {
      if (current) counts.stale++
      continue
    }
    let desired: Desired | null = null
    if (decision.state === 'decided') {
      const applied = fromDecision(unit, decision.decision!)
      if (typeof applied === 'string') {
        problems.push(applied)
        if (current) counts.unchanged++
        continue
      }
      desired = applied
    } else if (!input.undoAutomatic) {
      desired = fromStrategy(unit, input.strategy, input.annotators.length)
    }
    if (!desired) {
      const keep =
        current &&
        decision.state === 'open' &&
        current.provenance!.how !== 'adjudicated' &&
        !input.undoAutomatic &&
        input.strategy.kind === 'none'
      if (current && !keep) {
        claims.delete(current.id)
        remove(current.id, tombstones, current.updated)
        counts.removed++
      } else if (current) counts.unchanged++
      continue
    }
    const next = goldClaim(gold, unit, desired, current, now)
    if (current) {
      if (sameContent(current, next)) counts.unchanged++
      else {
        claims.set(current.id, next)
        counts.updated++
      }
      continue
    }
    const tombstone = tombstones.get(id)
    if (tombstone && !removedByMerge.has(id) && !newerThan(unit, desired, tombstone.deleted)) {
      counts.handEdited++ // Deleted by hand, and nothing changed since.
      continue
    }
    tombstones.delete(id)
    removedByMerge.delete(id)
    claims.set(id, next)
    counts.added++
  }

  // Automatic claims of units that are no longer there (a claim was deleted, or edited so that
  // it aligns elsewhere) rested on versions that changed: the strategy decides afresh, and
  // undoing removes them too. Adjudicated ones stay: their decision shows as stale.
  const current = new Set(input.units.map((unit) => unit.key))
  const recompute = input.undoAutomatic || input.strategy.kind !== 'none'
  for (const claim of [...claims.values()]) {
    const provenance = claim.provenance
    if (!provenance || handEdited(claim) || current.has(provenance.unit)) continue
    if (provenance.how === 'adjudicated' || !recompute) continue
    claims.delete(claim.id)
    remove(claim.id, tombstones, claim.updated)
    counts.removed++
  }

  const links = mergeLinks(input, claims, removedByMerge)
  const wordings = mergeWordings(input, claims)
  const file: AnnotationFile = {
    ...(existing ?? {}),
    format: 'corroborate/annotations',
    version: 2,
    annotator: gold,
    claims: [...claims.values()].sort(byId),
    deleted: [...tombstones.values()].sort(byId),
    links: links.links.sort(byId),
    deletedLinks: links.deleted.sort(byId),
    clusters: wordings.wordings.sort(byId),
    [MERGE_REMOVED_FIELD]: [...removedByMerge].sort(),
  }
  return { file, claims: counts, links: links.counts, clusters: wordings.counts, problems }
}

function emptyCounts(): GoldCounts {
  return { added: 0, updated: 0, removed: 0, unchanged: 0, handEdited: 0, stale: 0 }
}

function removedList(file: AnnotationFile | null): string[] {
  const list = (file as Record<string, unknown> | null)?.[MERGE_REMOVED_FIELD]
  return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : []
}

function handEdited(object: { updated: string; provenance?: Provenance }): boolean {
  return object.provenance !== undefined && object.updated !== object.provenance.merged
}

/** Whether a version or the decision is newer than a deletion by hand. */
function newerThan(unit: GoldUnit, desired: Desired, deleted: string): boolean {
  const time = Date.parse(deleted)
  if (desired.decision && Date.parse(desired.decision.decided) > time) return true
  return unit.versions.some((version) => Date.parse(version.claim.updated) > time)
}

function fieldsOf(claim: Claim): Fields {
  return {
    label: claim.label,
    status: claim.status,
    certainty: claim.certainty,
    attributedTo: claim.attributedTo,
    note: claim.note,
    tags: claim.tags,
  }
}

/** What decides an automatic merge: the span and the fields people argue about. */
function variantOf(version: GoldVersion): string {
  const { claim } = version
  return JSON.stringify([
    version.start,
    version.end,
    claim.label,
    claim.status,
    claim.certainty,
    claim.attributedTo,
  ])
}

function fromStrategy(unit: GoldUnit, strategy: MergeStrategy, annotators: number): Desired | null {
  if (strategy.kind === 'none' || unit.versions.length === 0) return null
  const groups = new Map<string, GoldVersion[]>()
  for (const version of unit.versions) {
    const key = variantOf(version)
    const group = groups.get(key)
    if (group) group.push(version)
    else groups.set(key, [version])
  }
  const everyone = unit.versions.length === annotators && groups.size === 1
  let chosen: GoldVersion | null = null
  if (strategy.kind === 'unanimous') chosen = everyone ? unit.versions[0]! : null
  else if (strategy.kind === 'silent-others') chosen = groups.size === 1 ? unit.versions[0]! : null
  else {
    const sizes = [...groups.values()].map((group) => group.length).sort((a, b) => b - a)
    const best = [...groups.values()].find((group) => group.length === sizes[0])!
    if (sizes[0]! >= strategy.votes && sizes[1] !== sizes[0]) chosen = best[0]!
  }
  if (!chosen) return null
  return {
    start: chosen.start,
    end: chosen.end,
    fields: fieldsOf(chosen.claim),
    how: everyone ? 'unanimous' : 'automatic',
    decision: null,
  }
}

/** The decision's result, or a message when it names a version the unit lacks. */
function fromDecision(unit: GoldUnit, decision: Decision): Desired | null | string {
  const { action } = decision
  const version = (annotator: string) => unit.versions.find((v) => v.annotator === annotator)
  const missing = (annotator: string) =>
    `The decision of ${decision.reviewer} on a unit of ${unit.document.path} names ${annotator}'s version, which the unit does not have.`
  const adjudicated = (start: number, end: number, fields: Fields): Desired => ({
    start,
    end,
    fields,
    how: 'adjudicated',
    decision,
  })
  switch (action.kind) {
    case 'reject':
    case 'withdrawn':
      return null
    case 'take': {
      const v = version(action.annotator)
      return v ? adjudicated(v.start, v.end, fieldsOf(v.claim)) : missing(action.annotator)
    }
    case 'union':
    case 'intersection': {
      const v = version(action.fields)
      if (!v) return missing(action.fields)
      const starts = unit.versions.map((x) => x.start)
      const ends = unit.versions.map((x) => x.end)
      const [start, end] =
        action.kind === 'union'
          ? [Math.min(...starts), Math.max(...ends)]
          : [Math.max(...starts), Math.min(...ends)]
      if (!(start < end)) {
        return `The decision of ${decision.reviewer} on a unit of ${unit.document.path} intersects spans that share no character.`
      }
      return adjudicated(start, end, fieldsOf(v.claim))
    }
    case 'pick': {
      const span = version(action.span)
      if (!span) return missing(action.span)
      const fields = fieldsOf(span.claim)
      for (const [field, annotator] of Object.entries(action.fields ?? {})) {
        const from = version(annotator)
        if (!from) return missing(annotator)
        Object.assign(fields, { [field]: fieldsOf(from.claim)[field as keyof Fields] })
      }
      return adjudicated(span.start, span.end, fields)
    }
    case 'edit': {
      const from = version(action.from)
      if (!from) return missing(action.from)
      const start = action.start ?? from.start
      const end = action.end ?? from.end
      if (!(start < end) || end > unit.document.text.length) {
        return `The decision of ${decision.reviewer} on a unit of ${unit.document.path} gives a range outside the text.`
      }
      const patch = Object.fromEntries(
        Object.entries(action.patch).filter(([, value]) => value !== undefined),
      )
      return adjudicated(start, end, { ...fieldsOf(from.claim), ...patch })
    }
  }
}

function goldClaim(
  gold: string,
  unit: GoldUnit,
  desired: Desired,
  current: Claim | undefined,
  now: string,
): Claim {
  const range = describeRange(unit.document.text, desired.start, desired.end)
  const updated = current ? nextTimestamp(current.updated, Date.parse(now)) : now
  const provenance: Provenance = {
    unit: unit.key,
    sources: unit.versions.map((v) => ({
      annotator: v.annotator,
      id: v.claim.id,
      updated: v.claim.updated,
    })),
    how: desired.how,
    reason: desired.decision?.reason ?? null,
    reviewer: desired.decision?.reviewer ?? null,
    merged: updated,
  }
  return {
    id: current?.id ?? derivedId(gold, unit.key),
    document: { id: unit.document.id, path: unit.document.path },
    target: {
      position: { start: range.position.start, end: range.position.end },
      quote: { exact: range.quote.exact, prefix: range.quote.prefix, suffix: range.quote.suffix },
    },
    ...desired.fields,
    annotator: gold,
    created: current?.created ?? now,
    updated,
    provenance,
  }
}

/** Equal but for times (and key order: a file read back lists keys in schema order). */
function sameContent(a: Claim | Link, b: Claim | Link): boolean {
  const strip = (object: Claim | Link) => {
    const { updated, created, provenance, ...rest } = object
    void updated
    void created
    return canonicalJson([rest, provenance ? { ...provenance, merged: null } : null])
  }
  return strip(a) === strip(b)
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : v,
  )
}

// ---- Links ---------------------------------------------------------------------------------

function mergeLinks(
  input: GoldInput,
  claims: Map<string, Claim>,
  removedByMerge: Set<string>,
): { links: Link[]; deleted: Tombstone[]; counts: GoldCounts } {
  const { gold, now, existing } = input
  const counts = emptyCounts()
  const links = new Map((existing?.links ?? []).map((link) => [link.id, link]))
  const tombstones = new Map((existing?.deletedLinks ?? []).map((t) => [t.id, t]))
  // Which unit each annotator claim is in, and the gold claim of each unit.
  const unitOfClaim = new Map<string, GoldUnit>()
  for (const unit of input.units) {
    for (const version of unit.versions) unitOfClaim.set(version.claim.id, unit)
  }
  const goldOfUnit = new Map<string, Claim>()
  for (const claim of claims.values()) {
    if (claim.provenance) goldOfUnit.set(claim.provenance.unit, claim)
  }
  // The wanted links, by key, with the annotators' links they come from.
  const wanted = new Map<string, { sources: { annotator: string; link: Link }[] }>()
  for (const annotator of input.annotators) {
    for (const link of input.links.get(annotator) ?? []) {
      const from = unitOfClaim.get(link.from)
      if (!from || !goldOfUnit.has(from.key)) continue
      let key: string
      if (link.to.kind === 'claim') {
        const to = unitOfClaim.get(link.to.claimId)
        if (!to || !goldOfUnit.has(to.key)) continue
        const ends = [from.key, to.key]
        if (input.undirected.has(link.relation)) ends.sort()
        key = `${link.relation}|${ends[0]}|${ends[1]}`
      } else {
        key = `${link.relation}|${from.key}|outside:${outsideKey(link.to)}`
      }
      const entry = wanted.get(key)
      if (entry) entry.sources.push({ annotator, link })
      else wanted.set(key, { sources: [{ annotator, link }] })
    }
  }
  const byKey = new Map<string, Link>()
  for (const link of links.values()) if (link.provenance) byKey.set(link.provenance.unit, link)

  for (const [key, { sources }] of wanted) {
    const id = derivedId(gold, 'link', key)
    const current = byKey.get(key) ?? links.get(id)
    if (current && (!current.provenance || handEdited(current))) {
      counts.handEdited++
      continue
    }
    const first = sources[0]!.link
    const from = goldOfUnit.get(unitOfClaim.get(first.from)!.key)!
    const to: Link['to'] =
      first.to.kind === 'claim'
        ? { kind: 'claim', claimId: goldOfUnit.get(unitOfClaim.get(first.to.claimId)!.key)!.id }
        : first.to
    const everyone = new Set(sources.map((s) => s.annotator)).size === input.annotators.length
    const updated = current ? nextTimestamp(current.updated, Date.parse(now)) : now
    const next: Link = {
      id: current?.id ?? id,
      relation: first.relation,
      from: from.id,
      to,
      note: first.note,
      confidence: first.confidence,
      annotator: gold,
      created: current?.created ?? now,
      updated,
      provenance: mergedProvenance(
        key,
        sources.map((s) => ({ annotator: s.annotator, object: s.link })),
        everyone,
        updated,
      ),
    }
    if (current) {
      if (sameContent(current, next)) counts.unchanged++
      else {
        links.set(current.id, next)
        counts.updated++
      }
      continue
    }
    const tombstone = tombstones.get(id)
    const newer = sources.some(
      (s) => Date.parse(s.link.updated) > Date.parse(tombstone?.deleted ?? ''),
    )
    if (tombstone && !removedByMerge.has(id) && !newer) {
      counts.handEdited++
      continue
    }
    tombstones.delete(id)
    removedByMerge.delete(id)
    links.set(id, next)
    counts.added++
  }
  // Merged links no longer wanted (not edited by hand), and any link whose claim is gone.
  for (const link of [...links.values()]) {
    const ends = link.to.kind === 'claim' ? [link.from, link.to.claimId] : [link.from]
    const dangling = !ends.every((id) => claims.has(id))
    const unwanted =
      link.provenance !== undefined && !handEdited(link) && !wanted.has(link.provenance.unit)
    if (dangling || unwanted) {
      links.delete(link.id)
      tombstones.set(link.id, {
        id: link.id,
        deleted: nextTimestamp(link.updated, Date.parse(now)),
      })
      removedByMerge.add(link.id)
      counts.removed++
    }
  }
  return { links: [...links.values()], deleted: [...tombstones.values()], counts }
}

// ---- Cluster wordings ----------------------------------------------------------------------

function mergeWordings(
  input: GoldInput,
  claims: Map<string, Claim>,
): { wordings: ClusterWording[]; counts: GoldCounts } {
  const { now } = input
  const counts = emptyCounts()
  const existing = input.existing?.clusters ?? []
  const result = new Map(existing.map((wording) => [wording.id, wording]))
  const goldOfUnit = new Map<string, string>()
  for (const claim of claims.values()) {
    if (claim.provenance) goldOfUnit.set(claim.provenance.unit, claim.id)
  }
  const goldOfClaim = new Map<string, string>()
  for (const unit of input.units) {
    const gold = goldOfUnit.get(unit.key)
    if (gold === undefined) continue
    for (const version of unit.versions) goldOfClaim.set(version.claim.id, gold)
  }
  // Gold claims whose cluster a hand wording words: no merged wording goes over it.
  const byHand = new Set<string>()
  for (const wording of existing) {
    if (!wording.provenance || handEdited(wording)) {
      for (const id of wording.claimIds) byHand.add(id)
    }
  }
  // The wanted wordings, by the sorted gold claims their members map to.
  const wanted = new Map<string, { goldIds: string[]; sources: SourceWording[] }>()
  for (const annotator of input.annotators) {
    for (const wording of input.wordings?.get(annotator) ?? []) {
      if (wording.canonicalWording === null) continue
      const goldIds = [
        ...new Set(wording.claimIds.flatMap((id) => goldOfClaim.get(id) ?? [])),
      ].sort()
      if (goldIds.length === 0) continue
      const key = `cluster|${goldIds.join('+')}`
      const entry = wanted.get(key)
      if (entry) entry.sources.push({ annotator, wording })
      else wanted.set(key, { goldIds, sources: [{ annotator, wording }] })
    }
  }
  const byKey = new Map<string, ClusterWording>()
  for (const wording of existing)
    if (wording.provenance) byKey.set(wording.provenance.unit, wording)

  for (const [key, { goldIds, sources }] of wanted) {
    const current = byKey.get(key) ?? result.get(goldIds[0]!)
    if (current && (!current.provenance || handEdited(current))) {
      counts.handEdited++
      continue
    }
    if (goldIds.some((id) => byHand.has(id))) {
      counts.handEdited++
      continue
    }
    const everyone = new Set(sources.map((s) => s.annotator)).size === input.annotators.length
    const updated = current ? nextTimestamp(current.updated, Date.parse(now)) : now
    const next: ClusterWording = {
      id: current?.id ?? goldIds[0]!,
      canonicalWording: chosenWords(sources),
      claimIds: goldIds,
      updated,
      provenance: mergedProvenance(
        key,
        sources.map((s) => ({ annotator: s.annotator, object: s.wording })),
        everyone,
        updated,
      ),
    }
    if (current && sameWording(current, next)) {
      counts.unchanged++
      continue
    }
    result.set(next.id, next)
    if (current) counts.updated++
    else counts.added++
  }
  // Merged wordings no longer wanted say "no wording" now (unless edited by hand).
  for (const wording of existing) {
    const provenance = wording.provenance
    if (!provenance || handEdited(wording) || wanted.has(provenance.unit)) continue
    if (wording.canonicalWording === null) continue
    const updated = nextTimestamp(wording.updated, Date.parse(now))
    result.set(wording.id, {
      ...wording,
      canonicalWording: null,
      updated,
      provenance: { ...provenance, merged: updated },
    })
    counts.removed++
  }
  return { wordings: [...result.values()], counts }
}

/**
 * Where a link or wording merged without a decision comes from: the unit and the annotators'
 * objects it was made of, unanimous when everyone had it, automatic otherwise.
 */
function mergedProvenance(
  unit: string,
  sources: readonly { annotator: string; object: { id: string; updated: string } }[],
  everyone: boolean,
  merged: string,
): Provenance {
  return {
    unit,
    sources: sources.map(({ annotator, object }) => ({
      annotator,
      id: object.id,
      updated: object.updated,
    })),
    how: everyone ? 'unanimous' : 'automatic',
    reason: null,
    reviewer: null,
    merged,
  }
}

interface SourceWording {
  annotator: string
  wording: ClusterWording
}

/** The words most annotators chose; on a tie, the most recently set. */
function chosenWords(sources: readonly SourceWording[]): string {
  const votes = new Map<string, { count: number; latest: string }>()
  for (const { wording } of sources) {
    const words = wording.canonicalWording!
    const known = votes.get(words)
    if (!known) votes.set(words, { count: 1, latest: wording.updated })
    else {
      known.count++
      if (wording.updated > known.latest) known.latest = wording.updated
    }
  }
  return [...votes.entries()].sort(
    ([, a], [, b]) => b.count - a.count || (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0),
  )[0]![0]
}

function sameWording(a: ClusterWording, b: ClusterWording): boolean {
  const strip = ({ updated, provenance, ...rest }: ClusterWording) => {
    void updated
    return canonicalJson([rest, provenance ? { ...provenance, merged: null } : null])
  }
  return strip(a) === strip(b)
}

function outsideKey(end: Extract<Link['to'], { kind: 'outside' }>): string {
  if (end.url !== '') {
    return end.url
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\/(www\.)?/, '')
      .replace(/\/+$/, '')
  }
  return end.title.trim().toLowerCase()
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
