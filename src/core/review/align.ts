/**
 * Alignment: the claims several annotators made on one document, matched into units, so that
 * agreement can be measured on what each unit's versions say (label, status, certainty...).
 *
 * Annotators are taken one after another. The first one's claims open one unit each; every next
 * annotator's claims are matched to the units so far by an optimal one-to-one assignment (the
 * Jonker-Volgenant solver of `linear-sum-assignment`), and those left over open units of their
 * own. A claim and a unit score by their best member: an identical span scores above any mere
 * overlap (so identical spans are always matched first), an overlap by its Jaccard index over
 * characters, and the same label adds to either. Claims that do not overlap never match.
 * With three or more annotators a unit gathers up to one claim from each: n-way units.
 */
import { linearSumAssignment } from 'linear-sum-assignment'

/** A claim as placed in the document's current text (UTF-16 offsets), with what is compared. */
export interface AlignedClaim {
  id: string
  annotator: string
  start: number
  end: number
  label: string
}

export interface ReviewUnit<C extends AlignedClaim = AlignedClaim> {
  /** Stable within an alignment: the id of the claim that opened the unit. */
  id: string
  /** One claim per annotator at most, by annotator. */
  versions: ReadonlyMap<string, C>
  /** 'identical': every version has the same span; 'overlapping': not; 'single': one version. */
  kind: 'identical' | 'overlapping' | 'single'
}

/** Scores above this are identical spans; an overlap scores at most 1 plus the label's bonus. */
const IDENTICAL_SPAN = 2
const SAME_LABEL = 0.5

/** How well two claims match: 0 when they do not overlap. */
export function matchScore(a: AlignedClaim, b: AlignedClaim): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  if (overlap <= 0) return 0
  const label = a.label === b.label ? SAME_LABEL : 0
  if (a.start === b.start && a.end === b.end) return IDENTICAL_SPAN + label
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start)
  return overlap / union + label
}

/**
 * The units of one document's claims. `annotators` gives the order annotators are taken in
 * (and which are reviewed); claims of others are left out. Each annotator's claims are taken in
 * text order, so the result does not depend on the order claims are listed in.
 */
export function alignClaims<C extends AlignedClaim>(
  claims: readonly C[],
  annotators: readonly string[],
): ReviewUnit<C>[] {
  const units: { id: string; versions: Map<string, C> }[] = []
  for (const annotator of annotators) {
    const own = claims
      .filter((claim) => claim.annotator === annotator)
      .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1))
    if (own.length === 0) continue
    const open = units.filter((unit) => !unit.versions.has(annotator))
    const matched = assign(open, own)
    own.forEach((claim, index) => {
      const unit = matched[index]
      if (unit) unit.versions.set(annotator, claim)
      else units.push({ id: claim.id, versions: new Map([[annotator, claim]]) })
    })
  }
  return units
    .map((unit) => ({ ...unit, kind: kindOf([...unit.versions.values()]) }))
    .sort((a, b) => firstStart(a) - firstStart(b) || (a.id < b.id ? -1 : 1))
}

/**
 * For each claim, the unit it is matched to, or undefined. Claims and units only compete where
 * they overlap, so the assignment is solved per connected group of overlapping ones (most are
 * one claim and one unit, matched directly).
 */
function assign<U extends { versions: Map<string, AlignedClaim> }>(
  units: readonly U[],
  claims: readonly AlignedClaim[],
): (U | undefined)[] {
  const matched: (U | undefined)[] = claims.map(() => undefined)
  if (units.length === 0) return matched
  // Scores above zero, found by sweeping both in text order (claims sorted, units by extent).
  const extent = units.map((unit) => {
    const versions = [...unit.versions.values()]
    return {
      start: Math.min(...versions.map((v) => v.start)),
      end: Math.max(...versions.map((v) => v.end)),
    }
  })
  const order = units.map((_, i) => i).sort((a, b) => extent[a]!.start - extent[b]!.start)
  const edges: { claim: number; unit: number; score: number }[] = []
  claims.forEach((claim, c) => {
    for (const u of order) {
      if (extent[u]!.start >= claim.end) break
      if (extent[u]!.end <= claim.start) continue
      const score = Math.max(...[...units[u]!.versions.values()].map((v) => matchScore(claim, v)))
      if (score > 0) edges.push({ claim: c, unit: u, score })
    }
  })
  // Connected groups of claims and units joined by edges.
  const parent = Array.from({ length: claims.length + units.length }, (_, i) => i)
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  for (const edge of edges) parent[root(edge.claim)] = root(claims.length + edge.unit)
  const groups = new Map<number, typeof edges>()
  for (const edge of edges) {
    const top = root(edge.claim)
    const list = groups.get(top)
    if (list) list.push(edge)
    else groups.set(top, [edge])
  }
  for (const group of groups.values()) {
    if (group.length === 1) {
      matched[group[0]!.claim] = units[group[0]!.unit]
      continue
    }
    const rows = [...new Set(group.map((edge) => edge.claim))]
    const columns = [...new Set(group.map((edge) => edge.unit))]
    const scores = rows.map(() => columns.map(() => 0))
    for (const edge of group) {
      scores[rows.indexOf(edge.claim)]![columns.indexOf(edge.unit)] = edge.score
    }
    const { rowAssignments } = linearSumAssignment(scores, { maximaze: true })
    rows.forEach((claim, row) => {
      const column = rowAssignments[row]!
      // The solver assigns every row it can, matches worth nothing included: those are no match.
      if (column >= 0 && scores[row]![column]! > 0) matched[claim] = units[columns[column]!]
    })
  }
  return matched
}

function kindOf(versions: readonly AlignedClaim[]): ReviewUnit['kind'] {
  if (versions.length === 1) return 'single'
  const [first] = versions
  return versions.every((v) => v.start === first!.start && v.end === first!.end)
    ? 'identical'
    : 'overlapping'
}

function firstStart(unit: { versions: ReadonlyMap<string, AlignedClaim> }): number {
  return Math.min(...[...unit.versions.values()].map((claim) => claim.start))
}
