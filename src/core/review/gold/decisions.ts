/**
 * Review decisions: what a reviewer settled for a unit, kept in `review/<reviewer>.decisions.json`
 * as one JSON object per line (sorted by unit key, so git diffs and merges go line by line):
 *
 *   { "version": 1, "unit": "<key>", "document": "<path>",
 *     "fingerprints": { "<claim id>": "<updated>", ... },   the versions decided on
 *     "action": { "kind": "take", "annotator": "bob" },      see decisionActionSchema
 *     "reason": "annotator-error", "note": "", "guidelines": false,
 *     "reviewer": "rita", "decided": "2026-12-04T22:00:00.000Z" }
 *
 * One line per unit: a new decision replaces the unit's line; withdrawing one writes an action of
 * kind "withdrawn" (a tombstone: merging with an older copy must not bring the decision back).
 * Two copies of the file merge by unit, the later `decided` winning (mergeDecisions).
 *
 * A decision whose fingerprints differ from the unit's versions now is stale: an annotator
 * changed a claim after it was made; it comes back to the queue and is not applied.
 */
import { z } from 'zod'
import { claimFieldsPatchSchema } from '../../model/claim'
import { DECISION_REASONS } from '../../model/provenance'
import { claimIdsOfUnitKey, sameFingerprints, type Fingerprints } from './unit-key'

export const DECISIONS_FORMAT_VERSION = 1
export const MAX_DECISION_NOTE_LENGTH = 20_000

/** Annotator names as they appear in files (checked when the file was read). */
const annotator = z.string().min(1).max(64)
const offset = z
  .int()
  .min(0)
  .max(2 ** 31)

/** The claim fields a "pick" decision takes from one version or another. */
export const PICKABLE_FIELDS = [
  'label',
  'status',
  'certainty',
  'attributedTo',
  'note',
  'tags',
] as const
export type PickableField = (typeof PICKABLE_FIELDS)[number]

export const decisionActionSchema = z.discriminatedUnion('kind', [
  /** One annotator's version as it is. */
  z.strictObject({ kind: z.literal('take'), annotator }),
  /** The span from the earliest start to the latest end; fields from `fields`' version. */
  z.strictObject({ kind: z.literal('union'), fields: annotator }),
  /** The span every version covers; fields from `fields`' version. */
  z.strictObject({ kind: z.literal('intersection'), fields: annotator }),
  /** The span of one version, and each field from the version named (default: the span's). */
  z.strictObject({
    kind: z.literal('pick'),
    span: annotator,
    fields: z.partialRecord(z.enum(PICKABLE_FIELDS), annotator).optional(),
  }),
  /** One version, changed: another range of the current text, other field values. */
  z.strictObject({
    kind: z.literal('edit'),
    from: annotator,
    start: offset.optional(),
    end: offset.optional(),
    patch: claimFieldsPatchSchema,
  }),
  /** An explicit "no claim here". */
  z.strictObject({ kind: z.literal('reject') }),
  /** The decision was taken back: the unit is open again. */
  z.strictObject({ kind: z.literal('withdrawn') }),
])

export type DecisionAction = z.infer<typeof decisionActionSchema>

export const decisionSchema = z.looseObject({
  version: z.literal(DECISIONS_FORMAT_VERSION),
  unit: z.string().min(1).max(100_000),
  document: z.string().min(1).max(4096),
  fingerprints: z.record(z.uuid(), z.iso.datetime({ offset: true })),
  action: decisionActionSchema,
  reason: z.enum(DECISION_REASONS).nullable(),
  note: z.string().max(MAX_DECISION_NOTE_LENGTH),
  /** The reviewer thinks the guidelines need work here. */
  guidelines: z.boolean(),
  reviewer: annotator,
  decided: z.iso.datetime({ offset: true }),
})

export type Decision = z.infer<typeof decisionSchema>

/** The file's decisions by unit key (withdrawals included: they are lines too). */
export type DecisionSet = Map<string, Decision>

export type ReadDecisionsResult =
  | { ok: true; decisions: DecisionSet }
  | { ok: false; code: 'invalid-line' | 'newer-version'; line: number; message: string }

/** Parses a decisions file; `fileName` names it in messages, with the line at fault. */
export function readDecisionsText(text: string, fileName: string): ReadDecisionsResult {
  const decisions: DecisionSet = new Map()
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim()
    if (line === '') continue
    const number = index + 1
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      return invalid(number, `${fileName}, line ${number}: not valid JSON (${detail}).`)
    }
    const version = (json as { version?: unknown } | null)?.version
    if (typeof version === 'number' && version > DECISIONS_FORMAT_VERSION) {
      return {
        ok: false,
        code: 'newer-version',
        line: number,
        message:
          `${fileName}, line ${number}: written by a newer Corroborate (decisions version ` +
          `${version}; this one reads ${DECISIONS_FORMAT_VERSION}). The file is left as it is.`,
      }
    }
    const parsed = decisionSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
      return invalid(number, `${fileName}, line ${number}: ${where}${issue?.message}.`)
    }
    const known = decisions.get(parsed.data.unit)
    if (!known || laterDecision(parsed.data, known)) decisions.set(parsed.data.unit, parsed.data)
  }
  return { ok: true, decisions }
}

function invalid(line: number, message: string): ReadDecisionsResult {
  return { ok: false, code: 'invalid-line', line, message }
}

/** One line per unit, sorted by unit key, final newline. */
export function serializeDecisions(decisions: DecisionSet): string {
  const keys = [...decisions.keys()].sort()
  return keys.map((key) => JSON.stringify(decisions.get(key)) + '\n').join('')
}

/** Whether `a` replaces `b`: later `decided`; on equal times, `a` does not. */
function laterDecision(a: Decision, b: Decision): boolean {
  return Date.parse(a.decided) > Date.parse(b.decided)
}

/** Two copies merged by unit: the later decision wins; on equal times, ours. */
export function mergeDecisions(ours: DecisionSet, theirs: DecisionSet): DecisionSet {
  const merged: DecisionSet = new Map(ours)
  for (const [key, decision] of theirs) {
    const own = merged.get(key)
    if (!own || laterDecision(decision, own)) merged.set(key, decision)
  }
  return merged
}

/**
 * Three copies (git): a line changed on one side only takes that change, one changed on both
 * sides the later decision (ours on equal times). A line left out on one side that the ancestor
 * had and the other side did not change goes (the app never removes lines, but people may).
 */
export function mergeDecisions3(
  base: DecisionSet,
  ours: DecisionSet,
  theirs: DecisionSet,
): DecisionSet {
  const merged: DecisionSet = new Map()
  const same = (a: Decision | undefined, b: Decision | undefined) =>
    JSON.stringify(a) === JSON.stringify(b)
  for (const key of new Set([...ours.keys(), ...theirs.keys()])) {
    const [b, o, t] = [base.get(key), ours.get(key), theirs.get(key)]
    let winner: Decision | undefined
    if (same(o, t) || same(b, t)) winner = o
    else if (same(b, o)) winner = t
    else if (!o || !t) winner = o ?? t
    else winner = laterDecision(t, o) ? t : o
    if (winner) merged.set(key, winner)
  }
  return merged
}

export type DecisionState = 'open' | 'decided' | 'stale'

export interface UnitDecision {
  state: DecisionState
  /** The decision in force (decided), or the one made on other versions (stale); null: open. */
  decision: Decision | null
  /** Why stale: a version changed since, or the unit's claims are aligned differently now. */
  staleBecause: 'changed' | 'realigned' | null
}

/**
 * Decisions looked up per unit: by its key, or failing that by any of its claims (the alignment
 * changed since the decision: it is stale, and shown on each unit now holding its claims).
 */
export class DecisionIndex {
  private readonly byClaim = new Map<string, Decision[]>()
  /** Keys of the units asked about, to tell decisions that match no unit now. */
  private readonly seen = new Set<string>()

  constructor(private readonly decisions: DecisionSet) {
    for (const decision of decisions.values()) {
      if (decision.action.kind === 'withdrawn') continue
      for (const id of claimIdsOfUnitKey(decision.unit)) {
        const list = this.byClaim.get(id)
        if (list) list.push(decision)
        else this.byClaim.set(id, [decision])
      }
    }
  }

  stateOf(key: string, fingerprints: Fingerprints): UnitDecision {
    this.seen.add(key)
    const exact = this.decisions.get(key)
    if (exact && exact.action.kind !== 'withdrawn') {
      return sameFingerprints(exact.fingerprints, fingerprints)
        ? { state: 'decided', decision: exact, staleBecause: null }
        : { state: 'stale', decision: exact, staleBecause: 'changed' }
    }
    let latest: Decision | null = null
    for (const id of Object.keys(fingerprints)) {
      for (const decision of this.byClaim.get(id) ?? []) {
        if (!latest || laterDecision(decision, latest)) latest = decision
      }
    }
    if (latest) {
      this.seen.add(latest.unit)
      return { state: 'stale', decision: latest, staleBecause: 'realigned' }
    }
    return { state: 'open', decision: null, staleBecause: null }
  }

  /** Decisions (not withdrawn) that no unit asked about so far matched, by key or claim. */
  unmatched(): Decision[] {
    return [...this.decisions.values()].filter(
      (decision) => decision.action.kind !== 'withdrawn' && !this.seen.has(decision.unit),
    )
  }
}
