/**
 * Nesting depth of overlapping claims, so that each one gets its own underline: claims that
 * overlap never share a depth, and a claim takes the smallest depth free at its start (interval
 * colouring, optimal for intervals). Pure; the decorations read the result.
 */
export interface Interval {
  id: string
  start: number
  end: number
}

/** Depth of each claim by id; `intervals` sorted by start (as listClaims returns them). */
export function claimDepths(intervals: readonly Interval[]): Map<string, number> {
  const depths = new Map<string, number>()
  /** End offset of the claim currently holding each depth (0 when free). */
  const busyUntil: number[] = []
  for (const interval of intervals) {
    let depth = busyUntil.findIndex((end) => end <= interval.start)
    if (depth < 0) depth = busyUntil.length
    busyUntil[depth] = interval.end
    depths.set(interval.id, depth)
  }
  return depths
}

/** The smallest depth not in `taken`: where a new claim goes among those it overlaps. */
export function freeDepth(taken: Iterable<number>): number {
  const used = new Set(taken)
  let depth = 0
  while (used.has(depth)) depth++
  return depth
}
